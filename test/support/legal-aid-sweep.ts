/**
 * The legal-aid part of the kernel's indicator sweep (test/kernel/indicator-sweep.db.test.ts): a hand-worked fixture
 * of stations, village positions, visits and cases in 2024 and 2025, the cases walked through the API by a bureau
 * clerk. Its expected figures are written beside the other lines' in the sweep.
 *
 * Stations: SL1 level 1 (district, 2020, at 骆驼's centre), SL2 level 2 招宝山 (March 2024), SL3 level 3 城东社区
 * (February 2025), SL4 level 3 中街社区 (2020), a workstation in 蛟川 (May 2025), a practice station in 庄市 (June 2024).
 * Villages: 城东 2 km from SL2 (outside 招宝山's 1.2 km walk) but next to SL3 — covered from February 2025; 中街 next to
 * SL4 — covered since 2020; 胜利路 2.4 km from SL2 — never covered. Visits: 2025 three at SL3 and one at SL1; 2024 one
 * at SL4. Cases: LA1 (labour, at SL3) granted 7 March 2025, closed 1 July 2025 with a rights notice; LA2 refused in
 * April 2025; LA3 a court notice of 6 May 2025; LA4 (civil, at SL4) granted 9 October 2024.
 */
import { createStation } from '../../src/lines/legal-aid/stations.ts';
import { ensureCentre } from '../../src/lines/legal-aid/store.ts';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { Db } from '../../src/platform/db/pool.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import { insertOrg } from '../../src/platform/orgs/queries.ts';
import type { Client } from './app.ts';
import { orgId } from './app.ts';

export const SWEEP_STATIONS = {
  SL1: '镇海区公共法律服务中心（测试）',
  SL3: '城东社区公共法律服务室（测试）',
  SL4: '中街社区公共法律服务室（测试）',
};

export async function legalAidSweepFixture(db: Db, clerk: Client): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await ensureCentre(db);
  const bureau = await orgId(db, 'bureau');
  const jo1 = await orgId(db, 'jo-330211001');
  const jo2 = await orgId(db, 'jo-330211002');
  const jo3 = await orgId(db, 'jo-330211003');
  const jo4 = await orgId(db, 'jo-330211004');
  const st = await withTx(db, async (tx) => {
    const s = (
      code: string,
      name: string,
      parentId: number,
      regionCode: string,
      foundedOn: string,
      lat: number,
      lng: number,
      kind: 'station' | 'workstation' | 'practice' = 'station',
      level?: 1 | 2 | 3,
    ) =>
      createStation(tx, systemActor, {
        code,
        name,
        parentId,
        stationKind: kind,
        ...(level ? { level } : {}),
        regionCode,
        address: name,
        lat,
        lng,
        foundedOn,
      });
    const out = {
      SL1: await s('sw-l1', SWEEP_STATIONS.SL1, bureau, '330211', '2020-01-01', 29.925, 121.6, 'station', 1),
      SL2: await s(
        'sw-l2',
        '招宝山街道公共法律服务站（测试）',
        jo1,
        '330211001',
        '2024-03-01',
        29.962,
        121.713,
        'station',
        2,
      ),
      SL3: await s(
        'sw-l3a',
        SWEEP_STATIONS.SL3,
        jo1,
        '330211001001',
        '2025-02-01',
        29.9801,
        121.7131,
        'station',
        3,
      ),
      SL4: await s(
        'sw-l3b',
        SWEEP_STATIONS.SL4,
        jo3,
        '330211003001',
        '2020-05-01',
        29.9251,
        121.6003,
        'station',
        3,
      ),
      W1: await s(
        'sw-ws',
        '交通运输行业法律援助工作站（测试）',
        jo2,
        '330211002',
        '2025-05-28',
        29.975,
        121.67,
        'workstation',
      ),
      P1: await s(
        'sw-pr',
        '“乡望”新时代法治实践站点（测试）',
        jo4,
        '330211004204',
        '2024-06-01',
        29.918,
        121.64,
        'practice',
      ),
      firm: await insertOrg(tx, {
        code: 'sw-firm',
        name: '浙江测试律师事务所',
        kind: 'lawFirm',
        parentId: bureau,
        regionCode: '330211',
      }),
    };
    await tx.query(
      `INSERT INTO legal_service_places (region_code, lat, lng, position_approx, source) VALUES
         ('330211001001', 29.980, 121.713, true, 'test'), ('330211003001', 29.9255, 121.6005, true, 'test'),
         ('330211001002', 29.940, 121.713, true, 'test')`,
    );
    const visit = (
      station: number,
      on: string,
      channel: string,
      topic: string,
      service: string,
      village: string | null,
    ) =>
      tx.query(
        `INSERT INTO legal_aid_visits (station_org_id, visited_on, channel, topic, service, village_code)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [station, on, channel, topic, service, village],
      );
    for (const on of ['2025-05-06', '2025-06-10', '2025-09-01'])
      await visit(out.SL3, on, 'window', 'labour', 'answer', '330211001001');
    await visit(out.SL1, '2025-02-14', 'hotline', 'loan', 'drafting', null);
    await visit(out.SL4, '2024-08-08', 'window', 'marriage', 'aidApplication', '330211003001');
    return out;
  });
  const person = (name: string, idNumber: string) => ({ partyType: 'person', name, idNumber });
  const create = async (label: string, kind: string, body: Record<string, unknown>) => {
    const res = await clerk.post(`/api/lines/legalAid/${kind}`, body);
    if (res.statusCode !== 201) throw new Error(`${label}: ${res.body}`);
    ids.set(label, res.json().id);
    return res.json() as { id: number; version: number };
  };
  const act = async (
    label: string,
    kind: string,
    action: string,
    date: string,
    data: Record<string, unknown>,
  ) => {
    const id = ids.get(label)!;
    const version = (await clerk.get(`/api/matters/${id}`)).json().matter.version;
    const res = await clerk.post(`/api/lines/legalAid/${kind}/${id}/${action}`, { version, date, data });
    if (res.statusCode !== 200) throw new Error(`${label} ${action}: ${res.body}`);
  };
  const application = (receivedOn: string, station: number, caseType: string, applicant: object) => ({
    receivedOn,
    source: 'application',
    stationOrgId: station,
    applicant,
    caseType,
    matterSummary: '申请法律援助',
    eligibility: 'pledge',
  });
  const assign = {
    workerName: '测试律师',
    workerKind: 'lawyer',
    lawFirmOrgId: st.firm,
    noConflictDeclared: true,
  };
  await create(
    'LA1',
    'application',
    application('2025-03-03', st.SL3, 'labour', person('王某', '330211199001011236')),
  );
  await act('LA1', 'application', 'notifyRights', '2025-03-03', {
    method: 'written',
    notified: '王某',
    content: '告知权利义务',
  });
  await act('LA1', 'application', 'grant', '2025-03-07', { reviewNote: '' });
  await act('LA1', 'application', 'assign', '2025-03-10', assign);
  await act('LA1', 'application', 'endCase', '2025-06-12', { endedOn: '2025-06-10', outcome: '审结' });
  await act('LA1', 'application', 'submitClosing', '2025-06-20', { materials: '结案报告' });
  await act('LA1', 'application', 'reviewClosing', '2025-07-01', {
    qualityScore: 90,
    subsidy: 2000,
    opinion: '合格',
  });
  await create(
    'LA2',
    'application',
    application('2025-04-07', st.SL3, 'civil', person('李某', '33021119851231551X')),
  );
  await act('LA2', 'application', 'refuse', '2025-04-08', { ground: 'notPoor', reason: '收入超过标准' });
  await create('LA3', 'notice', {
    receivedOn: '2025-05-06',
    notifyingOrgan: '宁波市镇海区人民法院',
    caseType: 'criminalDefence',
    applicant: person('赵某', '330211200001011231'),
    matterSummary: '涉嫌盗窃罪',
  });
  await create(
    'LA4',
    'application',
    application('2024-10-08', st.SL4, 'civil', person('钱某', '330211197001011237')),
  );
  await act('LA4', 'application', 'grant', '2024-10-09', { reviewNote: '' });
  return ids;
}
