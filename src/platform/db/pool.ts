import pg from 'pg';

// int8 (counts, ids) as JS numbers: our ids and counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// A DATE is a calendar day, not an instant: keep 'YYYY-MM-DD' and never shift it by a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Db = pg.Pool;
export type Tx = pg.PoolClient;
/** Anything that can run a query: the pool or a transaction's client. */
export type Queryable = Pick<pg.Pool, 'query'>;

export function createPool(url: string, max = 10): Db {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'fazhi' });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  return pool;
}

/**
 * Runs independent queries side by side on a pool, and one after another on a single client: a connection
 * runs one query at a time, and pg deprecates queuing them (it will refuse in pg 9).
 */
export async function inParallel<T extends unknown[]>(
  db: Queryable,
  tasks: [...{ [K in keyof T]: () => Promise<T[K]> }],
): Promise<T> {
  if (db instanceof pg.Pool) return (await Promise.all(tasks.map((task) => task()))) as T;
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as T;
}

/** Run `fn` in one transaction: committed when it returns, rolled back when it throws. */
export async function withTx<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * A pool stand-in whose "transactions" all run inside the caller's transaction: code written against a pool
 * (each step its own withTx) can then be run atomically as a whole, e.g. loading a demo district in one commit,
 * so a crash half-way leaves nothing behind.
 */
export function insideTransaction(tx: Tx): Db {
  const client = {
    query: (text: unknown, ...rest: unknown[]) =>
      text === 'BEGIN' || text === 'COMMIT' || text === 'ROLLBACK'
        ? Promise.resolve({ rows: [], rowCount: 0 })
        : (tx.query as (...a: unknown[]) => unknown)(text, ...rest),
    release: () => {},
  };
  return { query: client.query, connect: async () => client } as unknown as Db;
}
