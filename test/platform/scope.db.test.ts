import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * The scope matrix: a township clerk sees and changes only their own township office's records, through every
 * route; an auditor reads everything in scope and writes nothing.
 */
let t: TestDb;
let app: App;
let clerk: Client;
let auditor: Client;
let own: number;
let other: number;
let otherUser: number;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db);
  own = await orgId(t.db, 'jo-330211001');
  other = await orgId(t.db, 'jo-330211002');
  await makeUser(t.db, 'zhaobao.clerk', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
  otherUser = await makeUser(t.db, 'jiaochuan.clerk', [{ org: 'jo-330211002', role: 'townshipStaff' }]);
  await makeUser(t.db, 'the.auditor', [{ org: 'district', role: 'auditor' }]);
  clerk = await signIn(app, 'zhaobao.clerk');
  auditor = await signIn(app, 'the.auditor');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('a township clerk', () => {
  it('lists only their own township office', async () => {
    const res = await clerk.get('/api/orgs');
    expect(res.json().map((o: { id: number }) => o.id)).toEqual([own]);
  });

  it('cannot read another township office', async () => {
    expect((await clerk.get(`/api/orgs/${other}`)).statusCode).toBe(404);
  });

  it('still finds every department by name in the directory, to name one as respondent', async () => {
    const res = await clerk.get('/api/orgs/directory?kind=department');
    expect(res.statusCode).toBe(200);
    const names = res.json().map((o: { name: string; kind: string }) => `${o.kind}:${o.name}`);
    expect(names).toContain('department:宁波市镇海区市场监督管理局');
    expect(names.every((n: string) => n.startsWith('department:'))).toBe(true);
    expect(res.json()[0]).not.toHaveProperty('regionCode');
    const both = (await clerk.get('/api/orgs/directory?kind=department&kind=justiceOffice')).json();
    expect(both.length).toBeGreaterThan(res.json().length);
    expect((await app.inject('/api/orgs/directory')).statusCode).toBe(401);
  });

  it('cannot see users of another township, in the list or by id', async () => {
    const list = await clerk.get('/api/users?limit=200');
    expect(list.json().items.map((u: { username: string }) => u.username)).toEqual(['zhaobao.clerk']);
    expect((await clerk.get(`/api/users/${otherUser}`)).statusCode).toBe(404);
  });

  it.each([
    ['rename another township office', () => clerk.patch(`/api/orgs/${other}`, { name: '改名', version: 1 })],
    [
      'rename their own office (no org.manage)',
      () => clerk.patch(`/api/orgs/${own}`, { name: '改名', version: 1 }),
    ],
    [
      'create an org under another township',
      () =>
        clerk.post('/api/orgs', {
          code: 'x-1',
          name: '某机构',
          kind: 'other',
          parentId: other,
          regionCode: '330211002',
        }),
    ],
    [
      'create a user in another township',
      () =>
        clerk.post('/api/users', {
          username: 'intruder',
          displayName: 'x',
          memberships: [{ orgId: other, role: 'townshipStaff' }],
        }),
    ],
    ['disable a user of another township', () => clerk.post(`/api/users/${otherUser}/disable`)],
    [
      'reset the password of a user of another township',
      () => clerk.post(`/api/users/${otherUser}/reset-password`),
    ],
    [
      'edit a user of another township',
      () => clerk.patch(`/api/users/${otherUser}`, { displayName: 'x', version: 1 }),
    ],
    ['read the audit trail', () => clerk.get('/api/audit')],
  ])('cannot %s', async (_what, call) => {
    const res = await call();
    expect(res.statusCode).toBe(403);
    expect(res.json().title).toBe('没有权限');
  });

  it('has every denial recorded nowhere as success', async () => {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE actor_name = 'zhaobao.clerk' AND outcome = 'success' AND action NOT LIKE 'auth.%'`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('an auditor', () => {
  it('reads orgs, users and the audit trail across the district', async () => {
    expect((await auditor.get('/api/orgs')).json().length).toBeGreaterThan(20);
    expect((await auditor.get('/api/users')).json().total).toBeGreaterThanOrEqual(3);
    expect((await auditor.get('/api/audit')).statusCode).toBe(200);
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it.each([
    [
      'create an org',
      () =>
        auditor.post('/api/orgs', {
          code: 'x-2',
          name: '某机构',
          kind: 'other',
          parentId: own,
          regionCode: '330211001',
        }),
    ],
    ['edit an org', () => auditor.patch(`/api/orgs/${own}`, { name: '改名', version: 1 })],
    [
      'create a user',
      () =>
        auditor.post('/api/users', {
          username: 'newbie',
          displayName: 'x',
          memberships: [{ orgId: own, role: 'townshipStaff' }],
        }),
    ],
    ['disable a user', () => auditor.post(`/api/users/${otherUser}/disable`)],
    ['unlock a user', () => auditor.post(`/api/users/${otherUser}/unlock`)],
  ])('cannot %s', async (_what, call) => {
    expect((await call()).statusCode).toBe(403);
  });
});
