import { named, type Tx } from '../../platform/db/pool.ts';
import { CalendarRangeError, type WorkingCalendar } from '../calendar/index.ts';
import { allRules, type Rule, type RuleKind, ruleInForce, ruleVersion } from '../rules/rules.ts';
import { countUnitOf, extend, lastDayFrom, rollToWorkingDay, unitsLeft } from './compute.ts';
import { journalBefore } from './journal.ts';

/** What an event does to the periods of its matter. The kernel, not the line, knows how each is applied. */
export type DeadlineOp =
  /** `from` null: the period waits for a recorded service (送达) before it counts (status notStarted). */
  | { op: 'start'; key: string; rule: string; from: string | null; count?: number }
  | { op: 'meet' | 'stop' | 'pause' | 'resume'; key: string }
  | { op: 'extend'; key: string; days: number };

interface Live {
  id: number;
  rule_id: string;
  rule_version: string;
  status: 'running' | 'paused' | 'notStarted';
  count_unit: 'working' | 'calendar' | 'months';
  due_on: string | null;
  base_due_on: string | null;
  extended_days: number;
  remaining: number | null;
}

export class DeadlineOpError extends Error {}

/** A period the calendar cannot count (a matter from a year before the calendar's first): kept with no due date. */
const UNCOUNTED = { due: null, provisional: false } as const;
type Counted = { due: string | null; provisional: boolean };

/**
 * A period's unrolled last day (base_due_on: what suspension and extension count from) and its due date (that day
 * plus any extension, moved off a non-working day once). Backwards periods are never rolled.
 */
function lastAndDue(
  cal: WorkingCalendar,
  from: string,
  count: number,
  unit: 'working' | 'calendar' | 'months',
  extendedDays: number,
  backwards = false,
): { last: Counted; due: Counted } {
  const last = uncounted(() => lastDayFrom(cal, from, count, unit, backwards));
  if (last.due === null) return { last, due: UNCOUNTED };
  const lastDay = last.due;
  const due = backwards
    ? last
    : uncounted(() =>
        extendedDays
          ? extend(cal, lastDay, extendedDays)
          : rollToWorkingDay(cal, { due: lastDay, provisional: last.provisional }),
      );
  return { last, due: { due: due.due, provisional: last.provisional || due.provisional } };
}
function uncounted(count: () => { due: string; provisional: boolean }): {
  due: string | null;
  provisional: boolean;
} {
  try {
    return count();
  } catch (err) {
    if (err instanceof CalendarRangeError) return UNCOUNTED;
    throw err;
  }
}

/**
 * Whether a period of each rule kind can run on a matter: null when it is tracked (its status is then decided by
 * deadline_status() in migration 0010, from the kind stored on the row), otherwise why it is refused at start.
 * A Record over RuleKind, so a new kind does not compile until it is decided here and in that function.
 */
export const refusedKinds: Record<RuleKind, string | null> = {
  deadline: null,
  beforeEvent: null,
  minimum: null,
  guideline: null,
  duration: null,
  // One cycle at a time: the line meets it when the report arrives and starts the next.
  recurring: null,
  partyPeriod: null,
  alert: '是预警阈值，不是办理期限，不能在案件上开始计算',
};

/** The rules no period may be started under, with why: a line naming one is refused at registration. */
export const untrackableRules = () =>
  new Map(allRules().flatMap((r) => (refusedKinds[r.kind] ? [[r.id, refusedKinds[r.kind]!] as const] : [])));

/** The kind stored on the row: the rule's own, or a refusal for a kind that is not a period to track. */
export function trackedKind(rule: Rule): RuleKind {
  const refusal = refusedKinds[rule.kind];
  if (refusal) throw new DeadlineOpError(`规则 ${rule.id}（${rule.event}）${refusal}`);
  return rule.kind;
}

/** A new period's row (a start op), from the rule version in force when the matter began. */
export interface StartedRow {
  key: string;
  rule_id: string;
  rule_version: string;
  kind: RuleKind;
  start_on: string;
  count: number;
  count_unit: 'working' | 'calendar' | 'months';
  due_on: string | null;
  base_due_on: string | null;
  status: 'running' | 'notStarted';
  provisional: boolean;
  on_expiry: string | null;
  /** The count the step set for this matter (a submitter's offered review time), null when the rule's applies. */
  set_count: number | null;
}

function startRow(
  cal: WorkingCalendar,
  matter: { openedOn?: string },
  on: string,
  op: Extract<DeadlineOp, { op: 'start' }>,
): StartedRow {
  // A matter follows the law in force when it began (an application made under the old law keeps the old
  // law's periods to the end), not when each later period starts.
  const rule = ruleInForce(op.rule, matter.openedOn ?? op.from ?? on);
  const kind = trackedKind(rule);
  const unit = countUnitOf(rule, op.count);
  // A period the step sets itself (a decision's own time limit) counts in the rule's unit; the rule's count is
  // the default the law gives when none is set.
  const count = op.count ?? rule.count!;
  const from = op.from;
  const { last, due } =
    from === null
      ? { last: UNCOUNTED, due: UNCOUNTED }
      : lastAndDue(cal, from, count, unit, 0, rule.kind === 'beforeEvent');
  return {
    key: op.key,
    rule_id: rule.id,
    rule_version: rule.version,
    kind,
    start_on: from ?? on,
    count,
    count_unit: unit,
    due_on: due.due,
    base_due_on: last.due,
    status: from === null ? 'notStarted' : 'running',
    provisional: due.provisional,
    on_expiry: rule.onExpiry ?? null,
    set_count: op.count ?? null,
  };
}

/**
 * SQL CTE: inserts the rows given as JSON (`rows`, StartedRow[]) as new periods of the matter, with their journal
 * entries (rows the event created: reverting the event removes them) when an event is given.
 */
export const insertStartedCte = (
  rows: string,
  matter: string,
  owner: string,
  region: string,
  event: string,
) => `
  started AS (
    INSERT INTO deadlines (matter_id, key, rule_id, rule_version, kind, start_on, count_from, count, count_unit,
                           due_on, base_due_on, status, provisional, owner_org_id, region_code, on_expiry, set_count)
    SELECT ${matter}::bigint, r.key, r.rule_id, r.rule_version, r.kind, r.start_on, r.start_on, r.count, r.count_unit,
           r.due_on, r.base_due_on, r.status, r.provisional, ${owner}::bigint, ${region}::text, r.on_expiry, r.set_count
    FROM jsonb_to_recordset(${rows}::jsonb) AS r(key text, rule_id text, rule_version text, kind text, start_on date,
         count integer, count_unit text, due_on date, base_due_on date, status text, provisional boolean,
         on_expiry text, set_count integer)
    RETURNING id),
  started_journal AS (
    INSERT INTO deadline_changes (event_id, deadline_id, before)
    SELECT ${event}::bigint, id, NULL FROM started WHERE ${event}::bigint IS NOT NULL)`;

/**
 * The periods a new matter's creating step starts, as rows for insertStartedCte, when the step only starts
 * periods, each under its own key (no period of the matter can be running yet); otherwise null, and the step goes
 * through applyDeadlineOps.
 */
export function freshStartRows(
  cal: WorkingCalendar,
  matter: { openedOn?: string; fresh?: boolean },
  on: string,
  ops: DeadlineOp[],
): StartedRow[] | null {
  if (!matter.fresh) return null;
  const keys = new Set<string>();
  const starts: Extract<DeadlineOp, { op: 'start' }>[] = [];
  for (const op of ops) {
    if (op.op !== 'start' || keys.has(op.key)) return null;
    keys.add(op.key);
    starts.push(op);
  }
  return starts.map((op) => startRow(cal, matter, on, op));
}

/**
 * Applies one event's deadline operations, on the event's business date `on`, inside the event's transaction.
 * start: a new period from the rule version in force on its start date (a running one under the same key is
 *   replaced, e.g. the acceptance review restarting when a supplement arrives);
 * meet / stop: the period ends (done in time or late / no longer applies);
 *   With `from` null the period waits, not yet started (notStarted), for the service that starts it: periods the
 *   law counts from receipt (自收到…之日起) start on the day of receipt, recorded later by another start on the key;
 * pause: the days left to the unrolled last day are kept and the due date cleared; resume: those days are
 *   counted again from `on`;
 * extend: an approved extension in calendar days, added to the unextended, unrolled last day.
 * With `eventId`, every row touched is journalled (`deadline_changes`) so a correction can revert the event.
 */
export async function applyDeadlineOps(
  tx: Tx,
  cal: WorkingCalendar,
  /** `fresh`: the matter is being created in this transaction, so no period of it runs yet. */
  matter: { id: number; ownerOrgId: number; regionCode: string; openedOn?: string; fresh?: boolean },
  on: string,
  ops: DeadlineOp[],
  eventId?: number,
) {
  // A fresh matter has no periods but those its creating step starts (and may meet at once: a period of another
  // organ that ended on the day the matter arrived).
  const startedHere = new Set<string>();
  for (const op of ops) {
    const { rows } =
      matter.fresh && !startedHere.has(op.key)
        ? { rows: [] as Live[] }
        : await tx.query<Live>(
            named(
              `SELECT id, rule_id, rule_version, status, count_unit, due_on, base_due_on, extended_days, remaining
           FROM deadlines WHERE matter_id = $1 AND key = $2 AND status IN ('running', 'paused', 'notStarted') FOR UPDATE`,
              [matter.id, op.key],
            ),
          );
    const live = rows[0];
    switch (op.op) {
      case 'start': {
        startedHere.add(op.key);
        const r = startRow(cal, matter, on, op);
        if (live?.status === 'notStarted') {
          // The service that starts a period waiting for it: the same row, now counting from the day of receipt.
          await journalBefore(tx, eventId, live.id);
          await tx.query(
            `UPDATE deadlines SET rule_id = $2, rule_version = $3, kind = $4, start_on = $5, count_from = $5, count = $6,
                    count_unit = $7, base_due_on = $8, due_on = $9, provisional = $10, status = $11, on_expiry = $12,
                    set_count = $13, updated_at = now() WHERE id = $1`,
            [
              live.id,
              r.rule_id,
              r.rule_version,
              r.kind,
              r.start_on,
              r.count,
              r.count_unit,
              r.base_due_on,
              r.due_on,
              r.provisional,
              r.status,
              r.on_expiry,
              r.set_count,
            ],
          );
          break;
        }
        if (live) await journalBefore(tx, eventId, live.id);
        if (live)
          await tx.query(
            named(
              `UPDATE deadlines SET status = 'stopped', ended_on = $2, updated_at = now() WHERE id = $1`,
              [live.id, on],
            ),
          );
        // The new row and its journal entry (a row the event created: reverting the event removes it) in one statement.
        await tx.query(
          named(`WITH ${insertStartedCte('$1', '$2', '$3', '$4', '$5')} SELECT 1`, [
            JSON.stringify([r]),
            matter.id,
            matter.ownerOrgId,
            matter.regionCode,
            eventId ?? null,
          ]),
        );
        break;
      }
      case 'meet':
      case 'stop':
        if (live) {
          await journalBefore(tx, eventId, live.id);
          await tx.query(
            named(`UPDATE deadlines SET status = $2, ended_on = $3, updated_at = now() WHERE id = $1`, [
              live.id,
              op.op === 'meet' ? 'met' : 'stopped',
              on,
            ]),
          );
        }
        break;
      case 'pause': {
        if (live?.status !== 'running') throw new DeadlineOpError(`期限 ${op.key} 未在计算中，不能中止计算`);
        await journalBefore(tx, eventId, live.id);
        // Units left from the pause to the UNROLLED last day: a period whose 60th day is a Saturday has, on the
        // Monday before, 5 days left, not the 7 to the Monday it was rolled to (the roll-over happens once, at the
        // end of the resumed period, not twice). Months are counted on as calendar days.
        const left =
          live.base_due_on === null
            ? null
            : unitsLeft(
                cal,
                on,
                live.base_due_on,
                live.count_unit === 'months' ? 'calendar' : live.count_unit,
              );
        await tx.query(
          `UPDATE deadlines SET status = 'paused', paused_on = $2, remaining = $3, due_on = NULL, updated_at = now() WHERE id = $1`,
          [live.id, on, left],
        );
        break;
      }
      case 'resume': {
        if (live?.status !== 'paused') throw new DeadlineOpError(`期限 ${op.key} 未中止，不能恢复计算`);
        await journalBefore(tx, eventId, live.id);
        const unit = live.count_unit === 'months' ? 'calendar' : live.count_unit;
        // The days left count again from the day after the resumption (中止期间不计算在期限内); the extension is
        // added to the new unrolled last day and only the result moves off a non-working day.
        const { last, due } =
          live.remaining === null
            ? { last: UNCOUNTED, due: UNCOUNTED }
            : lastAndDue(cal, on, live.remaining, unit, live.extended_days);
        await tx.query(
          `UPDATE deadlines SET status = 'running', count_from = $2, count = coalesce($3, count), count_unit = $4, base_due_on = $5,
                  due_on = $6, provisional = $7, paused_on = NULL, remaining = NULL, updated_at = now() WHERE id = $1`,
          [live.id, on, live.remaining, unit, last.due, due.due, due.provisional],
        );
        break;
      }
      case 'extend': {
        if (live?.status !== 'running') throw new DeadlineOpError(`期限 ${op.key} 未在计算中，不能延长`);
        await journalBefore(tx, eventId, live.id);
        const days = live.extended_days + op.days;
        // Added to the unrolled last day (base_due_on), then rolled once.
        const due =
          live.base_due_on === null ? UNCOUNTED : uncounted(() => extend(cal, live.base_due_on!, days));
        await tx.query(
          `UPDATE deadlines SET extended_days = $2, due_on = $3, provisional = $4, updated_at = now() WHERE id = $1`,
          [live.id, days, due.due, due.provisional],
        );
        break;
      }
    }
  }
}

/**
 * Recomputes every running period's due date on `cal` (after a holiday notice is loaded). Returns how many
 * due dates changed. Paused periods have no due date until they resume.
 */
export async function recomputeRunningDeadlines(
  tx: Tx,
  cal: WorkingCalendar,
): Promise<{ checked: number; changed: number }> {
  const { rows } = await tx.query<{
    id: number;
    rule_id: string;
    rule_version: string;
    count_from: string;
    count: number;
    count_unit: 'working' | 'calendar' | 'months';
    extended_days: number;
    due_on: string;
    provisional: boolean;
  }>(
    `SELECT id, rule_id, rule_version, count_from, count, count_unit, extended_days, due_on, provisional
     FROM deadlines WHERE status = 'running' FOR UPDATE`,
  );
  const updates = rows.flatMap((d) => {
    const backwards = ruleVersion(d.rule_id, d.rule_version).kind === 'beforeEvent';
    const { last, due } = lastAndDue(cal, d.count_from, d.count, d.count_unit, d.extended_days, backwards);
    // A period in a year the calendar does not cover stays uncounted.
    if (last.due === null || due.due === null) return [];
    return due.due === d.due_on && due.provisional === d.provisional
      ? []
      : [{ id: d.id, base: last.due, due: due.due, provisional: due.provisional }];
  });
  if (updates.length) {
    await tx.query(
      `UPDATE deadlines d SET base_due_on = u.base, due_on = u.due, provisional = u.provisional, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS u(id bigint, base date, due date, provisional boolean) WHERE d.id = u.id`,
      [JSON.stringify(updates)],
    );
  }
  return { checked: rows.length, changed: updates.length };
}
