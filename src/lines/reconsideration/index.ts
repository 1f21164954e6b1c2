import { registerLine } from '../../kernel/workflow/registry.ts';
import type { LineDef } from '../../kernel/workflow/types.ts';
import { applicationKind } from './application.ts';
import { reconsiderationTemplates } from './documents.ts';
import { applicationImport } from './import.ts';
import { reconsiderationIndicators } from './indicators.ts';
import { actKinds, decisionTypes } from './labels.ts';
import { moveLegacyParties } from './legacy-parties.ts';
import { reconsiderationReport } from './report.ts';
import { staffRoutes } from './staff-routes.ts';
import { suitKind } from './suit.ts';
import { suitTemplates } from './suit-documents.ts';
import { suitInstances } from './suit-labels.ts';

/** Administrative reconsideration (行政复议) and the litigation that follows or bypasses it (行政应诉). */
export const reconsiderationLine: LineDef = {
  id: 'reconsideration',
  label: '行政复议与应诉',
  kinds: [applicationKind, suitKind],
  templates: [...reconsiderationTemplates, ...suitTemplates],
  indicators: reconsiderationIndicators,
  reportSections: [reconsiderationReport],
  vocabularies: { actKind: actKinds, decisionType: decisionTypes, instance: suitInstances },
  imports: [applicationImport],
  // The register of 行政复议人员 (行政复议法第六条) and who handles which case.
  routes: staffRoutes,
  upgrade: async (db) => {
    await moveLegacyParties(db);
  },
};

export const registerReconsideration = () => registerLine(reconsiderationLine);
