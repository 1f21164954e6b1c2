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

/**
 * Decision types, Art. 33 and 63–72; those in correctionTypes are what the bureau counts as a direct correction (纠错).
 * 驳回复议请求 (Art. 69) is for a complaint of non-performance only; a lawful act is upheld (维持, Art. 68).
 */
export const decisionTypes = {
  change: '变更',
  revoke: '撤销',
  partRevoke: '部分撤销',
  revokeRedo: '撤销并责令重新作出',
  confirmIllegal: '确认违法',
  confirmIllegalRedo: '确认违法并责令采取补救措施',
  orderPerform: '责令履行',
  confirmInvalid: '确认无效',
  agreement: '行政协议责令承担责任或者补偿',
  uphold: '维持',
  dismiss: '驳回复议请求',
  rejectApplication: '驳回申请',
} as const;
export type DecisionType = keyof typeof decisionTypes;
export const correctionTypes: readonly DecisionType[] = [
  'change',
  'revoke',
  'partRevoke',
  'revokeRedo',
  'confirmIllegal',
  'confirmIllegalRedo',
  'orderPerform',
  'confirmInvalid',
  'agreement',
];

/**
 * The grounds a decision rests on, each with the 款 and 项 it is cited by under the 2023 law (the decision's
 * types: which decision may rest on it). A decision of a type with grounds must name one.
 */
export const decisionGrounds = {
  'a63.1': {
    label: '事实清楚，证据确凿，适用依据正确，程序合法，但是内容不适当',
    cite: '第六十三条第一款第一项',
    types: ['change'],
  },
  'a63.2': {
    label: '事实清楚，证据确凿，程序合法，但是未正确适用依据',
    cite: '第六十三条第一款第二项',
    types: ['change'],
  },
  'a63.3': {
    label: '事实不清、证据不足，经行政复议机关查清事实和证据',
    cite: '第六十三条第一款第三项',
    types: ['change'],
  },
  'a64.1': {
    label: '主要事实不清、证据不足',
    cite: '第六十四条第一款第一项',
    types: ['revoke', 'partRevoke', 'revokeRedo'],
  },
  'a64.2': {
    label: '违反法定程序',
    cite: '第六十四条第一款第二项',
    types: ['revoke', 'partRevoke', 'revokeRedo'],
  },
  'a64.3': {
    label: '适用的依据不合法',
    cite: '第六十四条第一款第三项',
    types: ['revoke', 'partRevoke', 'revokeRedo'],
  },
  'a64.4': {
    label: '超越职权或者滥用职权',
    cite: '第六十四条第一款第四项',
    types: ['revoke', 'partRevoke', 'revokeRedo'],
  },
  'a65.1.1': {
    label: '依法应予撤销，但是撤销会给国家利益、社会公共利益造成重大损害',
    cite: '第六十五条第一款第一项',
    types: ['confirmIllegal', 'confirmIllegalRedo'],
  },
  'a65.1.2': {
    label: '程序轻微违法，但是对申请人权利不产生实际影响',
    cite: '第六十五条第一款第二项',
    types: ['confirmIllegal', 'confirmIllegalRedo'],
  },
  'a65.2.1': {
    label: '行政行为违法，但是不具有可撤销内容',
    cite: '第六十五条第二款第一项',
    types: ['confirmIllegal', 'confirmIllegalRedo'],
  },
  'a65.2.2': {
    label: '被申请人改变原违法行政行为，申请人仍要求撤销或者确认该行政行为违法',
    cite: '第六十五条第二款第二项',
    types: ['confirmIllegal', 'confirmIllegalRedo'],
  },
  'a65.2.3': {
    label: '被申请人不履行或者拖延履行法定职责，责令履行没有意义',
    cite: '第六十五条第二款第三项',
    types: ['confirmIllegal', 'confirmIllegalRedo'],
  },
  'a71.1': {
    label: '被申请人不依法订立、不依法履行、未按照约定履行或者违法变更、解除行政协议',
    cite: '第七十一条第一款',
    types: ['agreement'],
  },
  'a71.2': {
    label: '被申请人变更、解除行政协议合法，但是未依法给予补偿或者补偿不合理',
    cite: '第七十一条第二款',
    types: ['agreement'],
  },
  'a30.1.1': {
    label: '没有明确的申请人或者符合规定的被申请人',
    cite: '第三十条第一款第一项',
    types: ['rejectApplication'],
  },
  'a30.1.2': {
    label: '申请人与被申请行政复议的行政行为没有利害关系',
    cite: '第三十条第一款第二项',
    types: ['rejectApplication'],
  },
  'a30.1.3': {
    label: '没有具体的行政复议请求和理由',
    cite: '第三十条第一款第三项',
    types: ['rejectApplication'],
  },
  'a30.1.4': { label: '超过法定申请期限', cite: '第三十条第一款第四项', types: ['rejectApplication'] },
  'a30.1.5': { label: '不属于行政复议范围', cite: '第三十条第一款第五项', types: ['rejectApplication'] },
  'a30.1.7': {
    label: '已就同一行政行为申请行政复议或者提起行政诉讼并被受理',
    cite: '第三十条第一款第七项',
    types: ['rejectApplication'],
  },
} as const satisfies Record<string, { label: string; cite: string; types: readonly DecisionType[] }>;
export type DecisionGround = keyof typeof decisionGrounds;
export const decisionGroundLabels = Object.fromEntries(
  Object.entries(decisionGrounds).map(([k, v]) => [k, v.label]),
) as Record<DecisionGround, string>;
export const typesWithGrounds = new Set<DecisionType>(
  Object.values(decisionGrounds).flatMap((g) => g.types as readonly DecisionType[]),
);

/** The article each type rests on where it has no grounds to choose (2023 law). */
export const decisionArticles: Record<DecisionType, string> = {
  change: '第六十三条第一款',
  revoke: '第六十四条第一款',
  partRevoke: '第六十四条第一款',
  revokeRedo: '第六十四条第一款',
  confirmIllegal: '第六十五条',
  confirmIllegalRedo: '第六十五条',
  orderPerform: '第六十六条',
  confirmInvalid: '第六十七条',
  agreement: '第七十一条',
  uphold: '第六十八条',
  dismiss: '第六十九条',
  rejectApplication: '第三十三条',
};

/**
 * The same under the 2017 law (applications received before 2024-01-01): 行政复议法（2017年修正）第二十八条 and
 * 实施条例（2007）第四十五条、第四十八条. Types the 2017 law does not know are absent.
 */
export const decisionArticles2017: Partial<Record<DecisionType, string>> = {
  uphold: '《中华人民共和国行政复议法》第二十八条第一款第一项',
  orderPerform: '《中华人民共和国行政复议法》第二十八条第一款第二项',
  change: '《中华人民共和国行政复议法》第二十八条第一款第三项',
  revoke: '《中华人民共和国行政复议法》第二十八条第一款第三项',
  partRevoke: '《中华人民共和国行政复议法》第二十八条第一款第三项',
  revokeRedo: '《中华人民共和国行政复议法》第二十八条第一款第三项',
  confirmIllegal: '《中华人民共和国行政复议法》第二十八条第一款第三项',
  dismiss: '《中华人民共和国行政复议法实施条例》第四十八条第一款第一项',
  rejectApplication: '《中华人民共和国行政复议法实施条例》第四十八条第一款第二项',
};

/** How the decision was approved before it is made in the 复议机关's name (Art. 61(1); 2017 law Art. 28). */
export const approvals = {
  head: '经行政复议机关负责人同意',
  collective: '经集体讨论通过',
} as const;

/** Why an application is refused at review (Art. 30(1), items 1–7); outsideJurisdiction names the proper organ (Art. 30(2)). */
export const refusalGrounds = {
  noParty: '没有明确的申请人或者符合本法规定的被申请人',
  noInterest: '申请人与被申请行政复议的行政行为没有利害关系',
  noRequest: '没有具体的行政复议请求和理由',
  late: '超过法定申请期限',
  outOfScope: '不属于行政复议范围',
  outsideJurisdiction: '不属于本机关管辖',
  duplicate: '已就同一行政行为申请行政复议或者提起行政诉讼并被受理',
} as const;
export type RefusalGround = keyof typeof refusalGrounds;
/** 第三十条第一款第N项 (2023) and 实施条例（2007）第二十八条第N项, by ground. */
export const refusalItems: Record<RefusalGround, { y2023: string; y2017: string }> = {
  noParty: { y2023: '一', y2017: '一' },
  noInterest: { y2023: '二', y2017: '二' },
  noRequest: { y2023: '三', y2017: '三' },
  late: { y2023: '四', y2017: '四' },
  outOfScope: { y2023: '五', y2017: '五' },
  outsideJurisdiction: { y2023: '六', y2017: '六' },
  duplicate: { y2023: '七', y2017: '七' },
};

/** How the parties were heard in the ordinary procedure (Art. 49). */
export const hearingMethods = {
  inPerson: '当面听取',
  online: '通过互联网听取',
  phone: '通过电话听取',
  written: '因当事人原因不能听取意见，书面审理',
} as const;

/** Art. 52(2): cases the 机构 must put to the 行政复议委员会 (items 1–3), or chooses to (item 4). */
export const committeeGrounds = {
  complex: '案情重大、疑难、复杂',
  technical: '专业性、技术性较强',
  provincial: '本法第二十四条第二款规定的行政复议案件',
  discretionary: '行政复议机构认为有必要',
} as const;

export const procedures = { ordinary: '普通程序', simplified: '简易程序' } as const;

/** Art. 53 grounds for the simplified procedure: 第一款第一至四项, and 第二款 (all parties agree). */
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
