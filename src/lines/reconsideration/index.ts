import { registerLine } from '../../kernel/workflow/registry.ts';
import type { LineDef } from '../../kernel/workflow/types.ts';
import { applicationKind } from './application.ts';
import { reconsiderationTemplates } from './documents.ts';
import { applicationImport } from './import.ts';
import { reconsiderationIndicators } from './indicators.ts';
import { actKinds, decisionTypes, instances } from './labels.ts';
import { moveLegacyParties } from './legacy-parties.ts';
import { reconsiderationReport } from './report.ts';
import { suitKind } from './suit.ts';

/** Administrative reconsideration (行政复议) and the litigation that follows or bypasses it (行政应诉). */
export const reconsiderationLine: LineDef = {
  id: 'reconsideration',
  label: '行政复议与应诉',
  kinds: [applicationKind, suitKind],
  templates: reconsiderationTemplates,
  indicators: reconsiderationIndicators,
  reportSections: [reconsiderationReport],
  vocabularies: { actKind: actKinds, decisionType: decisionTypes, instance: instances },
  imports: [applicationImport],
  upgrade: async (db) => {
    await moveLegacyParties(db);
  },
};

export const registerReconsideration = () => registerLine(reconsiderationLine);
