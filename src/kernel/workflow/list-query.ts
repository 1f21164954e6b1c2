import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.ts';
import { likeEscape } from '../../platform/db/like.ts';
import { AppError } from '../../platform/http/errors.ts';
import { CALENDAR_STAMP } from '../calendar/service.ts';
import { deadlineStatusSql, officeKindsSql } from '../deadlines/badge.ts';
import { identityLookup } from '../parties/registry.ts';
import { matterReadable, matterReadParam } from './access.ts';
import { getLine } from './registry.ts';

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
  /** The line's own list filters (LineDef.listFilters) by id, e.g. { disputeType: 'labour' }; needs `line`. */
  fields?: Record<string, string>;
  today: string;
  /** Keyset: the id of the last row of the previous page (lists are newest first). */
  after?: number;
  limit: number;
}

/**
 * The SQL of a list page with only the conditions the request uses, and a statement name per shape whose one plan
 * may be kept (see listMatters). A catch-all (`$n IS NULL OR …` for every filter) cost the planner a millisecond a
 * page — more than reading the page — and could not be planned once. The values are always parameters, never
 * spliced into the text.
 */
export function listQuery(actor: Actor, f: MatterListFilter, soon: string) {
  const values: unknown[] = [matterReadParam(actor)];
  const bind = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  // The scope rule comes first and unchanged: its placeholder is $1.
  const where = [matterReadable(1)];
  if (f.line) where.push(`m.line = ${bind(f.line)}::text`);
  if (f.kind) where.push(`m.kind = ${bind(f.kind)}::text`);
  if (f.state) where.push(`m.state = ${bind(f.state)}::text`);
  const words = likeEscape(f.q?.trim() || null);
  if (words) {
    // A full identity number or credit code finds the matters of that party through the registry's blind index:
    // the number itself is never stored in clear, so it cannot be in search_text.
    const byNumber = identityLookup(f.q!);
    where.push(`(m.search_text LIKE '%' || ${bind(words)}::text || '%' OR m.id IN (
      SELECT mp.matter_id FROM matter_parties mp JOIN parties p ON p.id = mp.party_id
      WHERE p.id_number_index = ANY(${bind(byNumber?.indexes ?? [])}::bytea[])
         OR p.credit_code = ${bind(byNumber?.number ?? null)}::text))`);
  }
  if (f.ownerOrgId) where.push(`m.owner_org_id = ${bind(f.ownerOrgId)}::bigint`);
  if (f.openedFrom) where.push(`m.opened_on >= ${bind(f.openedFrom)}::date`);
  if (f.openedTo) where.push(`m.opened_on <= ${bind(f.openedTo)}::date`);
  const today = bind(f.today);
  const soonAt = bind(soon);
  const status = deadlineStatusSql('dl', today, soonAt);
  // 仅看超期 asks whether any running office period is overdue, which is what the most urgent one's badge says.
  if (f.overdue)
    where.push(`EXISTS (SELECT 1 FROM deadlines dl
      WHERE dl.matter_id = m.id AND dl.status = 'running' AND dl.kind IN ${officeKindsSql} AND ${status} = 'overdue')`);
  if (f.after) where.push(`m.id < ${bind(f.after)}::bigint`);
  if (f.region) {
    // A town (9 digits; also the town of a village) is said as the equality the town indexes and statistics of
    // migration 0032 know, so its matters come in id order; a district or village stays a prefix.
    if (f.region.length >= 9) where.push(`left(m.region_code, 9) = ${bind(f.region.slice(0, 9))}::text`);
    if (f.region.length !== 9) where.push(`m.region_code LIKE ${bind(`${likeEscape(f.region)}%`)}::text`);
  }
  for (const c of lineFilterConditions(f, bind)) where.push(c);
  // The page is chosen on matters alone (as the bare indexed query would), and only its rows get their
  // organisations' names and most urgent deadline: joining before the LIMIT did that work for every matter of a
  // filtered town (21,000 at the district's volume) to keep 20. The names are scalar subqueries and the status is
  // computed once per deadline (OFFSET 0 keeps the inner query whole): each join and each inlined deadline_status()
  // is planned again for every page, and planning was most of a page's time.
  const text = `WITH page AS (
  SELECT m.id, m.line, m.kind, m.ref_no, m.title, m.state, m.opened_on, m.closed_on, m.version, m.owner_org_id,
         m.subject_org_id
  FROM matters m WHERE ${where.join('\n    AND ')}
  ORDER BY m.id DESC LIMIT ${Math.trunc(f.limit)}
)
SELECT p.id, p.line, p.kind, p.ref_no AS "refNo", p.title, p.state, p.opened_on AS "openedOn",
       p.closed_on AS "closedOn", (SELECT name FROM orgs WHERE id = p.owner_org_id) AS "ownerOrgName",
       (SELECT name FROM orgs WHERE id = p.subject_org_id) AS "subjectOrgName", p.version,
       d.due_on AS "nextDue", d.provisional AS "nextDueProvisional", d.badge AS "nextDueBadge",
       d.on_expiry AS "nextDueOnExpiry", (d.badge = 'overdue') AS overdue, ${CALENDAR_STAMP} AS "calendarStamp"
FROM page p
LEFT JOIN LATERAL (
  SELECT x.due_on, x.provisional, x.on_expiry, x.badge FROM (
    SELECT dl.due_on, dl.provisional, dl.on_expiry, ${status} AS badge FROM deadlines dl
    WHERE dl.matter_id = p.id AND dl.status = 'running' AND dl.kind IN ${officeKindsSql} OFFSET 0
  ) x
  ORDER BY x.badge = 'overdue' DESC, x.due_on LIMIT 1
) d ON true
ORDER BY p.id DESC`;
  // A text search, an opened-date range and 仅看超期 select few or many rows depending on their values (a rare word
  // wants the trigram index, a common one the id order): those shapes are planned for their values at every run.
  // The others (line, kind, state, town, organisation, the line's codes, the keyset) are equalities whose one plan
  // walks an index in id order whatever the values.
  const keepPlan = !words && !f.openedFrom && !f.openedTo && !f.overdue;
  const name = `matters.list.${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  return keepPlan ? { name, text, values } : { text, values };
}

/**
 * A line's declared list filters as conditions: the value must be one of the filter's vocabulary, and the table and
 * column are the declaration's (checked as plain identifiers when the line registered), so nothing of the request
 * reaches the SQL text but through a parameter.
 */
function lineFilterConditions(f: MatterListFilter, bind: (v: unknown) => string): string[] {
  const given = Object.entries(f.fields ?? {}).filter(([, v]) => v !== '');
  if (!given.length) return [];
  if (!f.line) throw new AppError('VALIDATION', '按条线字段筛选时须指定业务条线');
  const line = getLine(f.line);
  return given.map(([id, value], i) => {
    const def = line.listFilters?.find((d) => d.id === id);
    if (!def) throw new AppError('VALIDATION', `${line.label}没有筛选项 ${id}`);
    if (!Object.hasOwn(line.vocabularies?.[def.vocabulary] ?? {}, value))
      throw new AppError('VALIDATION', `${def.label}没有 ${value} 这一项`);
    const a = `lf${i}`;
    if (def.table === 'matters') return `m.${def.column} = ${bind(value)}::text`;
    return `EXISTS (SELECT 1 FROM ${def.table} ${a} WHERE ${a}.matter_id = m.id AND ${a}.${def.column} = ${bind(value)}::text)`;
  });
}
