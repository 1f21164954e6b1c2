import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from '../support/app.ts';
import { TEST_USER_PASSWORD } from '../support/constants.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let t: TestDb;
let app: App;
let admin: Client;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db);
  admin = await signIn(app, 'admin');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('signing in', () => {
  it('returns the user, their memberships and a CSRF token, and sets an httpOnly session cookie', async () => {
    await makeUser(t.db, 'clerk.a', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    const res = await login('clerk.a', TEST_USER_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: 'clerk.a',
      memberships: [{ orgName: '招宝山街道司法所', role: 'townshipStaff' }],
    });
    const cookie = res.cookies.find((c) => c.name === 'fazhi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('answers a wrong password in Chinese, says how many attempts are left, and audits the failure', async () => {
    await makeUser(t.db, 'clerk.b', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    const res = await login('clerk.b', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'BAD_CREDENTIALS', title: '用户名或密码错误', attemptsLeft: 4 });
    const { rows } = await t.db.query(
      `SELECT outcome FROM audit_log WHERE action = 'auth.login' AND actor_name = 'clerk.b'`,
    );
    expect(rows).toEqual([{ outcome: 'failure' }]);
  });

  it('locks the account for 15 minutes after five wrong passwords, even for the right password, until an admin unlocks it', async () => {
    const id = await makeUser(t.db, 'clerk.c', [{ org: 'jo-330211002', role: 'townshipStaff' }]);
    for (let i = 0; i < 4; i++) expect((await login('clerk.c', 'nope-nope-nope')).statusCode).toBe(401);
    const fifth = await login('clerk.c', 'nope-nope-nope');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().detail).toContain('锁定 15 分钟');
    const right = await login('clerk.c', TEST_USER_PASSWORD);
    expect(right.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.lockout' AND object_id = $1`,
      [String(id)],
    );
    expect(rows[0].n).toBe(1);

    expect((await admin.post(`/api/users/${id}/unlock`)).statusCode).toBe(200);
    expect((await login('clerk.c', TEST_USER_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown username exactly like a real account, so usernames cannot be probed', async () => {
    const res = await login('nobody-here', 'whatever-123');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'BAD_CREDENTIALS', title: '用户名或密码错误', attemptsLeft: 4 });
    for (let i = 0; i < 3; i++) await login('nobody-here', 'whatever-123');
    const locked = await login('nobody-here', 'whatever-123');
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', minutesLeft: 15 });
  });

  it('refuses a disabled account and ends its open sessions at once', async () => {
    const id = await makeUser(t.db, 'clerk.d', [{ org: 'jo-330211003', role: 'townshipStaff' }]);
    const clerk = await signIn(app, 'clerk.d');
    expect((await clerk.get('/api/auth/me')).statusCode).toBe(200);
    expect((await admin.post(`/api/users/${id}/disable`)).statusCode).toBe(200);
    expect((await clerk.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('clerk.d', TEST_USER_PASSWORD)).json().code).toBe('ACCOUNT_DISABLED');
  });
});

describe('sessions', () => {
  it('expire after 30 idle minutes and after 12 hours at most', async () => {
    await makeUser(t.db, 'clerk.e', [{ org: 'jo-330211004', role: 'townshipStaff' }]);
    const idle = await signIn(app, 'clerk.e');
    await t.db.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'clerk.e')`,
    );
    const res = await idle.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'SESSION_EXPIRED', detail: '登录已过期，请重新登录' });

    const old = await signIn(app, 'clerk.e');
    await t.db.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE username = 'clerk.e')`,
    );
    expect((await old.get('/api/auth/me')).json().code).toBe('SESSION_EXPIRED');
  });

  it('end on logout: the old cookie no longer works', async () => {
    await makeUser(t.db, 'clerk.f', [{ org: 'jo-330211004', role: 'townshipStaff' }]);
    const c = await signIn(app, 'clerk.f');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('need the CSRF token on every state-changing request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CSRF' });
  });

  it('refuse form-encoded bodies on the API (cross-site forms cannot post JSON)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'username=admin&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('passwords', () => {
  it('an admin reset forces a change at next sign-in; the new password must meet the policy', async () => {
    const id = await makeUser(t.db, 'clerk.g', [{ org: 'jo-330211005', role: 'townshipStaff' }]);
    const reset = await admin.post(`/api/users/${id}/reset-password`);
    const temp = reset.json().temporaryPassword as string;
    expect(temp.length).toBeGreaterThanOrEqual(10);

    const c = await signIn(app, 'clerk.g', temp);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/orgs');
    expect(blocked.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });

    const weak = await c.post('/api/auth/password', { currentPassword: temp, newPassword: 'abcdefghijk' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().detail).toContain('至少 3 类');
    const ok = await c.post('/api/auth/password', { currentPassword: temp, newPassword: 'New-Secret-2026' });
    expect(ok.statusCode).toBe(204);
    expect((await c.get('/api/orgs')).statusCode).toBe(200);
  });

  it('are stored as argon2id hashes', async () => {
    const { rows } = await t.db.query(`SELECT password_hash FROM users WHERE username = 'admin'`);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('sign-in rate limit', () => {
  it('slows down one account being guessed fast, with a Chinese message and Retry-After', async () => {
    let last = await login('target.account', 'x-guess-0');
    for (let i = 1; i <= 10; i++) last = await login('target.account', `x-guess-${i}`);
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect(last.json().detail).toMatch(/登录尝试过于频繁/);
  });
});
