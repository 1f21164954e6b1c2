import type { Tx } from '../../platform/db/pool.ts';

/**
 * The next number of a counter together with the prefix to print it under (the bureau's setting `settingKey`, else
 * `defaultPrefix`), in one round trip. Documents count per prefix (`counter` null); matters per line and kind.
 */
export async function nextNumberWithPrefix(
  tx: Tx,
  counter: string | null,
  year: number,
  settingKey: string,
  defaultPrefix: string,
): Promise<{ prefix: string; seq: number }> {
  const { rows } = await tx.query<{ prefix: string; seq: number }>(
    `WITH p AS (SELECT coalesce((SELECT value #>> '{}' FROM settings WHERE key = $3), $4::text) AS prefix),
     n AS (
       INSERT INTO doc_number_counters (prefix, year, last) SELECT coalesce($1, p.prefix), $2, 1 FROM p
       ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + 1 RETURNING last)
     SELECT p.prefix, n.last AS seq FROM p, n`,
    [counter, year, settingKey, defaultPrefix],
  );
  return rows[0]!;
}

/** 镇司复〔2025〕12号: the year in full inside 六角括号, no leading zeros, no 第 (GB/T 9704-2012 7.2.4). */
export const formatDocNumber = (prefix: string, year: number, seq: number) => `${prefix}〔${year}〕${seq}号`;
