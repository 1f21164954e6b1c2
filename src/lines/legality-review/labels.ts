/** The legality review line's vocabularies, value → Chinese label, shared by schemas, documents, indicators and demo. */

/** What is reviewed (the kinds of item a centre takes). */
export const itemKinds = {
  normativeDoc: '行政规范性文件',
  majorDecision: '重大行政决策',
  contract: '行政协议（合同）',
  other: '其他重要事项（会议议题、政策措施等）',
} as const;
export type ItemKind = keyof typeof itemKinds;

/** Who sent the item: the district government's own, a department's or a town's sent up, a town office's. */
export const submitterKinds = {
  government: '区政府及其办公室',
  department: '区级部门',
  town: '镇（街道）提请协审',
  townOffice: '镇（街道）内设机构、村（社区）',
} as const;
export type SubmitterKind = keyof typeof submitterKinds;

export const centreLevels = { district: '区合法性审查中心', town: '镇（街道）合法性审查中心' } as const;

/** The opinion's conclusion. */
export const conclusions = {
  lawful: '合法',
  lawfulIfAmended: '修改后合法',
  unlawful: '不合法，建议不予出台',
} as const;
export type Conclusion = keyof typeof conclusions;

/** The submitter's use of the opinion (采纳情况), per issue and for the item. */
export const adoptions = { adopted: '采纳', partly: '部分采纳', rejected: '未采纳' } as const;

export const reviewerKinds = {
  reviewer: '法审员',
  governmentLawyer: '公职律师',
  legalAdviser: '法律顾问',
} as const;
export const reviewerStatuses = { active: '在岗', suspended: '暂停履职', left: '已退出' } as const;

/** The procedural steps of a major decision (重大行政决策程序暂行条例), in the order the law takes them. */
export const decisionSteps = {
  publicParticipation: '公众参与',
  expertArgument: '专家论证',
  riskAssessment: '风险评估',
  legalityReview: '合法性审查',
  collectiveDiscussion: '集体讨论决定',
} as const;
export type DecisionStep = keyof typeof decisionSteps;
