import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { Queryable } from '../db/pool.ts';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const params = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, params);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => {
  dummyHash ??= hashPassword('not-a-real-password-1A!');
  return dummyHash;
};

export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

/** Returns the Chinese reason a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, policy: PasswordPolicy, username?: string): string | null {
  if (password.length < policy.minLength) return `密码至少 ${policy.minLength} 个字符`;
  if (password.length > 128) return '密码最多 128 个字符';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) {
    return `密码须包含小写字母、大写字母、数字、符号中的至少 ${policy.minClasses} 类`;
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

/** A random password that satisfies any policy up to 4 classes (for the first admin and admin resets). */
export function generatePassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '#%+=-_'];
  const pick = (s: string) => s[crypto.getRandomValues(new Uint32Array(1))[0]! % s.length]!;
  const chars = sets.map(pick);
  const all = sets.join('');
  while (chars.length < 16) chars.push(pick(all));
  return chars.sort(() => (crypto.getRandomValues(new Uint8Array(1))[0]! & 1 ? 1 : -1)).join('');
}

/** 等保 2.0: a new password may not repeat the current one nor the last four before it. */
export const PASSWORD_HISTORY = 5;

/** True when `password` is the account's current password or one of the last four it retired. */
export async function passwordUsedBefore(db: Queryable, userId: number, password: string): Promise<boolean> {
  const { rows } = await db.query<{ password_hash: string }>(
    `(SELECT password_hash FROM users WHERE id = $1)
     UNION ALL
     (SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY retired_at DESC LIMIT $2)`,
    [userId, PASSWORD_HISTORY - 1],
  );
  for (const r of rows) if (await verifyPassword(r.password_hash, password)) return true;
  return false;
}

/** Keeps the old hash in the history (only the last few are needed), then sets the new one. */
export async function retireAndSetPassword(
  db: Queryable,
  userId: number,
  newHash: string,
  opts: { mustChange: boolean },
) {
  await db.query(
    'INSERT INTO password_history (user_id, password_hash) SELECT id, password_hash FROM users WHERE id = $1',
    [userId],
  );
  await db.query(
    `DELETE FROM password_history WHERE user_id = $1 AND ctid NOT IN (
       SELECT ctid FROM password_history WHERE user_id = $1 ORDER BY retired_at DESC LIMIT $2)`,
    [userId, PASSWORD_HISTORY],
  );
  await db.query(
    `UPDATE users SET password_hash = $2, must_change_password = $3, password_changed_at = now(),
            version = version + 1, updated_at = now() WHERE id = $1`,
    [userId, newHash, opts.mustChange],
  );
}
