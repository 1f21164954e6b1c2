import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * Issue 11, findings 1–3 and the audit of denials: a township office's administrator manages only users wholly
 * inside the office, loads no holiday notice, and township readers see only their part of the audit trail.
 */
let t: TestDb;
let app: App;
let townAdmin: Client;
let townAuditor: Client;
let townLeader: Client;
let districtAuditor: Client;
let admin: Client;
let twoHats: number;
let ownClerk: number;

const passwordHash = async (id: number) =>
  (await t.db.query('SELECT password_hash, disabled, display_name FROM users WHERE id = $1', [id])).rows[0];

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db);
  // sectionStaff at the reconsideration bureau and townshipStaff at 招宝山街道司法所.
  twoHats = await makeUser(t.db, 'two.hats', [
    { org: 'sec-reconsideration', role: 'sectionStaff' },
    { org: 'jo-330211001', role: 'townshipStaff' },
  ]);
  ownClerk = await makeUser(t.db, 'own.clerk', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
  await makeUser(t.db, 'town.admin', [{ org: 'jo-330211001', role: 'admin' }]);
  await makeUser(t.db, 'town.auditor', [{ org: 'jo-330211001', role: 'auditor' }]);
  await makeUser(t.db, 'town.leader', [{ org: 'jo-330211001', role: 'leader' }]);
  await makeUser(t.db, 'district.auditor', [{ org: 'district', role: 'auditor' }]);
  townAdmin = await signIn(app, 'town.admin');
  townAuditor = await signIn(app, 'town.auditor');
  townLeader = await signIn(app, 'town.leader');
  districtAuditor = await signIn(app, 'district.auditor');
  admin = await signIn(app, 'admin');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('finding 1: managing a user needs scope over every membership of that user', () => {
  it.each([
    ['reset the password', () => townAdmin.post(`/api/users/${twoHats}/reset-password`)],
    ['disable the account', () => townAdmin.post(`/api/users/${twoHats}/disable`)],
    ['enable the account', () => townAdmin.post(`/api/users/${twoHats}/enable`)],
    ['unlock the account', () => townAdmin.post(`/api/users/${twoHats}/unlock`)],
    ['rename', () => townAdmin.patch(`/api/users/${twoHats}`, { displayName: '改名', version: 1 })],
  ])('a township admin cannot %s of a user who also works at the bureau', async (_what, call) => {
    const before = await passwordHash(twoHats);
    const res = await call();
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('该用户有不在您管理范围内的所属机构，您不能管理该用户');
    expect(res.json()).not.toHaveProperty('temporaryPassword');
    expect(await passwordHash(twoHats)).toEqual(before);
  });

  it('the bureau-level user can still sign in with the old password', async () => {
    await expect(signIn(app, 'two.hats')).resolves.toBeTruthy();
  });

  it('a township admin still manages a user wholly inside the office', async () => {
    const res = await townAdmin.post(`/api/users/${ownClerk}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect(res.json().temporaryPassword).toHaveLength(16);
  });

  it('the district admin manages the two-hatted user', async () => {
    const res = await admin.patch(`/api/users/${twoHats}`, { displayName: '两个岗位', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().displayName).toBe('两个岗位');
  });
});

describe('finding 2: holiday notices are loaded by district-level administrators only', () => {
  const notice = {
    notice: '国务院办公厅关于2035年部分节假日安排的通知（伪造）',
    holidays: [{ start: '2035-01-01', end: '2035-01-01', name: '元旦' }],
    workdays: [],
  };

  it('a township admin gets 403 and no notice is stored', async () => {
    const res = await townAdmin.put('/api/calendar/years/2035', notice);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('只有区或区司法局一级的账户可以载入节假日安排通知');
    const { rows } = await t.db.query('SELECT count(*)::int AS n FROM holiday_calendars');
    expect(rows[0].n).toBe(0);
  });

  it('is not offered the calendar page either', async () => {
    const me = (await townAdmin.get('/api/auth/me')).json();
    expect(me.permissions).toContain('user.manage');
    expect(me.permissions).not.toContain('calendar.manage');
    expect((await admin.get('/api/auth/me')).json().permissions).toContain('calendar.manage');
  });

  it('a district admin only proposes a notice: it needs another district-level admin to take effect', async () => {
    const res = await admin.put('/api/calendar/years/2035', notice);
    expect(res.statusCode).toBe(201);
    expect(res.json().state).toBe('pending');
    const own = await admin.post(`/api/changes/${res.json().id}/confirm`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toBe('不能确认自己提出的变更，须由另一位区级管理员确认');
    const town = await townAdmin.post(`/api/changes/${res.json().id}/confirm`, {});
    expect(town.statusCode).toBe(403);
    expect(town.json().detail).toBe('只有区或区司法局一级的账户可以确认或驳回节假日安排通知的载入');
    const { rows } = await t.db.query('SELECT count(*)::int AS n FROM holiday_calendars');
    expect(rows[0].n).toBe(0);
    await admin.post(`/api/changes/${res.json().id}/withdraw`, {});
  });

  it('a township admin cannot propose a bureau-profile change either', async () => {
    const res = await townAdmin.put('/api/profile', {
      values: { 'profile.bureauName': '某某司法局' },
      reason: '伪造',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('只有区或区司法局一级的账户可以修改本机关设置');
  });

  it('refuses a 100,000-character notice name (length limits) in Chinese, even from the district admin', async () => {
    const res = await admin.put('/api/calendar/years/2035', { ...notice, notice: '通'.repeat(100_000) });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('通知名称及文号最多 200 字');
  });
});

describe('finding 3: audit reads are scoped; a district auditor sees all', () => {
  beforeAll(async () => {
    // A user created at the bureau, a failed sign-in of an unknown name and one of a township user.
    const res = await admin.post('/api/users', {
      username: 'bureau.newcomer',
      displayName: '新同事',
      memberships: [{ orgId: await orgId(t.db, 'bureau'), role: 'sectionStaff' }],
    });
    expect(res.statusCode).toBe(201);
    for (const username of ['nobody.here', 'own.clerk'])
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'Wrong-pass-1' },
      });
  });

  const actions = async (c: Client) => {
    const res = await c.get('/api/audit?limit=200');
    expect(res.statusCode).toBe(200);
    return res.json().items as { action: string; objectId: string | null; summary: { username?: string } }[];
  };

  it.each([
    ['auditor', () => townAuditor],
    ['leader', () => townLeader],
    ['admin', () => townAdmin],
  ])('a township %s reads only rows about the office', async (_who, c) => {
    const rows = await actions(c());
    const creations = rows.filter((r) => r.action === 'user.create');
    expect(creations).toEqual([]);
    const failed = rows.filter((r) => r.action === 'auth.login' && r.summary?.username);
    expect(failed.map((r) => r.summary.username)).toEqual(['own.clerk']);
  });

  it('a township auditor cannot verify the whole chain', async () => {
    const res = await townAuditor.get('/api/audit/verify');
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('只有区或区司法局一级的账户可以校验整条审计链');
  });

  it('the district auditor reads everything and verifies the chain', async () => {
    const rows = await actions(districtAuditor);
    const newcomer = (await t.db.query(`SELECT id::text FROM users WHERE username = 'bureau.newcomer'`))
      .rows[0].id;
    expect(rows.filter((r) => r.action === 'user.create').map((r) => r.objectId)).toContain(newcomer);
    const failed = rows.filter((r) => r.action === 'auth.login' && r.summary?.username);
    expect(failed.map((r) => r.summary.username).sort()).toEqual(['nobody.here', 'own.clerk']);
    expect((await districtAuditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});

describe('finding 11: denied attempts are audited', () => {
  it('every 403 of the township admin left a denied row naming the route', async () => {
    const { rows } = await t.db.query(
      `SELECT summary->>'route' AS route, summary->>'method' AS method FROM audit_log
       WHERE actor_name = 'town.admin' AND action = 'access.denied' AND outcome = 'denied' ORDER BY seq`,
    );
    expect(rows).toEqual([
      { method: 'POST', route: '/api/users/:id/reset-password' },
      { method: 'POST', route: '/api/users/:id/disable' },
      { method: 'POST', route: '/api/users/:id/enable' },
      { method: 'POST', route: '/api/users/:id/unlock' },
      { method: 'PATCH', route: '/api/users/:id' },
      { method: 'PUT', route: '/api/calendar/years/:year' },
      { method: 'POST', route: '/api/changes/:id/confirm' },
      { method: 'PUT', route: '/api/profile' },
    ]);
  });
});
