import { currentCalendar } from '../../kernel/calendar/service.ts';
import { createMatter, transition } from '../../kernel/workflow/engine.ts';
import { type Actor, systemActor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, insideTransaction, type Tx, withTx } from '../../platform/db/pool.ts';
import { DEMO_MARKER, planDemo, SEED, type Step } from './demo.ts';
import { RESPONDENTS } from './demo-figures.ts';

const demoActor: Actor = { ...systemActor, name: '演示数据' };
const PROGRESS = `${DEMO_MARKER}.progress`;
/**
 * Matters per transaction. Every transition appends to the audit chain, whose head row stays locked until
 * commit: small batches keep a sign-in or any other audited action waiting well under a second while the
 * demo loads, where one long transaction made them wait for the whole load.
 */
const BATCH = 10;

interface Progress {
  seed: number;
  /** The business date the plan was made for: a resumed load re-plans for the same day. */
  today: string;
  years?: DemoYears;
  done: number;
}

type Planned = { kind: 'application' | 'suit'; input: unknown; steps: Step[] };

/**
 * The years whose figures a fixture must reproduce (the suite loads 2024 alone). The plan is always made for the
 * whole demo (2023 to today) and then cut, so those years' figures are the full demo's.
 */
export interface DemoYears {
  from: number;
  to: number;
}

const openedOn = (m: Planned) => {
  const input = m.input as { receivedOn?: string; filedOn?: string };
  return String(input.receivedOn ?? input.filedOn);
};

/**
 * The plan cut to the figure years: matters opened in them, or earlier with a step in them, walked up to
 * 31 December of the last; the year before's other matters registered only, so that the year-on-year change of
 * what counts by the day a matter was opened (applications received, suits filed) holds. The previous year's other
 * figures are not reproduced.
 */
function cut(all: Planned[], years: DemoYears | undefined): Planned[] {
  if (!years) return all;
  const [before, from, to] = [`${years.from - 1}-01-01`, `${years.from}-01-01`, `${years.to}-12-31`];
  const out: Planned[] = [];
  for (const m of all) {
    const opened = openedOn(m);
    if (opened > to || opened < before) continue;
    const within = m.steps.filter((s) => s.date <= to);
    out.push(
      opened >= from || within.some((s) => s.date >= from) ? { ...m, steps: within } : { ...m, steps: [] },
    );
  }
  return out;
}

async function demoOrgIds(tx: Tx): Promise<Record<string, number> | null> {
  const { rows } = await tx.query<{ code: string; id: number }>(
    `SELECT code, id FROM orgs WHERE code LIKE 'dept-%' AND is_demo`,
  );
  const ids = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  return Object.keys(ids).length < Object.keys(RESPONDENTS).length ? null : ids;
}

async function walk(tx: Tx, m: Planned, today: string): Promise<void> {
  const inner = insideTransaction(tx);
  const created = await createMatter(inner, demoActor, 'reconsideration', m.kind, m.input, { today });
  let version = created.version;
  for (const s of m.steps) {
    if (s.date > today) break;
    const opts = { version, date: s.date, data: s.data };
    version = (await transition(inner, demoActor, created.id, s.action, opts, { today })).version;
  }
  await tx.query('UPDATE matters SET is_demo = true WHERE id = $1', [created.id]);
}

/**
 * Loads the plan through the workflow engine, BATCH matters per transaction, and records how far it got in the
 * same transaction: a crash loses at most the batch in flight, and the next start resumes after the last
 * committed batch. Returns the totals once loaded, null when it already was (or the demo organs are missing),
 * 'unfinished' when `batches` (an interrupted load, for tests) ran out first.
 */
export async function loadReconsiderationDemo(
  db: Db,
  today: string,
  { batches = Number.POSITIVE_INFINITY, years }: { batches?: number; years?: DemoYears } = {},
): Promise<{ applications: number; suits: number } | null | 'unfinished'> {
  // Planning walks every year's calendar: done once per call, not once per batch.
  let planned: { today: string; all: Planned[] } | null = null;
  for (let batch = 0; batch < batches; batch++) {
    const result = await withTx(db, async (tx) => {
      // One loader at a time, across processes; each batch re-reads where the last one stopped.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [DEMO_MARKER]);
      const { rows: done } = await tx.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_MARKER]);
      if (done.length) return { finished: null };
      const orgIds = await demoOrgIds(tx);
      if (!orgIds) return { finished: null };
      const { rows } = await tx.query<{ value: Progress }>('SELECT value FROM settings WHERE key = $1', [
        PROGRESS,
      ]);
      const progress: Progress = rows[0]?.value ?? {
        seed: SEED,
        today,
        ...(years ? { years } : {}),
        done: 0,
      };
      if (planned?.today !== progress.today) {
        const plan = planDemo(await currentCalendar(tx), progress.today, orgIds);
        const all = cut(
          [
            ...plan.applications.map((a) => ({ kind: 'application' as const, ...a })),
            ...plan.suits.map((s) => ({ kind: 'suit' as const, ...s })),
          ],
          progress.years,
        );
        planned = { today: progress.today, all };
      }
      const { all } = planned;
      for (const m of all.slice(progress.done, progress.done + BATCH)) await walk(tx, m, progress.today);
      const next = Math.min(all.length, progress.done + BATCH);
      if (next < all.length) {
        await tx.query(
          `INSERT INTO settings (key, value) VALUES ($1, $2)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [PROGRESS, JSON.stringify({ ...progress, done: next })],
        );
        return { finished: undefined };
      }
      const summary = {
        applications: all.filter((m) => m.kind === 'application').length,
        suits: all.filter((m) => m.kind === 'suit').length,
      };
      await tx.query('DELETE FROM settings WHERE key = $1', [PROGRESS]);
      await tx.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
        DEMO_MARKER,
        JSON.stringify({
          seed: SEED,
          loadedOn: progress.today,
          ...(progress.years ? { years: progress.years } : {}),
          ...summary,
        }),
      ]);
      await audit(tx, demoActor, {
        action: 'demo.load',
        objectType: 'line',
        summary: { line: 'reconsideration', matters: all.length },
      });
      return { finished: summary };
    });
    if (result.finished !== undefined) return result.finished;
  }
  return 'unfinished';
}
