/** Code lists of community correction and resettlement, with their Chinese labels. */

export const LINE = 'communityCorrection';

/** 社区矫正对象的类别 (社区矫正法 第二条). */
export const correctionTypes = {
  control: '管制',
  probation: '缓刑',
  parole: '假释',
  medicalParole: '暂予监外执行',
} as const;
export type CorrectionType = keyof typeof correctionTypes;

/** 分类管理 (矫正方案): the level of supervision. */
export const levels = { strict: '严管', ordinary: '普管', lenient: '宽管' } as const;

/** Sanctions, mildest first (社区矫正法 第二十八条、第四十六条、第四十九条). */
export const measures = {
  admonition: '训诫',
  warning: '警告',
  policePenalty: '提请公安机关予以治安管理处罚',
  revocation: '提请撤销缓刑、假释',
  recall: '提请收监执行',
} as const;
export type Measure = keyof typeof measures;
export const measureOrder: Measure[] = ['admonition', 'warning', 'policePenalty', 'revocation', 'recall'];

/**
 * The discretion benchmark (社区矫正裁量基准) as data: each behaviour with the range of measures the benchmark allows.
 * The district's own benchmark was not available to us: these rows are an illustrative draft for the 社区矫正科 to
 * replace (unverified); the mechanism — the officer sees the range and must justify a departure — is what matters.
 */
export const behaviours = {
  lateReport: { label: '未按规定时间报到或者报告（情节轻微）', range: ['admonition', 'warning'] },
  unapprovedLeave: { label: '未经批准擅自离开所居住的市、县', range: ['warning', 'policePenalty'] },
  overstayedLeave: { label: '外出期满未按期返回', range: ['admonition', 'warning'] },
  missedEducation: { label: '无正当理由不参加教育学习、公益活动', range: ['admonition', 'warning'] },
  repeatedWarnings: { label: '受到警告后仍不改正，或者一年内受到三次警告', range: ['revocation'] },
  lostContact: { label: '脱离监管超过一个月', range: ['revocation', 'recall'] },
} as const satisfies Record<string, { label: string; range: readonly Measure[] }>;
export type Behaviour = keyof typeof behaviours;
export const behaviourLabels = Object.fromEntries(
  Object.entries(behaviours).map(([k, v]) => [k, v.label]),
) as Record<Behaviour, string>;

/** Who decides a leave application, by the days asked for (rules sqjz.leave.sifasuo, sqjz.leave.limits). */
export const approvers = {
  office: '司法所（受区社区矫正机构委托）',
  county: '区社区矫正机构',
  higher: '市社区矫正机构（上一级）',
} as const;

export const courtRulings = { revoked: '裁定撤销缓刑、假释', notRevoked: '裁定不予撤销' } as const;

export const assessmentOpinions = { suitable: '适宜社区矫正', unsuitable: '不适宜社区矫正' } as const;

/** Where a resettlement record comes from. */
export const resettlementSources = {
  prison: '刑满释放（监狱、看守所通知）',
  correction: '社区矫正期满解除',
} as const;

export const employments = {
  baseEnterprise: '安置帮教基地企业就业',
  employed: '其他单位就业',
  selfEmployed: '自主创业或灵活就业',
  unemployed: '暂未就业',
  subsistence: '纳入最低生活保障',
} as const;
