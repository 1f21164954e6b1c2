import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/access/actor.ts';
import { unlockByUsername } from '../../src/platform/auth/unlock.ts';
import type { App } from '../../src/platform/http/app.ts';
import { makeUser, signIn, testApp } from '../support/app.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * Issue 11, findings 10 and 11: a stranger's wrong passwords lock an account only for the stranger's address,
 * lockouts grow, the CLI always unlocks, and none of the last five passwords may come back.
 */
let t: TestDb;
let app: App;

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db);
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('finding 10: lockout without handing attackers a switch', () => {
  it('five wrong passwords from one address lock the account for that address only', async () => {
    await makeUser(t.db, 'only.admin', [{ org: 'district', role: 'admin' }]);
    for (let i = 0; i < 4; i++)
      expect((await login('only.admin', 'Wrong-pass-1', '203.0.113.7')).statusCode).toBe(401);
    const fifth = await login('only.admin', 'Wrong-pass-1', '203.0.113.7');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', minutesLeft: 15 });
    expect((await login('only.admin', TEST_USER_PASSWORD, '203.0.113.7')).statusCode).toBe(423);
    // The administrator at their own desk signs in.
    expect((await login('only.admin', TEST_USER_PASSWORD, '10.1.2.3')).statusCode).toBe(200);
  });

  it('a second lockout from the same address within a day lasts twice as long', async () => {
    // As if 203.0.113.8 had been locked out once today and has four failures since.
    await t.db.query(
      `INSERT INTO login_failures (user_id, source, failures, lockouts)
       SELECT id, '203.0.113.8', 4, 1 FROM users WHERE username = 'only.admin'`,
    );
    const res = await login('only.admin', 'Wrong-pass-1', '203.0.113.8');
    expect(res.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', minutesLeft: 30 });
    expect(res.json().detail).toBe('连续 5 次输错密码，账户已锁定 30 分钟');
  });

  it('npm run fazhi -- user:unlock lifts it, audited', async () => {
    expect(await unlockByUsername(t.db, { ...systemActor, name: 'cli' }, 'ONLY.admin')).toBeGreaterThan(0);
    expect((await login('only.admin', TEST_USER_PASSWORD, '203.0.113.8')).statusCode).toBe(200);
    const { rows } = await t.db.query(
      `SELECT actor_name, summary FROM audit_log WHERE action = 'user.unlock' ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows).toEqual([{ actor_name: 'cli', summary: { via: 'cli' } }]);
    expect(await unlockByUsername(t.db, systemActor, 'no.such.user')).toBeNull();
  });

  it('guessing spread over many addresses is slowed down, not locked', async () => {
    const id = await makeUser(t.db, 'many.guesses', [{ org: 'district', role: 'auditor' }]);
    await t.db.query(
      `INSERT INTO login_failures (user_id, source, failures)
       SELECT $1, '198.51.100.' || i, 2 FROM generate_series(1, 6) i`,
      [id],
    );
    const started = Date.now();
    const res = await login('many.guesses', TEST_USER_PASSWORD, '192.0.2.9');
    expect(res.statusCode).toBe(200);
    // 12 recent failures: 0.5 s × 2^(12 − 10) = 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });
});

describe('finding 11: the last five passwords cannot be reused', () => {
  it('refuses the previous password and the one before, in Chinese', async () => {
    await makeUser(t.db, 'rotating.user', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    let current = TEST_USER_PASSWORD;
    const change = async (next: string) => {
      const c = await signIn(app, 'rotating.user', current);
      const res = await c.post('/api/auth/password', { currentPassword: current, newPassword: next });
      if (res.statusCode === 204) current = next;
      return res;
    };
    expect((await change('Second-Pass-2026!')).statusCode).toBe(204);
    expect((await change('Third-Pass-2026!')).statusCode).toBe(204);
    for (const old of [TEST_USER_PASSWORD, 'Second-Pass-2026!']) {
      const res = await change(old);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: 'newPassword', message: '新密码不能与最近 5 次使用过的密码相同' },
      ]);
    }
  });
});
