import { createHash } from 'node:crypto';
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

/**
 * A query as a named statement, named by its text's hash: PostgreSQL parses and analyses it once per connection
 * and keeps it, where an unnamed statement is parsed each time. For the big statements the busiest paths run
 * thousands of times a day (a matter's creation with its CTEs: about half of its time went to that). Equal names
 * always mean equal texts, as pg requires of a connection's statements.
 */
export function named(text: string, values: unknown[]): pg.QueryConfig {
  return { name: `fazhi_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text, values };
}

/**
 * The product's pool, with a few connections of its own on the side whose named statements keep one generic plan
 * (PostgreSQL's plan_cache_mode): for a statement whose planning costs more than its run and whose best plan does not
 * depend on its values (the matter list's shapes). The setting applies to a whole session, hence separate
 * connections, opened on first use, closed soon after use and with the pool.
 */
export class FazhiPool extends pg.Pool {
  #generic: pg.Pool | undefined;

  genericPlans(): pg.Pool {
    if (!this.#generic) {
      this.#generic = new pg.Pool({
        ...this.options,
        max: 2,
        // Closed soon after use, so that a database dropped after its pool ended has no session left on it.
        idleTimeoutMillis: 1000,
        allowExitOnIdle: true,
        options: '-c plan_cache_mode=force_generic_plan',
      });
      this.#generic.on('error', () => {});
    }
    return this.#generic;
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's end() has a callback overload
  override async end(...args: any[]): Promise<any> {
    await this.#generic?.end();
    this.#generic = undefined;
    return super.end(...(args as []));
  }
}

export function createPool(url: string, max = 10): Db {
  const pool = new FazhiPool({ connectionString: url, max, application_name: 'fazhi' });
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
