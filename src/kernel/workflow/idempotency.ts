import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';

/** Hooks the engine calls inside the action's own transaction. */
export interface Idempotency {
  /** Waits for concurrent retries of the same key; returns the first response when there was one. */
  check(tx: Tx): Promise<unknown | undefined>;
  /** Stores the response with the key, committed together with the action. */
  store(tx: Tx, result: unknown): Promise<void>;
  /** The row store() writes, for a statement that stores it itself (a creation written in one statement). */
  record: { userId: number; key: string; requestHash: string; status: number };
}

/**
 * Idempotency-Key handling for create and transition. A retry with the same key and body gets the first
 * response; the same key with another body is refused. Concurrent retries wait on a transaction-level advisory
 * lock keyed by (user, key), taken on the action's own connection, so exactly one of them does the work.
 */
export function idempotencyFor(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
): Idempotency | undefined {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '') return undefined;
  if (key.length > 100) throw new AppError('VALIDATION', 'Idempotency-Key 最长 100 个字符');
  const userId = req.actor.userId!;
  const hash = createHash('sha256')
    .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
    .digest('hex');
  return {
    record: { userId, key, requestHash: hash, status },
    async check(tx) {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${userId}:${key}`]);
      const { rows } = await tx.query<{ request_hash: string; status: number; response: unknown }>(
        'SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
        [userId, key],
      );
      const prior = rows[0];
      if (!prior) return undefined;
      if (prior.request_hash !== hash)
        throw new AppError('IDEMPOTENCY_MISMATCH', '该 Idempotency-Key 已用于内容不同的请求');
      reply.header('idempotent-replayed', 'true');
      reply.code(prior.status);
      return prior.response;
    },
    async store(tx, result) {
      await tx.query(
        'INSERT INTO idempotency_keys (user_id, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5)',
        [userId, key, hash, status, JSON.stringify(result)],
      );
    },
  };
}
