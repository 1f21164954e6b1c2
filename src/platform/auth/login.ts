import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.ts';
import type { Db } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import { AppError } from '../http/errors.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

interface LoginUser {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: boolean;
  locked_minutes_left: number | null;
}

/**
 * Checks a username and password. Every outcome is audited; failures are audited in their own transaction,
 * so they are kept although the request fails. Five failures lock the account for fifteen minutes.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent?: string; requestId: string },
) {
  const who = (u?: LoginUser): Actor => ({
    userId: u?.id ?? null,
    name: u?.display_name ?? input.username.slice(0, 64),
    memberships: [],
    ip: input.ip,
    requestId: input.requestId,
  });
  const { rows } = await db.query<LoginUser>(
    `SELECT id, username, display_name, password_hash, disabled,
            CASE WHEN locked_until > now() THEN ceil(extract(epoch FROM locked_until - now()) / 60)::int END
              AS locked_minutes_left
     FROM users WHERE lower(username) = lower($1)`,
    [input.username],
  );
  const user = rows[0];
  const fail = async (action: string, reason: string, outcome: 'failure' | 'denied' = 'failure') =>
    audit(db, who(user), {
      action,
      objectType: 'user',
      objectId: user?.id,
      outcome,
      summary: { reason, username: input.username.slice(0, 64) },
    });

  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await fail('auth.login', 'unknown user');
    // Answer exactly as for a real account (attempts left, then a lockout), so a username cannot be probed.
    const phantom = phantomFailure(input.username);
    if (phantom.lockedMinutes)
      throw new AppError(
        'ACCOUNT_LOCKED',
        phantom.justLocked
          ? `连续 ${MAX_FAILED_ATTEMPTS} 次输错密码，账户已锁定 ${LOCKOUT_MINUTES} 分钟`
          : `连续输错密码次数过多，账户已锁定，请 ${phantom.lockedMinutes} 分钟后再试或联系管理员解锁`,
        { minutesLeft: phantom.lockedMinutes },
      );
    throw new AppError('BAD_CREDENTIALS', `用户名或密码错误，再错 ${phantom.left} 次账户将被锁定`, {
      attemptsLeft: phantom.left,
    });
  }
  if (user.locked_minutes_left) {
    await fail('auth.login', 'account locked', 'denied');
    throw new AppError(
      'ACCOUNT_LOCKED',
      `连续输错密码次数过多，账户已锁定，请 ${user.locked_minutes_left} 分钟后再试或联系管理员解锁`,
      {
        minutesLeft: user.locked_minutes_left,
      },
    );
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const { rows: after } = await db.query<{ failed_attempts: number; locked: boolean }>(
      `UPDATE users SET
         failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
         locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
       WHERE id = $1
       RETURNING failed_attempts, locked_until > now() AS locked`,
      [user.id, MAX_FAILED_ATTEMPTS, LOCKOUT_MINUTES],
    );
    const state = after[0]!;
    await fail('auth.login', 'wrong password');
    if (state.locked) {
      await audit(db, who(user), {
        action: 'auth.lockout',
        objectType: 'user',
        objectId: user.id,
        outcome: 'denied',
        summary: { minutes: LOCKOUT_MINUTES },
      });
      throw new AppError(
        'ACCOUNT_LOCKED',
        `连续 ${MAX_FAILED_ATTEMPTS} 次输错密码，账户已锁定 ${LOCKOUT_MINUTES} 分钟`,
        {
          minutesLeft: LOCKOUT_MINUTES,
        },
      );
    }
    const left = MAX_FAILED_ATTEMPTS - state.failed_attempts;
    throw new AppError('BAD_CREDENTIALS', `用户名或密码错误，再错 ${left} 次账户将被锁定`, {
      attemptsLeft: left,
    });
  }
  if (user.disabled) {
    await fail('auth.login', 'account disabled', 'denied');
    throw new AppError('ACCOUNT_DISABLED', '该账户已停用，请联系管理员');
  }
  return withTx(db, async (tx) => {
    await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [user.id]);
    const session = await createSession(tx, user.id, input.ip, input.userAgent);
    await audit(tx, who(user), { action: 'auth.login', objectType: 'user', objectId: user.id });
    return { userId: user.id, ...session };
  });
}

/** Failure counts of usernames that do not exist, kept like a real account's so the answers are the same. */
const phantoms = new Map<string, { failures: number; lockedUntil: number }>();
const PHANTOM_LIMIT = 10_000;

function phantomFailure(username: string): { left: number; lockedMinutes: number; justLocked: boolean } {
  const key = username.toLowerCase();
  const now = Date.now();
  const entry = phantoms.get(key) ?? { failures: 0, lockedUntil: 0 };
  if (entry.lockedUntil > now)
    return { left: 0, lockedMinutes: Math.ceil((entry.lockedUntil - now) / 60_000), justLocked: false };
  entry.failures += 1;
  let justLocked = false;
  if (entry.failures >= MAX_FAILED_ATTEMPTS) {
    entry.failures = 0;
    entry.lockedUntil = now + LOCKOUT_MINUTES * 60_000;
    justLocked = true;
  }
  phantoms.delete(key);
  phantoms.set(key, entry);
  if (phantoms.size > PHANTOM_LIMIT) phantoms.delete(phantoms.keys().next().value!);
  return {
    left: MAX_FAILED_ATTEMPTS - entry.failures,
    lockedMinutes: justLocked ? LOCKOUT_MINUTES : 0,
    justLocked,
  };
}
