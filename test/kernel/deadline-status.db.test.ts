import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/kernel/calendar/index.ts';
import { refusedKinds } from '../../src/kernel/deadlines/deadlines.ts';
import { sendDeadlineReminders } from '../../src/kernel/deadlines/reminders.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { decisionData } from '../support/reconsideration.ts';

/** A Wednesday; the machine's clock is later, so a query reading now() instead of this date counts differently. */
const TODAY = '2026-11-25';

let t: TestDb;
let app: App;
let clerk: Client;
let market: number;
let serial = 0;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: TODAY });
  await makeUser(t.db, 'ds.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  clerk = await signIn(app, 'ds.clerk');
  market = await orgId(t.db, 'dept-market');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

/** Registers an application received on `receivedOn` (the act known a week before) and returns its id. */
async function application(receivedOn: string, title: string): Promise<number> {
  const res = await clerk.post('/api/lines/reconsideration/application', {
    receivedOn,
    channel: 'window',
    applicants: [{ partyType: 'person', name: '李某', idNumber: '330211199001011236', phone: '13800000000' }],
    respondentOrgId: market,
    actKind: 'penalty',
    actTitle: title,
    actDocNo: `甬镇市监罚〔2026〕${++serial}号`,
    actDate: addDays(receivedOn, -9),
    actKnownOn: addDays(receivedOn, -7),
    request: '撤销被申请人作出的行政处罚决定',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function act(id: number, action: string, date: string, data: Record<string, unknown> = {}) {
  const version = (await clerk.get(`/api/matters/${id}`)).json().matter.version;
  const res = await clerk.post(`/api/lines/reconsideration/application/${id}/${action}`, {
    version,
    date,
    data,
  });
  expect(res.statusCode, res.body).toBe(200);
}

const deadlinesOf = async (id: number) =>
  (await clerk.get(`/api/matters/${id}`)).json().deadlines as Record<string, unknown>[];

type Row = Record<string, unknown>;
const deadline = async (id: number, key: string) =>
  (await deadlinesOf(id)).filter((d) => d.key === key).at(-1)!;
const pick = (d: Row) => ({
  badge: d.badge,
  badgeLabel: d.badgeLabel,
  dueOn: d.dueOn,
  remainingText: d.remainingText,
});
const ids: Record<string, number> = {};
const refNo = async (id: number) => (await clerk.get(`/api/matters/${id}`)).json().matter.refNo as string;

describe('one status of a deadline, the same in all five places', () => {
  beforeAll(async () => {
    // Review period of five working days from Mon 2 Nov ran out on Mon 9 Nov: 期满视为受理 (Art. 30(3)).
    ids.lapsed = await application('2026-11-02', '逾期审查');
    // Accepted 4 Aug: the copy was due 13 Aug and the decision 8 Oct; neither is done.
    ids.overdue = await application('2026-08-03', '超期未决');
    await act(ids.overdue, 'accept', '2026-08-04', { procedure: 'ordinary' });
    // Accepted 28 Sep: the decision is due Fri 27 Nov, after the business date but before the machine's clock.
    ids.soonByClock = await application('2026-09-28', '临近届满');
    await act(ids.soonByClock, 'accept', '2026-09-28', { procedure: 'ordinary' });
    // Accepted Fri 13 Nov: the copy was due Tue 24 Nov (seven working days), the decision Tue 12 Jan 2027.
    ids.oneOver = await application('2026-11-12', '超期一日');
    await act(ids.oneOver, 'accept', '2026-11-13', { procedure: 'ordinary' });
    ids.dueToday = await application('2026-11-18', '今日到期');
    ids.fourLeft = await application('2026-11-24', '剩四日');
  });

  it('badge: the lapsed review says 期满视为受理, the missed decision says 已超期, each with the days', async () => {
    expect(pick(await deadline(ids.lapsed!, 'acceptance'))).toEqual({
      badge: 'lapsed',
      badgeLabel: '期满视为受理',
      dueOn: '2026-11-09',
      remainingText: '期满后 12 个工作日',
    });
    expect(pick(await deadline(ids.overdue!, 'decision'))).toEqual({
      badge: 'overdue',
      badgeLabel: '已超期',
      dueOn: '2026-10-08',
      remainingText: '已超期 48 天',
    });
  });

  it('matter list: 仅看超期 and the row badge leave the lapsed application out', async () => {
    const all = (await clerk.get('/api/matters?line=reconsideration&limit=100')).json().items as Row[];
    const row = (id: number) => {
      const m = all.find((x) => x.id === id)!;
      return [m.nextDue, m.nextDueBadge, m.nextDueBadgeLabel, m.overdue];
    };
    expect(row(ids.lapsed!)).toEqual(['2026-11-09', 'lapsed', '期满视为受理', false]);
    expect(row(ids.overdue!)).toEqual(['2026-08-13', 'overdue', '已超期', true]);
    expect(row(ids.dueToday!)).toEqual(['2026-11-25', 'dueSoon', '即将到期', false]);
    expect(row(ids.fourLeft!)).toEqual(['2026-12-01', 'running', '计算中', false]);
    const overdueOnly = (await clerk.get('/api/matters?line=reconsideration&overdue=true&limit=100')).json()
      .items as Row[];
    expect(overdueOnly.map((m) => m.id)).toEqual([ids.oneOver, ids.soonByClock, ids.overdue]);
  });

  it('deadlines page: the overdue filter leaves the lapsed review out; every row says the days left', async () => {
    const list = async (filter: string) =>
      ((await clerk.get(`/api/deadlines?scope=office&filter=${filter}`)).json().items as Row[]).map((d) => [
        d.matterId,
        d.key,
        d.badge,
        d.remainingText,
      ]);
    expect(await list('overdue')).toEqual([
      [ids.overdue, 'sendCopy', 'overdue', '已超期 70 个工作日'],
      [ids.overdue, 'decision', 'overdue', '已超期 48 天'],
      [ids.soonByClock, 'sendCopy', 'overdue', '已超期 31 个工作日'],
      [ids.oneOver, 'sendCopy', 'overdue', '已超期 1 个工作日'],
    ]);
    // Due within five working days (to Wed 2 Dec): the overdue, and what falls due by then; not the lapsed.
    expect(await list('dueWithin')).toEqual([
      [ids.overdue, 'sendCopy', 'overdue', '已超期 70 个工作日'],
      [ids.overdue, 'decision', 'overdue', '已超期 48 天'],
      [ids.soonByClock, 'sendCopy', 'overdue', '已超期 31 个工作日'],
      [ids.oneOver, 'sendCopy', 'overdue', '已超期 1 个工作日'],
      [ids.dueToday, 'acceptance', 'dueSoon', '今日到期'],
      [ids.soonByClock, 'decision', 'dueSoon', '剩 2 天'],
      [ids.fourLeft, 'acceptance', 'running', '剩 4 个工作日'],
    ]);
    const all = await list('all');
    expect(all).toContainEqual([ids.lapsed, 'acceptance', 'lapsed', '期满后 12 个工作日']);
    expect(all).toContainEqual([ids.oneOver, 'decision', 'running', '剩 48 天']);
  });

  it('reminders: the overdue and the due soon are reminded, the lapsed review is not', async () => {
    await withTx(t.db, (tx) => sendDeadlineReminders(tx, TODAY));
    const { rows } = await t.db.query<{ matter_id: string; key: string; title: string }>(
      `SELECT n.matter_id, d.key, n.title FROM notifications n JOIN deadlines d ON d.id = n.deadline_id
       WHERE n.kind = 'deadline' AND n.created_on = $1 ORDER BY d.due_on, d.id`,
      [TODAY],
    );
    const late = (id: number) => refNo(id).then((r) => `已超期：${r}`);
    const soon = (id: number) => refNo(id).then((r) => `即将到期：${r}`);
    expect(rows.map((r) => [Number(r.matter_id), r.key, r.title])).toEqual([
      [ids.overdue, 'sendCopy', await late(ids.overdue!)],
      [ids.overdue, 'decision', await late(ids.overdue!)],
      [ids.soonByClock, 'sendCopy', await late(ids.soonByClock!)],
      [ids.oneOver, 'sendCopy', await late(ids.oneOver!)],
      [ids.dueToday, 'acceptance', await soon(ids.dueToday!)],
      [ids.soonByClock, 'decision', await soon(ids.soonByClock!)],
    ]);
    const digest = await t.db.query(
      `SELECT body FROM notifications WHERE kind = 'digest' AND created_on = $1`,
      [TODAY],
    );
    expect(digest.rows.map((r) => r.body)).toEqual(['超期 4 件，3个工作日内到期 2 件']);
  });

  it('overdue indicator: counts the missed decision on the business date, not the lapsed review nor one due later', async () => {
    const q = 'year=2026&region=330211';
    const value = (await clerk.get(`/api/indicators/reconsideration.overdue?${q}`)).json();
    expect([value.value, value.previous]).toEqual([1, 0]);
    const records = (await clerk.get(`/api/indicators/reconsideration.overdue/records?${q}`)).json();
    expect(records.items.map((r: Row) => [r.id, r.onDate])).toEqual([[ids.overdue, '2026-10-08']]);
  });
});

describe('a party’s period', () => {
  it('lapses without ever being the office’s overdue', async () => {
    const id = await application('2026-01-05', '起诉期限');
    await act(id, 'accept', '2026-01-06', { procedure: 'ordinary' });
    await act(id, 'sendCopy', '2026-01-07');
    await act(id, 'serveCopy', '2026-01-07', { method: 'inPerson', receivedOn: '2026-01-07' });
    await act(id, 'hearParties', '2026-01-30', { method: 'phone' });
    await act(id, 'decide', '2026-02-02', decisionData('uphold'));
    await act(id, 'serveDecision', '2026-02-04', { method: 'post', recipient: '李某' });
    const suit = await deadline(id, 'applicantSuit');
    expect({ ...pick(suit), kind: suit.kind }).toEqual({
      badge: 'lapsed',
      badgeLabel: '期满',
      dueOn: '2026-02-24',
      remainingText: '期满后 274 天',
      kind: 'partyPeriod',
    });
    const office = (await clerk.get('/api/deadlines?scope=office&filter=all')).json().items as Row[];
    expect(office.filter((d) => d.matterId === id && d.key === 'applicantSuit')).toEqual([]);
    await withTx(t.db, (tx) => sendDeadlineReminders(tx, '2026-11-26'));
    const reminded = await t.db.query(`SELECT 1 FROM notifications WHERE deadline_id = $1`, [suit.id]);
    expect(reminded.rowCount).toBe(0);
  });
});

describe('deadline_status()', () => {
  it('is defined for exactly the kinds a period may be started with', async () => {
    const { rows } = await t.db.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'deadlines_kind_check'`,
    );
    const inDb = [...rows[0]!.def.matchAll(/'(\w+)'::text/g)].map((m) => m[1]).sort();
    const tracked = Object.entries(refusedKinds)
      .filter(([, why]) => why === null)
      .map(([k]) => k)
      .sort();
    expect(inDb).toEqual(tracked);
  });

  it('gives each status from the row, the business date and the due-soon cutoff', async () => {
    const cases: [string, string, string | null, string | null, string | null, string][] = [
      // status, kind, due_on, ended_on, on_expiry → expected, on 2026-11-25 with due soon up to 2026-11-30
      ['running', 'deadline', '2026-12-01', null, null, 'running'],
      ['running', 'deadline', '2026-11-30', null, null, 'dueSoon'],
      ['running', 'deadline', '2026-11-25', null, null, 'dueSoon'],
      ['running', 'deadline', '2026-11-24', null, null, 'overdue'],
      ['running', 'beforeEvent', '2026-11-24', null, null, 'overdue'],
      ['running', 'deadline', '2026-11-24', null, '视为受理', 'lapsed'],
      ['running', 'partyPeriod', '2026-11-24', null, null, 'lapsed'],
      ['running', 'partyPeriod', '2026-11-26', null, null, 'partyPeriod'],
      ['running', 'guideline', '2026-11-24', null, null, 'guideline'],
      ['running', 'duration', '2026-11-24', null, null, 'guideline'],
      ['running', 'recurring', '2026-11-26', null, null, 'guideline'],
      ['running', 'minimum', '2026-11-25', null, null, 'running'],
      ['running', 'minimum', '2026-11-24', null, null, 'elapsed'],
      ['met', 'deadline', '2026-11-24', '2026-11-24', null, 'met'],
      ['met', 'deadline', '2026-11-24', '2026-11-25', null, 'metLate'],
      ['met', 'deadline', '2026-11-24', '2026-11-25', '视为受理', 'lapsed'],
      ['met', 'guideline', '2026-11-24', '2026-11-25', null, 'met'],
      ['paused', 'deadline', null, null, null, 'paused'],
      ['stopped', 'deadline', '2026-11-24', '2026-11-20', null, 'stopped'],
      // Stopped (terminated, withdrawn) only after the office's due date had passed: late (the overdue indicator).
      ['stopped', 'deadline', '2026-11-24', '2026-11-25', null, 'stoppedLate'],
      ['stopped', 'deadline', '2026-11-24', '2026-11-25', '视为受理', 'stopped'],
      ['stopped', 'partyPeriod', '2026-11-24', '2026-11-25', null, 'stopped'],
      ['stopped', 'deadline', null, '2026-11-25', null, 'stopped'],
      // Counted from a receipt not yet recorded (自收到…之日起): no due date, never overdue.
      ['notStarted', 'deadline', null, null, null, 'notStarted'],
      // A status a later migration might add is shown as recorded, never judged as a running period.
      ['voided', 'deadline', '2026-11-24', null, null, 'voided'],
    ];
    const { rows } = await t.db.query<{ s: string }>(
      `SELECT deadline_status(c.status, c.kind, c.due_on::date, c.ended_on::date, c.on_expiry, $2, $3) AS s
       FROM jsonb_to_recordset($1::jsonb)
            AS c(n int, status text, kind text, due_on text, ended_on text, on_expiry text)
       ORDER BY n`,
      [
        JSON.stringify(
          cases.map(([status, kind, due_on, ended_on, on_expiry], n) => ({
            n,
            status,
            kind,
            due_on,
            ended_on,
            on_expiry,
          })),
        ),
        TODAY,
        '2026-11-30',
      ],
    );
    expect(rows.map((r) => r.s)).toEqual(cases.map((c) => c[5]));
  });
});
