import type { Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { CALENDAR_STAMP } from '../calendar/service.ts';
import { mayWriteVia } from './access.ts';

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
}

/**
 * The INSERT of a new matter, under a placeholder reference (numbered at the end of its transaction, see
 * numberMatter), and its first event, in one statement that also reads the calendar's stamp (so the creating step's
 * periods need no query of their own for it) and, as asked, checks the permission. No row comes back when the
 * permission check fails.
 */
export async function insertNewMatter(tx: Tx, actor: Actor, r: NewMatterRow, o: InsertOptions) {
  const params: unknown[] = [
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
    o.permittedVia,
  ];
  const { rows } = await tx.query<{ id: number; eventId: number; placeholder: string; calendar: string }>(
    `WITH m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, subject_org_id, state, opened_on,
                            is_demo, sensitive, search_text, created_by, closed_on)
       SELECT $1, $2, '~' || gen_random_uuid(), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $15
       WHERE $16::bigint[] IS NULL OR ${mayWriteVia('$4::bigint', '$1', '$16')}
       RETURNING id, ref_no),
     e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name,
                                  payload)
       SELECT m.id, 1, 'create', NULL, $7, $8, $12, $13, $14 FROM m RETURNING matter_id, id)
     SELECT e.matter_id AS id, e.id AS "eventId", m.ref_no AS placeholder, ${CALENDAR_STAMP} AS calendar
     FROM e, m`,
    params,
  );
  return rows[0];
}
