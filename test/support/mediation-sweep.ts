/**
 * The mediation part of the kernel's indicator sweep (test/kernel/indicator-sweep.db.test.ts): a hand-worked
 * fixture of organisations, pool mediators and cases in 2024 and 2025, each walked through the API by a bureau
 * clerk. Its expected figures are written beside the reconsideration ones in the sweep.
 */

import { addMediator, createOrganisation } from '../../src/lines/mediation/registry.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { Db } from '../../src/platform/db/pool.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { Client } from './app.ts';
import { orgId } from './app.ts';

const ZHANG = { partyType: 'person', name: '张某', idNumber: '330211199001011236' };
const LI = { partyType: 'person', name: '李某', idNumber: '33021119851231551X' };

/**
 * M1 marriage, 12,500 元, agreed 1 March 2025 and judicially confirmed 20 March; M2 delegated by the court
 * (contract, 50,000 元), terminated; M3 refused at the 2025 commercial centre (not taken up: never counted as
 * received); M4 quick registration (neighbour, 2,500 元); M7 handed over from reconsideration application A5
 * (5,000 元). Last year: M5 property, 2,500 元, at 骆驼's town committee, oral agreement; M6 entrusted by the court
 * (traffic, 7,500 元), still open. Organisations founded: a commercial centre in 2025; a commercial centre and
 * 骆驼's town committee in 2024. Pool mediators: P1 since 2023, P2 since May 2025, P3 left in June 2024; N1 not in
 * the pool.
 */
export async function mediationSweepFixture(
  db: Db,
  clerk: Client,
  reconA5: number,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const jo1 = await orgId(db, 'jo-330211001');
  const jo3 = await orgId(db, 'jo-330211003');
  const section = await orgId(db, 'sec-participation');
  const reconSection = await orgId(db, 'sec-reconsideration');
  const orgs = await withTx(db, async (tx) => {
    const org = (
      code: string,
      name: string,
      orgKind: 'village' | 'town' | 'commercial' | 'administrative',
      parentId: number,
      regionCode: string,
      foundedOn: string,
    ) => createOrganisation(tx, systemActor, { code, name, orgKind, parentId, regionCode, foundedOn });
    const o = {
      village: await org('sw-v1', '城东社区人民调解委员会', 'village', jo1, '330211001001', '2011-01-01'),
      town: await org('sw-t3', '骆驼街道人民调解委员会', 'town', jo3, '330211003', '2024-03-01'),
      centre2024: await org(
        'sw-c24',
        '镇海区石化商事调解中心',
        'commercial',
        section,
        '330211',
        '2024-06-01',
      ),
      centre2025: await org(
        'sw-c25',
        '镇海区涉外商事调解中心',
        'commercial',
        section,
        '330211',
        '2025-04-01',
      ),
      room: await org(
        'sw-room',
        '镇海区行政复议调解工作室',
        'administrative',
        reconSection,
        '330211',
        '2023-06-01',
      ),
    };
    const mediator = (orgId: number, name: string, inPool: boolean, joinedOn: string) =>
      addMediator(tx, systemActor, {
        orgId,
        name,
        speciality: '综合',
        employment: 'fullTime',
        inPool,
        joinedOn,
      });
    const p1 = await mediator(o.village, '周调解', true, '2023-01-01');
    await mediator(o.centre2025, '吴调解', true, '2025-05-01');
    const p3 = await mediator(o.village, '郑调解', true, '2020-01-01');
    await tx.query(`UPDATE mediators SET status = 'left', left_on = '2024-06-30' WHERE id = $1`, [p3]);
    await mediator(o.village, '冯调解', false, '2020-01-01');
    ids.set('P1', p1);
    return o;
  });

  const create = async (label: string, kind: 'case' | 'onSpot', body: Record<string, unknown>) => {
    const res = await clerk.post(`/api/lines/mediation/${kind}`, body);
    if (res.statusCode !== 201) throw new Error(`${label}: ${res.body}`);
    ids.set(label, res.json().id);
    return res.json() as { id: number; version: number };
  };
  const walk = async (label: string, steps: [string, string, Record<string, unknown>][]) => {
    for (const [action, date, data] of steps) {
      const id = ids.get(label)!;
      const version = (await clerk.get(`/api/matters/${id}`)).json().matter.version;
      const res = await clerk.post(`/api/lines/mediation/case/${id}/${action}`, { version, date, data });
      if (res.statusCode !== 200) throw new Error(`${label} ${action}: ${res.body}`);
    }
  };
  const base = (over: Record<string, unknown>) => ({
    orgId: orgs.village,
    source: 'initiative',
    applicants: [ZHANG],
    respondents: [LI],
    facts: '纠纷事实',
    ...over,
  });
  const p1 = ids.get('P1')!;
  const mediated = (agreeOn: string, form: string): [string, string, Record<string, unknown>][] => [
    ['assign', agreeOn, { mediatorIds: [p1], noConflictDeclared: true }],
    ['holdSession', agreeOn, { place: '调解室', attendees: '张某、李某' }],
    ['agree', agreeOn, { form, agreement: '协议内容', amountAgreed: 0, performance: 'immediate' }],
  ];

  await create(
    'M1',
    'case',
    base({
      receivedOn: '2025-02-10',
      source: 'application',
      channel: 'phone',
      disputeType: 'marriage',
      amount: 12500,
    }),
  );
  await walk('M1', [
    ['accept', '2025-02-10', { partiesConsent: true }],
    ...mediated('2025-03-01', 'written'),
    ['applyConfirmation', '2025-03-05', { court: '宁波市镇海区人民法院' }],
    ['recordConfirmation', '2025-03-20', { result: 'valid' }],
  ]);
  await create(
    'M2',
    'case',
    base({
      receivedOn: '2025-04-07',
      source: 'courtDelegated',
      courtName: '宁波市镇海区人民法院',
      materialsReceivedOn: '2025-04-07',
      disputeType: 'contract',
      amount: 50000,
    }),
  );
  await walk('M2', [
    ['accept', '2025-04-07', { partiesConsent: true }],
    ['fail', '2025-04-20', { reason: 'noAgreement', referredTo: 'court' }],
  ]);
  await create(
    'M3',
    'case',
    base({ receivedOn: '2025-05-06', orgId: orgs.centre2025, disputeType: 'contract', amount: 100000 }),
  );
  await walk('M3', [['refuse', '2025-05-07', { ground: 'partyRefuses' }]]);
  await create('M4', 'onSpot', {
    receivedOn: '2025-06-03',
    orgId: orgs.village,
    place: '城东社区',
    applicants: [ZHANG],
    respondents: [LI],
    disputeType: 'neighbour',
    amount: 2500,
    facts: '通道纠纷',
    agreement: '当场和解',
    amountAgreed: 0,
    performance: 'immediate',
  });
  await create('M7', 'case', {
    receivedOn: '2025-07-10',
    orgId: orgs.room,
    source: 'reconsideration',
    reconsiderationMatterId: reconA5,
    disputeType: 'other',
    amount: 5000,
    facts: '复议转入调解',
  });
  await walk('M7', [['accept', '2025-07-10', { partiesConsent: true }]]);
  await create(
    'M5',
    'case',
    base({ receivedOn: '2024-11-04', orgId: orgs.town, disputeType: 'property', amount: 2500 }),
  );
  await walk('M5', [['accept', '2024-11-04', { partiesConsent: true }], ...mediated('2024-11-10', 'oral')]);
  await create(
    'M6',
    'case',
    base({
      receivedOn: '2024-12-20',
      source: 'courtEntrusted',
      courtName: '宁波市镇海区人民法院',
      courtProcedure: 'simple',
      materialsReceivedOn: '2024-12-20',
      disputeType: 'traffic',
      amount: 7500,
    }),
  );
  await walk('M6', [['accept', '2024-12-20', { partiesConsent: true }]]);
  return ids;
}
