/**
 * The shared setting of the supervision line's API tests: a database of its own, the app on a fixed business date,
 * the towns' governments as inspected units, and the users: the 法治督察科's inspector, a department's legal
 * officer (区市场监管局), a township office (招宝山街道司法所) and the bureau's leader.
 */
import { afterAll, beforeAll } from 'vitest';
import { ensureDemoOrgs } from '../../src/lines/supervision/demo-registry.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';
import { type KindPaths, lineKit, type Step } from './line-kit.ts';

export const TODAY = '2026-11-25';

export interface SupervisionBed {
  t: TestDb;
  app: App;
  inspector: Client;
  deptOfficer: Client;
  town: Client;
  leader: Client;
  orgs: Record<'market' | 'housing' | 'townGov' | 'otherTownGov', number>;
  /** 招宝山街道司法所 (a township office: neither a department nor a town government). */
  jo: number;
}

/** An inspection of 区市场监管局 in 2025, and a finding of it (found 2025-04-10, to be rectified by 2025-06-09). */
const inspectionPaths = (bed: SupervisionBed): KindPaths => ({
  create: () => ({
    planName: '2025年度法治督察工作计划',
    unitOrgId: bed.orgs.market,
    noticeOn: '2025-03-31',
    startsOn: '2025-04-08',
    endsOn: '2025-04-10',
    team: '区委依法治区办、区司法局法治督察科',
    focus: '重大行政决策、行政执法规范化',
  }),
  paths: { notified: [] },
});

const report: Step = {
  action: 'report',
  date: '2025-06-05',
  data: { plan: '修订制度', result: '已完成整改' },
};
const findingPaths = (inspectionId: () => number): KindPaths => ({
  create: () => ({
    inspectionId: inspectionId(),
    foundOn: '2025-04-10',
    category: 'enforcement',
    description: '行政处罚案卷中证据材料不完整',
    evidence: '案卷评查记录',
    rectifyBy: '2025-06-09',
  }),
  paths: {
    rectifying: [],
    reported: [report],
    closed: [
      report,
      { action: 'verify', date: '2025-06-12', data: { result: 'closed', opinion: '整改到位' } },
    ],
  },
});

const instrumentPaths = (bed: SupervisionBed): KindPaths => ({
  create: () => ({
    instrument: 'notice',
    departmentOrgId: bed.orgs.market,
    issuedOn: '2024-05-06',
    problems: '行政处罚案件办理超过法定期限',
    requirements: '对超期案件逐件自查，完善办案期限预警制度',
    replyBy: '2024-06-05',
    campaign: '',
  }),
  paths: { awaitingReply: [], replied: [{ action: 'reply', date: '2024-06-03', data: { reply: '已整改' } }] },
});

export function supervisionTestbed() {
  const bed = {} as SupervisionBed;
  let inspectionId = 0;
  beforeAll(async () => {
    bed.t = await createTestDb();
    bed.app = await testApp(bed.t.db, { today: TODAY });
    const db = bed.t.db;
    await withTx(db, (tx) => ensureDemoOrgs(tx));
    bed.orgs = {
      market: await orgId(db, 'dept-market'),
      housing: await orgId(db, 'dept-housing'),
      townGov: await orgId(db, 'town-gov-330211001'),
      otherTownGov: await orgId(db, 'town-gov-330211003'),
    };
    bed.jo = await orgId(db, 'jo-330211001');
    await makeUser(db, 'inspector', [{ org: 'sec-inspection', role: 'sectionStaff' }]);
    await makeUser(db, 'deptofficer', [{ org: 'dept-market', role: 'submitter' }]);
    await makeUser(db, 'townoffice', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    await makeUser(db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    bed.inspector = await signIn(bed.app, 'inspector');
    bed.deptOfficer = await signIn(bed.app, 'deptofficer');
    bed.town = await signIn(bed.app, 'townoffice');
    bed.leader = await signIn(bed.app, 'leader');
    const res = await bed.inspector.post('/api/lines/supervision/inspection', inspectionPaths(bed).create(0));
    if (res.statusCode !== 201) throw new Error(res.body);
    inspectionId = res.json().id;
  }, 120_000);
  afterAll(async () => {
    await bed.app?.close();
    await bed.t?.close();
  });
  const ctx = { client: () => bed.inspector, db: () => bed.t.db };
  const kit = lineKit(ctx, {
    'supervision/inspection': inspectionPaths(bed),
    'supervision/finding': findingPaths(() => inspectionId),
    'supervision/instrument': instrumentPaths(bed),
  });
  const deadlines = async (id: number) =>
    (
      await bed.t.db.query(
        `SELECT key, rule_id AS rule, status, due_on::text AS "dueOn" FROM deadlines WHERE matter_id = $1 ORDER BY id`,
        [id],
      )
    ).rows;
  return { bed, kit, ctx, deadlines, inspection: () => inspectionId };
}
