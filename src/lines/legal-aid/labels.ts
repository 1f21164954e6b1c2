/** The legal-aid line's vocabularies, value → Chinese label, shared by schemas, documents, indicators and the demo. */

/** How a case reaches the legal-aid centre (法律援助法 第三十五、三十六、三十九条). */
export const sources = {
  application: '当事人申请',
  detained: '被羁押人员申请（办案机关、监管场所转交）',
  notice: '公检法机关通知辩护/代理',
} as const;
export type Source = keyof typeof sources;

/** Kinds of legal-aid matter (法律援助法 第二十二条、第二十五条、第三十一条). */
export const caseTypes = {
  criminalDefence: '刑事辩护',
  criminalVictim: '刑事被害人、自诉人代理',
  civil: '民事代理',
  labour: '劳动争议仲裁代理',
  administrative: '行政诉讼代理',
  stateCompensation: '国家赔偿代理',
  other: '其他法律援助事项',
} as const;
export type CaseType = keyof typeof caseTypes;

/** The basis of eligibility (经济困难 or its exemptions). */
export const eligibilities = {
  certificate: '经济困难证明',
  pledge: '个人诚信承诺（经济困难状况承诺）',
  exempt: '不受经济困难条件限制（第三十二条）',
  noCheck: '免予核查经济困难状况（第四十二条）',
} as const;
export type Eligibility = keyof typeof eligibilities;

/** 法律援助法 第三十二条 (no means test) and 第四十二条 (no verification of means). */
export const exemptions = {
  martyr: '英雄烈士近亲属为维护英雄烈士的人格权益',
  braveDeed: '因见义勇为行为主张相关民事权益',
  wrongfulConviction: '再审改判无罪请求国家赔偿',
  domesticViolence: '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益',
  vulnerable: '无固定生活来源的未成年人、老年人、残疾人等特定群体',
  socialAssistance: '社会救助、司法救助或者优抚对象',
  migrantWorker: '申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员',
} as const;
export const exemptionArticle: Record<keyof typeof exemptions, 'exempt' | 'noCheck'> = {
  martyr: 'exempt',
  braveDeed: 'exempt',
  wrongfulConviction: 'exempt',
  domesticViolence: 'exempt',
  vulnerable: 'noCheck',
  socialAssistance: 'noCheck',
  migrantWorker: 'noCheck',
};

/** Grounds of a refusal (法律援助法 第四十三条: 说明理由). */
export const refusalGrounds = {
  notPoor: '申请人经济状况不符合法律援助经济困难标准',
  outOfScope: '申请事项不属于法律援助范围',
  noMerit: '申请事项无事实或者法律依据',
} as const;

/** Who is assigned (法律援助法 第十二、十三条). */
export const workerKinds = {
  lawyer: '律师',
  grassroots: '基层法律服务工作者',
  staff: '法律援助机构工作人员',
} as const;

/** 法律援助法 第四十八条: the grounds on which the agency must terminate. */
export const terminationGrounds = {
  noLongerPoor: '受援人不再符合法律援助经济困难条件',
  proceedingsEnded: '案件终止审理或者已经被撤销',
  ownLawyer: '受援人自行委托律师或者其他代理人',
  requested: '受援人有正当理由要求终止法律援助',
  fraud: '受援人以欺骗或者其他不正当手段获得法律援助',
  concealment: '受援人故意隐瞒与案件有关的重要事实或者提供虚假证据',
  abuse: '受援人利用法律援助从事违法活动',
  other: '法律法规规定的其他情形',
} as const;

/** Progress records of the aid worker. */
export const progressKinds = {
  meeting: '会见',
  fileReview: '阅卷',
  investigation: '调查取证',
  hearing: '开庭',
  mediation: '调解',
  other: '其他',
} as const;

/** How the rights were notified (法律援助权利告知制度). */
export const noticeMethods = {
  written: '书面告知',
  oral: '口头告知',
  phone: '电话告知',
  online: '网上告知',
} as const;

/** Visits and hotline (来电来访). */
export const visitChannels = {
  window: '窗口',
  hotline: '12348热线',
  online: '网上',
  outreach: '上门',
} as const;
export const visitTopics = {
  marriage: '婚姻家庭',
  labour: '劳动',
  loan: '借贷',
  traffic: '交通事故',
  housing: '房产',
  enterprise: '涉企',
  other: '其他',
} as const;
export const visitServices = {
  answer: '解答',
  drafting: '代写文书',
  aidApplication: '引导申请法律援助',
  mediation: '转调解',
  referral: '转其他部门',
} as const;

/** The kinds of entry of the station network. */
export const stationKinds = {
  station: '公共法律服务站点',
  workstation: '法律援助工作站',
  liaison: '法律援助联络点',
  practice: '新时代法治实践站点',
} as const;
export const stationLevels = {
  '1': '一级站点（区级）',
  '2': '二级站点（镇街道）',
  '3': '三级站点（村社区）',
} as const;

/** How each town's 15-minute circle is reached by default (configurable per town in settings). */
export const circleModes = { walk: '步行1.2公里', bike: '骑行2公里', car: '驾车3公里' } as const;
export const circleMeters: Record<keyof typeof circleModes, number> = { walk: 1200, bike: 2000, car: 3000 };
