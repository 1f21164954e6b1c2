import type { Db } from '../platform/db/pool.ts';
import { loadBusinessServicesDemo } from './business-services/demo.ts';
import { registerBusinessServices } from './business-services/index.ts';
import { loadCorrectionDemo } from './community-correction/demo-load.ts';
import { registerCommunityCorrection } from './community-correction/index.ts';
import { setDemoState } from './demo-status.ts';
import { loadLegalAidDemo } from './legal-aid/demo-load.ts';
import { registerLegalAid } from './legal-aid/index.ts';
import { loadLegalityReviewDemo } from './legality-review/demo-load.ts';
import { registerLegalityReview } from './legality-review/index.ts';
import { loadMediationDemo } from './mediation/demo-load.ts';
import { registerMediation } from './mediation/index.ts';
import { loadReconsiderationDemo } from './reconsideration/demo-load.ts';
import { registerReconsideration } from './reconsideration/index.ts';
import { loadSupervisionDemo } from './supervision/demo-load.ts';
import { registerSupervision } from './supervision/index.ts';

/**
 * The business lines of the product. Each line is one folder holding its workflow declaration, schemas,
 * queries, documents, indicators, demo data and tests; registering it here is all the kernel needs.
 */
export function registerLines() {
  registerReconsideration();
  registerMediation();
  registerSupervision();
  registerLegalityReview();
  registerCommunityCorrection();
  registerBusinessServices();
  registerLegalAid();
}

/** Each line's demo records for the demo district, loaded once, in small resumable batches. */
export async function loadLineDemos(db: Db, today: string, say: (line: string) => void) {
  const started = Date.now();
  setDemoState('loading');
  try {
    const recon = await loadReconsiderationDemo(db, today);
    if (recon && recon !== 'unfinished')
      say(
        `演示数据已载入 (demo loaded): 行政复议 ${recon.applications} 件、行政应诉 ${recon.suits} 件，用时 ${Math.round((Date.now() - started) / 1000)} 秒`,
      );
    const mediationStarted = Date.now();
    const mediation = await loadMediationDemo(db, today);
    if (mediation && mediation !== 'unfinished')
      say(
        `演示数据已载入 (demo loaded): 调解 ${mediation.cases + mediation.onSpot} 件（其中当场调解简易登记 ${mediation.onSpot} 件），用时 ${Math.round((Date.now() - mediationStarted) / 1000)} 秒`,
      );
    const supervisionStarted = Date.now();
    const supervision = await loadSupervisionDemo(db, today);
    if (supervision && supervision !== 'unfinished')
      say(
        `演示数据已载入 (demo loaded): 法治督察 ${supervision.inspections} 家次、督察问题 ${supervision.findings} 个、执法监督文书 ${supervision.instruments} 份，用时 ${Math.round((Date.now() - supervisionStarted) / 1000)} 秒`,
      );
    const legalityStarted = Date.now();
    const legality = await loadLegalityReviewDemo(db, today);
    if (legality && legality !== 'unfinished')
      say(
        `演示数据已载入 (demo loaded): 合法性审查 ${legality.walked + legality.bulk} 件，用时 ${Math.round((Date.now() - legalityStarted) / 1000)} 秒`,
      );
    const correctionStarted = Date.now();
    const correction = await loadCorrectionDemo(db, today);
    if (correction && correction !== 'unfinished')
      say(
        `演示数据已载入 (demo loaded): 社区矫正和安置帮教 ${correction.walked + correction.handedOn + correction.bulk} 件，用时 ${Math.round((Date.now() - correctionStarted) / 1000)} 秒`,
      );
    const businessStarted = Date.now();
    const business = await loadBusinessServicesDemo(db, today);
    if (business && business !== 'unfinished')
      say(
        `演示数据已载入 (demo loaded): 法护营商 ${business}，用时 ${Math.round((Date.now() - businessStarted) / 1000)} 秒`,
      );
    const legalAidStarted = Date.now();
    const legalAid = await loadLegalAidDemo(db, today);
    if (legalAid && legalAid !== 'unfinished')
      say(
        `演示数据已载入 (demo loaded): 法律援助 ${legalAid.cases} 件、来电来访 ${legalAid.visits} 人次，用时 ${Math.round((Date.now() - legalAidStarted) / 1000)} 秒`,
      );
    setDemoState('loaded');
  } catch (err) {
    setDemoState('failed');
    throw err;
  }
}
