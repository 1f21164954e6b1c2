import { registerLine } from '../../kernel/workflow/registry.ts';
import type { LineDef } from '../../kernel/workflow/types.ts';
import { assessmentKind } from './assessment.ts';
import { correctionTemplates } from './documents.ts';
import { correctionIndicators } from './indicators.ts';
import { correctionTypes, LINE } from './labels.ts';
import { correctionRoutes } from './lookups.ts';
import { correctionReport } from './report.ts';
import { resettlementKind } from './resettlement.ts';
import { subjectKind } from './subject.ts';

/**
 * Community correction (社区矫正) and resettlement (安置帮教): a restricted line (migration 0043) — readable only by
 * the subject's 司法所 and the 社区矫正科, every read of a record audited with its purpose.
 */
export const correctionLine: LineDef = {
  id: LINE,
  label: '社区矫正和安置帮教',
  kinds: [subjectKind, resettlementKind, assessmentKind],
  templates: correctionTemplates,
  indicators: correctionIndicators,
  reportSections: [correctionReport],
  vocabularies: { correctionType: correctionTypes },
  routes: correctionRoutes,
};

export const registerCommunityCorrection = () => registerLine(correctionLine);
