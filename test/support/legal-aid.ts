/**
 * The shared setting of the legal-aid line's API tests: a database of its own, the app on a fixed business date, the
 * legal-aid centre, a village station (城东社区) and a town station, two law firms, and the users of the centre, the
 * village station and each firm; the line's kit walks a case to each state on the 2025 calendar.
 */
import { afterAll, beforeAll } from 'vitest';
import { createStation } from '../../src/lines/legal-aid/stations.ts';
import { ensureCentre } from '../../src/lines/legal-aid/store.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { insertOrg } from '../../src/platform/orgs/queries.ts';
import { type Client, makeUser, orgId, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';
import { documentText } from './docx-text.ts';
import { type KindPaths, type KitContext, lineKit } from './line-kit.ts';

export const TODAY = '2026-11-25';
export const WANG = {
  partyType: 'person',
  name: '王某',
  idNumber: '330211199001011236',
  phone: '13800000000',
  address: '浙江省宁波市镇海区招宝山街道城东社区1幢',
};

export interface LegalAidBed {
  t: TestDb;
  app: App;
  /** A clerk of the legal-aid centre. */
  centre: Client;
  /** The worker of the 城东社区 station (level 3). */
  villageWorker: Client;
  /** Lawyers of firm A (lawyerA assigned in the kit's paths, lawyerA2 their colleague) and firm B. */
  lawyerA: Client;
  lawyerA2: Client;
  lawyerB: Client;
  orgs: Record<'village' | 'town' | 'otherVillage' | 'firmA' | 'firmB', number>;
  /** The lawyers' user ids (the accounts an assignment names). */
  users: Record<'lawyerA' | 'lawyerA2' | 'lawyerB', number>;
}

const grant = { action: 'grant', date: '2025-03-07', data: { reviewNote: '' } };
const assign = (bed: LegalAidBed) => ({
  action: 'assign',
  date: '2025-03-10',
  data: {
    workerName: '陈律师',
    workerKind: 'lawyer',
    lawFirmOrgId: bed.orgs.firmA,
    workerUserId: bed.users.lawyerA,
    courtName: '宁波市镇海区人民法院',
    noConflictDeclared: true,
  },
});
const end = {
  action: 'endCase',
  date: '2025-06-12',
  data: { endedOn: '2025-06-10', outcome: '法院判决支持受援人诉讼请求' },
};

/** How each state of an application is reached (received Mon 3 March 2025 at the 城东社区 station). */
const applicationPaths = (bed: LegalAidBed): KindPaths => ({
  create: () => ({
    receivedOn: '2025-03-03',
    source: 'application',
    stationOrgId: bed.orgs.village,
    applicant: WANG,
    caseType: 'labour',
    matterSummary: '王某在某建筑工地务工，被拖欠劳动报酬12000元，申请劳动争议仲裁代理',
    eligibility: 'noCheck',
    exemption: 'migrantWorker',
  }),
  paths: {
    reviewing: [],
    assigning: [grant],
    handling: [grant, assign(bed)],
    ended: [grant, assign(bed), end],
    closing: [
      grant,
      assign(bed),
      end,
      { action: 'submitClosing', date: '2025-06-20', data: { materials: '结案报告、仲裁裁决书复印件' } },
    ],
    refused: [
      {
        action: 'refuse',
        date: '2025-03-07',
        data: { ground: 'outOfScope', reason: '申请事项系商业投资纠纷' },
      },
    ],
  },
});

const noticePaths = (): KindPaths => ({
  create: (n) => ({
    receivedOn: '2025-04-30',
    notifyingOrgan: '宁波市镇海区人民法院',
    noticeNo: `（2025）浙0211刑初${n}号`,
    caseType: 'criminalDefence',
    applicant: { partyType: 'person', name: '赵某', idNumber: '33021119851231551X' },
    matterSummary: '被告人赵某涉嫌盗窃罪，系盲人，没有委托辩护人',
  }),
  paths: { assigning: [] },
});

export function legalAidTestbed() {
  const bed = {} as LegalAidBed;

  beforeAll(async () => {
    bed.t = await createTestDb();
    bed.app = await testApp(bed.t.db, { today: TODAY });
    const db = bed.t.db;
    await ensureCentre(db);
    const jo1 = await orgId(db, 'jo-330211001');
    const jo3 = await orgId(db, 'jo-330211003');
    const lawyers = await orgId(db, 'sec-lawyers');
    await withTx(db, async (tx) => {
      const station = (code: string, name: string, parentId: number, level: 1 | 2 | 3, regionCode: string) =>
        createStation(tx, systemActor, {
          code,
          name,
          parentId,
          stationKind: 'station',
          level,
          regionCode,
          address: `${name}办公室`,
          lat: 29.95,
          lng: 121.71,
          foundedOn: '2020-01-01',
        });
      bed.orgs = {
        village: await station('ls-330211001001', '城东社区公共法律服务室', jo1, 3, '330211001001'),
        town: await station('ls-330211001', '招宝山街道公共法律服务站', jo1, 2, '330211001'),
        otherVillage: await station('ls-330211003001', '中街社区公共法律服务室', jo3, 3, '330211003001'),
        firmA: await insertOrg(tx, {
          code: 'firm-a',
          name: '浙江甲律师事务所',
          kind: 'lawFirm',
          parentId: lawyers,
          regionCode: '330211',
        }),
        firmB: await insertOrg(tx, {
          code: 'firm-b',
          name: '浙江乙律师事务所',
          kind: 'lawFirm',
          parentId: lawyers,
          regionCode: '330211',
        }),
      };
    });
    await makeUser(db, 'fy.centre', [{ org: 'legal-aid-centre', role: 'sectionStaff' }]);
    await makeUser(db, 'zd.cd', [{ org: 'ls-330211001001', role: 'townshipStaff' }]);
    bed.users = {
      lawyerA: Number(await makeUser(db, 'lawyer.a', [{ org: 'firm-a', role: 'lawyer' }])),
      lawyerA2: Number(await makeUser(db, 'lawyer.a2', [{ org: 'firm-a', role: 'lawyer' }])),
      lawyerB: Number(await makeUser(db, 'lawyer.b', [{ org: 'firm-b', role: 'lawyer' }])),
    };
    bed.centre = await signIn(bed.app, 'fy.centre');
    bed.villageWorker = await signIn(bed.app, 'zd.cd');
    bed.lawyerA = await signIn(bed.app, 'lawyer.a');
    bed.lawyerA2 = await signIn(bed.app, 'lawyer.a2');
    bed.lawyerB = await signIn(bed.app, 'lawyer.b');
  });
  afterAll(async () => {
    await bed.app?.close();
    await bed.t?.close();
  });

  const ctx: KitContext = { client: () => bed.centre, db: () => bed.t.db };
  const kit = lineKit(ctx, {
    get 'legalAid/application'() {
      return applicationPaths(bed);
    },
    get 'legalAid/notice'() {
      return noticePaths();
    },
  });

  const deadlines = async (id: number) =>
    (await bed.centre.get(`/api/matters/${id}`))
      .json()
      .deadlines.map((d: { key: string; status: string; dueOn: string | null; ruleId: string }) => ({
        key: d.key,
        rule: d.ruleId,
        status: d.status,
        dueOn: d.dueOn,
      }));

  /** Sets how the bureau counts legal-aid periods (pinned on cases registered afterwards). */
  const setCounting = (value: 'zhejiang' | 'national') =>
    bed.t.db.query(
      `INSERT INTO settings (key, value) VALUES ('legalAid.counting', to_jsonb($1::text))
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [value],
    );

  return {
    bed,
    ctx,
    kit,
    deadlines,
    setCounting,
    documentText: (docId: number) => documentText(bed.t.db, docId),
  };
}
