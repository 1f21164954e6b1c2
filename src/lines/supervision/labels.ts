/** The supervision line's code lists with their Chinese labels. */

/** Categories of a rule-of-law inspection finding (法治建设主要问题). */
export const findingCategories = {
  responsibility: '法治建设第一责任人职责落实',
  decisionMaking: '重大行政决策程序',
  normativeDocs: '行政规范性文件管理',
  legalityReview: '合法性审查',
  enforcement: '行政执法规范化',
  reconsideration: '行政复议应诉与纠错整改',
  openness: '政务公开与法治宣传',
  other: '其他',
} as const;
export type FindingCategory = keyof typeof findingCategories;

/** How a verified rectification ends: closed (销号), or sent back to be done again (退回重新整改). */
export const verificationResults = {
  closed: '通过验收，予以销号',
  sentBack: '未达整改要求，退回重新整改',
} as const;

/** Escalation of an overdue rectification. */
export const escalations = {
  reminded: '督促提醒',
  interviewed: '责任约谈',
  referred: '移送纪检监察机关',
} as const;

/** Law-enforcement supervision instruments the bureau issues. */
export const instruments = {
  notice: '行政执法监督通知书',
  recommendation: '行政执法监督建议书',
} as const;
export type Instrument = keyof typeof instruments;

/** External results recorded with evidence. */
export const recognitionKinds = {
  bestPractice: '“最佳实践”培育项目',
  landmark: '标志性成果培育项目',
  assessmentTier: '法治建设年度考评档次',
  honour: '荣誉',
  exchange: '经验交流',
} as const;
export type RecognitionKind = keyof typeof recognitionKinds;

/** Who acts: the 法治督察科 (section staff) and the administrator. */
export const staff = ['sectionStaff', 'admin'] as const;
