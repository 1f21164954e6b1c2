import type { QueryConfig } from 'pg';
import type { Actor } from '../../platform/access/actor.ts';
import { FazhiPool, inParallel, type Queryable } from '../../platform/db/pool.ts';
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { currentCalendar, lastCalendarBuilt } from '../calendar/service.ts';
import { deadlineStatusSql, statusDates } from '../deadlines/badge.ts';
import { listQuery, type MatterListFilter } from './list-query.ts';

export type { MatterListFilter } from './list-query.ts';

/**
 * A page of the matters the actor may read (searched by words of the title and reference number, or by a party's
 * full identity number or credit code), newest first, with each matter's most urgent running deadline: an
 * overdue one first, else the nearest. Its status (deadline_status) gives the row's badge and 仅看超期.
 */
export async function listMatters(db: Queryable, actor: Actor, f: MatterListFilter) {
  const page = (calendar: WorkingCalendar) =>
    onePlan(db, listQuery(actor, f, statusDates(calendar, f.today).soon));
  // The page runs on the calendar this process built last and brings back the stamp of the loaded holiday notices
  // (one round trip, not a second query beside it); only if a notice was loaded since is the page read again, on
  // the new calendar. An empty page shows no badge, so there is nothing to redo.
  const known = lastCalendarBuilt();
  let rows = known ? (await page(known.calendar)).rows : [];
  if (!known || (rows.length && rows[0].calendarStamp !== known.stamp))
    rows = (await page(await currentCalendar(db))).rows;
  for (const r of rows) delete r.calendarStamp;
  return { items: rows, nextAfter: rows.length === f.limit ? (rows.at(-1)!.id as number) : null };
}

/**
 * Runs a list statement (named per shape) on the one plan PostgreSQL keeps for its shape. Left to choose, it plans a
 * named statement again at every run as long as the plan for the actual values is estimated cheaper than the plan
 * for any values — which for the list is always the case, yet both are the same index walk, and planning this
 * statement (the scope rule's subqueries, the line filter's semi-join, the deadline lateral) took longer than running
 * it. So it runs on the pool's generic-plan connections (FazhiPool). A shape without a name (its plan depends on the
 * values: list-query.ts) runs on the pool as before, and so does every shape inside a caller's transaction.
 */
const onePlan = (db: Queryable, q: QueryConfig) =>
  q.name && db instanceof FazhiPool ? db.genericPlans().query(q) : db.query(q);

/** A matter's history, deadlines (with their status on business day `today`), documents and attachments. */
export async function matterDetail(db: Queryable, id: number, today: string) {
  const { soon } = statusDates(await currentCalendar(db), today);
  const [events, deadlines, documents, attachments] = await inParallel(db, [
    () =>
      db.query(
        `SELECT id, seq, action, from_state AS "fromState", to_state AS "toState", occurred_on AS "occurredOn",
              actor_name AS "actorName", payload, recorded_at AS "recordedAt", voided_by AS "voidedBy"
       FROM matter_events WHERE matter_id = $1 ORDER BY seq`,
        [id],
      ),
    () =>
      db.query(
        `SELECT id, key, rule_id AS "ruleId", rule_version AS "ruleVersion", kind, start_on AS "startOn", due_on AS "dueOn",
              status, provisional, paused_on AS "pausedOn", remaining, extended_days AS "extendedDays", ended_on AS "endedOn", set_count AS "setCount",
              count_unit AS "countUnit", on_expiry AS "onExpiry", ${deadlineStatusSql('deadlines', '$2', '$3')} AS badge
       FROM deadlines WHERE matter_id = $1 ORDER BY id`,
        [id, today, soon],
      ),
    () =>
      db.query(
        `SELECT id, kind, title, doc_number AS "docNumber", issued_on AS "issuedOn", content_hash AS "contentHash",
              voided_on AS "voidedOn", void_reason AS "voidReason"
       FROM documents WHERE matter_id = $1 ORDER BY id`,
        [id],
      ),
    () =>
      db.query(
        `SELECT id, file_name AS "fileName", mime_type AS "mimeType", size_bytes AS "sizeBytes", sha256, uploaded_at AS "uploadedAt"
       FROM attachments WHERE matter_id = $1 ORDER BY id`,
        [id],
      ),
  ]);
  return {
    events: events.rows,
    deadlines: deadlines.rows,
    documents: documents.rows,
    attachments: attachments.rows,
  };
}
