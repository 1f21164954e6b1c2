import { registerLine } from '../../kernel/workflow/registry.ts';
import type { LineDef } from '../../kernel/workflow/types.ts';
import { decisionKind } from './decision.ts';
import { legalityTemplates } from './documents.ts';
import { legalityIndicators } from './indicators.ts';
import { itemKind } from './item.ts';
import { itemKinds, submitterKinds } from './labels.ts';
import { registryRoutes } from './registry-routes.ts';
import { legalityReport } from './report.ts';

/** Legality review (合法性审查): the district centre and the towns' centres, their reviewers and assessment. */
export const legalityReviewLine: LineDef = {
  id: 'legalityReview',
  label: '合法性审查',
  kinds: [itemKind, decisionKind],
  templates: legalityTemplates,
  indicators: legalityIndicators,
  reportSections: [legalityReport],
  vocabularies: { itemKind: itemKinds, submitterKind: submitterKinds },
  routes: registryRoutes,
};

export const registerLegalityReview = () => registerLine(legalityReviewLine);
