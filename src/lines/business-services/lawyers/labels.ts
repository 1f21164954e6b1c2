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
