import type { Actor } from '../../platform/access/actor.ts';
import { named, type Tx } from '../../platform/db/pool.ts';
import { insertStartedCte, type StartedRow } from '../deadlines/deadlines.ts';

/**
 * Gap-free numbers: one row per counter and year in doc_number_counters, taken under its row lock inside the
 * issuing transaction (no gaps, no duplicates). Steps take their numbers at the very end of their transaction (a
 * creation without documents in the one statement that writes it, insert-matter.ts), so that concurrent steps
 * queue only for the number and the commit. The printed form is the SQL function
 * doc_number() (migration 0028): 镇司复〔2025〕12号.
 */
/**
 * CTEs p (the printed prefix) and n (the number taken), from the counter, year, setting key and default prefix given;
 * no number is taken where `guard` (an SQL condition) does not hold.
 */
const counterCte = (
  counter: string,
  year: string,
  settingKey: string,
  defaultPrefix: string,
  guard?: string,
) => `
  p AS (SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = ${settingKey}), ${defaultPrefix}::text) AS prefix),
  n AS (
    INSERT INTO doc_number_counters (prefix, year, last) SELECT coalesce(${counter}, p.prefix), ${year}, 1 FROM p
    ${guard ? `WHERE ${guard}` : ''}
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

/** A matter kind's counter: its kind counts per year; the prefix is the setting `refPrefix.<line>.<kind>`, else the kind's default. */
export interface MatterNumbering {
  line: string;
  kind: string;
  defaultPrefix: string;
  year: number;
}

/**
 * CTEs p and n taking a matter's number, and the SQL of that number, for a statement that writes the matter under
 * it (insert-matter.ts). `at` adds a parameter and names it; `guard`, an SQL condition, must hold for a number to
 * be taken (and so for the matter to be written).
 */
export function matterNumberCte(m: MatterNumbering, at: (v: unknown) => string, guard?: string) {
  const year = at(m.year);
  const cte = counterCte(
    at(`matter:${m.line}:${m.kind}`),
    `${year}::int`,
    at(`refPrefix.${m.line}.${m.kind}`),
    at(m.defaultPrefix),
    guard,
  );
  return { cte, number: `doc_number(p.prefix, ${year}::int, n.last)` };
}

/**
 * Numbers a matter written under a placeholder reference and makes the number searchable, in one statement. Used
 * where the creating step issues documents first (they are rendered before the counter is locked); otherwise the
 * INSERT takes the number itself.
 */
export async function numberMatter(tx: Tx, matterId: number, m: MatterNumbering): Promise<string> {
  const params: unknown[] = [matterId];
  const { cte, number } = matterNumberCte(m, (v) => `$${params.push(v)}`);
  const { rows } = await tx.query<{ refNo: string }>(
    `WITH ${cte}
     UPDATE matters SET ref_no = ${number}, search_text = ${number} || ' ' || search_text
     FROM p, n WHERE id = $1 RETURNING ref_no AS "refNo"`,
    params,
  );
  return rows[0]!.refNo;
}

/**
 * The end of a new matter's creation without documents: the periods its creating step starts (see freshStartRows)
 * and the audit entry (matter.create, with the number), in one statement.
 */
export async function finishNewMatter(
  tx: Tx,
  actor: Actor,
  matter: { id: number; refNo: string; line: string; kind: string },
  started: { rows: StartedRow[]; ownerOrgId: number; regionCode: string; eventId: number } | null,
): Promise<void> {
  const params: unknown[] = [matter.id];
  const at = (v: unknown) => `$${params.push(v)}`;
  const periods = started
    ? `WITH ${insertStartedCte(at(JSON.stringify(started.rows)), '$1', at(started.ownerOrgId), at(started.regionCode), at(started.eventId))} `
    : '';
  const text = `${periods}SELECT audit_append(${at(actor.userId)}, ${at(actor.name)}, ${at(actor.ip ?? null)}, ${at(actor.requestId ?? null)},
                         'matter.create', 'matter', $1::text, 'success',
                         jsonb_build_object('line', ${at(matter.line)}::text, 'kind', ${at(matter.kind)}::text, 'refNo', ${at(matter.refNo)}::text))`;
  await tx.query(named(text, params));
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
