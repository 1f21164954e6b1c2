import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/pool.ts';

export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
export const SESSION_COOKIE = 'fazhi_session';
export const CSRF_HEADER = 'x-csrf-token';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Queryable,
  userId: number,
  ip: string,
  userAgent: string | undefined,
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = digest(token);
  await db.query(
    `INSERT INTO sessions (id, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
    [id, userId, csrfToken, SESSION_ABSOLUTE_HOURS, ip, userAgent?.slice(0, 300) ?? null],
  );
  return { id, token, csrfToken };
}

export type SessionLookup =
  | { status: 'valid'; sessionId: string; userId: number; csrfToken: string }
  | { status: 'expired' | 'missing' };

/**
 * Find the session behind a cookie and slide its idle window, in one statement. A session is over when it
 * was revoked, passed its absolute end, sat idle too long, or its user was disabled.
 */
export async function touchSession(db: Queryable, token: string): Promise<SessionLookup> {
  const id = digest(token);
  const { rows } = await db.query<{ user_id: number; csrf_token: string; live: boolean }>(
    `WITH s AS (
       SELECT s.id, s.user_id, s.csrf_token,
              (s.revoked_at IS NULL AND s.expires_at > now()
               AND s.last_seen_at > now() - make_interval(mins => $2) AND NOT u.disabled) AS live
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1
     ), touched AS (
       UPDATE sessions SET last_seen_at = now() FROM s WHERE sessions.id = s.id AND s.live RETURNING sessions.id
     )
     SELECT user_id, csrf_token, live FROM s`,
    [id, SESSION_IDLE_MINUTES],
  );
  const row = rows[0];
  if (!row) return { status: 'missing' };
  if (!row.live) return { status: 'expired' };
  return { status: 'valid', sessionId: id, userId: row.user_id, csrfToken: row.csrf_token };
}

export async function revokeSession(db: Queryable, sessionId: string) {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
}

export async function revokeUserSessions(db: Queryable, userId: number, exceptSessionId?: string) {
  await db.query(
    'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2',
    [userId, exceptSessionId ?? null],
  );
}
