import type { Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { CALENDAR_STAMP } from '../calendar/service.ts';
import { mayWriteVia } from './access.ts';
import { counterCte } from './numbering.ts';

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
   * Number the matter and append its audit entry in the same statement (a kind whose creation issues no document):
   * the counter's and the audit chain's locks are then taken here and held to commit. Otherwise the matter gets a
   * placeholder reference, numbered at the end of the transaction (numberMatter), after the documents are rendered.
   */
  numberNow?: { defaultPrefix: string; year: number; actor: Actor };
}

/**
 * The INSERT of a new matter and its first event, in one statement that also reads the calendar's stamp (so the
 * creating step's periods need no query of their own for it) and, as asked, checks the permission and numbers and
 * audits the matter. No row comes back when the permission check fails.
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
  const n = o.numberNow;
  if (n) {
    params.push(`matter:${r.line}:${r.kind}`, n.year, `refPrefix.${r.line}.${r.kind}`, n.defaultPrefix);
    params.push(n.actor.userId, n.actor.name, n.actor.ip ?? null, n.actor.requestId ?? null);
  }
  const number = 'doc_number(p.prefix, $18, n.last)';
  const { rows } = await tx.query<{ id: number; eventId: number; refNo: string; calendar: string }>(
    `WITH ${n ? `${counterCte('$17', '$18', '$19', '$20')},` : ''}
     m AS (
       INSERT INTO matters (line, kind, ref_no, title, owner_org_id, region_code, subject_org_id, state, opened_on,
                            is_demo, sensitive, search_text, created_by, closed_on)
       SELECT $1, $2, ${n ? number : `'~' || gen_random_uuid()`}, $3, $4, $5, $6, $7, $8, $9, $10,
              ${n ? `${number} || ' ' || $11` : '$11'}, $12, $15
       ${n ? 'FROM p, n' : ''}
       WHERE $16::bigint[] IS NULL OR ${mayWriteVia('$4::bigint', '$1', '$16')}
       RETURNING id, ref_no),
     e AS (
       INSERT INTO matter_events (matter_id, seq, action, from_state, to_state, occurred_on, actor_id, actor_name,
                                  payload)
       SELECT m.id, 1, 'create', NULL, $7, $8, $12, $13, $14 FROM m RETURNING matter_id, id)
     SELECT e.matter_id AS id, e.id AS "eventId", m.ref_no AS "refNo", ${CALENDAR_STAMP} AS calendar${
       n
         ? `, audit_append($21, $22, $23, $24, 'matter.create', 'matter', m.id::text, 'success',
                         jsonb_build_object('line', $1::text, 'kind', $2::text, 'refNo', m.ref_no))`
         : ''
     }
     FROM e, m`,
    params,
  );
  return rows[0];
}
