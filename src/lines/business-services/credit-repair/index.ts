import type { LineDef } from '../../../kernel/workflow/types.ts';
import { guidanceDetails, recordDetails } from './details.ts';
import { guidanceLetter } from './documents.ts';
import { guidanceKind } from './guidance.ts';
import { recordImport } from './import.ts';
import { creditRepairIndicators } from './indicators.ts';
import { severities } from './labels.ts';
import { recordKind } from './record.ts';
import { creditRepairReport } from './report.ts';
import { creditRepairRoutes } from './routes.ts';

/** Credit repair (信用修复): adverse records of credit subjects, the bureau's guidance, the repair on the official platform. */
export const creditRepairLine: LineDef = {
  id: 'creditRepair',
  label: '信用修复',
  kinds: [
    { ...recordKind, details: recordDetails },
    { ...guidanceKind, details: guidanceDetails },
  ],
  templates: [guidanceLetter],
  indicators: creditRepairIndicators,
  reportSections: [creditRepairReport],
  vocabularies: { severity: severities },
  routes: creditRepairRoutes,
  imports: [recordImport],
};
