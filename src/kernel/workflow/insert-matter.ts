import type { Actor } from '../../platform/access/actor.ts';
import { named, type Tx } from '../../platform/db/pool.ts';
import { CALENDAR_STAMP } from '../calendar/service.ts';
import { insertStartedCte, type StartedRow } from '../deadlines/deadlines.ts';
import { mayWriteVia } from './access.ts';
import type { Idempotency } from './idempotency.ts';
import { type MatterNumbering, matterNumberCte } from './numbering.ts';

export interface NewMatterRow {
  line: string;
  kind: string;
  title: string;
  ownerOrgId: number;
  regionCode: string;
  subjectOrgId: number | null;
  state: string;
  openedOn: string;
  closedOn: string | null;
  isDemo: boolean;
  sensitive: boolean;
  searchText: string;
  payload: string;
}

export interface InsertOptions {
  /** Check the permission in the statement: one of these organisations must give roles over the owner (mayWriteVia). */
  permittedVia: number[] | null;
  /**
   * Number the matter in this statement, from its kind's counter. Without it the matter gets a placeholder,
   * numbered by numberMatter at the end of the transaction (after its documents are rendered); with it no second
   * version of the row is written (the number is indexed, so that UPDATE rewrote every index of matters).
   */
  numbering: MatterNumbering | null;
}

/** The parameters every form of the INSERT shares ($1–$16), in the order matterCtes names them. */
const rowParams = (actor: Actor, r: NewMatterRow, permittedVia: number[] | null): unknown[] => [
  r.line,
  r.kind,
  r.title,
  r.ownerOrgId,
  r.regionCode,
  r.subjectOrgId,
  r.state,
  r.openedOn,
  r.isDemo,
  r.sensitive,
  r.searchText,
  actor.userId,
  actor.name,
  r.payload,
  r.closedOn,
  permittedVia,
];

/** Whether the actor may write here, as the statement checks it ($16 null: checked before). */
const PERMITTED = `($16::bigint[] IS NULL OR ${mayWriteVia('$4::bigint', '$1', '$16')})`;

/** CTEs m (the matter, under `refNo`, from `from`) and e (its first event), over rowParams. */
const matterCtes = (refNo: string, searchText: string, from: string) => `
  m AS (
    INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, subject_org_id, state, opened_on,
                         is_demo, sensitive, search_text, created_by, closed_on)
    SELECT $1, $2, ${refNo}, $3, $4, $5, $6, $7, $8, $9, $10, ${searchText}, $12, $15 ${from}
    RETURNING id, ref_no),
  e AS (
    INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name,
                               payload)
    SELECT m.id, 1, 'create', NULL, $7, $8, $12, $13, $14 FROM m RETURNING matter_id, id)`;

/**
 * The INSERT of a new matter, numbered or under a placeholder reference (see InsertOptions), and its first event,
 * in one statement that also reads the calendar's stamp (so the creating step's periods need no query of their own
 * for it) and, as asked, checks the permission. No row comes back when the permission check fails (the number it
 * took is given back by the rollback that follows).
 */
export async function insertNewMatter(tx: Tx, actor: Actor, r: NewMatterRow, o: InsertOptions) {
  const params = rowParams(actor, r, o.permittedVia);
  const numbered = o.numbering && matterNumberCte(o.numbering, (v) => `$${params.push(v)}`);
  const ctes = numbered
    ? `${numbered.cte}, ${matterCtes(numbered.number, `${numbered.number} || ' ' || $11`, `FROM p, n WHERE ${PERMITTED}`)}`
    : matterCtes(`'~' || gen_random_uuid()`, '$11', `WHERE ${PERMITTED}`);
  const { rows } = await tx.query<{ id: number; eventId: number; refNo: string; calendar: string }>(
    named(
      `WITH ${ctes}
       SELECT e.matter_id AS id, e.id AS "eventId", m.ref_no AS "refNo", ${CALENDAR_STAMP} AS calendar
       FROM e, m`,
      params,
    ),
  );
  return rows[0];
}

export type WholeMatterResult =
  | { written: true; id: number; eventId: number; refNo: string }
  | { written: false; reason: 'forbidden' | 'calendarChanged' };

/**
 * A whole creation in one statement: the number, the matter, its first event, the periods its step starts and the
 * audit entry. The periods were computed beforehand on this process's calendar, built on `calendarStamp`; if the
 * loaded notices changed since, nothing is written (no number taken either) and the caller goes the longer way.
 * The counter's lock is then held for the commit alone (the audit entry is sealed by the commit, migration 0053).
 */
export async function insertWholeMatter(
  tx: Tx,
  actor: Actor,
  r: NewMatterRow,
  o: {
    permittedVia: number[] | null;
    numbering: MatterNumbering;
    calendarStamp: string;
    started: StartedRow[];
    /**
     * The Idempotency-Key's row, stored by the statement with the reply createMatter gives (the statement then
     * commits on its own: see createMatter). A concurrent request with the same key makes it fail on the key.
     */
    reply?: Idempotency['record'] & { warnings: string[] };
  },
): Promise<WholeMatterResult> {
  const params = rowParams(actor, r, o.permittedVia);
  const at = (v: unknown) => `$${params.push(v)}`;
  const fresh = `${CALENDAR_STAMP} = ${at(o.calendarStamp)}`;
  const numbered = matterNumberCte(o.numbering, at, `(SELECT fresh FROM ok) AND ${PERMITTED}`);
  const periods = o.started.length
    ? `, ${insertStartedCte(`(SELECT ${at(JSON.stringify(o.started))}::jsonb FROM m)`, '(SELECT id FROM m)', '$4', '$5', '(SELECT id FROM e)')}`
    : '';
  const k = o.reply;
  const reply = k
    ? `, k AS (
         INSERT INTO idempotency_keys (user_id, key, request_hash, status, response)
         SELECT ${at(k.userId)}, ${at(k.key)}, ${at(k.requestHash)}, ${at(k.status)},
                jsonb_build_object('id', m.id, 'refNo', m.ref_no, 'state', $7::text, 'version', 1,
                                   'warnings', ${at(JSON.stringify(k.warnings))}::jsonb, 'documents', '[]'::jsonb)
         FROM m)`
    : '';
  const text = `WITH ok AS (SELECT ${fresh} AS fresh), ${numbered.cte},
     ${matterCtes(numbered.number, `${numbered.number} || ' ' || $11`, 'FROM p, n')}${periods}${reply}
     SELECT ok.fresh, w.id, w."eventId", w."refNo"
     FROM ok LEFT JOIN (
       SELECT m.id, e.id AS "eventId", m.ref_no AS "refNo",
              audit_append($12, $13, ${at(actor.ip ?? null)}, ${at(actor.requestId ?? null)}, 'matter.create', 'matter',
                           m.id::text, 'success', jsonb_build_object('line', $1::text, 'kind', $2::text, 'refNo', m.ref_no))
       FROM m JOIN e ON e.matter_id = m.id) w ON true`;
  const { rows } = await tx.query<{ fresh: boolean; id: number | null; eventId: number; refNo: string }>(
    named(text, params),
  );
  const row = rows[0]!;
  if (!row.fresh) return { written: false, reason: 'calendarChanged' };
  if (row.id === null) return { written: false, reason: 'forbidden' };
  return { written: true, id: row.id, eventId: row.eventId, refNo: row.refNo };
}
