/**
 * GET /api/workbench for the four kinds of user the issue names — the administrator, a reconsideration clerk, a
 * bureau leader and a township office (司法所) — on one fixture at a fixed business date (Friday 26 September 2025;
 * due soon means by Tuesday 30 September, three working days on with the make-up working day Sunday 28th).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { orgId, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import {
  WORKBENCH_TODAY,
  type WorkbenchMatters,
  workbenchMatters,
  workbenchUsers,
  workbenchUsersIn,
} from '../support/workbench-fixture.ts';

let t: TestDb;
let app: App;
let m: WorkbenchMatters;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: WORKBENCH_TODAY, toy: true });
  await workbenchUsersIn(t.db);
  m = await workbenchMatters(app, t.db);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const workbenchOf = async (username: string) => {
  const res = await (await signIn(app, username)).get('/api/workbench');
  expect(res.statusCode).toBe(200);
  return res.json();
};

/** The waiting list as (reference number, urgency, due date, badge, first step offered). */
const waitingRows = (w: { items: Record<string, unknown>[] }) =>
  w.items.map((i) => [i.refNo, i.urgency, i.dueOn, i.badge, (i.actions as string[])[0]]);

describe('a reconsideration clerk (行政复议局, sectionStaff)', () => {
  it('waits on the overdue case first, then the one due within 3 working days, then the rest; closed cases never', async () => {
    const w = await workbenchOf(workbenchUsers.clerk);
    expect(w.today).toBe('2025-09-26');
    expect(w.soonCutoff).toBe('2025-09-30');
    expect(w.waiting.counts).toEqual({ overdue: 1, dueSoon: 1, other: 2 });
    expect(waitingRows(w.waiting)).toEqual([
      // Accepted 5 March: the copy to the respondent was due 14 March, the decision 6 May.
      ['镇司复收〔2025〕1号', 'overdue', '2025-03-14', 'overdue', '发送申请书副本'],
      // Received Wednesday: five working days to decide on acceptance end on Tuesday.
      ['镇司复收〔2025〕2号', 'dueSoon', '2025-09-30', 'dueSoon', '受理'],
      // Received today: the period runs over the National Day holiday to 10 October.
      ['镇司复收〔2025〕3号', 'other', '2025-10-10', 'running', '受理'],
      // A pending suit has no running period of the office.
      ['镇司应〔2025〕1号', 'other', null, null, '登记起诉状副本送达'],
    ]);
    expect(w.waiting.items[0]).toMatchObject({
      matterId: m.overdue.id,
      title: '张某不服宁波市镇海区市场监督管理局行政处罚',
      lineLabel: '行政复议与应诉',
      kindLabel: '行政复议案件',
      stateLabel: '审理中',
      ownerOrgName: '行政复议局',
      badgeLabel: '已超期',
      actions: ['发送申请书副本', '作出复议决定', '收到被申请人答复'],
    });
  });

  it("lists the office's periods by the same status as the deadlines page, the overdue first", async () => {
    const w = await workbenchOf(workbenchUsers.clerk);
    expect(w.officeDeadlines.counts).toEqual({ overdue: 2, dueSoon: 1, paused: 0 });
    expect(
      w.officeDeadlines.items.map((d: Record<string, unknown>) => [
        d.refNo,
        d.dueOn,
        d.badge,
        d.remainingText,
      ]),
    ).toEqual([
      ['镇司复收〔2025〕1号', '2025-03-14', 'overdue', '已超期 136 个工作日'],
      ['镇司复收〔2025〕1号', '2025-05-06', 'overdue', '已超期 143 天'],
      ['镇司复收〔2025〕2号', '2025-09-30', 'dueSoon', '剩 3 个工作日'],
      ['镇司复收〔2025〕3号', '2025-10-10', 'running', '剩 5 个工作日'],
    ]);
    expect(w.officeDeadlines.items[1].event).toBe('普通程序：作出行政复议决定');
    // The same figures as the deadlines page's 本单位 / 超期.
    const page = await (await signIn(app, workbenchUsers.clerk)).get(
      '/api/deadlines?scope=office&filter=overdue',
    );
    expect(page.json().items).toHaveLength(w.officeDeadlines.counts.overdue);
  });

  it('shows the matters the clerk last worked on, unread notifications first, and what the clerk may register', async () => {
    const w = await workbenchOf(workbenchUsers.clerk);
    expect(w.recent.map((r: { refNo: string }) => r.refNo)).toEqual([
      '镇司应〔2025〕1号',
      '镇司复收〔2024〕1号',
      '镇司复收〔2025〕4号',
      '镇司复收〔2025〕3号',
      '镇司复收〔2025〕2号',
      '镇司复收〔2025〕1号',
    ]);
    expect(w.recent[2]).toMatchObject({ matterId: m.decided.id, stateLabel: '已作出决定' });
    expect(w.notifications.unread).toBe(2);
    expect(w.notifications.latest.map((n: Record<string, unknown>) => [n.title, n.read, n.matterId])).toEqual(
      [
        ['期限提醒：复议决定期限已超期', false, m.overdue.id],
        ['期限提醒：受理审查期限即将届满', false, m.dueSoon.id],
        ['每日期限汇总', true, null],
      ],
    );
    // Kinds in the order their lines were registered, which depends on the test files run before this one.
    const byId = (a: { line: string; kind: string }, b: { line: string; kind: string }) =>
      `${a.line}/${a.kind}`.localeCompare(`${b.line}/${b.kind}`);
    expect(
      w.creatable.map((c: { kinds: { line: string; kind: string }[] }) => ({
        ...c,
        kinds: [...c.kinds].sort(byId),
      })),
    ).toEqual([
      {
        orgId: await orgId(t.db, 'sec-reconsideration'),
        orgName: '行政复议局',
        kinds: [
          // The same role in every section, but the 行政复议局 holds no mediation organisation and is not the
          // credit-repair office: it is offered its own kinds only (create.owners), not 登记调解案件.
          {
            line: 'reconsideration',
            lineLabel: '行政复议与应诉',
            kind: 'application',
            kindLabel: '行政复议案件',
            createLabel: '登记行政复议申请',
          },
          {
            line: 'reconsideration',
            lineLabel: '行政复议与应诉',
            kind: 'suit',
            kindLabel: '行政应诉案件',
            createLabel: '登记行政应诉案件',
          },
          {
            line: 'toy',
            lineLabel: '测试条线',
            kind: 'request',
            kindLabel: '测试申请',
            createLabel: '登记测试申请',
          },
        ],
      },
    ]);
    expect(w.leader).toBeNull();
    expect(w.township).toBeNull();
    expect(w.admin).toBeNull();
  });
});

describe('a bureau leader', () => {
  it('sees the key figures of the bureau with year-on-year, and the overdue matters by office', async () => {
    const w = await workbenchOf(workbenchUsers.leader);
    expect(w.waiting).toBeNull(); // a leader takes no steps on matters
    expect(w.leader).toMatchObject({
      year: 2025,
      region: '330211',
      orgId: await orgId(t.db, 'bureau'),
      orgName: '宁波市镇海区司法局',
    });
    expect(
      w.leader.indicators.map((i: Record<string, unknown>) => [i.id, i.value, i.previous, i.yoyText]),
    ).toEqual([
      ['reconsideration.received', 4, 1, '增长300.0%'],
      ['reconsideration.closed', 1, 1, '持平'],
      ['reconsideration.correctionRate', 0, 100, '去年同期100%'],
      ['reconsideration.overdue', 1, 0, '去年同期为零，无法比较'],
      ['litigation.filed', 1, 0, '去年同期为零，无法比较'],
      ['litigation.headAppearanceRate', 0, 0, '去年同期0%'],
    ]);
    // The figure is the indicator page's own.
    const page = await (await signIn(app, workbenchUsers.leader)).get(
      `/api/indicators/reconsideration.received?year=2025&region=330211&org=${w.leader.orgId}`,
    );
    expect(page.json()).toMatchObject({ value: 4, previous: 1, yoy: 300 });
    expect(w.leader.overdueByOffice).toEqual([
      { orgId: await orgId(t.db, 'jo-330211100'), orgName: '澥浦镇司法所', overdue: 1 },
      { orgId: await orgId(t.db, 'sec-reconsideration'), orgName: '行政复议局', overdue: 1 },
    ]);
    expect(w.officeDeadlines.counts).toEqual({ overdue: 3, dueSoon: 1, paused: 0 });
    expect(w.creatable).toEqual([]);
    expect(w.recent).toEqual([]);
  });
});

describe('a township office (澥浦镇司法所, townshipStaff)', () => {
  it("sees its own work across lines by state, and none of the bureau's", async () => {
    const w = await workbenchOf(workbenchUsers.township);
    expect(w.township).toEqual({
      offices: [{ orgId: await orgId(t.db, 'jo-330211100'), orgName: '澥浦镇司法所' }],
      byState: [
        {
          line: 'toy',
          lineLabel: '测试条线',
          kind: 'request',
          kindLabel: '测试申请',
          state: 'accepted',
          stateLabel: '已受理',
          terminal: false,
          count: 1,
          overdue: 1,
        },
        {
          line: 'toy',
          lineLabel: '测试条线',
          kind: 'request',
          kindLabel: '测试申请',
          state: 'received',
          stateLabel: '已收到',
          terminal: false,
          count: 1,
          overdue: 0,
        },
      ],
    });
    // No line lets a township office's role take these steps: nothing waits, and it says so in the page.
    expect(w.waiting).toEqual({ counts: { overdue: 0, dueSoon: 0, other: 0 }, perBucket: 8, items: [] });
    expect(w.officeDeadlines.counts).toEqual({ overdue: 1, dueSoon: 0, paused: 0 });
    expect(w.officeDeadlines.items.map((d: { matterId: number }) => d.matterId)).toEqual([
      m.tAccepted.id,
      m.tReceived.id,
    ]);
    // A 司法所 registers the mediation cases of its town, its town centre's legality review items, and its
    // correction and resettlement subjects.
    expect(
      w.creatable.map((c: { orgName: string; kinds: { kind: string }[] }) => [
        c.orgName,
        c.kinds.map((k) => k.kind),
      ]),
    ).toEqual([['澥浦镇司法所', ['case', 'onSpot', 'item', 'subject', 'resettlement', 'assessment']]]);
    expect(w.leader).toBeNull();
    expect(w.admin).toBeNull();
  });
});

describe('the administrator (镇海区, admin)', () => {
  it('may act on every open matter of the district, and keeps the organisation overview', async () => {
    const w = await workbenchOf('admin');
    expect(w.waiting.counts).toEqual({ overdue: 2, dueSoon: 1, other: 3 });
    expect(waitingRows(w.waiting)).toEqual([
      ['镇司复收〔2025〕1号', 'overdue', '2025-03-14', 'overdue', '发送申请书副本'],
      ['测〔2025〕1号', 'overdue', '2025-08-04', 'overdue', '中止'],
      ['镇司复收〔2025〕2号', 'dueSoon', '2025-09-30', 'dueSoon', '受理'],
      ['测〔2025〕2号', 'other', '2025-10-09', 'running', '受理'],
      ['镇司复收〔2025〕3号', 'other', '2025-10-10', 'running', '受理'],
      ['镇司应〔2025〕1号', 'other', null, null, '登记起诉状副本送达'],
    ]);
    expect(w.admin).toEqual({
      orgs: {
        total: 30,
        byKind: [
          { kind: 'district', count: 1 },
          { kind: 'government', count: 1 },
          { kind: 'bureau', count: 1 },
          { kind: 'section', count: 8 },
          { kind: 'justiceOffice', count: 7 },
          { kind: 'department', count: 10 },
          { kind: 'court', count: 1 },
          { kind: 'mediationCommittee', count: 1 },
        ],
      },
      users: { total: 4, disabled: 0, locked: 0, mustChangePassword: 0 },
    });
    expect(w.recent.map((r: { refNo: string }) => r.refNo)).toEqual(['测〔2025〕2号', '测〔2025〕1号']);
    expect(
      w.creatable.map((c: { orgName: string; kinds: { kind: string }[] }) => [c.orgName, c.kinds.length]),
      // 5 of the reconsideration and mediation lines, 3 of supervision (inspection, finding, instrument), 2 of
      // legality review (item, decision), 2 of credit repair (record, guidance); none of community correction,
      // which a district-wide membership never registers.
    ).toEqual([['镇海区', 12]]);
    expect(w.leader).toBeNull();
  });
});
