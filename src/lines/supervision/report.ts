import type { ReportSection } from '../../kernel/reports/sections.ts';

/**
 * The rule-of-law sentences of the annual report's first paragraph (一、(一)), in the seed's wording, which
 * interleaves them with the legality review's: 督察 and the 最佳实践 projects, then 执法监督, then the 考评 tier.
 * Every figure is an indicator; the project named, the tier and the exchange come from the recorded results.
 */
export const supervisionReport: ReportSection = {
  id: 'supervision.annual',
  line: 'supervision',
  title: '法治督察与“最佳实践”',
  order: 10,
  template:
    '完善法治督察与纪检监察监督协作配合机制，对{{inspection.unitsInspected}}家单位开展法治督察，共发现法治建设主要问题{{inspection.findings}}个。“{{bestPractice.projects|first:title}}”等{{bestPractice.projects}}个项目纳入宁波市县乡法治政府“最佳实践”培育库。',
};

export const enforcementReport: ReportSection = {
  id: 'supervision.enforcement',
  line: 'supervision',
  title: '行政执法监督',
  order: 11,
  template:
    '健全行政执法协调监督工作体系，{{enforcementSupervision.observationPosts}}个点位入选宁波市首批行政执法监督观察站(点)。对重点执法领域和重点执法部门开展执法质效评议和专项监督。今年以来，制发《行政执法监督通知书》{{enforcementSupervision.notices}}份，《行政执法监督建议书》{{enforcementSupervision.recommendations}}份。',
};

/** The 标志性成果 selected in the year (“…”入选省厅…培育项目), from the recorded results. */
export const landmarkReport: ReportSection = {
  id: 'supervision.landmark',
  line: 'supervision',
  title: '标志性成果',
  order: 14,
  template: '{{ruleOfLaw.landmarks|clauses:clause}}。',
};

/** Honours won in the district in the year (九龙湖镇人民政府获评…), from the recorded results. */
export const honourReport: ReportSection = {
  id: 'supervision.honour',
  line: 'supervision',
  title: '获评荣誉',
  order: 15,
  template: '{{ruleOfLaw.honours|clauses:clause}}。',
};

/** The tier of the last 法治建设年度考评 published in the year (2023年…考评排名列全市第一档). */
export const assessmentReport: ReportSection = {
  id: 'supervision.assessment',
  line: 'supervision',
  title: '法治建设年度考评',
  order: 12,
  template: '{{ruleOfLaw.assessmentTiers|clauses:clause}}。',
};

/** A provincial exchange of the bureau's experience (11月28日…作经验交流), which the seed reports in (三). */
export const exchangeReport: ReportSection = {
  id: 'supervision.exchange',
  line: 'supervision',
  title: '全省经验交流',
  order: 13,
  part: 'safety',
  template: '{{mediation.provincialExchange|clauses:clause}}。',
};
