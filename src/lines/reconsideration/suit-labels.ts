/** The litigation side's vocabularies (行政应诉), value → Chinese label. */

/**
 * The instance (审级) or kind of proceeding a case number names: 行初 first instance, 行终 appeal, 行申 review of an
 * application for retrial, 行再 retrial, 行审 review of an application for non-litigation enforcement; 行赔初/行赔终 are
 * the compensation cases of the first and second instance.
 */
export const suitInstances = {
  first: '一审',
  second: '二审',
  retrialReview: '申请再审审查',
  retrial: '再审',
  enforcementReview: '非诉执行审查',
} as const;
export type SuitInstance = keyof typeof suitInstances;

/** The case-number code of each instance (案号中的类型代字). */
export const instanceCodes: Record<string, SuitInstance> = {
  初: 'first',
  终: 'second',
  申: 'retrialReview',
  再: 'retrial',
  审: 'enforcementReview',
};

/** 行政诉讼法第二十六条第二款: the 复议机关's place in the suit. */
export const reconsiderationOrganRoles = {
  coDefendant: '共同被告（复议机关决定维持原行政行为）',
  defendant: '被告（复议机关改变原行政行为）',
} as const;

/**
 * Decisions after which the 复议机关 and the original organ are co-defendants: 维持, and 驳回复议请求, which the
 * courts treat as 维持 (行诉解释第二十二条第二款 [M]). Every other decision changes the original act's outcome.
 */
export const upholdingDecisions: readonly string[] = ['uphold', 'dismiss'];

/** Who appeared for the defendant organ (最高人民法院关于行政机关负责人出庭应诉若干问题的规定（2020）第二条、第十条). */
export const appearances = {
  principal: '正职负责人出庭',
  deputy: '副职负责人出庭',
  inCharge: '参与分管的负责人出庭',
  staff: '负责人未出庭，委托相应的工作人员出庭',
  none: '无人出庭',
} as const;
export const headAppearances: readonly string[] = ['principal', 'deputy', 'inCharge'];

/** 规定第八条第一款: the reasons for which a head may be absent. */
export const absenceReasons = {
  forceMajeure: '不可抗力',
  accident: '意外事件',
  officialDuty: '需要履行他人不能代替的公务',
  otherJustified: '无法出庭的其他正当事由',
} as const;

/** What the court issued: 判决, 裁定 (appeal periods of 15 and 10 days, 第八十五条), 调解书 (第六十条). */
export const courtDocuments = { judgment: '判决', ruling: '裁定', mediation: '调解书' } as const;

/** The judgment (第六十九条至第七十八条) or ruling that ends an instance. */
export const judgmentTypes = {
  dismissClaim: '判决驳回原告诉讼请求（第六十九条）',
  revoke: '判决撤销或者部分撤销（第七十条）',
  revokeRedo: '判决撤销并责令重新作出行政行为（第七十条）',
  perform: '判决在一定期限内履行法定职责（第七十二条）',
  pay: '判决履行给付义务（第七十三条）',
  confirmIllegal: '判决确认违法（第七十四条）',
  confirmInvalid: '判决确认无效（第七十五条）',
  change: '判决变更（第七十七条）',
  agreement: '判决承担行政协议责任（第七十八条）',
  appealDismissed: '驳回上诉，维持原判（第八十九条第一款第一项）',
  appealReversed: '撤销原判，依法改判（第八十九条第一款第二项、第三项）',
  dismissSuit: '裁定驳回起诉',
  withdrawalAllowed: '裁定准许撤诉（第六十二条）',
  mediated: '调解结案（第六十条）',
} as const;

export const suggestionKinds = {
  judicial: '司法建议',
  procuratorial: '检察建议',
} as const;
