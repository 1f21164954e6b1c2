/**
 * (h) The leaders' dashboard beside its raw SQL (npm run bench; or alone: tsx bench/dashboard.ts).
 * On the demo's 2023–2024 records of five lines: the whole answer (loadDashboard, what GET /api/dashboard runs) for
 * the district and one town, and each of its queries — an indicator's value, month series or breakdown through the
 * indicator engine, the deadline count, the township ranking — timed through its code path beside the statements
 * it sends (recorded once, then replayed bare one after another with the same parameters).
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { currentCalendar } from '../src/kernel/calendar/service.ts';
import { loadDashboard } from '../src/kernel/dashboard/dashboard.ts';
import {
  DASHBOARD_COVERAGE,
  DASHBOARD_KEY_INDICATORS,
  DASHBOARD_MONTHLY,
  DASHBOARD_RISK_SIGNALS,
} from '../src/kernel/dashboard/panels.ts';
import { deadlinesByOffice } from '../src/kernel/dashboard/queries.ts';
import { statusDates } from '../src/kernel/deadlines/badge.ts';
import { indicatorBreakdown, indicatorMonthly, indicatorValue } from '../src/kernel/indicators/compute.ts';
import { getIndicator } from '../src/kernel/indicators/registry.ts';
import { allLines } from '../src/kernel/workflow/registry.ts';
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

/** The demo's 2023–2024 records of the five lines the dashboard reads most. */
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
  /** The whole answer (loadDashboard), median. */
  wholeMs: number;
  /** Each query through its code path beside its statements replayed bare; the highest ratio first. */
  queries: { name: string; statements: number; engineMs: number; rawMs: number; ratio: number }[];
}

type Task = [string, (d: Queryable) => Promise<unknown>];

/** Runs every statement on one client, one at a time (inParallel runs tasks in turn off a pool), noting each. */
function recorder(client: pg.PoolClient, seen: { text: string; values: unknown[] }[]): Queryable {
  return {
    query: (text: string, values?: unknown[]) => {
      seen.push({ text, values: values ?? [] });
      return client.query(text, values);
    },
  } as unknown as Queryable;
}

/** Times the dashboard for `scope`, and each of its queries beside its bare SQL. */
export async function dashboardFigure(db: Db, scope: string, repeat = 5): Promise<DashboardFigure> {
  const bureau = await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'bureau'`);
  const actor: Actor = {
    userId: 1,
    name: 'bench',
    memberships: [{ orgId: bureau.rows[0]!.id, role: 'leader' }],
  };
  const q = { scope, year: 2024, today: TODAY };
  const answer = await loadDashboard(db, actor, q); // warm-up: plans and the calendar cached
  const wholeMs = await timed(repeat, () => loadDashboard(db, actor, q));

  const base = { year: 2024, region: answer.scope.region, today: TODAY };
  const known = (ids: readonly string[]) => ids.filter((id) => getIndicator(id));
  const ranking = allLines().find((l) => l.townRanking)?.townRanking;
  const soon = statusDates(await currentCalendar(db), TODAY).soon;
  const tasks: Task[] = [
    ...known(DASHBOARD_KEY_INDICATORS).map((id): Task => [id, (d) => indicatorValue(d, actor, id, base)]),
    ...known(DASHBOARD_MONTHLY).map(
      (id): Task => [`${id} by month`, (d) => indicatorMonthly(d, actor, id, base)],
    ),
    ...DASHBOARD_RISK_SIGNALS.filter((r) => getIndicator(r.indicator)).map(
      (r): Task => [
        `${r.indicator} by ${r.dim}`,
        (d) => indicatorBreakdown(d, actor, r.indicator, r.dim, base),
      ],
    ),
    ...[DASHBOARD_COVERAGE.covered, DASHBOARD_COVERAGE.villages].map(
      (id): Task => [
        `${id} by town`,
        (d) => indicatorBreakdown(d, actor, id, DASHBOARD_COVERAGE.townDim, base),
      ],
    ),
    [
      'deadlines by office',
      (d) => deadlinesByOffice(d, actor, { region: base.region, subjectOrgId: null, today: TODAY, soon }),
    ],
    ...(ranking ? [['township ranking', (d: Queryable) => ranking(d, 2024, TODAY)] as Task] : []),
  ];

  const queries = [];
  const client = await db.connect();
  try {
    for (const [name, task] of tasks) {
      const seen: { text: string; values: unknown[] }[] = [];
      await task(recorder(client, seen));
      const engineMs = await timed(repeat, () => task(db));
      const rawMs = await timed(repeat, async () => {
        for (const st of seen) await db.query(st.text, st.values);
      });
      queries.push({ name, statements: seen.length, engineMs, rawMs, ratio: engineMs / rawMs });
    }
  } finally {
    client.release();
  }
  queries.sort((a, b) => b.ratio - a.ratio);
  return { scope, wholeMs, queries };
}

export function printDashboardFigure(f: DashboardFigure) {
  const worst = f.queries[0]!;
  console.log(
    `(h) dashboard ${f.scope}: ${f.wholeMs.toFixed(0)} ms (goal ≤ 1 s) | ${f.queries.length} queries, highest ratio ${worst.name} ${worst.engineMs.toFixed(1)} ms vs bare SQL ${worst.rawMs.toFixed(1)} ms = ${worst.ratio.toFixed(2)}× (goal ≤ 1.5×)`,
  );
  for (const x of f.queries)
    console.log(
      `    ${x.name.padEnd(44)} ${x.engineMs.toFixed(1).padStart(7)} ms | bare ${x.rawMs.toFixed(1).padStart(7)} ms (${x.statements}) | ${x.ratio.toFixed(2)}×`,
    );
}

// Alone: DATABASE_URL=postgres://… tsx bench/dashboard.ts (migrates, seeds and loads the fixture unless
// DASH_LOADED=1 says the database has it already).
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
  const town = (await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'jo-330211001'`)).rows[0]!
    .id;
  for (const scope of ['district', `town:${town}`]) printDashboardFigure(await dashboardFigure(db, scope));
  await db.end();
}
