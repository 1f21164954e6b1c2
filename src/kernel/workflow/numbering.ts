import type { Tx } from '../../platform/db/pool.ts';

/**
 * The next number in a (prefix, year) series. The counter row stays locked until the calling transaction ends,
 * and a rolled-back transaction gives its number back: numbers are unique and gap-free under concurrency.
 */
export async function nextNumber(tx: Tx, prefix: string, year: number): Promise<number> {
  const { rows } = await tx.query<{ last: number }>(
    `INSERT INTO doc_number_counters (prefix, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_counters.last + 1
     RETURNING last`,
    [prefix, year],
  );
  return rows[0]!.last;
}

/** 镇司复〔2025〕12号: the year in full inside 六角括号, no leading zeros, no 第 (GB/T 9704-2012 7.2.4). */
export const formatDocNumber = (prefix: string, year: number, seq: number) => `${prefix}〔${year}〕${seq}号`;
