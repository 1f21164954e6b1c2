import type { Queryable } from '../db/pool.ts';
import { AppError } from '../http/errors.ts';
import { type Permission, type Role, rolePermissions } from './roles.ts';

/** Who is acting: the signed-in user with their memberships, or the system itself (jobs, seeding). */
export interface Actor {
  userId: number | null;
  name: string;
  memberships: { orgId: number; role: Role }[];
  ip?: string;
  requestId?: string;
}

export const systemActor: Actor = { userId: null, name: 'system', memberships: [] };

/** The organisations whose subtrees the actor may act on with `permission` (the system may act everywhere). */
export function scopeRoots(actor: Actor, permission: Permission): number[] {
  return [
    ...new Set(
      actor.memberships.filter((m) => rolePermissions[m.role].includes(permission)).map((m) => m.orgId),
    ),
  ];
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.userId === null || scopeRoots(actor, permission).length > 0;
}

/**
 * SQL condition "this org id is inside the actor's scope for `permission`". Every scoped query uses it,
 * so the database filters rows; nothing is filtered after the fact in JavaScript.
 * `param` is the placeholder number the caller binds to `scopeParam(actor, permission)`.
 */
export function inScope(orgIdColumn: string, param: number): string {
  return `($${param}::bigint[] IS NULL OR ${orgIdColumn} IN (SELECT descendant_id FROM org_closure WHERE ancestor_id = ANY($${param}::bigint[])))`;
}

/** The value bound to `inScope`'s placeholder: null for the system actor means "everything". */
export function scopeParam(actor: Actor, permission: Permission): number[] | null {
  return actor.userId === null ? null : scopeRoots(actor, permission);
}

/** Throws FORBIDDEN unless `orgId` lies inside the actor's scope for `permission`. */
export async function assertInScope(db: Queryable, actor: Actor, permission: Permission, orgId: number) {
  if (actor.userId === null) return;
  const roots = scopeRoots(actor, permission);
  const { rowCount } = await db.query(
    'SELECT 1 FROM org_closure WHERE descendant_id = $1 AND ancestor_id = ANY($2::bigint[]) LIMIT 1',
    [orgId, roots],
  );
  if (!rowCount) throw new AppError('FORBIDDEN', '该机构不在您的权限范围内');
}

export function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', '您的角色无权执行该操作');
}

/**
 * District-level: the actor holds `permission` at the district itself or at its Justice Bureau (org kinds
 * `district` or `bureau`). Settings that move every statutory deadline of the district (holiday notices) and the
 * whole audit trail belong to them alone; a township office's administrator manages only its own subtree.
 */
export async function isDistrictLevel(db: Queryable, actor: Actor, permission: Permission): Promise<boolean> {
  if (actor.userId === null) return true;
  const roots = scopeRoots(actor, permission);
  if (!roots.length) return false;
  const { rowCount } = await db.query(
    `SELECT 1 FROM orgs WHERE id = ANY($1::bigint[]) AND kind IN ('district', 'bureau') LIMIT 1`,
    [roots],
  );
  return (rowCount ?? 0) > 0;
}

export async function assertDistrictLevel(db: Queryable, actor: Actor, permission: Permission, what: string) {
  assertCan(actor, permission);
  if (!(await isDistrictLevel(db, actor, permission)))
    throw new AppError('FORBIDDEN', `只有区或区司法局一级的账户可以${what}`);
}
