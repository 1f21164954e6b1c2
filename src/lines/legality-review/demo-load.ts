import { type DemoDef, type DemoYears, runDemo } from '../../kernel/demo/runner.ts';
import { type Db, withTx } from '../../platform/db/pool.ts';
import { type BulkItem, DEMO_MARKER, planDemo, SEED } from './demo.ts';
import { BULK_BATCH, insertBulk } from './demo-bulk.ts';
import { ensureDemoRegistry } from './demo-registry.ts';

const BULK_MARKER = `${DEMO_MARKER}.bulk`;

const inYears = (date: string, years?: DemoYears) =>
  !years || (Number(date.slice(0, 4)) >= years.from && Number(date.slice(0, 4)) <= years.to);

/** The walked part for the kernel's runner (resumable, a few items per transaction). */
const walkedDemo: DemoDef = {
  line: 'legalityReview',
  marker: DEMO_MARKER,
  seed: SEED,
  plan: async (tx, _cal, today) => {
    const reg = await ensureDemoRegistry(tx);
    return reg ? planDemo(reg, today).walked : null;
  },
};

/** The bulk items, BULK_BATCH per transaction with the progress committed alongside (resumable). */
async function loadBulk(db: Db, today: string, years?: DemoYears): Promise<number | null> {
  let loaded = 0;
  let planned: { today: string; all: BulkItem[] } | null = null;
  for (;;) {
    const step = await withTx(db, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BULK_MARKER]);
      const { rows: done } = await tx.query('SELECT 1 FROM settings WHERE key = $1', [BULK_MARKER]);
      if (done[0]) return { finished: true, n: 0 };
      const { rows: progress } = await tx.query<{
        value: { done: number; today: string; years?: DemoYears };
      }>('SELECT value FROM settings WHERE key = $1', [`${BULK_MARKER}.progress`]);
      const state = progress[0]?.value ?? { done: 0, today, ...(years ? { years } : {}) };
      if (planned?.today !== state.today) {
        const reg = await ensureDemoRegistry(tx);
        if (!reg) return { finished: true, n: -1 };
        planned = {
          today: state.today,
          all: planDemo(reg, state.today).bulk.filter((c) => inYears(c.on, state.years)),
        };
      }
      const { all } = planned;
      const batch = all.slice(state.done, state.done + BULK_BATCH);
      await insertBulk(tx, batch);
      const next = state.done + batch.length;
      if (next < all.length) {
        await tx.query(
          `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [`${BULK_MARKER}.progress`, JSON.stringify({ ...state, done: next })],
        );
        return { finished: false, n: batch.length };
      }
      await tx.query('DELETE FROM settings WHERE key = $1', [`${BULK_MARKER}.progress`]);
      await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
        BULK_MARKER,
        JSON.stringify({
          seed: SEED,
          loadedOn: state.today,
          items: all.length,
          ...(state.years ? { years: state.years } : {}),
        }),
      ]);
      return { finished: true, n: batch.length };
    });
    if (step.n < 0) return null;
    loaded += step.n;
    if (step.finished) return loaded;
  }
}

/**
 * Loads the legality review demo: the reviewers, the walked items through the engine, then the bulk set-based.
 * `years` cuts it to a fixture (the test suite loads 2024 only).
 */
export async function loadLegalityReviewDemo(
  db: Db,
  today: string,
  opts: { batches?: number; years?: DemoYears } = {},
): Promise<{ walked: number; bulk: number } | null | 'unfinished'> {
  const walked = await runDemo(db, walkedDemo, today, opts);
  if (walked === 'unfinished') return walked;
  const bulk = await loadBulk(db, today, opts.years);
  if (walked === null && !bulk) return null;
  return { walked: walked?.item ?? 0, bulk: bulk ?? 0 };
}
