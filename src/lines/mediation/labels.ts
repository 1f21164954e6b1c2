/** The mediation line's vocabularies, value → Chinese label, shared by schemas, documents, indicators and the demo. */

/** Where a case comes from (人民调解法 第十七条: a party's application or the committee's own initiative; referrals). */
export const sources = {
  application: '当事人申请',
  initiative: '主动调解',
  courtDelegated: '法院诉前委派调解',
  courtEntrusted: '法院立案后委托调解',
  police: '公安派出所移交',
  department: '行政机关委托',
  reconsideration: '调解+行政复议',
} as const;
export type Source = keyof typeof sources;
export const courtSources: readonly Source[] = ['courtDelegated', 'courtEntrusted'];

/** How a party's application arrived. */
export const channels = { window: '窗口申请', phone: '电话申请', online: '网上申请' } as const;

/** Dispute types, as the district's monthly 台账 groups them. */
export const disputeTypes = {
  marriage: '婚姻家庭纠纷',
  neighbour: '邻里纠纷',
  damages: '损害赔偿纠纷',
  labour: '劳动争议纠纷',
  property: '物业纠纷',
  consumer: '消费纠纷',
  contract: '合同纠纷',
  traffic: '交通事故纠纷',
  medical: '医疗纠纷',
  land: '土地承包、征地拆迁纠纷',
  other: '其他纠纷',
} as const;
export type DisputeType = keyof typeof disputeTypes;

/** Kinds of mediation organisation in the registry. */
export const organisationKinds = {
  village: '村（社区）人民调解委员会',
  town: '镇（街道）人民调解委员会',
  enterprise: '企事业单位人民调解委员会',
  industry: '行业性专业性人民调解委员会',
  administrative: '行政调解组织',
  commercial: '商事调解中心',
  centre: '矛盾纠纷调处化解中心',
} as const;
export type OrganisationKind = keyof typeof organisationKinds;

/** The court's procedure in an entrusted case: it chooses the court's mediation period (15 or 7 days). */
export const courtProcedures = { ordinary: '普通程序', simple: '简易程序' } as const;

/** Why an application is not taken up. */
export const refusalGrounds = {
  partyRefuses: '一方当事人明确拒绝调解',
  notCivil: '不属于人民调解受理范围的纠纷',
  inLitigation: '人民法院、公安机关或者其他行政机关已经受理或者解决',
  other: '其他不宜调解的情形',
} as const;

export const agreementForms = { written: '书面调解协议', oral: '口头调解协议' } as const;

export const performances = {
  pending: '尚未履行',
  immediate: '当场履行',
  instalments: '分期履行',
  performed: '已履行完毕',
  defaulted: '未按约履行',
} as const;

/** Where the parties are pointed when mediation ends without agreement (宁波市人民调解条例 第二十七条). */
export const referrals = {
  court: '向人民法院提起诉讼',
  arbitration: '申请仲裁',
  department: '请求有关行政机关处理',
  none: '当事人暂不寻求其他途径',
} as const;

export const failureReasons = {
  noAgreement: '经调解未能达成调解协议',
  partyWithdrew: '当事人不愿继续调解',
  termExpired: '调解期限届满未达成协议',
  partyAbsent: '当事人无正当理由不到场',
} as const;

export const confirmationResults = { valid: '裁定调解协议有效', rejected: '裁定驳回申请' } as const;

export const employments = { fullTime: '专职', partTime: '兼职' } as const;
export const mediatorStatuses = { active: '在册', suspended: '暂停', left: '已退出' } as const;

export const partyRoles = { applicant: '申请人', respondent: '被申请人' } as const;

/** A mediator's recorded relation to a party (调解员利害关系登记): any of them makes the mediator withdraw (回避). */
export const mediatorRelations = {
  kin: '近亲属',
  colleague: '同事（同一单位）',
  agent: '曾任代理人',
  interest: '其他利害关系',
} as const;
export type MediatorRelation = keyof typeof mediatorRelations;

/** How the conflict check names the relation: "与本案当事人李某有近亲属关系". */
export const relationPhrases: Record<MediatorRelation, string> = {
  kin: '近亲属关系',
  colleague: '同事（同一单位）关系',
  agent: '代理关系（曾任其代理人）',
  interest: '其他利害关系',
};

/** The conflict check's finding for a recorded relation, without the mediator's name (the picker shows it). */
export const relationConflict = (partyName: string, relation: MediatorRelation) =>
  `与本案当事人${partyName}有${relationPhrases[relation]}，应当回避`;
