/**
 * Intake through the engine (matter, event, deadline, reference number, audit), one client and eight, beside
 * its floor: the bare INSERTs of the matter and its event plus the audit append, in one transaction each, as named
 * statements like the engine's.
 */
import { performance } from 'node:perf_hooks';
import { createMatter } from '../src/kernel/workflow/engine.ts';
import type { Actor } from '../src/platform/access/actor.ts';
import { type Db, named, type Tx, withTx } from '../src/platform/db/pool.ts';

export interface Rate {
  perSecond: number;
  median: number;
  p95: number;
}

interface Timed {
  seconds: number;
  times: number[];
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function timed(clients: number, total: number, one: (i: number) => Promise<unknown>): Promise<Timed> {
  const times: number[] = [];
  const t = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      for (let i = w; i < total; i += clients) {
        const s = performance.now();
        await one(i);
        times.push(performance.now() - s);
      }
    }),
  );
  return { seconds: (performance.now() - t) / 1000, times };
}

const toRate = (runs: Timed[]): Rate => {
  const times = runs.flatMap((r) => r.times);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  return { perSecond: times.length / seconds, median: pct(times, 50), p95: pct(times, 95) };
};

/** `total` calls of `one` spread over `clients` concurrent loops. */
export async function rate(
  clients: number,
  total: number,
  one: (i: number) => Promise<unknown>,
): Promise<Rate> {
  return toRate([await timed(clients, total, one)]);
}

/**
 * The engine and its floor measured in turns (`rounds` of each, `total` calls in all), so that a burst of load on
 * the machine (a checkpoint, another process) falls on both rather than on whichever ran at the time.
 */
export async function inTurns(
  clients: number,
  total: number,
  rounds: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
): Promise<[Rate, Rate]> {
  const ra: Timed[] = [];
  const rb: Timed[] = [];
  const each = Math.max(1, Math.round(total / rounds));
  for (let r = 0; r < rounds; r++) {
    ra.push(await timed(clients, each, a));
    rb.push(await timed(clients, each, b));
  }
  return [toRate(ra), toRate(rb)];
}

let serial = 0;

export const engineIntake = (db: Db, actor: Actor) => (i: number) =>
  createMatter(
    db,
    actor,
    'toy',
    'request',
    { subject: `登记${serial++}-${i}`, receivedOn: '2025-06-02' },
    { today: '2025-06-30' },
  );

const EVENT = `INSERT INTO matter_events (matter_id, seq, action, to_state, occurred_on, actor_name)
               VALUES ($1, 1, 'create', 'received', '2025-06-02', 'bench')`;

/** The bare INSERTs of a matter (reference `prefix` + serial) and its first event; the matter's id. */
async function bareMatter(tx: Tx, prefix: string, org: number, i: number): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    named(
      `INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, state, opened_on, search_text)
       VALUES ('toy', 'request', $4::text || $1, $2, $3, '330211', 'received', '2025-06-02', $2) RETURNING id`,
      [`${serial++}-${i}`, `登记${i}`, org, prefix],
    ),
  );
  await tx.query(named(EVENT, [rows[0]!.id]));
  return rows[0]!.id;
}

/**
 * The floor's INSERTs without the audit append: no row every writer locks, so eight clients of it show how far
 * this machine scales concurrent commits at all (its cores, its WAL flushes) — the ceiling of the 8-client goal.
 */
export const ceilingIntake = (db: Db, org: number) => (i: number) =>
  withTx(db, (tx) => bareMatter(tx, 'C', org, i));

export const floorIntake = (db: Db, org: number) => (i: number) =>
  withTx(db, async (tx) => {
    const id = await bareMatter(tx, 'F', org, i);
    await tx.query(
      named(`SELECT audit_append(1, 'bench', NULL, NULL, 'matter.create', 'matter', $1, 'success', NULL)`, [
        String(id),
      ]),
    );
  });
