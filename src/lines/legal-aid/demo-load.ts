import { type DemoDef, type DemoYears, runDemo } from '../../kernel/demo/runner.ts';
import { type Db, withTx } from '../../platform/db/pool.ts';
import { DEMO_MARKER, planDemo, SEED, visitPlan } from './demo.ts';
import { insertBulkCases, insertVisits } from './demo-bulk.ts';
import { ensureDemoRegistry } from './demo-registry.ts';

const inYears = (date: string, years?: DemoYears) =>
  !years || (Number(date.slice(0, 4)) >= years.from && Number(date.slice(0, 4)) <= years.to);

const walkedDemo: DemoDef = {
  line: 'legalAid',
  marker: DEMO_MARKER,
  seed: SEED,
  plan: async (tx, _cal, today) => {
    const reg = await ensureDemoRegistry(tx);
    return reg ? planDemo(reg, today).walked.map(({ kind, input, steps }) => ({ kind, input, steps })) : null;
  },
};

/**
 * The set-based part, one transaction per year (cases and visits), each marked done with its own key: a crash loses
 * at most the year in flight, and the next start resumes with the next year.
 */
async function loadBulk(db: Db, today: string, years?: DemoYears) {
  let cases = 0;
  let visits = 0;
  for (const v of visitPlan(today)) {
    if (!inYears(v.from, years)) continue;
    const done = await withTx(db, async (tx) => {
      const key = `${DEMO_MARKER}.bulk.${v.year}`;
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
      if ((await tx.query('SELECT 1 FROM settings WHERE key = $1', [key])).rowCount) return null;
      const reg = await ensureDemoRegistry(tx);
      if (!reg) return null;
      const { rows } = await tx.query<{ region_code: string }>('SELECT region_code FROM orgs WHERE id = $1', [
        reg.centre,
      ]);
      const bulk = planDemo(reg, today).bulk.filter((c) => c.decidedOn.startsWith(String(v.year)));
      await insertBulkCases(tx, reg.centre, rows[0]!.region_code, bulk);
      await insertVisits(tx, reg, v);
      await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
        key,
        JSON.stringify({ seed: SEED, loadedOn: today, cases: bulk.length, visits: v.n }),
      ]);
      return { cases: bulk.length, visits: v.n };
    });
    cases += done?.cases ?? 0;
    visits += done?.visits ?? 0;
  }
  return { cases, visits };
}

/** Loads the legal-aid demo: registry, walked cases through the engine, then each year's bulk cases and visits. */
export async function loadLegalAidDemo(
  db: Db,
  today: string,
  opts: { batches?: number; years?: DemoYears } = {},
): Promise<{ cases: number; visits: number } | null | 'unfinished'> {
  const walked = await runDemo(db, walkedDemo, today, opts);
  if (walked === 'unfinished') return walked;
  const bulk = await loadBulk(db, today, opts.years);
  if (walked === null && !bulk.cases && !bulk.visits) return null;
  return { cases: (walked?.application ?? 0) + (walked?.notice ?? 0) + bulk.cases, visits: bulk.visits };
}
