import { registerLine } from '../../kernel/workflow/registry.ts';
import type { LineDef } from '../../kernel/workflow/types.ts';
import { caseKind } from './case.ts';
import { reconsiderationLinkedDetails } from './details.ts';
import { mediationTemplates } from './documents.ts';
import { onSpotImport } from './import.ts';
import { mediationIndicators } from './indicators.ts';
import { disputeTypes, organisationKinds } from './labels.ts';
import { onSpotKind } from './on-spot.ts';
import { registryRoutes } from './registry-routes.ts';
import { commercialMediationReport, mediationReport } from './report.ts';

/** Mediation (大调解): people's, administrative and commercial mediation, court hand-offs, judicial confirmation. */
export const mediationLine: LineDef = {
  id: 'mediation',
  label: '大调解',
  kinds: [caseKind, onSpotKind],
  templates: mediationTemplates,
  indicators: mediationIndicators,
  reportSections: [commercialMediationReport, mediationReport],
  vocabularies: { disputeType: disputeTypes, organisationKind: organisationKinds },
  linkedDetails: async (db, m) =>
    m.line === 'reconsideration' && m.kind === 'application' ? reconsiderationLinkedDetails(db, m.id) : [],
  routes: registryRoutes,
  imports: [onSpotImport],
  byTown: true,
  // 纠纷类型 in the case list, beside the kernel's 镇街 and state (migration 0033 indexes the column).
  listFilters: [
    {
      id: 'disputeType',
      label: '纠纷类型',
      table: 'mediation_cases',
      column: 'dispute_type',
      vocabulary: 'disputeType',
    },
  ],
};

export const registerMediation = () => registerLine(mediationLine);
