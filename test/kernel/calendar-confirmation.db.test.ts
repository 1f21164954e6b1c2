import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../src/kernel/changes/store.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * A holiday notice moves every running deadline of the district (issue 11, finding 2): one district-level
 * administrator proposes it, a different one confirms it, and the running deadlines are recomputed at confirmation.
 */
let t: TestDb;
let app: App;
let admin: Client;
let admin2: Client;
let staff: Client;
let matterId: number;

// 2027 has no State Council notice in the shipped data: its provisional calendar has 春节 2027-02-05..02-08.
// The notice below (a test notice on the real 2027 calendar) gives nine days, 02-05 (Friday) to 02-13 (Saturday).
const notice2027 = {
  notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  holidays: [
    { start: '2027-01-01', end: '2027-01-03', name: '元旦' },
    { start: '2027-02-05', end: '2027-02-13', name: '春节' },
  ],
  workdays: ['2027-02-20'],
};

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { toy: true, today: '2026-12-20' });
  await makeUser(t.db, 'cc.admin2', [{ org: 'bureau', role: 'admin' }]);
  await makeUser(t.db, 'cc.staff', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  admin = await signIn(app, 'admin');
  admin2 = await signIn(app, 'cc.admin2');
  staff = await signIn(app, 'cc.staff');
  const { id } = (
    await staff.post('/api/lines/toy/request', { subject: '跨春节案', receivedOn: '2026-12-08' })
  ).json();
  await staff.post(`/api/lines/toy/request/${id}/accept`, { version: 1, date: '2026-12-08' });
  matterId = id;
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const decision = async () =>
  (await staff.get(`/api/matters/${matterId}`))
    .json()
    .deadlines.find((d: { key: string }) => d.key === 'decision') as { dueOn: string; provisional: boolean };
const official2027 = async () =>
  (await admin.get('/api/calendar/years')).json().years.find((y: { year: number }) => y.year === 2027)
    .official;
const auditSince = async (seq: number) =>
  (
    await t.db.query<{ action: string; actor_name: string }>(
      'SELECT action, actor_name FROM audit_log WHERE seq > $1 ORDER BY seq',
      [seq],
    )
  ).rows;
const head = async () => (await t.db.query('SELECT max(seq)::int AS n FROM audit_log')).rows[0].n as number;

describe('loading a holiday notice needs a second administrator', () => {
  it('on the provisional calendar, 60 days from 2026-12-08 end on Saturday 2027-02-06, in 春节: due Tuesday 02-09', async () => {
    expect(await decision()).toMatchObject({ dueOn: '2027-02-09', provisional: true });
  });

  it('a proposal changes nothing; the proposer cannot confirm it; a rejection leaves the deadline where it was', async () => {
    const before = await head();
    const res = await admin.put('/api/calendar/years/2027', notice2027);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'calendar',
      subject: '2027',
      state: 'pending',
      reason: '载入国务院办公厅关于2027年部分节假日安排的通知（测试）',
      mine: true,
    });
    const id = res.json().id;
    expect(await decision()).toMatchObject({ dueOn: '2027-02-09', provisional: true });
    expect(await official2027()).toBe(false);

    const own = await admin.post(`/api/changes/${id}/confirm`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toBe('不能确认自己提出的变更，须由另一位区级管理员确认');

    // The calendar page lists what awaits confirmation.
    const pending = (await admin2.get('/api/changes?kind=calendar&state=pending')).json();
    expect(pending.map((c: { id: number; mine: boolean }) => [c.id, c.mine])).toEqual([[id, false]]);
    expect(pending[0].payload).toMatchObject({
      year: 2027,
      holidays: notice2027.holidays,
      workdays: ['2027-02-20'],
    });

    const rejected = await admin2.post(`/api/changes/${id}/reject`, { note: '文号待核对' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ state: 'rejected', decisionNote: '文号待核对', result: null });
    expect(await decision()).toMatchObject({ dueOn: '2027-02-09', provisional: true });
    expect(await official2027()).toBe(false);
    expect((await t.db.query('SELECT count(*)::int AS n FROM holiday_calendars')).rows[0].n).toBe(0);
    expect(await auditSince(before)).toEqual([
      { action: 'change.propose', actor_name: '系统管理员' },
      { action: 'access.denied', actor_name: '系统管理员' },
      { action: 'change.reject', actor_name: 'cc.admin2' },
    ]);
  });

  it('confirmed by the second administrator, the notice is in force and the deadline moves to Monday 02-15', async () => {
    const res = await admin.put('/api/calendar/years/2027', { ...notice2027, reason: '通知已核对文号' });
    expect(res.statusCode).toBe(201);
    const before = await head();
    const confirmed = await admin2.post(`/api/changes/${res.json().id}/confirm`, {});
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      state: 'confirmed',
      reason: '通知已核对文号',
      decidedBy: 'cc.admin2',
      result: { year: 2027, changed: 1 },
    });
    // 2027-02-06 falls in the nine days of 春节; 02-14 is a Sunday: the first working day is 02-15.
    expect(await decision()).toMatchObject({ dueOn: '2027-02-15', provisional: false });
    expect(await official2027()).toBe(true);
    expect(await auditSince(before)).toEqual([
      { action: 'calendar.load', actor_name: 'cc.admin2' },
      { action: 'change.confirm', actor_name: 'cc.admin2' },
    ]);
    const { rows } = await t.db.query(
      `SELECT u.username FROM holiday_calendars h JOIN users u ON u.id = h.loaded_by WHERE h.year = 2027`,
    );
    expect(rows[0].username).toBe('cc.admin2');
  });

  it('one pending notice per year at a time', async () => {
    const first = await admin.put('/api/calendar/years/2028', {
      ...notice2027,
      notice: '2028年通知（测试）',
      holidays: [],
      workdays: [],
    });
    expect(first.statusCode).toBe(201);
    const second = await admin2.put('/api/calendar/years/2028', {
      notice: '另一份',
      holidays: [],
      workdays: [],
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe(
      `2028年节假日安排通知已有待确认的变更（第 ${first.json().id} 号），请先确认、驳回或撤回`,
    );
    const withdrawn = await admin.post(`/api/changes/${first.json().id}/withdraw`, {});
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回' });
  });

  it('a single-admin installation confirms on the server (CLI change:confirm), audited as cli', async () => {
    const res = await admin.put('/api/calendar/years/2029', {
      notice: '2029年通知（测试）',
      holidays: [],
      workdays: [],
    });
    const done = await decide(
      t.db,
      { ...systemActor, name: 'cli' },
      res.json().id,
      'confirm',
      '服务器操作员确认',
      'cli',
    );
    expect(done).toMatchObject({
      state: 'confirmed',
      decidedBy: null,
      decidedVia: 'cli',
      decisionNote: '服务器操作员确认',
    });
    const { rows } = await t.db.query(
      `SELECT action, actor_name FROM audit_log WHERE action IN ('calendar.load', 'change.confirm') ORDER BY seq DESC LIMIT 2`,
    );
    expect(rows).toEqual([
      { action: 'change.confirm', actor_name: 'cli' },
      { action: 'calendar.load', actor_name: 'cli' },
    ]);
  });
});
