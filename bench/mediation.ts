/**
 * The mediation part of `npm run bench`: BENCH_MEDIATION_PER_YEAR quick registrations a year (default 12,000, the
 * district's volume) over ten years, inserted set-based on the demo district's committees, then
 * (e) the mediation list filtered by town, dispute type and state, vs the bare indexed query, and
 * (f) mediation.received by town with year-on-year vs the bare aggregate.
 */
import { performance } from 'node:perf_hooks';
import { seeded } from '../src/kernel/demo/people.ts';
import { indicatorBreakdown } from '../src/kernel/indicators/compute.ts';
import { listMatters } from '../src/kernel/workflow/queries.ts';
import { quickRegistrations } from '../src/lines/mediation/demo.ts';
import { insertBulk } from '../src/lines/mediation/demo-bulk.ts';
import { ensureDemoRegistry } from '../src/lines/mediation/demo-registry.ts';
import { registerMediation } from '../src/lines/mediation/index.ts';
import type { Actor } from '../src/platform/access/actor.ts';
import { type Db, withTx } from '../src/platform/db/pool.ts';

export const PER_YEAR = Number(process.env.BENCH_MEDIATION_PER_YEAR ?? 12_000);

type Timer = (n: number, fn: () => Promise<unknown>) => Promise<{ median: number; p95: number }>;

/** Times each of `fns` `n` times, taking them in turns; the first round (plans being made) is not counted. */
async function timeInTurns(n: number, fns: [() => Promise<unknown>, () => Promise<unknown>]) {
  for (const fn of fns) await fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < n; i++)
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      times[k]!.push(performance.now() - t);
    }
  const at = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  const stat = (xs: number[]) => ({ median: at(xs, 50), p95: at(xs, 95) });
  return [stat(times[0]!), stat(times[1]!)] as const;
}

export async function mediationBench(db: Db, timeEach: Timer, opts = { generate: true }) {
  registerMediation();
  let t = performance.now();
  if (opts.generate) {
    const reg = await withTx(db, (tx) => ensureDemoRegistry(tx));
    if (!reg) throw new Error('the demo district is needed (seed with demo: true)');
    for (let year = 2016; year <= 2025; year++) {
      const cases = quickRegistrations(seeded(year), reg, year, PER_YEAR, PER_YEAR * 2_000_000);
      for (let i = 0; i < cases.length; i += 2500)
        await withTx(db, (tx) => insertBulk(tx, cases.slice(i, i + 2500)));
    }
  }
  await db.query('ANALYZE');
  const generated = (performance.now() - t) / 1000;
  const bureau = (await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'bureau'`)).rows[0]!.id;
  // The bureau's list filtered by town (骆驼街道), dispute type (劳动争议, the line's own list filter) and state, as
  // the list page asks it, beside the bare query a developer would write for the same rows.
  const leader: Actor = { userId: 1, name: 'bench', memberships: [{ orgId: bureau, role: 'leader' }] };
  const filter = {
    line: 'mediation',
    state: 'closed',
    region: '330211003',
    fields: { disputeType: 'labour' },
    today: '2025-12-31',
    limit: 20,
  };
  // Taken in turns (list, floor, list, …) so that a burst of load on the machine falls on both alike.
  const [list, listFloor] = await timeInTurns(60, [
    () => listMatters(db, leader, filter),
    () =>
      db.query(
        `SELECT m.id, m.ref_no, m.title, m.state FROM matters m JOIN mediation_cases c ON c.matter_id = m.id
         WHERE m.line = 'mediation' AND m.state = 'closed' AND left(m.region_code, 9) = '330211003'
           AND c.dispute_type = 'labour'
         ORDER BY m.id DESC LIMIT 20`,
      ),
  ]);
  const q = { year: 2024, region: '330211', today: '2025-12-31' };
  t = performance.now();
  const byTown = await timeEach(10, () => indicatorBreakdown(db, leader, 'mediation.received', 'town', q));
  const byTownFloor = await timeEach(10, () =>
    db.query(
      `SELECT left(m.region_code, 9) AS town,
              count(*) FILTER (WHERE c.received_on >= '2024-01-01' AND c.received_on < '2025-01-01'),
              count(*) FILTER (WHERE c.received_on >= '2023-01-01' AND c.received_on < '2024-01-01')
       FROM matters m JOIN mediation_cases c ON c.matter_id = m.id
       WHERE m.line = 'mediation' AND (c.quick OR EXISTS (SELECT 1 FROM matter_events a
         WHERE a.matter_id = m.id AND a.action = 'accept' AND a.voided_by IS NULL))
       GROUP BY 1`,
    ),
  );
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(
    `mediation dataset: ${(PER_YEAR * 10).toLocaleString()} cases over 10 years in ${generated.toFixed(1)} s`,
  );
  console.log(
    `(e) mediation list (town 骆驼街道, 劳动争议, closed): median ${ms(list.median)}, p95 ${ms(list.p95)} | floor median ${ms(listFloor.median)} | ratio ${(list.median / listFloor.median).toFixed(2)}×`,
  );
  console.log(
    `(f) mediation.received by town + yoy: median ${ms(byTown.median)}, p95 ${ms(byTown.p95)} | floor median ${ms(byTownFloor.median)} | ratio ${(byTown.median / byTownFloor.median).toFixed(2)}×`,
  );
  return {
    cases: PER_YEAR * 10,
    generatedSeconds: generated,
    list: { ...list, floor: listFloor },
    byTown: { ...byTown, floor: byTownFloor },
  };
}
