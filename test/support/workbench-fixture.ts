/**
 * The workbench's fixture: on Friday 26 September 2025 (the make-up working day Sunday 28 September and the
 * National Day holiday 1–8 October ahead), a reconsideration clerk, a bureau leader, a township office (澥浦镇司法所)
 * and the administrator, with applications in each urgency, a suit, a township office's own matters (the test line)
 * and notifications. Used by the API test and the browser screenshots alike.
 */
import { createOrganisation } from '../../src/lines/mediation/registry.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { Db } from '../../src/platform/db/pool.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn } from './app.ts';
import { decisionData } from './reconsideration.ts';

export const WORKBENCH_TODAY = '2025-09-26';

export const workbenchUsers = {
  clerk: 'fy.clerk',
  leader: 'bureau.leader',
  township: 'xp.staff',
} as const;

export async function workbenchUsersIn(db: Db) {
  await makeUser(db, workbenchUsers.clerk, [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  await makeUser(db, workbenchUsers.leader, [{ org: 'bureau', role: 'leader' }]);
  await makeUser(db, workbenchUsers.township, [{ org: 'jo-330211100', role: 'townshipStaff' }]);
  // The town's people's mediation committee: where the 司法所 registers mediation cases (the 行政复议局 has none).
  const township = await orgId(db, 'jo-330211100');
  await withTx(db, (tx) =>
    createOrganisation(tx, systemActor, {
      code: 'tw-330211100',
      name: '澥浦镇人民调解委员会',
      orgKind: 'town',
      parentId: township,
      regionCode: '330211100',
      foundedOn: '2011-01-01',
      filedOn: '2011-01-01',
    }),
  );
}

const applicant = (name: string, id: string) => ({
  partyType: 'person',
  name,
  idNumber: id,
  phone: '13800000000',
});

/** The matters of the fixture, registered and walked through the API as the clerk and the administrator do. */
export async function workbenchMatters(app: App, db: Db) {
  const clerk: Client = await signIn(app, workbenchUsers.clerk);
  const admin: Client = await signIn(app, 'admin');
  const market = await orgId(db, 'dept-market');
  const housing = await orgId(db, 'dept-housing');
  let n = 0;
  const apply = async (over: Record<string, unknown>) => {
    n++;
    const res = await clerk.post('/api/lines/reconsideration/application', {
      channel: 'window',
      respondentOrgId: market,
      actKind: 'penalty',
      actTitle: '行政处罚决定',
      actDocNo: `甬镇市监罚〔2025〕${200 + n}号`,
      request: '撤销被申请人作出的行政处罚决定',
      thirdParties: [],
      ...over,
    });
    if (res.statusCode !== 201) throw new Error(`intake refused: ${res.body}`);
    return res.json() as { id: number; refNo: string; version: number };
  };
  const act = async (c: Client, path: string, id: number, action: string, date: string, data = {}) => {
    const version = (await c.get(`/api/matters/${id}`)).json().matter.version;
    const res = await c.post(`${path}/${id}/${action}`, { version, date, data });
    if (res.statusCode !== 200) throw new Error(`${action} refused: ${res.body}`);
  };
  const recon = '/api/lines/reconsideration/application';

  // 1. Accepted in March: its 60-day decision period ran out in May — overdue.
  const overdue = await apply({
    receivedOn: '2025-03-03',
    applicants: [applicant('张某', '330211199001011236')],
    actDate: '2025-02-20',
    actKnownOn: '2025-02-24',
  });
  await act(clerk, recon, overdue.id, 'accept', '2025-03-05', { procedure: 'ordinary' });
  // 2. Received Wednesday: its five working days to decide on acceptance end Tuesday 30 September — due soon.
  const dueSoon = await apply({
    receivedOn: '2025-09-24',
    applicants: [applicant('李某', '330211198503150020')],
    respondentOrgId: housing,
    actKind: 'licence',
    actTitle: '不予行政许可决定',
    actDate: '2025-09-10',
    actKnownOn: '2025-09-12',
  });
  // 3. Received today: its period ends after the holiday, on 10 October — not yet pressing.
  const later = await apply({
    receivedOn: '2025-09-26',
    applicants: [applicant('王某', '33021119770707001X')],
    actDate: '2025-09-15',
    actKnownOn: '2025-09-16',
  });
  // 4. Decided in April: closed, waits for nobody.
  const decided = await apply({
    receivedOn: '2025-03-10',
    applicants: [applicant('赵某', '330211198808080019')],
    actDate: '2025-03-01',
    actKnownOn: '2025-03-03',
  });
  await act(clerk, recon, decided.id, 'accept', '2025-03-11', { procedure: 'ordinary' });
  await act(clerk, recon, decided.id, 'sendCopy', '2025-03-12');
  await act(clerk, recon, decided.id, 'receiveReply', '2025-03-20', { summary: '处罚事实清楚' });
  await act(clerk, recon, decided.id, 'hearParties', '2025-03-25', { method: 'phone' });
  await act(clerk, recon, decided.id, 'decide', '2025-04-01', decisionData('uphold'));
  // 5. Received in June 2024 and decided that year: last year's figure for the year-on-year change.
  const lastYear = await apply({
    receivedOn: '2024-06-03',
    applicants: [applicant('钱某', '330211196912120018')],
    actDate: '2024-05-20',
    actKnownOn: '2024-05-27',
    actDocNo: '甬镇市监罚〔2024〕88号',
  });
  await act(clerk, recon, lastYear.id, 'accept', '2024-06-04', { procedure: 'ordinary' });
  await act(clerk, recon, lastYear.id, 'sendCopy', '2024-06-05');
  await act(clerk, recon, lastYear.id, 'receiveReply', '2024-06-14', { summary: '处罚事实清楚' });
  await act(clerk, recon, lastYear.id, 'hearParties', '2024-06-20', { method: 'phone' });
  await act(
    clerk,
    recon,
    lastYear.id,
    'decide',
    '2024-07-01',
    decisionData('revoke', { ground: 'a64.1', findings: '事实不清', reasoning: '证据不足' }),
  );
  // 6. A suit filed in September 2025, pending.
  const suitRes = await clerk.post('/api/lines/reconsideration/suit', {
    court: '宁波市镇海区人民法院',
    caseNumber: '（2025）浙0211行初45号',
    instance: 'first',
    filedOn: '2025-09-08',
    defendantOrgId: market,
    plaintiff: '孙某',
    actKind: 'penalty',
  });
  if (suitRes.statusCode !== 201) throw new Error(`suit refused: ${suitRes.body}`);
  const suit = suitRes.json() as { id: number; refNo: string };

  // The township office's own work (the test line stands in for the township lines): one accepted in June,
  // overdue, and one received this week.
  const toy = '/api/lines/toy/request';
  const tAccepted = (
    await admin.post(toy, {
      subject: '澥浦镇某村宅基地纠纷',
      receivedOn: '2025-06-02',
      orgCode: 'jo-330211100',
    })
  ).json();
  await act(admin, toy, tAccepted.id, 'accept', '2025-06-03');
  const tReceived = (
    await admin.post(toy, {
      subject: '澥浦镇某企业欠薪投诉',
      receivedOn: '2025-09-25',
      orgCode: 'jo-330211100',
    })
  ).json();

  // The clerk's notifications: two unread reminders and one read.
  const clerkId = (await db.query(`SELECT id FROM users WHERE username = $1`, [workbenchUsers.clerk])).rows[0]
    .id;
  await db.query(
    `INSERT INTO notifications (user_id, kind, matter_id, title, body, created_on, read_at) VALUES
       ($1, 'reminder', $2, '期限提醒：受理审查期限即将届满', '李某申请行政复议一案受理审查期限 2025-09-30 届满', '2025-09-25', NULL),
       ($1, 'reminder', $3, '期限提醒：复议决定期限已超期', '张某申请行政复议一案复议决定期限已届满', '2025-09-24', NULL),
       ($1, 'digest', NULL, '每日期限汇总', '超期 1 件，即将到期 1 件', '2025-09-23', now())`,
    [clerkId, dueSoon.id, overdue.id],
  );
  return { overdue, dueSoon, later, decided, lastYear, suit, tAccepted, tReceived };
}

export type WorkbenchMatters = Awaited<ReturnType<typeof workbenchMatters>>;
