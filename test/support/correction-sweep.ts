/**
 * The community correction part of the kernel's indicator sweep (test/kernel/indicator-sweep.db.test.ts), walked
 * through the API by a clerk of the 社区矫正科:
 * C1 parolee at 招宝山 received 4 March 2024, reported on time, released 3 March 2025 and passed to resettlement
 * (RC1: contacted 5 March 2025, placed with a base enterprise); C2 probationer at 骆驼 received 3 March 2025, reported
 * late (due 10 March), warned 3 June 2025; C3 probationer at 招宝山 received 7 April 2025, revocation proposed
 * 1 July and ordered 20 July 2025. R1 released from prison at 骆驼 on 3 June 2024, contacted 5 June, employed.
 */
import type { Db } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, orgId, signIn } from './app.ts';

const person = (name: string, idNumber: string) => ({ partyType: 'person', name, idNumber });

export async function correctionSweepFixture(db: Db, app: App): Promise<void> {
  await makeUser(db, 'sweep.correction', [{ org: 'sec-correction', role: 'sectionStaff' }]);
  const clerk: Client = await signIn(app, 'sweep.correction');
  const zbs = await orgId(db, 'jo-330211001');
  const lt = await orgId(db, 'jo-330211003');
  const create = async (kind: string, body: Record<string, unknown>) => {
    const res = await clerk.post(`/api/lines/communityCorrection/${kind}`, body);
    if (res.statusCode !== 201) throw new Error(`${kind}: ${res.body}`);
    return res.json() as { id: number; version: number };
  };
  const walk = async (
    kind: string,
    m: { id: number; version: number },
    steps: [string, string, object][],
  ) => {
    let version = m.version;
    for (const [action, date, data] of steps) {
      const res = await clerk.post(`/api/lines/communityCorrection/${kind}/${m.id}/${action}`, {
        version,
        date,
        data,
      });
      if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
      version = res.json().version;
    }
  };
  const subject = (
    officeId: number,
    correctionType: string,
    notice: string,
    termEnd: string,
    who: object,
  ) => ({
    noticeReceivedOn: notice,
    officeId,
    correctionType,
    decisionOrgan: '宁波市镇海区人民法院',
    decisionNo: `（${notice.slice(0, 4)}）浙0211刑初${notice.slice(5, 7)}号`,
    effectiveOn: notice,
    subject: who,
    offence: '盗窃罪',
    termStart: notice,
    termEnd,
  });
  const announce = (on: string): [string, string, object] => [
    'announce',
    on,
    { team: '矫正小组', level: 'ordinary', plan: '每月报告' },
  ];

  const c1 = await create(
    'subject',
    subject(zbs, 'parole', '2024-03-04', '2025-03-03', person('甲某', '330211199001011236')),
  );
  await walk('subject', c1, [
    ['reportIn', '2024-03-05', { place: '司法所' }],
    announce('2024-03-05'),
    ['release', '2025-03-03', { announced: true, summary: '表现良好' }],
  ]);
  const rc1 = await create('resettlement', {
    noticeReceivedOn: '2025-03-03',
    officeId: zbs,
    correctionMatterId: c1.id,
  });
  await walk('resettlement', rc1, [
    ['contact', '2025-03-05', { team: '帮教小组', note: '' }],
    ['assist', '2025-04-01', { employment: 'baseEnterprise', note: '' }],
  ]);

  const c2 = await create(
    'subject',
    subject(lt, 'probation', '2025-02-28', '2026-02-27', person('乙某', '33021119851231551X')),
  );
  await walk('subject', c2, [
    ['reportIn', '2025-03-12', { place: '司法所' }],
    announce('2025-03-12'),
    [
      'sanction',
      '2025-06-03',
      { behaviour: 'overstayedLeave', facts: '外出逾期两日返回', measure: 'warning', justification: '' },
    ],
  ]);
  const c3 = await create(
    'subject',
    subject(zbs, 'probation', '2025-04-07', '2027-04-06', person('丙某', '33021120000101001X')),
  );
  await walk('subject', c3, [
    ['reportIn', '2025-04-08', { place: '司法所' }],
    announce('2025-04-08'),
    [
      'sanction',
      '2025-07-01',
      { behaviour: 'repeatedWarnings', facts: '警告后仍不改正', measure: 'revocation', justification: '' },
    ],
    ['courtRuling', '2025-07-20', { ruling: 'revoked', rulingNo: '（2025）浙0211刑更9号' }],
  ]);
  const r1 = await create('resettlement', {
    noticeReceivedOn: '2024-06-03',
    officeId: lt,
    releasedOn: '2024-06-03',
    releasingOrgan: '浙江省十里丰监狱',
    offence: '诈骗罪',
    subject: person('丁某', '330211198005050027'),
  });
  await walk('resettlement', r1, [
    ['contact', '2024-06-05', { team: '帮教小组', note: '' }],
    ['assist', '2024-07-01', { employment: 'employed', note: '' }],
  ]);
}
