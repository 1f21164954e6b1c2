// Shapes of the API payloads, transcribed from /api/openapi.json (the contract).

export const roles = [
  'admin',
  'leader',
  'sectionStaff',
  'townshipStaff',
  'submitter',
  'mediator',
  'lawyer',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export type Permission =
  | 'org.read'
  | 'org.manage'
  | 'user.read'
  | 'user.manage'
  | 'audit.read'
  | 'matter.read'
  | 'matter.write'
  | 'report.read'
  | 'calendar.manage';

export const orgKinds = [
  'district',
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

export interface Membership {
  orgId: number;
  orgName: string;
  role: Role;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  memberships: Membership[];
  permissions: Permission[];
  csrfToken: string;
}

export interface Org {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  parentId: number | null;
  regionCode: string;
  regionName: string;
  isDemo: boolean;
  active: boolean;
  version: number;
}

export interface Region {
  code: string;
  name: string;
  level: string;
  kind: string;
  parentCode: string | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  locked: boolean | null;
  isDemo: boolean;
  version: number;
  createdAt: string;
  memberships: Membership[];
}

export interface UserPage {
  total: number;
  items: User[];
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  summary: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

export interface AuditVerify {
  ok: boolean;
  rows: number;
  brokenSeq?: number;
  reason?: string;
}
