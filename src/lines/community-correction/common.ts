/** What the line's actions share: who acts, and whether the actor speaks for the district's 社区矫正机构. */
import type { Actor } from '../../platform/access/actor.ts';
import { rolePermissions } from '../../platform/access/roles.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { LINE } from './labels.ts';

/** The 司法所's staff and the 社区矫正科 (section staff); administrators of an office. */
export const staff = ['townshipStaff', 'sectionStaff', 'admin'] as const;

/**
 * The actor is a member (with a writing role) of one of the line's reader organisations — the 社区矫正科, which acts
 * for the district's 社区矫正机构 (社区矫正法 第九条) — and not only of a 司法所 acting on its delegation.
 */
export async function actsForCounty(db: Queryable, actor: Actor): Promise<boolean> {
  if (actor.userId === null) return true;
  const orgs = actor.memberships
    .filter((m) => rolePermissions[m.role].includes('matter.write'))
    .map((m) => m.orgId);
  const { rowCount } = await db.query(
    `SELECT 1 FROM restricted_line_readers r JOIN orgs o ON o.code = r.org_code
     WHERE r.line = $1 AND o.id = ANY($2::bigint[]) LIMIT 1`,
    [LINE, orgs],
  );
  return (rowCount ?? 0) > 0;
}

/** Days away on a leave, both ends counted (外出 1日至7日 is seven days). */
export const leaveDays = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/**
 * Where the line's kinds are registered (create.owners): the 司法所 and the line's reader organisations (the
 * 社区矫正科), so the workbench and the lists offer 登记 there and not to other sections holding the same role.
 */
export async function correctionOffices(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM orgs WHERE kind = 'justiceOffice'
     UNION SELECT o.id FROM restricted_line_readers r JOIN orgs o ON o.code = r.org_code WHERE r.line = $1`,
    [LINE],
  );
  return rows.map((r) => Number(r.id));
}
