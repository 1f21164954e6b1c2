import type { Actor } from '../../platform/access/actor.ts';
import { likeEscape } from '../../platform/db/like.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import type { WorkingCalendar } from '../calendar/calendar.ts';
import { currentCalendar, lastCalendar } from '../calendar/service.ts';
import { deadlineStatusSql, officeKindsSql, statusDates } from '../deadlines/badge.ts';
import { identityLookup } from '../parties/registry.ts';
import { matterReadable, matterReadParam } from './access.ts';

export interface MatterListFilter {
  line?: string;
  kind?: string;
  state?: string;
  q?: string;
  ownerOrgId?: number;
  /** Region code prefix: a town (9 digits) or a village (12): the matters of the committees and offices there. */
  region?: string;
  openedFrom?: string;
  openedTo?: string;
  overdue?: boolean;
  today: string;
  /** Keyset: the id of the last row of the previous page (lists are newest first). */
  after?: number;
  limit: number;
}

/**
 * A page of the matters the actor may read (searched by words of the title and reference number, or by a party's
 * full identity number or credit code), newest first, with each matter's most urgent running deadline: an
 * overdue one first, else the nearest. Its status (deadline_status) gives the row's badge and 仅看超期.
 */
export async function listMatters(db: Queryable, actor: Actor, f: MatterListFilter) {
  // A full identity number or credit code finds the matters of that party through the registry's blind index:
  // the number itself is never stored in clear, so it cannot be in search_text.
  const byNumber = f.q ? identityLookup(f.q) : null;
  const status = deadlineStatusSql('dl', '$9', '$13');
  // The page's ids are chosen first, on matters alone (as the bare indexed query would), and only those rows
  // are joined to their organisations and most urgent deadline: joining before the LIMIT did that work for every
  // matter of a filtered town (21,000 at the district's volume) to keep 20. 仅看超期 asks whether any running
  // office period is overdue, which is what the most urgent one's badge says.
  const page = (calendar: WorkingCalendar) =>
    db.query(
      `WITH page AS (
       SELECT m.id FROM matters m
       WHERE ${matterReadable(1)}
         AND ($2::text IS NULL OR m.line = $2)
         AND ($3::text IS NULL OR m.kind = $3)
         AND ($4::text IS NULL OR m.state = $4)
         AND ($5::text IS NULL OR m.search_text LIKE '%' || $5 || '%' OR m.id IN (
               SELECT mp.matter_id FROM matter_parties mp JOIN parties p ON p.id = mp.party_id
               WHERE p.id_number_index = ANY($14::bytea[]) OR p.credit_code = $15))
         AND ($6::bigint IS NULL OR m.owner_org_id = $6)
         AND ($7::date IS NULL OR m.opened_on >= $7)
         AND ($8::date IS NULL OR m.opened_on <= $8)
         AND (NOT $10::boolean OR EXISTS (
               SELECT 1 FROM deadlines dl
               WHERE dl.matter_id = m.id AND dl.status = 'running' AND dl.kind IN ${officeKindsSql}
                 AND ${status} = 'overdue'))
         AND ($11::bigint IS NULL OR m.id < $11)
         -- A town (9 digits) is said as an equality the town indexes and statistics of migration 0032 know, so
         -- its matters come in id order; a district or village prefix stays a prefix.
         AND ($16::text IS NULL OR CASE WHEN length($16) = 9 THEN left(m.region_code, 9) = $16
                                        ELSE m.region_code LIKE $16 || '%' END)
       ORDER BY m.id DESC
       LIMIT $12
     )
     SELECT m.id, m.line, m.kind, m.ref_no AS "refNo", m.title, m.state, m.opened_on AS "openedOn",
            m.closed_on AS "closedOn", o.name AS "ownerOrgName", s.name AS "subjectOrgName", m.version,
            d.due_on AS "nextDue", d.provisional AS "nextDueProvisional", d.badge AS "nextDueBadge",
            d.on_expiry AS "nextDueOnExpiry", (d.badge = 'overdue') AS overdue
     FROM page JOIN matters m ON m.id = page.id
     JOIN orgs o ON o.id = m.owner_org_id
     LEFT JOIN orgs s ON s.id = m.subject_org_id
     LEFT JOIN LATERAL (
       SELECT dl.due_on, dl.provisional, dl.on_expiry, ${status} AS badge FROM deadlines dl
       WHERE dl.matter_id = m.id AND dl.status = 'running' AND dl.kind IN ${officeKindsSql}
       ORDER BY ${status} = 'overdue' DESC, dl.due_on LIMIT 1
     ) d ON true
     ORDER BY m.id DESC`,
      [
        matterReadParam(actor),
        f.line ?? null,
        f.kind ?? null,
        f.state ?? null,
        likeEscape(f.q?.trim() || null),
        f.ownerOrgId ?? null,
        f.openedFrom ?? null,
        f.openedTo ?? null,
        f.today,
        f.overdue ?? false,
        f.after ?? null,
        f.limit,
        statusDates(calendar, f.today).soon,
        byNumber?.indexes ?? [],
        byNumber?.number ?? null,
        f.region ?? null,
      ],
    );
  // The page runs on the calendar this process built last while the check that no holiday notice was loaded
  // since runs beside it (another connection); only if one was is the page read again, on the new calendar.
  const known = lastCalendar();
  let rows: Awaited<ReturnType<typeof page>>['rows'];
  if (!known) rows = (await page(await currentCalendar(db))).rows;
  else {
    const [res, calendar] = await inParallel(db, [() => page(known), () => currentCalendar(db)]);
    rows = calendar === known ? res.rows : (await page(calendar)).rows;
  }
  return { items: rows, nextAfter: rows.length === f.limit ? (rows.at(-1)!.id as number) : null };
}

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
