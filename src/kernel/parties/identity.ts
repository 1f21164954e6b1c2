/** What an identity document tells, and the kinds the registry knows (GB 11643 resident IDs and travel permits). */

export const idKinds = {
  residentId: '居民身份证',
  passport: '护照',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  foreignPermanentResident: '外国人永久居留身份证',
  none: '无证件',
} as const;
export type IdKind = keyof typeof idKinds;

export const orgKinds = {
  enterprise: '企业',
  socialOrganisation: '社会组织',
  organ: '机关、事业单位',
  other: '其他组织',
} as const;

/** Sex and birth date read from an 18-character resident ID (digits 7–14 the birth date, the 17th odd for men). */
export function fromResidentId(id: string): { sex: 'male' | 'female'; birthDate: string } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** The form a number is compared in: upper case, no spaces (a typed x and X are the same check character). */
export const normaliseIdNumber = (v: string) => v.replace(/\s+/g, '').toUpperCase();
export const normalisePhone = (v: string) => v.replace(/[\s-]/g, '');
