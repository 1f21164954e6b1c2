// Shapes of the API payloads, transcribed from /api/openapi.json (the contract).

// Roles, permissions and org kinds come from the server's own definitions: one list, never transcribed twice.
export { type Permission, type Role, roles } from '../../src/platform/access/roles.ts';
export { type OrgKind, orgKinds } from '../../src/platform/orgs/kinds.ts';

import type { Permission, Role } from '../../src/platform/access/roles.ts';
import type { OrgKind } from '../../src/platform/orgs/kinds.ts';

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

/** An entry of the district's organ directory: names only, open to every signed-in user. */
export type OrgDirectoryEntry = Pick<Org, 'id' | 'name' | 'shortName' | 'kind' | 'parentId'>;

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
