import type { Db, Tx } from './db/pool.ts';
import { withTx } from './db/pool.ts';

export type JobHandler = (tx: Tx, payload: Record<string, unknown>) => Promise<void>;

/**
 * Background jobs on PostgreSQL itself: a jobs table claimed with FOR UPDATE SKIP LOCKED, so any number of
 * server processes share the work and no second server is needed. A job runs in its own transaction; a failure
 * rolls its work back, records the error and retries later (up to 5 attempts).
 */
export async function enqueue(
  db: Pick<Db, 'query'>,
  kind: string,
  payload: Record<string, unknown> = {},
  runAt?: Date,
) {
  await db.query(
    `INSERT INTO jobs (kind, payload, run_at) VALUES ($1, $2, coalesce($3, now()))
     ON CONFLICT (kind, (payload->>'day')) WHERE done_at IS NULL DO NOTHING`,
    [kind, JSON.stringify(payload), runAt ?? null],
  );
}

/** Claims and runs due jobs until none is left; returns how many ran. */
export async function runDueJobs(db: Db, handlers: Record<string, JobHandler>): Promise<number> {
  let ran = 0;
  for (;;) {
    const done = await withTx(db, async (tx) => {
      const { rows } = await tx.query<{
        id: number;
        kind: string;
        payload: Record<string, unknown>;
        attempts: number;
      }>(
        `SELECT id, kind, payload, attempts FROM jobs
         WHERE done_at IS NULL AND run_at <= now() AND attempts < 5
         ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT 1`,
      );
      const job = rows[0];
      if (!job) return false;
      const handler = handlers[job.kind];
      try {
        await tx.query('SAVEPOINT job');
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(tx, job.payload);
        await tx.query('UPDATE jobs SET done_at = now(), attempts = attempts + 1 WHERE id = $1', [job.id]);
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT job');
        await tx.query(
          `UPDATE jobs SET attempts = attempts + 1, last_error = $2, run_at = now() + make_interval(mins => 5 * (attempts + 1))
           WHERE id = $1`,
          [job.id, String(err).slice(0, 2000)],
        );
      }
      return true;
    });
    if (!done) return ran;
    ran++;
  }
}

/** Polls for due jobs every `everyMs` and calls `tick` first (to enqueue periodic work). Returns a stop function. */
export function startJobLoop(
  db: Db,
  handlers: Record<string, JobHandler>,
  tick: () => Promise<void>,
  everyMs = 60_000,
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    if (stopped) return;
    try {
      await tick();
      await runDueJobs(db, handlers);
    } catch {
      /* the database may be restarting; try again next round */
    }
    if (!stopped) timer = setTimeout(loop, everyMs);
  };
  timer = setTimeout(loop, 1000);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
