import type { Actor } from '../access/actor.ts';
import { inParallel, named, type Queryable } from '../db/pool.ts';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  action: string;
  objectType?: string;
  objectId?: string | number;
  outcome?: AuditOutcome;
  summary?: Record<string, unknown>;
}

/**
 * Append one row to the hash-chained audit trail. Call it with the transaction that does the action,
 * so the row and the action commit or roll back together. The entry is queued and linked into the chain by the
 * transaction's commit (migration 0053), so appending takes no lock and may come anywhere in the transaction.
 * Returns the entry's place in the queue, not its seq.
 */
export async function audit(db: Queryable, actor: Actor, entry: AuditEntry): Promise<number> {
  const { rows } = await db.query<{ queued: number }>(
    named('SELECT audit_append($1, $2, $3, $4, $5, $6, $7, $8, $9) AS queued', [
      actor.userId,
      actor.name,
      actor.ip ?? null,
      actor.requestId ?? null,
      entry.action,
      entry.objectType ?? null,
      entry.objectId == null ? null : String(entry.objectId),
      entry.outcome ?? 'success',
      entry.summary ? JSON.stringify(entry.summary) : null,
    ]),
  );
  return rows[0]!.queued;
}

/** Appends many entries of one actor in one statement, chained in the order given (an import's transaction). */
export async function auditMany(db: Queryable, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  // The function is called row by row in the subquery's order: each entry links to the one before.
  await db.query(
    `SELECT audit_append($1, $2, $3, $4, e.action, e.object_type, e.object_id, e.outcome, e.summary)
     FROM (SELECT * FROM ROWS FROM (jsonb_to_recordset($5::jsonb)
             AS (action text, object_type text, object_id text, outcome text, summary jsonb)) WITH ORDINALITY
             AS x(action, object_type, object_id, outcome, summary, ord)
           ORDER BY ord OFFSET 0) AS e`,
    [
      actor.userId,
      actor.name,
      actor.ip ?? null,
      actor.requestId ?? null,
      JSON.stringify(
        entries.map((entry) => ({
          action: entry.action,
          object_type: entry.objectType ?? null,
          object_id: entry.objectId == null ? null : String(entry.objectId),
          outcome: entry.outcome ?? 'success',
          summary: entry.summary ?? null,
        })),
      ),
    ],
  );
}

/** The first broken link of the chain, or null when the whole chain verifies. */
export async function verifyAuditChain(
  db: Queryable,
): Promise<{ ok: true; rows: number } | { ok: false; brokenSeq: number; reason: string; rows: number }> {
  const [broken, count] = await inParallel(db, [
    () => db.query<{ broken_seq: number; reason: string }>('SELECT * FROM audit_verify()'),
    () => db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'),
  ]);
  const rows = count.rows[0]!.n;
  const b = broken.rows[0];
  return b ? { ok: false, brokenSeq: b.broken_seq, reason: b.reason, rows } : { ok: true, rows };
}
