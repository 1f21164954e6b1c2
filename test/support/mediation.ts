/**
 * The shared setting of the mediation line's API tests: a database of its own, the app on a fixed business date,
 * the committees of two towns and a district commercial centre in the registry, their mediators (one in the
 * district pool, one who is a party to the fixture's disputes), the users of a committee, a township office and
 * the bureau, and the line's kit (paths that walk a case to each state on the 2025 calendar).
 */
import { afterAll, beforeAll } from 'vitest';
import { registerParty } from '../../src/kernel/parties/registry.ts';
import { addMediator, createOrganisation } from '../../src/lines/mediation/registry.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn, testApp } from './app.ts';
import { createTestDb, type TestDb } from './db.ts';
import { documentText } from './docx-text.ts';
import { type KindPaths, type KitContext, lineKit, type Step } from './line-kit.ts';

export const TODAY = '2026-11-25';
export const ZHANG = {
  partyType: 'person',
  name: '张某',
  idNumber: '330211199001011236',
  phone: '13800000000',
};
export const LI = { partyType: 'person', name: '李某', idNumber: '33021119851231551X' };

export interface MediationBed {
  t: TestDb;
  app: App;
  /** The township office of 招宝山街道 (registers its committees' cases). */
  office: Client;
  /** A mediator of 城东社区's committee. */
  mediator: Client;
  /** The township office of 骆驼街道. */
  otherOffice: Client;
  /** The bureau (people's mediation section's leader: reads everything). */
  leader: Client;
  /** A clerk of the reconsideration bureau, who hands applications over to its mediation room (调解+复议). */
  recon: Client;
  /** Organisations by name: village (城东社区), town (招宝山街道), otherVillage (骆驼街道中街社区), commercial. */
  orgs: Record<'village' | 'town' | 'otherVillage' | 'commercial' | 'reconRoom', number>;
  /** Mediators: lead and second of the village committee, pooled (another town's, in the pool), foreign (another
   * town's, not in the pool), party (李某 himself, of the village committee). */
  mediators: Record<'lead' | 'second' | 'pooled' | 'foreign' | 'party', number>;
}

const accept: Step = { action: 'accept', date: '2025-03-04', data: { partiesConsent: true } };
const assign = (bed: MediationBed): Step => ({
  action: 'assign',
  date: '2025-03-05',
  data: { mediatorIds: [bed.mediators.lead], noConflictDeclared: true },
});
const session: Step = {
  action: 'holdSession',
  date: '2025-03-10',
  data: { place: '城东社区调解室', attendees: '张某、李某', summary: '双方陈述意见' },
};
const agreeWritten: Step = {
  action: 'agree',
  date: '2025-03-20',
  data: {
    form: 'written',
    agreement: '李某于2025年4月30日前赔偿张某损失3000元',
    amountAgreed: 3000,
    performance: 'instalments',
  },
};

/** How each state of a case is reached, on the 2025 calendar (received Mon 3 March 2025). */
const casePaths = (bed: MediationBed): KindPaths => ({
  create: () => ({
    receivedOn: '2025-03-03',
    orgId: bed.orgs.village,
    source: 'application',
    channel: 'window',
    applicants: [ZHANG],
    respondents: [LI],
    disputeType: 'neighbour',
    amount: 5000,
    facts: '李某装修房屋致张某家中墙面渗水',
    request: '请求李某赔偿损失',
  }),
  paths: {
    received: [],
    accepted: [accept],
    mediating: [accept, assign(bed)],
    'mediating.session': [accept, assign(bed), session],
    suspended: [
      accept,
      assign(bed),
      { action: 'suspend', date: '2025-03-12', data: { reason: '张某住院治疗' } },
    ],
    agreed: [accept, assign(bed), session, agreeWritten],
    confirming: [
      accept,
      assign(bed),
      session,
      agreeWritten,
      { action: 'applyConfirmation', date: '2025-03-25', data: { court: '宁波市镇海区人民法院' } },
    ],
    confirmed: [
      accept,
      assign(bed),
      session,
      agreeWritten,
      { action: 'applyConfirmation', date: '2025-03-25', data: { court: '宁波市镇海区人民法院' } },
      { action: 'recordConfirmation', date: '2025-04-10', data: { result: 'valid' } },
    ],
    failed: [
      accept,
      assign(bed),
      { action: 'fail', date: '2025-03-28', data: { reason: 'noAgreement', referredTo: 'court' } },
    ],
    closed: [accept, assign(bed), session, agreeWritten, { action: 'close', date: '2025-04-30' }],
    refused: [{ action: 'refuse', date: '2025-03-04', data: { ground: 'partyRefuses' } }],
  },
});

const onSpotPaths = (bed: MediationBed): KindPaths => ({
  create: () => ({
    receivedOn: '2025-05-06',
    orgId: bed.orgs.village,
    mediatorId: bed.mediators.lead,
    place: '城东社区广场',
    applicants: [ZHANG],
    respondents: [LI],
    disputeType: 'neighbour',
    amount: 800,
    facts: '李某停放电动车堵塞张某家门口通道',
    agreement: '李某当场挪走电动车并向张某道歉，今后不再占用通道',
    amountAgreed: 0,
    performance: 'immediate',
  }),
  paths: { closed: [] },
});

export function mediationTestbed() {
  const bed = {} as MediationBed;

  beforeAll(async () => {
    bed.t = await createTestDb();
    bed.app = await testApp(bed.t.db, { today: TODAY });
    const db = bed.t.db;
    const jo1 = await orgId(db, 'jo-330211001');
    const jo3 = await orgId(db, 'jo-330211003');
    const section = await orgId(db, 'sec-participation');
    const reconSection = await orgId(db, 'sec-reconsideration');
    await withTx(db, async (tx) => {
      const org = (
        code: string,
        name: string,
        orgKind: 'village' | 'town' | 'commercial',
        parentId: number,
        regionCode: string,
        foundedOn: string,
      ) =>
        createOrganisation(tx, systemActor, {
          code,
          name,
          orgKind,
          parentId,
          regionCode,
          foundedOn,
          filedOn: foundedOn,
        });
      bed.orgs = {
        town: await org('tw-330211001', '招宝山街道人民调解委员会', 'town', jo1, '330211001', '2011-01-01'),
        village: await org(
          'tv-330211001001',
          '城东社区人民调解委员会',
          'village',
          jo1,
          '330211001001',
          '2011-01-01',
        ),
        otherVillage: await org(
          'tv-330211003001',
          '中街社区人民调解委员会',
          'village',
          jo3,
          '330211003001',
          '2011-01-01',
        ),
        commercial: await org('tc-1', '镇海区商事调解中心', 'commercial', section, '330211', '2024-05-20'),
        reconRoom: await createOrganisation(tx, systemActor, {
          code: 'ta-reconsideration',
          name: '镇海区行政复议调解工作室',
          orgKind: 'administrative',
          parentId: reconSection,
          regionCode: '330211',
          foundedOn: '2023-06-01',
        }),
      };
      const li = await registerParty(tx, systemActor, LI as never, bed.orgs.village);
      const mediator = (orgId: number, name: string, inPool: boolean, partyId?: number) =>
        addMediator(tx, systemActor, {
          orgId,
          name,
          speciality: '邻里纠纷',
          employment: 'partTime',
          inPool,
          joinedOn: '2020-01-01',
          ...(partyId ? { partyId } : {}),
        });
      bed.mediators = {
        lead: await mediator(bed.orgs.village, '王调解', false),
        second: await mediator(bed.orgs.village, '赵调解', false),
        pooled: await mediator(bed.orgs.otherVillage, '钱调解', true),
        foreign: await mediator(bed.orgs.otherVillage, '孙调解', false),
        party: await mediator(bed.orgs.village, '李某', false, li),
      };
    });
    await makeUser(db, 'sfs.zbs', [{ org: 'jo-330211001', role: 'townshipStaff' }]);
    await makeUser(db, 'sfs.lt', [{ org: 'jo-330211003', role: 'townshipStaff' }]);
    await makeUser(db, 'tj.cd', [{ org: 'tv-330211001001', role: 'mediator' }]);
    await makeUser(db, 'leader', [{ org: 'bureau', role: 'leader' }]);
    await makeUser(db, 'fy.clerk', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
    bed.recon = await signIn(bed.app, 'fy.clerk');
    bed.office = await signIn(bed.app, 'sfs.zbs');
    bed.otherOffice = await signIn(bed.app, 'sfs.lt');
    bed.mediator = await signIn(bed.app, 'tj.cd');
    bed.leader = await signIn(bed.app, 'leader');
  });
  afterAll(async () => {
    await bed.app?.close();
    await bed.t?.close();
  });

  const ctx: KitContext = { client: () => bed.office, db: () => bed.t.db };
  const kit = lineKit(ctx, {
    get 'mediation/case'() {
      return casePaths(bed);
    },
    get 'mediation/onSpot'() {
      return onSpotPaths(bed);
    },
  });

  const deadlines = async (id: number) =>
    (await bed.office.get(`/api/matters/${id}`))
      .json()
      .deadlines.map(
        (d: { key: string; status: string; dueOn: string | null; ruleId: string; badge: string }) => ({
          key: d.key,
          rule: d.ruleId,
          status: d.status,
          dueOn: d.dueOn,
          badge: d.badge,
        }),
      );

  return { bed, ctx, kit, deadlines, documentText: (docId: number) => documentText(bed.t.db, docId) };
}
