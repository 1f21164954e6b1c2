import type { ReportSection } from '../../kernel/reports/sections.ts';

/** The legality review sentences of the annual report, in the seed's wording; every figure is an indicator. */
export const legalityReport: ReportSection = {
  id: 'legalityReview.annual',
  line: 'legalityReview',
  title: '合法性审查',
  order: 20,
  template:
    '推动区级合法性审查中心实质化运作，累计审核各类事项{{legalityReview.districtReviewed}}件，其中协审部门及镇街道事项{{legalityReview.coReviewed}}件。各镇(街道)累计审核各类事项共计{{legalityReview.townReviewed}}件。',
};
