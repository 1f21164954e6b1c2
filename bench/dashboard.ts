/**
 * The leaders' dashboard beside its raw SQL (npm run bench, figure (h); or alone: tsx bench/dashboard.ts).
 * On the demo's 2023–2024 records of five lines: the whole answer (GET /api/dashboard's loadDashboard) for the
 * district and one town, and every query the dashboard runs — recorded through a pool that notes each statement,
 * then replayed as the bare statement with the same parameters — so each query's time through the engine
 * (indicator engine, scope, JSON shaping) stands beside its SQL's own.
 */
import { performance } from 'node:perf_hooks';
import { loadDashboard } from '../src/kernel/dashboard/dashboard.ts';
import { loadLegalAidDemo } from '../src/lines/legal-aid/demo-load.ts';
import { loadLegalityReviewDemo } from '../src/lines/legality-review/demo-load.ts';
import { loadMediationDemo } from '../src/lines/mediation/demo-load.ts';
import { loadReconsiderationDemo } from '../src/lines/reconsideration/demo-load.ts';
import { loadSupervisionDemo } from '../src/lines/supervision/demo-load.ts';
import type { Actor } from '../src/platform/access/actor.ts';
import type { Db, Queryable } from '../src/platform/db/pool.ts';

const TODAY = '2026-11-25';
const YEARS = { from: 2023, to: 2024 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(n: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function loadDashboardFixture(db: Db) {
  await loadReconsiderationDemo(db, TODAY, { years: YEARS });
  await loadMediationDemo(db, TODAY, { years: YEARS });
  await loadLegalAidDemo(db, TODAY, { years: YEARS });
  await loadLegalityReviewDemo(db, TODAY, { years: YEARS });
  await loadSupervisionDemo(db, TODAY, { years: YEARS });
  await db.query('ANALYZE');
}

export interface DashboardFigure {
  scope: string;
  wholeMs: number;
  queries: number;
  /** Each statement: its time alone through the dashboard's code path share, and bare. */
  worst: { sql: string; engineMs: number; rawMs: number; ratio: number }[];
  sumEngineMs: number;
  sumRawMs: number;
}

/** A statement's name in the report: the indicator it computes (its fact query's first table), or its start. */
function label(text: string, values: unknown[]) {
  const flat = text.replace(/\s+/g, ' ');
  const from = /FROM (\w+)/.exec(flat.slice(flat.indexOf(' f AS (') + 1))?.[1];
  return `${flat.slice(0, 50)}… [${from ?? ''}; ${String(values[1] ?? '')}]`;
}

/** Times the dashboard for `scope` and each of its statements beside the same statement run bare. */
export async function dashboardFigure(db: Db, scope: string, repeat = 5): Promise<DashboardFigure> {
  const leader = await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'bureau'`);
  const actor: Actor = { userId: 1, name: 'bench', memberships: [{ orgId: leader.rows[0]!.id, role: 'leader' }] };
  const q = { scope, year: 2024, today: TODAY };
  await loadDashboard(db, actor, q); // warm-up: plans and the calendar cached
  const wholeMs = await timed(repeat, () => loadDashboard(db, actor, q));

  // One pass on a recording connection: every statement with its parameters, one at a time (no overlap), each
  // timed as the dashboard's code ran it; then each statement replayed bare.
  const client = await db.connect();
  const seen: { text: string; values: unknown[]; ms: number }[] = [];
  const recorder = {
    query: async (text: string, values?: unknown[]) => {
      const t = performance.now();
      const r = await client.query(text, values);
      seen.push({ text, values: values ?? [], ms: performance.now() - t });
      return r;
    },
  } as unknown as Queryable;
  try {
    await loadDashboard(recorder, actor, q);
    const worst = [];
    for (const s of seen) {
      const rawMs = await timed(repeat, () => client.query(s.text, s.values));
      worst.push({ sql: label(s.text, s.values), engineMs: s.ms, rawMs, ratio: s.ms / rawMs });
    }
    worst.sort((a, b) => b.engineMs - a.engineMs);
    return {
      scope,
      wholeMs,
      queries: seen.length,
      worst: worst.slice(0, 8),
      sumEngineMs: seen.reduce((s, x) => s + x.ms, 0),
      sumRawMs: worst.reduce((s, x) => s + x.rawMs, 0),
    };
  } finally {
    client.release();
  }
}

// Alone: DATABASE_URL=postgres://… tsx bench/dashboard.ts (a database already migrated and seeded with the demo
// organisations; the fixture is loaded unless DASH_LOADED=1).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { createPool } = await import('../src/platform/db/pool.ts');
  const { registerLines } = await import('../src/lines/index.ts');
  const { setKeyRing } = await import('../src/kernel/personal-data/keyring.ts');
  const { randomBytes } = await import('node:crypto');
  setKeyRing({ active: 'bench', keys: { bench: randomBytes(32) } });
  registerLines();
  const db = createPool(process.env.DATABASE_URL!, 8);
  if (process.env.DASH_LOADED !== '1') {
    const { migrate } = await import('../src/platform/db/migrate.ts');
    const { seed } = await import('../src/platform/seed/seed.ts');
    await migrate(db);
    await seed(db, { demo: true, adminPassword: 'Bench-Admin-Pass-1' });
    const t = performance.now();
    await loadDashboardFixture(db);
    console.log(`fixture loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const town = (await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'jo-330211001'`)).rows[0]!.id;
  for (const scope of ['district', `town:${town}`]) console.log(JSON.stringify(await dashboardFigure(db, scope), null, 1));
  await db.end();
}
