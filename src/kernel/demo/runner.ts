/**
 * The demo district's records of a line, walked through the real workflow engine in small resumable batches. A
 * line gives a deterministic plan (matters with their steps); the runner does the rest: one loader at a time,
 * DEMO_BATCH matters per transaction with the progress committed alongside (a crash loses at most the batch in flight,
 * the next start resumes after it), a fixture cut to chosen years for the test suite, and the audit row.
 */

import { type Actor, systemActor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, insideTransaction, type Tx, withTx } from '../../platform/db/pool.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import { currentCalendar } from '../calendar/service.ts';
import { createMatter, transition } from '../workflow/engine.ts';
import { getKind } from '../workflow/registry.ts';

export const demoActor: Actor = { ...systemActor, name: '演示数据' };

/**
 * Matters per transaction. Every transition appends to the audit chain, whose head row stays locked until
 * commit: a sign-in during the load waits for the batch in flight, so batches are kept to a few matters (about
 * 0.1–0.2 s of work: measured by `npm run bench`, (d)); one long transaction made sign-ins wait for the whole load.
 */
export const DEMO_BATCH = 2;

export type DemoStep = { action: string; date: string; data: Record<string, unknown> };
export interface PlannedMatter {
  kind: string;
  input: unknown;
  steps: DemoStep[];
}

/**
 * The years whose figures a fixture must reproduce (the suite loads one year). The plan is always made for the
 * whole demo and then cut, so those years' figures are the full demo's.
 */
export interface DemoYears {
  from: number;
  to: number;
}

export interface DemoDef {
  line: string;
  /** The settings key that marks the demo loaded; `<marker>.progress` holds a load in progress. */
  marker: string;
  seed: number;
  /** The whole plan for business day `today`, or null when what it needs (the demo organs) is missing. */
  plan: (tx: Tx, cal: WorkingCalendar, today: string) => Promise<PlannedMatter[] | null>;
}

interface Progress {
  seed: number;
  /** The business date the plan was made for: a resumed load re-plans for the same day. */
  today: string;
  years?: DemoYears;
  done: number;
}

/**
 * The plan cut to the figure years: matters opened in them, or earlier with a step in them, walked up to
 * 31 December of the last; the year before's other matters registered only, so that the year-on-year change of
 * what counts by the day a matter was opened holds. The previous year's other figures are not reproduced.
 */
function cut(line: string, all: PlannedMatter[], years: DemoYears | undefined): PlannedMatter[] {
  if (!years) return all;
  const [before, from, to] = [`${years.from - 1}-01-01`, `${years.from}-01-01`, `${years.to}-12-31`];
  const out: PlannedMatter[] = [];
  for (const m of all) {
    const opened = getKind(line, m.kind).create.date(m.input as Record<string, unknown>);
    if (opened > to || opened < before) continue;
    const within = m.steps.filter((s) => s.date <= to);
    out.push(
      opened >= from || within.some((s) => s.date >= from) ? { ...m, steps: within } : { ...m, steps: [] },
    );
  }
  return out;
}

async function walk(tx: Tx, line: string, m: PlannedMatter, today: string): Promise<void> {
  const inner = insideTransaction(tx);
  const created = await createMatter(inner, demoActor, line, m.kind, m.input, { today });
  let version = created.version;
  for (const s of m.steps) {
    if (s.date > today) break;
    const opts = { version, date: s.date, data: s.data };
    version = (await transition(inner, demoActor, created.id, s.action, opts, { today })).version;
  }
  await tx.query('UPDATE matters SET is_demo = true WHERE id = $1', [created.id]);
}

/**
 * Loads a line's demo. Returns the number of matters of each kind once loaded, null when it already was (or the
 * plan cannot be made), 'unfinished' when `batches` (an interrupted load, for tests) ran out first.
 */
export async function runDemo(
  db: Db,
  def: DemoDef,
  today: string,
  { batches = Number.POSITIVE_INFINITY, years }: { batches?: number; years?: DemoYears } = {},
): Promise<Record<string, number> | null | 'unfinished'> {
  const progressKey = `${def.marker}.progress`;
  // Planning walks every year's calendar: done once per call, not once per batch.
  let planned: { today: string; all: PlannedMatter[] } | null = null;
  for (let batch = 0; batch < batches; batch++) {
    const result = await withTx(db, async (tx) => {
      // One loader at a time, across processes; each batch re-reads where the last one stopped.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [def.marker]);
      const { rows: done } = await tx.query('SELECT 1 FROM settings WHERE key = $1', [def.marker]);
      if (done.length) return { finished: null };
      const { rows } = await tx.query<{ value: Progress }>('SELECT value FROM settings WHERE key = $1', [
        progressKey,
      ]);
      const progress: Progress = rows[0]?.value ?? {
        seed: def.seed,
        today,
        ...(years ? { years } : {}),
        done: 0,
      };
      if (planned?.today !== progress.today) {
        const plan = await def.plan(tx, await currentCalendar(tx), progress.today);
        if (!plan) return { finished: null };
        planned = { today: progress.today, all: cut(def.line, plan, progress.years) };
      }
      const { all } = planned;
      for (const m of all.slice(progress.done, progress.done + DEMO_BATCH))
        await walk(tx, def.line, m, progress.today);
      const next = Math.min(all.length, progress.done + DEMO_BATCH);
      if (next < all.length) {
        await tx.query(
          `INSERT INTO settings (key, value) VALUES ($1, $2)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [progressKey, JSON.stringify({ ...progress, done: next })],
        );
        return { finished: undefined };
      }
      const counts: Record<string, number> = {};
      for (const m of all) counts[m.kind] = (counts[m.kind] ?? 0) + 1;
      await tx.query('DELETE FROM settings WHERE key = $1', [progressKey]);
      await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
        def.marker,
        JSON.stringify({
          seed: def.seed,
          loadedOn: progress.today,
          ...(progress.years ? { years: progress.years } : {}),
          ...counts,
        }),
      ]);
      await audit(tx, demoActor, {
        action: 'demo.load',
        objectType: 'line',
        summary: { line: def.line, matters: all.length },
      });
      return { finished: counts };
    });
    if (result.finished !== undefined) return result.finished;
  }
  return 'unfinished';
}
