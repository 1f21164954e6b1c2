/** Kinds of organisation. Pure data, shared with the web client. */
export const orgKinds = [
  'district',
  'government',
  'bureau',
  'section',
  'justiceOffice',
  'department',
  'court',
  'mediationCommittee',
  'lawFirm',
  'station',
  'other',
] as const;
export type OrgKind = (typeof orgKinds)[number];
