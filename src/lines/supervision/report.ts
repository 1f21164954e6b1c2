import type { ReportSection } from '../../kernel/reports/sections.ts';

/**
 * The rule-of-law sentences of the annual report's first paragraph (一、(一)), in the seed's wording; every figure
 * is an indicator. The 考评 tier and the named projects are registry records shown on the line's page.
 */
export const supervisionReport: ReportSection = {
  id: 'supervision.annual',
  line: 'supervision',
  title: '法治督察与行政执法监督',
  order: 10,
  template:
    '完善法治督察与纪检监察监督协作配合机制，对{{inspection.unitsInspected}}家单位开展法治督察，共发现法治建设主要问题{{inspection.findings}}个。{{bestPractice.projects}}个项目纳入宁波市县乡法治政府“最佳实践”培育库。健全行政执法协调监督工作体系，{{enforcementSupervision.observationPosts}}个点位入选宁波市首批行政执法监督观察站(点)。对重点执法领域和重点执法部门开展执法质效评议和专项监督。制发《行政执法监督通知书》{{enforcementSupervision.notices}}份，《行政执法监督建议书》{{enforcementSupervision.recommendations}}份。',
};
