/**
 * Which kinds a user may register, and in which of their offices: the role a membership holds (the kind's
 * create.roles, with matter.write) and, where the kind names its offices (create.owners), a membership above one of
 * them. The same rule the engine enforces on create, asked before a form is shown rather than after it is filled.
 */
import type { Actor } from '../../platform/access/actor.ts';
import { rolePermissions } from '../../platform/access/roles.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { allLines } from './registry.ts';

export interface Registrable {
  line: string;
  kind: string;
  /** The actor's membership organisations under which the kind may be registered. */
  orgIds: number[];
}

export async function registrableKinds(db: Queryable, actor: Actor): Promise<Registrable[]> {
  const writing = actor.memberships.filter((m) => rolePermissions[m.role].includes('matter.write'));
  if (!writing.length) return [];
  const kinds = allLines().flatMap((l) => l.kinds.map((k) => ({ line: l.id, k })));
  const owners = new Map<string, number[]>();
  for (const { line, k } of kinds)
    if (k.create.owners) owners.set(`${line}/${k.id}`, await k.create.owners(db));
  const allOwners = [...new Set([...owners.values()].flat())];
  const above = new Set<string>();
  if (allOwners.length) {
    const { rows } = await db.query<{ ancestor_id: string; descendant_id: string }>(
      `SELECT ancestor_id, descendant_id FROM org_closure
        WHERE ancestor_id = ANY($1::bigint[]) AND descendant_id = ANY($2::bigint[])`,
      [writing.map((m) => m.orgId), allOwners],
    );
    for (const r of rows) above.add(`${Number(r.ancestor_id)}>${Number(r.descendant_id)}`);
  }
  // A restricted line (migration 0043) is never registered through a district- or bureau-wide membership.
  const { rows: wide } = await db.query<{ restricted: string[]; wide: string[] }>(
    `SELECT ARRAY(SELECT line FROM restricted_lines) AS restricted,
            ARRAY(SELECT id::text FROM orgs WHERE id = ANY($1::bigint[]) AND kind IN ('district', 'bureau')) AS wide`,
    [writing.map((m) => m.orgId)],
  );
  const restricted = new Set(wide[0]?.restricted ?? []);
  const wideOrgs = new Set((wide[0]?.wide ?? []).map(Number));
  return kinds
    .map(({ line, k }) => {
      const own = owners.get(`${line}/${k.id}`);
      const orgIds = writing
        .filter((m) => k.create.roles.includes(m.role))
        .filter((m) => !(restricted.has(line) && wideOrgs.has(m.orgId)))
        .filter((m) => !own || own.some((o) => above.has(`${m.orgId}>${o}`)))
        .map((m) => m.orgId);
      return { line, kind: k.id, orgIds: [...new Set(orgIds)] };
    })
    .filter((r) => r.orgIds.length > 0);
}
