import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.ts';
import type { Db, Queryable } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import { AppError } from '../http/errors.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession } from './sessions.ts';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
/** A lockout from the same address within a day of the last one lasts twice as long, up to a day. */
export const MAX_LOCKOUT_MINUTES = 24 * 60;
/** Failures on one account from all addresses together before each further attempt is slowed down. */
export const SLOWDOWN_AFTER = 10;

interface LoginUser {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: boolean;
  locked_minutes_left: number | null;
  recent_failures: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Checks a username and password. Every outcome is audited; failures are audited in their own transaction,
 * so they are kept although the request fails.
 *
 * Lockout (等保 2.0) without handing attackers a switch: five wrong passwords lock the account *for that client
 * address* (15 minutes, doubling for each further lockout from that address within a day, at most 24 hours);
 * the administrator signing in from elsewhere is not locked out by a stranger. Guessing spread over many
 * addresses is slowed instead: after 10 failures on the account within 15 minutes, each attempt waits
 * 0.5 s, doubling, at most 8 s. Recovery is always there: another administrator's "解除锁定", or
 * `npm run fazhi -- user:unlock NAME` on the server.
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
    `SELECT u.id, u.username, u.display_name, u.password_hash, u.disabled,
            (SELECT ceil(extract(epoch FROM f.locked_until - now()) / 60)::int FROM login_failures f
             WHERE f.user_id = u.id AND f.source = $2 AND f.locked_until > now()) AS locked_minutes_left,
            (SELECT coalesce(sum(f.failures + f.lockouts * $3), 0)::int FROM login_failures f
             WHERE f.user_id = u.id AND f.last_failure_at > now() - interval '15 minutes') AS recent_failures
     FROM users u WHERE lower(u.username) = lower($1)`,
    [input.username, input.ip, MAX_FAILED_ATTEMPTS],
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
    const phantom = phantomFailure(`${input.username}|${input.ip}`);
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
      { minutesLeft: user.locked_minutes_left },
    );
  }
  if (user.recent_failures >= SLOWDOWN_AFTER)
    await sleep(Math.min(8000, 500 * 2 ** (user.recent_failures - SLOWDOWN_AFTER)));
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const { rows: after } = await db.query<{ failures: number; locked_minutes: number | null }>(
      `INSERT INTO login_failures AS f (user_id, source, failures) VALUES ($1, $2, 1)
       ON CONFLICT (user_id, source) DO UPDATE SET
         -- A quiet day forgets earlier lockouts from this address.
         lockouts = CASE WHEN f.last_failure_at < now() - interval '1 day' THEN 0 ELSE f.lockouts END,
         failures = f.failures + 1,
         last_failure_at = now()
       RETURNING failures, NULL::int AS locked_minutes`,
      [user.id, input.ip],
    );
    let state = after[0]!;
    if (state.failures >= MAX_FAILED_ATTEMPTS) {
      const { rows: locked } = await db.query<{ failures: number; locked_minutes: number }>(
        `UPDATE login_failures SET failures = 0, lockouts = lockouts + 1,
                locked_until = now() + make_interval(mins => least($3 * 2 ^ least(lockouts, 10), $4)::int)
         WHERE user_id = $1 AND source = $2
         RETURNING 0 AS failures, least($3 * 2 ^ least(lockouts - 1, 10), $4)::int AS locked_minutes`,
        [user.id, input.ip, LOCKOUT_MINUTES, MAX_LOCKOUT_MINUTES],
      );
      state = locked[0]!;
    }
    await fail('auth.login', 'wrong password');
    if (state.locked_minutes) {
      await audit(db, who(user), {
        action: 'auth.lockout',
        objectType: 'user',
        objectId: user.id,
        outcome: 'denied',
        summary: { minutes: state.locked_minutes },
      });
      throw new AppError(
        'ACCOUNT_LOCKED',
        `连续 ${MAX_FAILED_ATTEMPTS} 次输错密码，账户已锁定 ${state.locked_minutes} 分钟`,
        { minutesLeft: state.locked_minutes },
      );
    }
    const left = MAX_FAILED_ATTEMPTS - state.failures;
    throw new AppError('BAD_CREDENTIALS', `用户名或密码错误，再错 ${left} 次账户将被锁定`, {
      attemptsLeft: left,
    });
  }
  if (user.disabled) {
    await fail('auth.login', 'account disabled', 'denied');
    throw new AppError('ACCOUNT_DISABLED', '该账户已停用，请联系管理员');
  }
  return withTx(db, async (tx) => {
    await tx.query('DELETE FROM login_failures WHERE user_id = $1 AND source = $2', [user.id, input.ip]);
    const session = await createSession(tx, user.id, input.ip, input.userAgent);
    await audit(tx, who(user), { action: 'auth.login', objectType: 'user', objectId: user.id });
    return { userId: user.id, ...session };
  });
}

/** Lifts every lockout of an account (an administrator's 解除锁定, or the CLI's user:unlock). */
export async function unlockAccount(db: Queryable, userId: number) {
  await db.query('DELETE FROM login_failures WHERE user_id = $1', [userId]);
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
