/**
 * Who may do what, from the lines' declarations, as rows SQL can join: the steps offered per (line, kind, state,
 * role) and the kinds each role may register. Bound as query parameters, so the database decides which matters wait
 * for a user by the same action table the engine enforces, in one set-based query.
 */
import type { Actor } from '../../platform/access/actor.ts';
import { type Role, rolePermissions } from '../../platform/access/roles.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { registrableKinds } from '../workflow/registrable.ts';
import { allLines } from '../workflow/registry.ts';

export interface OfferRow {
  line: string;
  kind: string;
  state: string;
  role: Role;
  action: string;
}

/**
 * Every (line, kind, from-state, role, action) of the registered lines, from states that are not terminal: a
 * closed matter's follow-up records (送达, 履行情况) are offered on its page but do not keep it waiting for anyone.
 */
export function offerRows(): OfferRow[] {
  return allLines().flatMap((l) =>
    l.kinds.flatMap((k) =>
      Object.entries(k.actions).flatMap(([action, a]) =>
        a.from
          .filter((state) => !k.states[state]?.terminal)
          .flatMap((state) => a.roles.map((role) => ({ line: l.id, kind: k.id, state, role, action }))),
      ),
    ),
  );
}

/** The memberships whose role may write matters: what rolesOver() counts when the engine checks a step. */
export const writingMemberships = (actor: Actor) =>
  actor.memberships
    .filter((m) => rolePermissions[m.role].includes('matter.write'))
    .map((m) => ({ org_id: m.orgId, role: m.role }));

/** The labels of a matter's line, kind and state; codes a line no longer declares are shown as they are. */
export function matterLabels(line: string, kind: string, state: string) {
  const l = allLines().find((x) => x.id === line);
  const k = l?.kinds.find((x) => x.id === kind);
  return {
    lineLabel: l?.label ?? line,
    kindLabel: k?.label ?? kind,
    stateLabel: k?.states[state]?.label ?? state,
    terminal: k?.states[state]?.terminal ?? false,
  };
}

/** How many step labels a waiting matter shows. */
export const SHOWN_ACTIONS = 3;

/**
 * The labels of the steps offered, the most telling first: primary steps, then those that move the matter on, then
 * records that keep its state, each group in declaration order; at most SHOWN_ACTIONS.
 */
export function actionLabels(line: string, kind: string, actions: string[]): string[] {
  const k = allLines()
    .find((x) => x.id === line)
    ?.kinds.find((x) => x.id === kind);
  if (!k) return actions.slice(0, SHOWN_ACTIONS);
  const wanted = new Set(actions);
  const rank = (a: (typeof k.actions)[string]) => (a.primary ? 0 : a.to !== 'same' ? 1 : 2);
  return Object.entries(k.actions)
    .filter(([id]) => wanted.has(id))
    .map(([, a], i) => ({ a, i }))
    .sort((x, y) => rank(x.a) - rank(y.a) || x.i - y.i)
    .slice(0, SHOWN_ACTIONS)
    .map(({ a }) => a.label);
}

/** For each membership allowed to write, the kinds it may register there (see registrableKinds). */
export async function creatableByMembership(db: Queryable, actor: Actor) {
  const lines = allLines();
  const byOrg = new Map<number, ReturnType<typeof kindEntry>[]>();
  for (const r of await registrableKinds(db, actor)) {
    const l = lines.find((x) => x.id === r.line);
    const k = l?.kinds.find((x) => x.id === r.kind);
    if (!l || !k) continue;
    for (const orgId of r.orgIds)
      byOrg.set(orgId, [
        ...(byOrg.get(orgId) ?? []),
        kindEntry(l.id, l.label, k.id, k.label, k.create.label),
      ]);
  }
  return [...byOrg].map(([orgId, kinds]) => ({ orgId, kinds }));
}

const kindEntry = (
  line: string,
  lineLabel: string,
  kind: string,
  kindLabel: string,
  createLabel: string,
) => ({
  line,
  lineLabel,
  kind,
  kindLabel,
  createLabel,
});
