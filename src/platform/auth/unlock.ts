import type { Actor } from '../access/actor.ts';
import { audit } from '../audit/audit.ts';
import type { Db } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import { unlockAccount } from './login.ts';

/**
 * The recovery path that needs no second administrator: on the server, `npm run fazhi -- user:unlock NAME`.
 * Returns the account's id, or null when there is no such username. Audited like the web's 解除锁定.
 */
export async function unlockByUsername(db: Db, actor: Actor, username: string): Promise<number | null> {
  return withTx(db, async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      'SELECT id FROM users WHERE lower(username) = lower($1)',
      [username],
    );
    const id = rows[0]?.id;
    if (id === undefined) return null;
    await unlockAccount(tx, id);
    await audit(tx, actor, {
      action: 'user.unlock',
      objectType: 'user',
      objectId: id,
      summary: { via: 'cli' },
    });
    return Number(id);
  });
}
