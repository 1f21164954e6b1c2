/** The credit-repair vocabularies, value → Chinese label, shared by schemas, documents, indicators and the demo. */

/** Where an adverse record was published. */
export const recordSources = {
  creditChina: '信用中国网站',
  enterprisePublicity: '国家企业信用信息公示系统',
  department: '行业主管部门网站',
  court: '人民法院失信被执行人名单',
} as const;

export const recordCategories = {
  penalty: '行政处罚信息',
  dishonesty: '严重失信主体名单等失信信息',
} as const;

/** The severity tiers of the repair rules (轻微/一般/严重): they decide the minimum publication period. */
export const severities = { minor: '轻微', general: '一般', serious: '严重' } as const;
export type Severity = keyof typeof severities;

export const consultationChannels = {
  window: '窗口咨询',
  phone: '电话咨询',
  online: '线上咨询',
  visit: '上门走访（主动服务）',
} as const;

/** The official, free channels the guidance points the subject to (never a paid intermediary). */
export const officialChannels = {
  creditChina: '“信用中国”网站信用修复（免费）',
  enterprisePublicity: '国家企业信用信息公示系统（免费）',
  department: '作出决定的行政机关（免费）',
} as const;

export const repairResults = { repaired: '修复成功', rejected: '未通过' } as const;

export const guidanceOutcomes = {
  repairing: '已指导申请修复',
  noRecord: '经核查无失信记录',
  notEligible: '尚不符合修复条件，待期满后再行指导',
  declined: '信用主体暂不申请',
} as const;
