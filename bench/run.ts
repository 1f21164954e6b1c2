/**
 * npm run bench — kernel figures beside their floors, measured in the same run on the same database.
 * (a) intake through the workflow engine (matter + event + deadline + reference number + audit) vs the bare INSERTs
 *     in one transaction, with one client; eight clients vs one (the engine's locks are held only at the end of a
 *     step); (a') intake with two new parties and the share the SM4/SM3 encryption takes of it;
 * (d) the demo district of every line loading in the background, with sign-in latency meanwhile (BENCH_DEMO=0 skips);
 * (e), (f) the mediation line at the district's volume (bench/mediation.ts);
 * (g) a ledger import of BENCH_IMPORT_ROWS rows (default 10,000; 0 skips) beside the bare engine loop;
 * (b) the scoped, filtered matter list, page 1 and page 500, vs the same rows fetched by a bare indexed query;
 * (c) an indicator with year-on-year vs the bare aggregate;
 * (h) the leaders' dashboard on the demo district of (d), whole and query by query beside its bare SQL;
 * (i) the whole annual report (compose + DOCX) vs the raw SQL of its indicators, on the dataset and on the demo district.
 * Uses the embedded PostgreSQL (or DATABASE_URL), a generated dataset of BENCH_MATTERS matters (default 1,000,000)
 * with two events each. Results also go to bench/results/<timestamp>.json. BENCH_ONLY=mediation runs (e), (f) alone;
 * BENCH_ONLY=intake stops after (a), (a').
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { indicatorValue } from '../src/kernel/indicators/compute.ts';
import { setKeyRing } from '../src/kernel/personal-data/keyring.ts';
import { listMatters } from '../src/kernel/workflow/queries.ts';
import { registerLines } from '../src/lines/index.ts';
import type { Actor } from '../src/platform/access/actor.ts';
import { startEmbedded } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createPool, type Db } from '../src/platform/db/pool.ts';
import { seed } from '../src/platform/seed/seed.ts';
import { registerToyLine } from '../test/support/toy-line.ts';
import { type DashboardFigure, dashboardFigure, printDashboardFigure } from './dashboard.ts';
import { demoLoadFigure } from './demo.ts';
import { benchImport } from './import.ts';
import { ceilingIntake, engineIntake, floorIntake, inTurns, type Rate, rate } from './intake.ts';
import { mediationBench } from './mediation.ts';
import { mediationOnly } from './mediation-only.ts';
import { partyIntakeFigure } from './parties.ts';
import { reportBench } from './report.ts';

const N = Number(process.env.BENCH_MATTERS ?? 1_000_000);
const INTAKE = Number(process.env.BENCH_INTAKE ?? 500);
const REPEAT = 30;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function timeEach(n: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return { median: pct(times, 50), p95: pct(times, 95) };
}

function printIntake(intake1: Rate, floor1: Rate, intake8: Rate, floor8: Rate, ceiling: [Rate, Rate]) {
  const r = (x: Rate) => `${x.perSecond.toFixed(0)}/s, median ${ms(x.median)}, p95 ${ms(x.p95)}`;
  console.log(
    `(a) intake, 1 client: ${r(intake1)} | floor ${r(floor1)} | ratio ${(floor1.perSecond / intake1.perSecond).toFixed(2)}×, medians ${(intake1.median / floor1.median).toFixed(2)}× (goal ≤ 2×)`,
  );
  console.log(
    `(a) intake, 8 clients: ${r(intake8)} | ${(intake8.perSecond / intake1.perSecond).toFixed(2)}× one client (goal ≥ 4×); floor 8 clients ${(floor8.perSecond / floor1.perSecond).toFixed(2)}× its one client`,
  );
  const [c1, c8] = ceiling;
  console.log(
    `(a) machine ceiling (the floor's INSERTs, no audit chain, nothing shared): 1 client ${r(c1)} | 8 clients ${r(c8)} | ${(c8.perSecond / c1.perSecond).toFixed(2)}× — how far eight clients scale on this machine with nothing shared`,
  );
}

function printParties(parties: Awaited<ReturnType<typeof partyIntakeFigure>>) {
  console.log(
    `(a') intake with 2 new parties: median ${ms(parties.median)} | encryption ${parties.perIntake.seals} sealings × ${ms(parties.sealMs)} + ${parties.perIntake.indexes} indexes × ${ms(parties.indexMs)} = ${ms(parties.encryptionMs)}, ${(100 * parties.share).toFixed(1)}% of the intake (goal < 10%)`,
  );
}

/** The lock-free INSERTs with one client and with eight, in turns as the rest. */
async function ceilingFigure(db: Db, org: number): Promise<[Rate, Rate]> {
  const ceiling = ceilingIntake(db, org);
  const [one] = await inTurns(1, INTAKE, 5, ceiling, async () => {});
  const [eight] = await inTurns(8, 2 * INTAKE, 5, ceiling, async () => {});
  return [one, eight];
}

async function main() {
  // Personal data is sealed as in production, under a key made for this run.
  setKeyRing({ active: 'bench', keys: { bench: randomBytes(32) } });
  registerToyLine();
  registerLines();
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
    const e = await startEmbedded(dir);
    url = e.url;
    stop = async () => {
      await e.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const admin = createPool(url, 1);
  const dbName = `fazhi_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  const db = createPool(u.toString(), 8);
  try {
    await migrate(db);
    await seed(db, { demo: true, adminPassword: 'Bench-Admin-Pass-1' });
    const org = (await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'sec-reconsideration'`))
      .rows[0]!.id;
    const actor: Actor = { userId: 1, name: 'bench', memberships: [{ orgId: org, role: 'sectionStaff' }] };

    const t = performance.now();
    await db.query(
      `INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, state, opened_on, search_text)
       SELECT 'toy', 'request', 'B' || g, '基准申请' || g, $2, '330211', (ARRAY['received','accepted','decided'])[1 + g % 3],
              DATE '2023-01-01' + (g % 1000), '基准申请' || g
       FROM generate_series(1, $1) g`,
      [N, org],
    );
    await db.query(
      `INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_name)
       SELECT id, s, CASE s WHEN 1 THEN 'create' ELSE 'accept' END, NULL, state, opened_on, 'bench'
       FROM matters, generate_series(1, 2) s WHERE line = 'toy'`,
    );
    await db.query('ANALYZE');
    const generated = (performance.now() - t) / 1000;
    console.log(
      `dataset: ${N.toLocaleString()} matters, ${(2 * N).toLocaleString()} events generated in ${generated.toFixed(1)} s`,
    );

    // (a) intake: one client beside the floor, then eight clients beside one
    const intake = engineIntake(db, actor);
    const floor = floorIntake(db, org);
    // The dataset's writes are flushed first, so that the checkpoint they call for does not fall in the middle.
    await db.query('CHECKPOINT').catch(() => {});
    await rate(1, 50, intake); // warm-up: plans cached, calendar loaded
    await rate(1, 50, floor);
    const [intake1, floor1] = await inTurns(1, INTAKE, 5, intake, floor);
    const [intake8, floor8] = await inTurns(8, 2 * INTAKE, 5, intake, floor);
    const ceiling = await ceilingFigure(db, org);
    // (a') intake with two new parties, and the share of it the encryption takes
    const respondent = (await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'dept-market'`))
      .rows[0]!.id;
    const parties = await partyIntakeFigure(db, actor, respondent, Math.min(INTAKE, 300));
    if (process.env.BENCH_ONLY === 'intake') {
      printIntake(intake1, floor1, intake8, floor8, ceiling);
      printParties(parties);
      return;
    }

    // (b) scoped list, page 1 and page 500 (keyset: the id the 499th page ended on)
    const accepted = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM matters WHERE line = 'toy' AND state = 'accepted'`,
      )
    ).rows[0]!.n;
    const page = Math.max(1, Math.min(500, Math.floor(accepted / 20)));
    const after500 =
      (
        await db.query<{ id: number }>(
          `SELECT id FROM matters WHERE line = 'toy' AND state = 'accepted' ORDER BY id DESC OFFSET ${(page - 1) * 20} LIMIT 1`,
        )
      ).rows[0]!.id + 1;
    const filter = { line: 'toy', state: 'accepted', today: '2025-06-30', limit: 20 };
    const list1 = await timeEach(REPEAT, () => listMatters(db, actor, filter));
    const list500 = await timeEach(REPEAT, () => listMatters(db, actor, { ...filter, after: after500 }));
    const rawList = (after: number | null) =>
      db.query(
        `SELECT id, ref_no, title, state FROM matters WHERE line = 'toy' AND state = 'accepted' AND ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT 20`,
        [after],
      );
    const listFloor1 = await timeEach(REPEAT, () => rawList(null));
    const floor500 = await timeEach(REPEAT, () => rawList(after500));

    // (c) indicator with year-on-year
    const ind = await timeEach(10, () =>
      indicatorValue(db, actor, 'toy.received', { year: 2024, region: '330211' }),
    );
    const indFloor = await timeEach(10, () =>
      db.query(`SELECT count(*) FILTER (WHERE opened_on >= '2024-01-01' AND opened_on < '2025-01-01'),
                       count(*) FILTER (WHERE opened_on >= '2023-01-01' AND opened_on < '2024-01-01') FROM matters WHERE line = 'toy'`),
    );

    // (e), (f): the mediation line at the district's volume (bench/mediation.ts).
    const mediation = await mediationBench(db, timeEach);
    const report = await reportBench(db, timeEach);

    // (g) a ledger import of BENCH_IMPORT_ROWS rows (default 10,000), beside the bare engine loop, on the dataset's database
    const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
    const ledger = importRows > 0 ? await benchImport(db, actor, importRows) : null;

    // (d) the demo district loading in the background, on its own fresh database, with sign-ins meanwhile
    let demo: Awaited<ReturnType<typeof demoLoadFigure>> | null = null;
    // (h) the leaders' dashboard on that demo district, beside its raw SQL (bench/dashboard.ts)
    const dashboard: DashboardFigure[] = [];
    let demoReport: Awaited<ReturnType<typeof reportBench>> | null = null;
    if (process.env.BENCH_DEMO !== '0') {
      await admin.query(`CREATE DATABASE ${dbName}_demo`);
      u.pathname = `/${dbName}_demo`;
      const demoDb = createPool(u.toString(), 8);
      try {
        await migrate(demoDb);
        await seed(demoDb, { demo: true, adminPassword: 'Bench-Admin-Pass-1' });
        demo = await demoLoadFigure(demoDb, '2026-11-25');
        const town = await demoDb.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'jo-330211001'`);
        for (const scope of ['district', `town:${town.rows[0]!.id}`])
          dashboard.push(await dashboardFigure(demoDb, scope));
        demoReport = await reportBench(demoDb, timeEach);
      } finally {
        await demoDb.end();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName}_demo WITH (FORCE)`);
      }
    }

    const results = {
      mediation,
      at: new Date().toISOString(),
      matters: N,
      database: process.env.DATABASE_URL ? 'server' : 'embedded',
      intake: {
        oneClient: intake1,
        floorOneClient: floor1,
        eightClients: intake8,
        floorEightClients: floor8,
        ceilingOneClient: ceiling[0],
        ceilingEightClients: ceiling[1],
      },
      intakeWithParties: parties,
      demoLoad: demo,
      dashboard,
      ledgerImport: ledger && { rows: importRows, ...ledger },
      listPage1: { ...list1, floor: listFloor1 },
      listPage500: { ...list500, floor: floor500 },
      indicatorYoy: { ...ind, floor: indFloor },
      annualReport: report,
      annualReportOnDemo: demoReport,
    };
    printIntake(intake1, floor1, intake8, floor8, ceiling);
    printParties(parties);
    console.log(
      `(b) list page 1: median ${ms(list1.median)}, p95 ${ms(list1.p95)} | floor median ${ms(listFloor1.median)}, p95 ${ms(listFloor1.p95)} | ratio ${(list1.median / listFloor1.median).toFixed(2)}×`,
    );
    console.log(
      `(b) list page ${page}: median ${ms(list500.median)}, p95 ${ms(list500.p95)} | floor median ${ms(floor500.median)}, p95 ${ms(floor500.p95)} | ratio ${(list500.median / floor500.median).toFixed(2)}×`,
    );
    console.log(
      `(c) indicator + yoy: median ${ms(ind.median)}, p95 ${ms(ind.p95)} | floor median ${ms(indFloor.median)} | ratio ${(ind.median / indFloor.median).toFixed(2)}×`,
    );
    for (const [where, x] of [
      [`${N.toLocaleString()} matters`, report],
      ['the demo district', demoReport],
    ] as const)
      if (x)
        console.log(
          `(i) whole annual report on ${where}: ${x.blocks} blocks, ${x.indicators} indicators, compose + DOCX median ${ms(x.median)}, p95 ${ms(x.p95)} (DOCX ${ms(x.docxMs)}) | floor (raw SQL of the indicators) median ${ms(x.floor.median)} | ratio ${(x.median / x.floor.median).toFixed(2)}× (goal ≤ 3 s)`,
        );
    if (ledger)
      console.log(
        `(g) ledger import of ${importRows.toLocaleString()} rows: ${ledger.seconds.toFixed(1)} s (${ledger.rowsPerSecond.toFixed(0)} rows/s, dry run ${ledger.dryRunSeconds.toFixed(1)} s) | floor (bare engine loop) ${ledger.floorSeconds.toFixed(1)} s | goal < 60 s`,
      );
    if (demo)
      console.log(
        `(d) demo district: ${demo.matters} matters in ${demo.seconds.toFixed(1)} s (${demo.perSecond.toFixed(1)}/s) | sign-in during the load: median ${ms(demo.signInDuringLoad.median)}, max ${ms(demo.signInDuringLoad.max)} | idle: median ${ms(demo.signInIdle.median)} (goal < 1 s)`,
      );
    for (const f of dashboard) printDashboardFigure(f);
    fs.mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    fs.writeFileSync(
      new URL(`./results/${results.at.replace(/[:.]/g, '-')}.json`, import.meta.url),
      JSON.stringify(results, null, 2),
    );
  } finally {
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await stop();
  }
}

// BENCH_ONLY=mediation: the mediation figures alone (bench/mediation-only.ts, BENCH_KEEP keeps its dataset).
if (process.env.BENCH_ONLY === 'mediation') await mediationOnly();
else await main();
