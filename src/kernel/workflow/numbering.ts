import type { Actor } from '../../platform/access/actor.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { insertStartedCte, type StartedRow } from '../deadlines/deadlines.ts';

/**
 * Gap-free numbers: one row per counter and year in doc_number_counters, taken under its row lock inside the
 * issuing transaction (no gaps, no duplicates). Steps take their numbers at the very end of their transaction, so
 * that concurrent steps queue only for the number and the commit. The printed form is the SQL function
 * doc_number() (migration 0028): 镇司复〔2025〕12号.
 */
/** CTEs p (the printed prefix) and n (the number taken), from the counter, year, setting key and default prefix given. */
const counterCte = (counter: string, year: string, settingKey: string, defaultPrefix: string) => `
  p AS (SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = ${settingKey}), ${defaultPrefix}::text) AS prefix),
  n AS (
    INSERT INTO doc_number_counters (prefix, year, last) SELECT coalesce(${counter}, p.prefix), ${year}, 1 FROM p
    ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + 1 RETURNING last)`;

const COUNTER = counterCte('$1', '$2', '$3', '$4');

/**
 * A document's next number under its prefix (the bureau's setting `docPrefix.<template>`, else the template's
 * default): documents count per prefix and year.
 */
export async function nextDocumentNumber(tx: Tx, templateId: string, defaultPrefix: string, year: number) {
  const { rows } = await tx.query<{ prefix: string; seq: number; number: string }>(
    `WITH ${COUNTER} SELECT p.prefix, n.last AS seq, doc_number(p.prefix, $2, n.last) AS number FROM p, n`,
    [null, year, `docPrefix.${templateId}`, defaultPrefix],
  );
  return rows[0]!;
}

/**
 * Numbers a matter written under a placeholder reference (its kind counts per year; the prefix is the setting
 * `refPrefix.<line>.<kind>`, else the kind's default) and makes the number searchable, in one statement; given the
 * actor, the same statement appends the creation's audit entry (matter.create, with the number), the last lock the
 * intake takes.
 */
export async function numberMatter(
  tx: Tx,
  matterId: number,
  m: { line: string; kind: string; defaultPrefix: string; year: number },
  audited?: Actor,
  /** Periods the creating step starts, written by the same statement (see freshStartRows). */
  started?: { rows: StartedRow[]; ownerOrgId: number; regionCode: string; eventId: number },
): Promise<string> {
  const params: unknown[] = [
    `matter:${m.line}:${m.kind}`,
    m.year,
    `refPrefix.${m.line}.${m.kind}`,
    m.defaultPrefix,
    matterId,
  ];
  const at = (v: unknown) => `$${params.push(v)}`;
  const audit = audited
    ? `, audit_append(${at(audited.userId)}, ${at(audited.name)}, ${at(audited.ip ?? null)}, ${at(audited.requestId ?? null)},
                     'matter.create', 'matter', $5::text, 'success',
                     jsonb_build_object('line', ${at(m.line)}::text, 'kind', ${at(m.kind)}::text, 'refNo', u.ref_no))`
    : '';
  const periods = started
    ? `${insertStartedCte(at(JSON.stringify(started.rows)), '$5', at(started.ownerOrgId), at(started.regionCode), at(started.eventId))},`
    : '';
  const { rows } = await tx.query<{ refNo: string }>(
    `WITH ${periods}${COUNTER},
     u AS (
       UPDATE matters SET ref_no = doc_number(p.prefix, $2, n.last),
                          search_text = doc_number(p.prefix, $2, n.last) || ' ' || search_text
       FROM p, n WHERE id = $5 RETURNING ref_no)
     SELECT u.ref_no AS "refNo"${audit} FROM u`,
    params,
  );
  return rows[0]!.refNo;
}

/**
 * The next `n` numbers of a counter at once, for a batch (an import's transaction): one statement under the same
 * row lock, the numbers in the order they will be given. `counter` null counts under the printed prefix, as
 * documents do; a matter kind's counter is `matter:<line>:<kind>`.
 */
export async function reserveNumbers(
  tx: Tx,
  c: { counter: string | null; settingKey: string; defaultPrefix: string; year: number; n: number },
): Promise<{ prefix: string; seq: number; number: string }[]> {
  const { rows } = await tx.query<{ prefix: string; seq: number; number: string }>(
    `WITH p AS (SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = $3), $4::text) AS prefix),
     n AS (
       INSERT INTO doc_number_counters (prefix, year, last) SELECT coalesce($1, p.prefix), $2, $5 FROM p
       ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + $5 RETURNING last)
     SELECT p.prefix, s AS seq, doc_number(p.prefix, $2, s) AS number
     FROM p, n, generate_series(n.last - $5 + 1, n.last) AS s ORDER BY s`,
    [c.counter, c.year, c.settingKey, c.defaultPrefix, c.n],
  );
  return rows;
}

/** Numbers many matters of one kind and year written under placeholder references, in the order given. */
export async function numberMatters(
  tx: Tx,
  ids: number[],
  m: { line: string; kind: string; defaultPrefix: string; year: number },
): Promise<string[]> {
  const numbers = await reserveNumbers(tx, {
    counter: `matter:${m.line}:${m.kind}`,
    settingKey: `refPrefix.${m.line}.${m.kind}`,
    defaultPrefix: m.defaultPrefix,
    year: m.year,
    n: ids.length,
  });
  await tx.query(
    `UPDATE matters SET ref_no = u.num, search_text = u.num || ' ' || search_text
     FROM unnest($1::bigint[], $2::text[]) AS u(id, num) WHERE matters.id = u.id`,
    [ids, numbers.map((x) => x.number)],
  );
  return numbers.map((x) => x.number);
}
