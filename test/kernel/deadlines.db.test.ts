import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let t: TestDb;
let app: App;
let staff: Client;
let admin: Client;
let admin2: Client;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { toy: true, today: '2026-11-25' });
  await makeUser(t.db, 'dl.staff', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  staff = await signIn(app, 'dl.staff');
  admin = await signIn(app, 'admin');
  // A holiday notice takes effect when a second district-level administrator confirms it.
  await makeUser(t.db, 'dl.admin2', [{ org: 'bureau', role: 'admin' }]);
  admin2 = await signIn(app, 'dl.admin2');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const accepted = async (subject: string, receivedOn: string, acceptedOn: string) => {
  const { id } = (await staff.post('/api/lines/toy/request', { subject, receivedOn })).json();
  await staff.post(`/api/lines/toy/request/${id}/accept`, { version: 1, date: acceptedOn });
  return id as number;
};
const decision = async (id: number) =>
  (await staff.get(`/api/matters/${id}`))
    .json()
    .deadlines.find((d: { key: string; status: string }) => d.key === 'decision' && d.status !== 'stopped');

describe('statutory periods on matters', () => {
  it('count 60 days from acceptance and move off the Spring Festival (2024-12-02 → 2025-02-05)', async () => {
    const id = await accepted('春节案', '2024-11-28', '2024-12-02');
    expect(await decision(id)).toMatchObject({ dueOn: '2025-02-05', provisional: false, badge: 'overdue' });
  });

  it('pause on suspension and count the days left again from resumption, from the unrolled last day', async () => {
    const id = await accepted('中止案', '2025-03-03', '2025-03-03');
    // 60 days from Mon 3 March: the 60th day is Fri 2 May, inside the Labour Day holiday (1–5 May), so the period
    // ends on Tue 6 May (民事诉讼法第八十五条第三款).
    expect((await decision(id)).dueOn).toBe('2025-05-06');
    await staff.post(`/api/lines/toy/request/${id}/suspend`, { version: 2, date: '2025-03-13' });
    const paused = await decision(id);
    // Days left on 13 March are counted to the 60th day, 2 May: 18 (14–31 Mar) + 30 (Apr) + 2 = 50. Counting to
    // the rolled 6 May gave 54, and the roll-over was then counted a second time after the resumption.
    expect(paused).toMatchObject({ status: 'paused', dueOn: null, remaining: 50, badge: 'paused' });
    await staff.post(`/api/lines/toy/request/${id}/resume`, { version: 3, date: '2025-04-01' });
    // 50 days after Tue 1 April: 29 (2–30 Apr) + 21 = Wed 21 May, a working day (the old arithmetic gave 26 May).
    expect((await decision(id)).dueOn).toBe('2025-05-21');
  });

  it('extend by the approved days from the unextended due date', async () => {
    const id = await accepted('延期案', '2025-08-01', '2025-08-01');
    expect((await decision(id)).dueOn).toBe('2025-09-30');
    await staff.post(`/api/lines/toy/request/${id}/extend`, {
      version: 2,
      date: '2025-09-01',
      data: { days: 30 },
    });
    expect(await decision(id)).toMatchObject({ dueOn: '2025-10-30', extendedDays: 30 });
  });

  it('are provisional when they reach into a year without a notice, and are recomputed when the notice is loaded', async () => {
    const id = await accepted('跨年案', '2026-11-20', '2026-11-20');
    const before = await decision(id);
    expect(before).toMatchObject({ dueOn: '2027-01-19', provisional: true });
    const years = (await admin.get('/api/calendar/years')).json();
    expect(years.banner).toContain('2027年节假日安排通知尚未载入');
    const res = await admin.put('/api/calendar/years/2027', {
      notice: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
      holidays: [
        { start: '2027-01-01', end: '2027-01-03', name: '元旦' },
        { start: '2027-01-18', end: '2027-01-20', name: '假想假期' },
      ],
      workdays: [],
    });
    expect(res.statusCode).toBe(201);
    // Proposed only: nothing moves until another administrator confirms.
    expect(await decision(id)).toMatchObject({ dueOn: '2027-01-19', provisional: true });
    const confirmed = await admin2.post(`/api/changes/${res.json().id}/confirm`, {});
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().result.changed).toBeGreaterThanOrEqual(1);
    expect(await decision(id)).toMatchObject({ dueOn: '2027-01-21', provisional: false });
    expect((await admin.get('/api/calendar/years')).json().banner).toBeNull();
  });

  it('refuse an invalid notice with Chinese reasons, changing nothing', async () => {
    const res = await admin.put('/api/calendar/years/2028', {
      notice: '错误通知',
      holidays: [{ start: '2028-02-01', end: '2028-01-20', name: '春节' }],
      workdays: ['2028-03-01'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/早于|晚于|结束/);
    expect(res.json().detail).toMatch(/不是周六或周日|星期/);
  });

  it('cannot be loaded by a section clerk', async () => {
    const res = await staff.put('/api/calendar/years/2027', { notice: 'x', holidays: [], workdays: [] });
    expect(res.statusCode).toBe(403);
  });
});

describe('the period calculator and the rules', () => {
  it('computes a working-day period across National Day with the adjusted Sunday', async () => {
    const res = await app.inject('/api/calendar/period?start=2025-09-26&days=5&unit=working');
    expect(res.json()).toMatchObject({ due: '2025-10-10', provisional: false });
  });

  it('answers bad parameters with a Chinese 400', async () => {
    const res = await app.inject('/api/calendar/period?start=2025-02-30&days=-1&unit=weeks');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('problem+json');
    expect(res.json().detail).toContain('日期格式应为 YYYY-MM-DD');
  });

  it('gives a rule due date with its citation and what expiry means', async () => {
    const res = (await app.inject('/api/rules/xzfy.accept.review/due?start=2026-02-12')).json();
    expect(res).toMatchObject({ due: '2026-02-26', kind: 'deadline', onExpiry: '视为受理', verified: true });
    expect(res.citation.law).toContain('行政复议法');
  });

  it('lists rules, marking minimums and guidelines for what they are', async () => {
    const rules = (await app.inject('/api/rules')).json() as {
      id: string;
      kind: string;
      verified: boolean;
    }[];
    expect(rules.find((r) => r.id === 'hfx.major-decision.review-time')?.kind).toBe('minimum');
    expect(rules.find((r) => r.id === 'rmtj.mediate.term')?.kind).toBe('guideline');
    expect(rules.find((r) => r.id === 'flyz.close.file')?.verified).toBe(false);
  });
});

describe('indicators', () => {
  it('give value, previous year, year-on-year, and the records behind the value', async () => {
    const v = (await staff.get('/api/indicators/toy.received?year=2025&region=330211')).json();
    expect(v).toMatchObject({ value: 2, previous: 1, yoy: 100, yoyText: '增长100.0%' });
    const rec = (await staff.get('/api/indicators/toy.received/records?year=2025&region=330211')).json();
    expect(rec.total).toBe(2);
    expect(rec.items.map((r: { title: string }) => r.title)).toEqual(['中止案', '延期案']);
    const last = (
      await staff.get('/api/indicators/toy.received/records?year=2025&region=330211&previousYear=true')
    ).json();
    expect(last.items.map((r: { title: string }) => r.title)).toEqual(['春节案']);
  });

  it('narrow to one organisation and those under it, for the value, the records and the report links', async () => {
    const section = await orgId(t.db, 'sec-reconsideration');
    const bureau = await orgId(t.db, 'bureau');
    const township = await orgId(t.db, 'jo-330211001');
    const value = async (o: number) =>
      (await staff.get(`/api/indicators/toy.received?year=2025&region=330211&org=${o}`)).json().value;
    expect(await value(section)).toBe(2);
    expect(await value(bureau)).toBe(2); // the section is under the bureau
    expect(await value(township)).toBe(0);
    const rec = await staff.get(
      `/api/indicators/toy.received/records?year=2025&region=330211&org=${township}`,
    );
    expect(rec.json().total).toBe(0);
    const composed = await staff.post('/api/reports/compose', {
      template: '全年收件{{toy.received}}件。',
      year: 2025,
      org: section,
    });
    expect(composed.json().html).toContain(`region=330211&amp;org=${section}"`);
    const bad = await staff.get('/api/indicators/toy.received?year=2025&org=abc');
    expect(bad.statusCode).toBe(400);
  });

  // The XLSX export, read back cell by cell: test/kernel/indicator-export.db.test.ts.
  it('compose a report paragraph whose numbers link to their drill-down', async () => {
    const res = await staff.post('/api/reports/compose', {
      template: '全年收件{{toy.received}}件，较去年同期{{toy.received|change}}。',
      year: 2025,
    });
    expect(res.json().text).toBe('全年收件2件，较去年同期增长100.0%。');
    expect(res.json().html).toContain('href="/indicators/toy.received?year=2025&amp;region=330211"');
  });
});

describe('reminders', () => {
  it('notify the handler once a day about overdue and soon-due deadlines, with a digest', async () => {
    const { sendDeadlineReminders } = await import('../../src/kernel/deadlines/reminders.ts');
    const { withTx } = await import('../../src/platform/db/pool.ts');
    const first = await withTx(t.db, (tx) => sendDeadlineReminders(tx, '2026-11-25'));
    const again = await withTx(t.db, (tx) => sendDeadlineReminders(tx, '2026-11-25'));
    expect(first.reminders).toBeGreaterThan(0);
    expect(first.digests).toBe(1);
    expect(again).toEqual({ reminders: 0, digests: 0 });
    const list = (await staff.get('/api/notifications')).json();
    expect(list.some((n: { kind: string }) => n.kind === 'digest')).toBe(true);
  });
});
