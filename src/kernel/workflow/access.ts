import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeParam } from '../../platform/access/actor.ts';
import type { Role } from '../../platform/access/roles.ts';
import { rolePermissions } from '../../platform/access/roles.ts';
import { named, type Queryable } from '../../platform/db/pool.ts';

/**
 * SQL condition: the matter (alias m) is readable by the actor — its owner lies in the actor's matter.read
 * scope, or it is about an organisation in that scope (a department sees the matters about itself), or the actor
 * is named among its readers (matter_readers: the lawyer assigned to a legal-aid case, not the lawyer's firm).
 */
export const matterReadable = (param: number) =>
  `(CASE WHEN m.line IN (SELECT line FROM restricted_lines) THEN ${restrictedReadable('m', param)}
    ELSE (${inScope('m.owner_org_id', param)} OR (m.subject_org_id IS NOT NULL AND ${inScope('m.subject_org_id', param)})
          OR EXISTS (SELECT 1 FROM matter_readers mr WHERE mr.matter_id = m.id AND -mr.user_id = ANY($${param}::bigint[]))
          OR ${lineReader('m.line', param)}) END)`;

/**
 * SQL condition: the actor's scope ($param) holds a reader organisation of the line (migration 0046, line_readers:
 * the 区合法性审查中心 reads every town's review items, although the towns' centres are not under it).
 */
export const lineReader = (lineSql: string, param: number) =>
  `($${param}::bigint[] IS NOT NULL AND EXISTS (
     SELECT 1 FROM line_readers lr JOIN orgs lo ON lo.code = lr.org_code
     WHERE lr.line = ${lineSql} AND lo.id = ANY($${param}::bigint[])))`;

/**
 * SQL condition for a matter (alias a) of a restricted line (migration 0043, e.g. community correction): readable
 * through a membership at the owning office or an office above it below bureau level — never through a district- or
 * bureau-wide scope — or through a membership at one of the line's reader organisations (the 社区矫正科).
 */
export const restrictedReadable = (a: string, param: number) =>
  `($${param}::bigint[] IS NULL
     OR EXISTS (SELECT 1 FROM org_closure rc JOIN orgs ro ON ro.id = rc.ancestor_id
                WHERE rc.descendant_id = ${a}.owner_org_id AND rc.ancestor_id = ANY($${param}::bigint[])
                  AND ro.kind NOT IN ('district', 'bureau'))
     OR EXISTS (SELECT 1 FROM restricted_line_readers rr JOIN orgs ro ON ro.code = rr.org_code
                WHERE rr.line = ${a}.line AND ro.id = ANY($${param}::bigint[])))`;

/**
 * The value bound to matterReadable's placeholder: the actor's matter.read scope roots and, for a signed-in user who
 * may read matters at all, the user's id negated. Org ids are positive, so the negated id never matches an org in
 * inScope or restrictedReadable; only matter_readers reads it. One placeholder keeps every caller unchanged.
 */
export const matterReadParam = (actor: Actor) => {
  const roots = scopeParam(actor, 'matter.read');
  return roots?.length && actor.userId !== null ? [...roots, -actor.userId] : roots;
};

/**
 * SQL: the organisations whose memberships give roles over the org (`org`, a parameter or expression) for a matter of
 * `line`: its ancestors (for a restricted line not the district- or bureau-level ones) and the line's reader offices
 * (restricted_line_readers; line_readers, migration 0046, for an ordinary line).
 */
export const writeAncestors = (org: string, line: string) =>
  `SELECT c.ancestor_id FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id
   WHERE c.descendant_id = ${org}
     AND (o.kind NOT IN ('district', 'bureau') OR ${line}::text NOT IN (SELECT line FROM restricted_lines))
   UNION SELECT o.id FROM restricted_line_readers r JOIN orgs o ON o.code = r.org_code WHERE r.line = ${line}
   UNION SELECT o.id FROM line_readers r JOIN orgs o ON o.code = r.org_code WHERE r.line = ${line}`;

/**
 * SQL condition: one of the organisations `orgs` (a bigint[] parameter) gives roles over `org` for `line`, as
 * rolesOver reads them — for a statement that checks the permission itself instead of asking rolesOver first.
 */
export const mayWriteVia = (org: string, line: string, orgs: string) =>
  `EXISTS (SELECT 1 FROM (${writeAncestors(org, line)}) w WHERE w.ancestor_id = ANY(${orgs}::bigint[]))`;

/** The organisations of the actor's memberships that give one of `roles` with matter.write (see mayWriteVia). */
export const writingOrgs = (actor: Actor, roles: readonly Role[]) => [
  ...new Set(
    actor.memberships
      .filter((m) => roles.includes(m.role) && rolePermissions[m.role].includes('matter.write'))
      .map((m) => m.orgId),
  ),
];

/**
 * The roles the actor holds over an org: memberships at the org or any of its ancestors. For a matter of a
 * restricted line (give `line`), as matterReadable reads it: district- and bureau-level memberships do not count,
 * memberships at the line's reader organisations do; for any line given, memberships at its line_readers do.
 */
export async function rolesOver(
  db: Queryable,
  actor: Actor,
  orgId: number,
  line?: string,
): Promise<Set<Role>> {
  if (actor.userId === null) return new Set(Object.keys(rolePermissions) as Role[]);
  const { rows } = await db.query<{ ancestor_id: number }>(
    line === undefined
      ? 'SELECT ancestor_id FROM org_closure WHERE descendant_id = $1'
      : writeAncestors('$1', '$2'),
    line === undefined ? [orgId] : [orgId, line],
  );
  return writingRoles(actor, new Set(rows.map((r) => Number(r.ancestor_id))), []);
}

/**
 * The roles the actor holds on one matter, for its steps: rolesOver its owning office, and the role the matter
 * names the actor in (matter_readers.role: the lawyer assigned to a legal-aid case acts as `lawyer` on that case,
 * though the lawyer's membership is at the firm). The named role counts only while one of the actor's memberships
 * holds it with matter.write: the naming confers no role the user does not have, and nothing on other matters.
 * One query, as rolesOver's.
 */
export async function rolesOnMatter(
  db: Queryable,
  actor: Actor,
  m: { id: number; ownerOrgId: number; line: string },
): Promise<Set<Role>> {
  if (actor.userId === null) return new Set(Object.keys(rolePermissions) as Role[]);
  const { rows } = await db.query<{ ancestor_id: number | null; role: Role | null }>(
    named(
      `SELECT w.ancestor_id, NULL::text AS role FROM (${writeAncestors('$1', '$2')}) w
     UNION ALL
     SELECT NULL, mr.role FROM matter_readers mr WHERE mr.matter_id = $3 AND mr.user_id = $4 AND mr.role IS NOT NULL`,
      [m.ownerOrgId, m.line, m.id, actor.userId],
    ),
  );
  return writingRoles(
    actor,
    new Set(rows.filter((r) => r.ancestor_id !== null).map((r) => Number(r.ancestor_id))),
    rows.flatMap((r) => (r.role === null ? [] : [r.role])),
  );
}

/** The writing roles of the actor's memberships at `ancestors`, and those of `named` that a membership holds. */
function writingRoles(actor: Actor, ancestors: Set<number>, named: Role[]) {
  return new Set(
    actor.memberships
      .filter(
        (m) =>
          (ancestors.has(m.orgId) || named.includes(m.role)) &&
          rolePermissions[m.role].includes('matter.write'),
      )
      .map((m) => m.role),
  );
}
