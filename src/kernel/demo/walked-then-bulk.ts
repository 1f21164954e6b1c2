import { type Db, type Tx, withTx } from '../../platform/db/pool.ts';
import type { PlannedMatter } from './runner.ts';
import { type DemoYears, runDemo } from './runner.ts';

/**
 * A high-volume line's demo: a few dozen matters a year walked through the engine (the kernel's runner), then the
 * bulk of the year's records set-based, `batch` per transaction with the progress committed alongside (a crash
 * loses at most the batch in flight; the next start resumes after the last committed one).
 */
export interface WalkedThenBulk<R, B extends { on: string }> {
  line: string;
  /** The settings key marking the walked part loaded; `<marker>.bulk` marks the bulk part. */
  marker: string;
  seed: number;
  /** The organisations and people the plan needs, created if missing; null when the demo organs are missing. */
  registry: (tx: Tx) => Promise<R | null>;
  plan: (reg: R, today: string) => { walked: PlannedMatter[]; bulk: B[] };
  insertBulk: (tx: Tx, batch: B[]) => Promise<unknown>;
  batch: number;
}

const inYears = (date: string, years?: DemoYears) =>
  !years || (Number(date.slice(0, 4)) >= years.from && Number(date.slice(0, 4)) <= years.to);

async function loadBulk<R, B extends { on: string }>(
  db: Db,
  def: WalkedThenBulk<R, B>,
  today: string,
  years?: DemoYears,
): Promise<number | null> {
  const marker = `${def.marker}.bulk`;
  let loaded = 0;
  // Planning draws every year's records: done once per call, not once per batch.
  let planned: { today: string; all: B[] } | null = null;
  for (;;) {
    const step = await withTx(db, bulkStep);
    if (step.n < 0) return null;
    loaded += step.n;
    if (step.finished) return loaded;
  }

  async function bulkStep(tx: Tx): Promise<{ finished: boolean; n: number }> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [marker]);
    const { rows: done } = await tx.query('SELECT 1 FROM settings WHERE key = $1', [marker]);
    if (done[0]) return { finished: true, n: 0 };
    const { rows: progress } = await tx.query<{ value: { done: number; today: string; years?: DemoYears } }>(
      'SELECT value FROM settings WHERE key = $1',
      [`${marker}.progress`],
    );
    const state = progress[0]?.value ?? { done: 0, today, ...(years ? { years } : {}) };
    if (planned?.today !== state.today) {
      const reg = await def.registry(tx);
      if (!reg) return { finished: true, n: -1 };
      planned = {
        today: state.today,
        all: def.plan(reg, state.today).bulk.filter((c) => inYears(c.on, state.years)),
      };
    }
    const { all } = planned;
    const batch = all.slice(state.done, state.done + def.batch);
    await def.insertBulk(tx, batch);
    const next = state.done + batch.length;
    if (next < all.length) {
      await tx.query(
        `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [`${marker}.progress`, JSON.stringify({ ...state, done: next })],
      );
      return { finished: false, n: batch.length };
    }
    await tx.query('DELETE FROM settings WHERE key = $1', [`${marker}.progress`]);
    await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      marker,
      JSON.stringify({
        seed: def.seed,
        loadedOn: state.today,
        records: all.length,
        ...(state.years ? { years: state.years } : {}),
      }),
    ]);
    return { finished: true, n: batch.length };
  }
}

/**
 * Loads the walked part, then the bulk. `years` cuts it to a fixture (the test suite loads 2024 only: the walked
 * plan is cut by the kernel's runner, the bulk by its dates). Returns the walked matters by kind and the bulk count.
 */
export async function loadWalkedThenBulk<R, B extends { on: string }>(
  db: Db,
  def: WalkedThenBulk<R, B>,
  today: string,
  opts: { batches?: number; years?: DemoYears } = {},
): Promise<{ walked: Record<string, number> | null; bulk: number } | null | 'unfinished'> {
  // The plan draws both parts (seeded, the same for the same day): drawn once for both, since drawing it holds the
  // server's event loop for about half a second at the district's volume.
  let drawn: { today: string; plan: ReturnType<typeof def.plan> } | null = null;
  const plan = (reg: R, t: string) => {
    if (drawn?.today !== t) drawn = { today: t, plan: def.plan(reg, t) };
    return drawn.plan;
  };
  const planned = { ...def, plan };
  const walked = await runDemo(
    db,
    {
      line: def.line,
      marker: def.marker,
      seed: def.seed,
      plan: async (tx, _cal, t) => {
        const reg = await def.registry(tx);
        return reg ? plan(reg, t).walked : null;
      },
    },
    today,
    opts,
  );
  if (walked === 'unfinished') return walked;
  const bulk = await loadBulk(db, planned, today, opts.years);
  if (walked === null && !bulk) return null;
  return { walked, bulk: bulk ?? 0 };
}
