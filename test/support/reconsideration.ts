/**
 * The shared setting of the reconsideration line's API tests: a database of its own, the app on a fixed business
 * date, a clerk of the reconsideration section, two respondent departments, helpers that register an application
 * and take it through actions as the clerk does, and the line's kit (matters walked to a state, documents as text).
 */
import { afterAll, beforeAll } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';
import { documentText } from './docx-text.ts';
import { type KindPaths, type KitContext, lineKit, type Step } from './line-kit.ts';

export const TODAY = '2026-11-25';

export interface Bed {
  t: TestDb;
  app: App;
  clerk: Client;
  market: number;
  housing: number;
}

/**
 * How each state of an application is reached, on the 2025 calendar (received Mon 3 March 2025). A path's name is
 * the state it ends in, with a variant after the dot.
 */
/** A decision's data with what every decision needs (Art. 61(1) approval); `over` adds the type's own fields. */
export const decisionData = (decisionType: string, over: Record<string, unknown> = {}) => ({
  decisionType,
  findings: '事实清楚',
  reasoning: '适用依据正确',
  approval: 'head',
  approvedBy: '李某（副区长）',
  ...over,
});
const accept: Step = { action: 'accept', date: '2025-03-05', data: { procedure: 'ordinary' } };
const sendCopy: Step = { action: 'sendCopy', date: '2025-03-06' };
/** The respondent signs for the copy on the day it is sent: its reply period (Art. 48) runs from then. */
const serveCopy: Step = {
  action: 'serveCopy',
  date: '2025-03-06',
  data: { method: 'inPerson', receivedOn: '2025-03-06' },
};
const applicationPaths = (bed: Bed): KindPaths => ({
  create: (n) => ({
    receivedOn: '2025-03-03',
    channel: 'window',
    applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236', phone: '13800000000' }],
    respondentOrgId: bed.market,
    actKind: 'penalty',
    actTitle: '行政处罚决定',
    actDocNo: `甬镇市监罚〔2025〕${100 + n}号`,
    actDate: '2025-02-20',
    actKnownOn: '2025-02-24',
    request: '撤销被申请人作出的行政处罚决定',
    // The same applicant and act in every matter: confirmed, so the duplicate check only warns.
    allowDuplicate: true,
  }),
  paths: {
    received: [],
    // The notice is handed over on the day: the 补正 period (Art. 31(2)) counts from that receipt.
    awaitingSupplement: [
      { action: 'requestSupplement', date: '2025-03-04', data: { items: '请提供身份证明' } },
      {
        action: 'serveSupplementNotice',
        date: '2025-03-04',
        data: { method: 'inPerson', receivedOn: '2025-03-04' },
      },
    ],
    'received.afterSupplement': [
      { action: 'requestSupplement', date: '2025-03-04', data: { items: '请提供身份证明' } },
      { action: 'supplementReceived', date: '2025-03-06' },
    ],
    review: [accept],
    'review.simplified': [
      {
        action: 'accept',
        date: '2025-03-05',
        data: { procedure: 'simplified', simplifiedGround: 'smallAmount' },
      },
    ],
    'review.copySent': [accept, sendCopy],
    // The respondent received the copy on the day: its reply period (Art. 48) runs to Thu 20 March.
    'review.copyServed': [accept, sendCopy, serveCopy],
    'review.replied': [
      accept,
      sendCopy,
      { action: 'receiveReply', date: '2025-03-12', data: { summary: '' } },
    ],
    // Copy sent, reply in, parties heard (Art. 49): what the law puts before a decision in the ordinary procedure.
    'review.heard': [
      accept,
      sendCopy,
      { action: 'receiveReply', date: '2025-03-12', data: { summary: '处罚事实清楚' } },
      { action: 'hearParties', date: '2025-03-14', data: { method: 'phone' } },
    ],
    'review.hearingNoticed': [
      accept,
      sendCopy,
      {
        action: 'noticeHearing',
        date: '2025-03-10',
        data: { hearingOn: '2025-03-20', place: '区司法局听证室', matters: '处罚事实认定' },
      },
    ],
    'review.extended': [
      accept,
      sendCopy,
      { action: 'extend', date: '2025-03-20', data: { days: 30, reason: '案情复杂', approvedBy: '王某' } },
    ],
    // Art. 41(5): the applicant's death starts the sixty days after which the case may be terminated.
    suspended: [accept, { action: 'suspend', date: '2025-03-10', data: { cause: 'applicantDied' } }],
    'suspended.otherCause': [
      accept,
      { action: 'suspend', date: '2025-03-10', data: { cause: 'forceMajeure' } },
    ],
    decided: [
      accept,
      sendCopy,
      serveCopy,
      { action: 'hearParties', date: '2025-03-31', data: { method: 'phone' } },
      { action: 'decide', date: '2025-04-01', data: decisionData('uphold') },
    ],
    // Served by post and received on Thu 3 April: the applicant's 15 days to sue end on Fri 18 April.
    'decided.served': [
      accept,
      sendCopy,
      serveCopy,
      { action: 'hearParties', date: '2025-03-31', data: { method: 'phone' } },
      { action: 'decide', date: '2025-04-01', data: decisionData('uphold') },
      { action: 'serveDecision', date: '2025-04-03', data: { method: 'post', recipient: '张某' } },
    ],
  },
});

const suitPaths = (bed: Bed): KindPaths => ({
  create: (n) => ({
    court: '宁波市镇海区人民法院',
    caseNumber: `（2025）浙0211行初${n}号`,
    instance: 'first',
    filedOn: '2025-03-03',
    defendantOrgId: bed.market,
    plaintiff: '王某',
    actKind: 'penalty',
  }),
  paths: {
    pending: [],
    concluded: [{ action: 'conclude', date: '2025-06-02', data: { outcome: 'won' } }],
  },
});

export function reconsiderationTestbed() {
  /** Filled in by beforeAll; read it inside tests. */
  const bed = {} as Bed;

  beforeAll(async () => {
    bed.t = await createTestDb();
    bed.app = await testApp(bed.t.db, { today: TODAY });
    await makeUser(bed.t.db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    bed.clerk = await signIn(bed.app, 'fy.clerk');
    bed.market = await orgId(bed.t.db, 'dept-market');
    bed.housing = await orgId(bed.t.db, 'dept-housing');
  });
  afterAll(async () => {
    await bed.app?.close();
    await bed.t?.close();
  });

  const ctx: KitContext = { client: () => bed.clerk, db: () => bed.t.db };
  // The paths read the respondents' ids, known only once beforeAll ran: resolved on each use.
  const kit = lineKit(ctx, {
    get 'reconsideration/application'() {
      return applicationPaths(bed);
    },
    get 'reconsideration/suit'() {
      return suitPaths(bed);
    },
  });

  let serial = 0;
  const application = (over: Record<string, unknown> = {}) => ({
    receivedOn: '2025-09-26',
    channel: 'window',
    applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236', phone: '13800000000' }],
    respondentOrgId: bed.market,
    actKind: 'penalty',
    actTitle: '行政处罚决定',
    actDocNo: `甬镇市监罚〔2025〕${++serial}号`,
    actDate: '2025-09-01',
    actKnownOn: '2025-09-03',
    request: '撤销被申请人作出的行政处罚决定',
    ...over,
  });

  const create = (over: Record<string, unknown> = {}) =>
    bed.clerk.post('/api/lines/reconsideration/application', application(over));

  const act = (id: number, action: string, date: string, data: Record<string, unknown> = {}) =>
    kit.act('reconsideration/application', id, action, date, data);

  const deadline = async (id: number, key: string) => {
    const detail = (await bed.clerk.get(`/api/matters/${id}`)).json();
    return detail.deadlines.filter((d: { key: string }) => d.key === key).at(-1);
  };

  const countMatters = async () =>
    Number(
      (await bed.t.db.query(`SELECT count(*) AS n FROM matters WHERE line = 'reconsideration'`)).rows[0].n,
    );

  return {
    bed,
    ctx,
    kit,
    create,
    act,
    deadline,
    countMatters,
    documentText: (docId: number) => documentText(bed.t.db, docId),
  };
}
