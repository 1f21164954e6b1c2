/**
 * Loads the line's demo: the walked subjects through the kernel's runner (resumable), the released parolees passed
 * on to resettlement through the engine (刑罚执行一体化, as an officer does it), then the bulk set-based, one
 * transaction per batch with its progress (resumable by its own marker).
 */

import { type DemoDef, type DemoYears, demoActor, runDemo } from '../../kernel/demo/runner.ts';
import { createMatter, transition } from '../../kernel/workflow/engine.ts';
import { type Db, insideTransaction, withTx } from '../../platform/db/pool.ts';
import { DEMO_MARKER, type DemoOffice, planDemo, SEED } from './demo.ts';
import { BULK_BATCH, insertResettled, insertSubjects } from './demo-bulk.ts';
import { LINE } from './labels.ts';

const BULK_MARKER = `${DEMO_MARKER}.bulk`;

async function offices(db: Db | Parameters<DemoDef['plan']>[0]): Promise<DemoOffice[] | null> {
  const { rows } = await db.query<{ id: number; region_code: string }>(
    `SELECT id, region_code FROM orgs WHERE kind = 'justiceOffice' AND is_demo ORDER BY code`,
  );
  return rows.length ? rows.map((r) => ({ id: Number(r.id), regionCode: r.region_code })) : null;
}

const walkedDemo: DemoDef = {
  line: LINE,
  marker: DEMO_MARKER,
  seed: SEED,
  plan: async (tx, _cal, today) => {
    const o = await offices(tx);
    return o ? planDemo(o, today).walked : null;
  },
};

/** Released parolees (walked) not yet in resettlement: registered from their correction record, then contacted. */
async function handOffs(db: Db, today: string) {
  let n = 0;
  for (;;) {
    const done = await withTx(db, async (tx) => {
      const { rows } = await tx.query<{ matter_id: number; office_id: number; ended_on: string }>(
        `SELECT s.matter_id, s.office_id, s.ended_on::text FROM correction_subjects s JOIN matters m ON m.id = s.matter_id
         WHERE m.is_demo AND s.to_resettlement AND s.end_reason = 'expired'
           AND EXISTS (SELECT 1 FROM matter_events e WHERE e.matter_id = m.id AND e.action = 'release')
           AND NOT EXISTS (SELECT 1 FROM resettlement_subjects r WHERE r.correction_matter_id = s.matter_id)
         ORDER BY s.matter_id LIMIT 1`,
      );
      const s = rows[0];
      if (!s) return true;
      const inner = insideTransaction(tx);
      const input = {
        noticeReceivedOn: s.ended_on,
        officeId: Number(s.office_id),
        correctionMatterId: Number(s.matter_id),
      };
      const m = await createMatter(inner, demoActor, LINE, 'resettlement', input, { today });
      await transition(
        inner,
        demoActor,
        m.id,
        'contact',
        {
          version: m.version,
          date: s.ended_on,
          data: { team: '司法所、社区、家属', note: '由社区矫正期满转入' },
        },
        { today },
      );
      await tx.query('UPDATE matters SET is_demo = true WHERE id = $1', [m.id]);
      return false;
    });
    if (done) return n;
    n++;
  }
}

async function loadBulk(db: Db, today: string): Promise<number | null> {
  let loaded = 0;
  let planned: ReturnType<typeof planDemo> | null = null;
  for (;;) {
    const step = await withTx(db, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BULK_MARKER]);
      const { rows: done } = await tx.query('SELECT 1 FROM settings WHERE key = $1', [BULK_MARKER]);
      if (done[0]) return { finished: true, n: 0 };
      const { rows: progress } = await tx.query<{ value: { done: number; today: string } }>(
        'SELECT value FROM settings WHERE key = $1',
        [`${BULK_MARKER}.progress`],
      );
      const state = progress[0]?.value ?? { done: 0, today };
      if (!planned) {
        const o = await offices(tx);
        if (!o) return { finished: true, n: -1 };
        planned = planDemo(o, state.today);
      }
      const all = [...planned.subjects.map((x) => ({ s: x })), ...planned.resettled.map((x) => ({ r: x }))];
      const batch = all.slice(state.done, state.done + BULK_BATCH);
      await insertSubjects(
        tx,
        batch.flatMap((b) => ('s' in b ? [b.s] : [])),
        state.today,
      );
      await insertResettled(
        tx,
        batch.flatMap((b) => ('r' in b ? [b.r] : [])),
        state.today,
      );
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
          subjects: planned.subjects.length,
          resettled: planned.resettled.length,
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
 * Loads the demo. `years` cuts the walked part to a fixture (the bulk is set-based and loaded whole, so every
 * year's figures are the full demo's).
 */
export async function loadCorrectionDemo(
  db: Db,
  today: string,
  opts: { batches?: number; years?: DemoYears } = {},
): Promise<{ walked: number; handedOn: number; bulk: number } | null | 'unfinished'> {
  const walked = await runDemo(db, walkedDemo, today, opts);
  if (walked === 'unfinished') return walked;
  const handedOn = await handOffs(db, today);
  const bulk = await loadBulk(db, today);
  if (walked === null && !bulk) return null;
  return {
    walked: Object.values(walked ?? {}).reduce((a, b) => a + b, 0),
    handedOn,
    bulk: bulk ?? 0,
  };
}
