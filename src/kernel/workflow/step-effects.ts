import type { Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { currentCalendar, lastCalendarBuilt } from '../calendar/service.ts';
import {
  applyDeadlineOps,
  type DeadlineOp,
  DeadlineOpError,
  freshStartRows,
  type StartedRow,
} from '../deadlines/deadlines.ts';
import { issueDocuments } from './issue.ts';
import { matterContext, withData } from './step-context.ts';
import type { CheckContext, DeadlineEffect, DocumentIssue, MatterView } from './types.ts';

/** What a step does besides its event: the line's own rows, the matter's periods, its documents (engine.ts calls these). */

async function pickRule<P>(
  r: {
    among: readonly string[];
    pick: (data: P, m: MatterView, ctx: CheckContext<P>) => string | Promise<string>;
  },
  ctx: CheckContext<P>,
) {
  const id = await r.pick(ctx.data, ctx.matter, ctx);
  if (!r.among.includes(id)) throw new Error(`rule ${id} is not among the declared ${r.among.join(', ')}`);
  return id;
}

async function resolveOps<P>(
  ctx: CheckContext<P>,
  effects: DeadlineEffect<P>[] | undefined,
): Promise<DeadlineOp[]> {
  const { data, matter: m, date } = ctx;
  const ops: DeadlineOp[] = [];
  for (const e of effects ?? []) {
    if (e.when && !e.when(data, m)) continue;
    switch (e.op) {
      case 'start':
        ops.push({
          op: 'start',
          key: e.key,
          rule: typeof e.rule === 'string' ? e.rule : await pickRule(e.rule, ctx),
          from: e.from ? await e.from(ctx) : date,
          ...(e.count?.(data, m, date) !== undefined ? { count: e.count(data, m, date) } : {}),
        });
        break;
      case 'extend':
        ops.push({ op: 'extend', key: e.key, days: e.days(data) });
        break;
      default:
        ops.push({ op: e.op, key: e.key });
    }
  }
  return ops;
}

/** A step's own effects: the line's `apply` (its detail rows) and what the step does to the matter's periods. */
export async function runEffects<P>(
  tx: Tx,
  actor: Actor,
  m: MatterView & { fresh?: boolean },
  date: string,
  data: P,
  eventId: number,
  def: { deadlines?: DeadlineEffect<P>[]; apply?: (ctx: never) => Promise<void> },
  /** The calendar's stamp when the statement that wrote the step read it (createMatter's INSERT). */
  calendarStamp?: string,
  /** A new matter's periods may be left to the caller's last statement: then they are returned, not written. */
  deferStarts = false,
): Promise<StartedRow[] | null> {
  if (def.apply)
    await (def.apply as (ctx: unknown) => Promise<void>)({ tx, actor, matter: m, date, data, eventId });
  const ops = await resolveOps(withData(matterContext(tx, actor, m, date), data), def.deadlines);
  if (!ops.length) return null;
  try {
    const cal = await currentCalendar(tx, calendarStamp);
    const rows = deferStarts ? freshStartRows(cal, m, date, ops) : null;
    if (!rows) await applyDeadlineOps(tx, cal, m, date, ops, eventId);
    return rows;
  } catch (err) {
    if (err instanceof DeadlineOpError) throw new AppError('CONFLICT', err.message);
    throw err;
  }
}

/**
 * The periods a new matter's creating step starts, computed before anything is written, on the calendar this
 * process built last (insertWholeMatter checks in its statement that it is still the one in force): null where
 * the step needs the written matter (the line's `apply`), where no calendar was built yet, or where it does more
 * than start periods (see freshStartRows).
 */
export async function plannedStarts<P>(
  tx: Tx,
  actor: Actor,
  draft: MatterView & { fresh: true },
  date: string,
  data: P,
  def: { deadlines?: DeadlineEffect<P>[]; apply?: unknown },
): Promise<{ calendarStamp: string; started: StartedRow[] } | null> {
  const known = lastCalendarBuilt();
  if (def.apply || !known) return null;
  const ops = await resolveOps(withData(matterContext(tx, actor, draft, date), data), def.deadlines);
  try {
    const rows = ops.length ? freshStartRows(known.calendar, draft, date, ops) : [];
    return rows && { calendarStamp: known.stamp, started: rows };
  } catch (err) {
    if (err instanceof DeadlineOpError) throw new AppError('CONFLICT', err.message);
    throw err;
  }
}

/**
 * The documents a step issues, numbered from the shared counters. Steps call this last, just before the audit
 * append: a counter's row lock (and the audit chain's) is then held only for the end of the transaction, so that
 * concurrent steps of one kind do their work side by side and queue only for their numbers.
 */
export async function issueStepDocuments<P>(
  tx: Tx,
  m: MatterView,
  date: string,
  data: P,
  eventId: number,
  documents: DocumentIssue<P>[] | undefined,
) {
  const docs = (documents ?? []).filter((d) => !d.when || d.when(data, m)).map((d) => d.template);
  return docs.length ? issueDocuments(tx, m, eventId, date, docs, data) : [];
}
