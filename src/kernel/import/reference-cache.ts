/**
 * A batch of imported rows asks the same reference questions for every row (the organ directory, who is above
 * whom, the settings, whether the holiday calendar changed): about a third of the engine's round trips per
 * matter, and the bureau profile's names and issuers once per document. Inside one import transaction these answers are read once and reused, as a snapshot taken when the
 * batch began; the import writes none of these tables, and a change committed meanwhile by someone else applies
 * from the next batch (a second or so later).
 *
 * Only plain SELECTs whose every FROM/JOIN names one of REFERENCE_TABLES are cached: no locking clause, no
 * function with a side effect, nothing reading matters, deadlines, parties or the audit trail.
 */
import type { Db } from '../../platform/db/pool.ts';

const REFERENCE_TABLES = new Set([
  'orgs',
  'org_closure',
  'settings',
  'holiday_calendars',
  'regions',
  'profile_versions',
  // Which lines are restricted and who reads them (rolesOver asks for every row of a line's kind).
  'restricted_lines',
  'restricted_line_readers',
  // The ordinary lines' reader organisations (migration 0046), which rolesOver reads too.
  'line_readers',
]);

export function cacheable(sql: string): boolean {
  if (!/^\s*SELECT\b/i.test(sql)) return false;
  if (
    /\bFOR\s+(UPDATE|SHARE|NO\s+KEY|KEY)\b/i.test(sql) ||
    /\b(nextval|setval|audit_append|now|random)\s*\(/i.test(sql)
  )
    return false;
  const tables = [...sql.matchAll(/\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_.]*)/gi)].map((m) =>
    m[1]!.toLowerCase(),
  );
  return tables.length > 0 && tables.every((t) => REFERENCE_TABLES.has(t));
}

type QueryFn = (text: unknown, params?: unknown) => Promise<{ rows: Record<string, unknown>[] }>;

export type ReferenceCache = Map<string, Promise<{ rows: Record<string, unknown>[] }>>;

/**
 * `db` (a transaction seen as a pool, see insideTransaction) with its reference reads answered from `cache`, which
 * the caller keeps for one import call (a few seconds).
 */
export function withReferenceCache(db: Db, cache: ReferenceCache = new Map()): Db {
  const memo =
    (query: QueryFn): QueryFn =>
    (text, params) => {
      // A named statement (pool.ts named()) brings its text and values in one object.
      const sql = typeof text === 'string' ? text : (text as { text?: unknown } | null)?.text;
      if (typeof sql !== 'string' || !cacheable(sql)) return query(text, params);
      const values = typeof text === 'string' ? params : (text as { values?: unknown }).values;
      const key = `${sql}\u0000${JSON.stringify(values ?? [])}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = query(text, params);
        cache.set(key, hit);
        hit.catch(() => cache.delete(key));
      }
      // Callers get their own row objects, so one cannot change what the next one reads. A read that failed
      // (its transaction ended meanwhile) is asked again on the caller's own transaction.
      const copy = (r: { rows: Record<string, unknown>[] }) => ({
        ...r,
        rows: r.rows.map((row) => ({ ...row })),
      });
      return hit.then(copy, () => query(text, params).then(copy));
    };
  const query = memo(db.query.bind(db) as unknown as QueryFn);
  return {
    query,
    connect: async () => {
      const client = (await db.connect()) as unknown as { query: QueryFn; release: () => void };
      return { query: memo(client.query.bind(client)), release: () => client.release() };
    },
  } as unknown as Db;
}
