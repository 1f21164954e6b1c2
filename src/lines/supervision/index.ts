import { registerLine } from '../../kernel/workflow/registry.ts';
import type { LineDef } from '../../kernel/workflow/types.ts';
import { supervisionTemplates } from './documents.ts';
import { evaluateTowns } from './evaluation.ts';
import { findingKind } from './finding.ts';
import { supervisionIndicators } from './indicators.ts';
import { inspectionKind } from './inspection.ts';
import { instrumentKind } from './instrument.ts';
import { findingCategories } from './labels.ts';
import {
  assessmentReport,
  enforcementReport,
  exchangeReport,
  honourReport,
  landmarkReport,
  supervisionReport,
} from './report.ts';
import { supervisionRoutes } from './routes.ts';

/**
 * Rule-of-law supervision (法治督察与行政执法监督): inspections of units with their findings closed in a loop, the
 * law-enforcement supervision instruments, observation posts and recognitions, the township evaluation and a
 * department's risk page built from every line's indicators.
 */
export const supervisionLine: LineDef = {
  id: 'supervision',
  label: '法治督察与执法监督',
  kinds: [inspectionKind, findingKind, instrumentKind],
  templates: supervisionTemplates,
  indicators: supervisionIndicators,
  reportSections: [
    supervisionReport,
    landmarkReport,
    enforcementReport,
    honourReport,
    assessmentReport,
    exchangeReport,
  ],
  vocabularies: { findingCategory: findingCategories },
  routes: supervisionRoutes,
  townRanking: evaluateTowns,
};

export const registerSupervision = () => registerLine(supervisionLine);
