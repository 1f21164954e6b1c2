/** Vocabularies of the lawyers line. */
export const firmForms = {
  partnership: '合伙律师事务所',
  sole: '个人律师事务所',
  state: '国资律师事务所',
} as const;
/** Kinds of practice certificate (律师执业证类别), SF/T 0022-2021's lawyer roles where they fit. */
export const lawyerTypes = {
  fullTime: '专职律师',
  partTime: '兼职律师',
  government: '公职律师',
  corporate: '公司律师',
  legalAid: '法律援助律师',
} as const;
export type LawyerType = keyof typeof lawyerTypes;

/** Results of the firm's annual inspection (合格/不合格) and of a lawyer's annual assessment (称职/基本称职/不称职). */
export const assessmentResults = {
  pass: '合格',
  fail: '不合格',
  competent: '称职',
  basicallyCompetent: '基本称职',
  incompetent: '不称职',
} as const;
