import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeParam } from '../../platform/access/actor.ts';
import type { Role } from '../../platform/access/roles.ts';
import { rolePermissions } from '../../platform/access/roles.ts';
import type { Queryable } from '../../platform/db/pool.ts';

/**
 * SQL condition: the matter (alias m) is readable by the actor — its owner lies in the actor's matter.read
 * scope, or it is about an organisation in that scope (a department sees the matters about itself).
 */
export const matterReadable = (param: number) =>
  `(${inScope('m.owner_org_id', param)} OR (m.subject_org_id IS NOT NULL AND ${inScope('m.subject_org_id', param)}))`;

export const matterReadParam = (actor: Actor) => scopeParam(actor, 'matter.read');

/** The roles the actor holds over an org: memberships at the org or any of its ancestors. */
export async function rolesOver(db: Queryable, actor: Actor, orgId: number): Promise<Set<Role>> {
  if (actor.userId === null) return new Set(Object.keys(rolePermissions) as Role[]);
  const { rows } = await db.query<{ ancestor_id: number }>(
    'SELECT ancestor_id FROM org_closure WHERE descendant_id = $1',
    [orgId],
  );
  const ancestors = new Set(rows.map((r) => Number(r.ancestor_id)));
  return new Set(
    actor.memberships
      .filter((m) => ancestors.has(m.orgId) && rolePermissions[m.role].includes('matter.write'))
      .map((m) => m.role),
  );
}
