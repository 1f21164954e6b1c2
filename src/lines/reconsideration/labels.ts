/** The line's vocabularies, value → Chinese label, shared by schemas, documents, indicators and the demo. */

export const channels = {
  window: '窗口递交',
  mail: '邮寄',
  online: '网上申请',
  forwarded: '当场处罚机关转送',
} as const;

/** How a decision is served (送达方式, as the Civil Procedure Law names them). */
export const serviceMethods = {
  inPerson: '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  leftAtResidence: '留置送达',
  entrusted: '委托送达',
  publicNotice: '公告送达',
} as const;

/** Kinds of contested act (行政复议法 Art. 11 grouped as the bureau reports them). */
export const actKinds = {
  penalty: '行政处罚',
  coercion: '行政强制',
  licence: '行政许可',
  confirmation: '行政确认',
  expropriation: '征收征用',
  nonPerformance: '不履行法定职责',
  infoDisclosure: '政府信息公开',
  workInjury: '工伤认定',
  complaintHandling: '举报投诉处理',
  ownershipConfirmation: '行政确权',
  agreement: '行政协议',
  compensation: '行政赔偿',
  other: '其他',
} as const;

/** Decision types, Art. 63–69; the first group is what the bureau counts as a direct correction (纠错). */
export const decisionTypes = {
  change: '变更',
  revoke: '撤销',
  revokeRedo: '撤销并责令重新作出',
  confirmIllegal: '确认违法',
  confirmIllegalRedo: '确认违法并责令采取补救措施',
  orderPerform: '责令履行',
  confirmInvalid: '确认无效',
  uphold: '维持',
  dismiss: '驳回复议请求',
} as const;
export type DecisionType = keyof typeof decisionTypes;
export const correctionTypes: readonly DecisionType[] = [
  'change',
  'revoke',
  'revokeRedo',
  'confirmIllegal',
  'confirmIllegalRedo',
  'orderPerform',
  'confirmInvalid',
];

/** The decision article each type rests on, quoted in the decision letter. */
export const decisionArticles: Record<DecisionType, string> = {
  change: '第六十三条',
  revoke: '第六十四条',
  revokeRedo: '第六十四条',
  confirmIllegal: '第六十五条',
  confirmIllegalRedo: '第六十五条',
  orderPerform: '第六十六条',
  confirmInvalid: '第六十七条',
  uphold: '第六十八条',
  dismiss: '第六十九条',
};

export const procedures = { ordinary: '普通程序', simplified: '简易程序' } as const;

/** Art. 53 grounds for the simplified procedure. */
export const simplifiedGrounds = {
  onSpot: '被申请行政复议的行政行为是当场作出',
  warningOrSmallFine: '被申请行政复议的行政行为是警告或者通报批评',
  smallAmount: '案件涉及款额三千元以下',
  infoDisclosure: '属于政府信息公开案件',
  consent: '当事人各方同意适用简易程序',
} as const;

/** Art. 39 causes of suspension; those marked run the 60-day termination clock (Art. 41(5)). */
export const suspensionCauses = {
  applicantDied: '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  incapacity: '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议',
  missing: '作为申请人的公民下落不明',
  successorUndetermined: '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  forceMajeure: '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  mediation: '依照本法规定进行调解、和解，申请人和被申请人同意中止',
  otherCase: '行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认',
  relatedCase: '行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  incidentalReview: '申请人依照本法第五十六条提出对有关规范性文件的附带审查申请',
  other: '需要中止行政复议的其他情形',
} as const;
export const terminationClockCauses = ['applicantDied', 'incapacity', 'successorUndetermined'] as const;

/** Art. 41 grounds for termination. */
export const terminationCauses = {
  withdrawn: '申请人撤回行政复议申请',
  settled: '当事人达成和解，申请人撤回申请',
  noSuccessor: '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利',
  noSuccessorOrg: '作为申请人的法人或者其他组织终止，没有权利义务承受人或者其权利义务承受人放弃行政复议权利',
  criminal:
    '申请人对行政拘留或者限制人身自由的行政强制措施不服申请行政复议后，因同一违法行为涉嫌犯罪，被采取刑事强制措施',
  suspensionLapsed: '中止行政复议满六十日，中止的原因仍未消除',
} as const;

export const suitOutcomes = {
  won: '胜诉（驳回诉讼请求）',
  lost: '败诉',
  withdrawn: '原告撤诉',
  mediated: '调解结案',
  dismissed: '驳回起诉',
} as const;

export const instances = { first: '一审', second: '二审' } as const;
