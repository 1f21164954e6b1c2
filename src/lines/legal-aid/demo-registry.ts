/**
 * The demo district's station network: the 2 district centres, one station per town, a room in 98 of the 99 villages
 * and communities plus two in parks (100 level-3 stations), the two legal-aid workstations/liaison points and the five
 * practice stations of 2024, two law firms for assignments and a pool of applicants in the parties registry.
 * Positions are APPROXIMATE (a placement around an estimated town centre), marked so: no survey data ships with the
 * product, and the map says so.
 */

import { fullName, mobile, residentId, seeded } from '../../kernel/demo/people.ts';
import { demoActor } from '../../kernel/demo/runner.ts';
import { registerParty } from '../../kernel/parties/registry.ts';
import type { Tx } from '../../platform/db/pool.ts';
import { insertOrg } from '../../platform/orgs/queries.ts';
import { divisions } from '../../platform/seed/regions.ts';
import { createStation, type StationInput } from './stations.ts';
import { ensureCentreIn } from './store.ts';

const MARKER = 'demo.legalAid.registry';
const SOURCE = '演示数据：按镇（街道）估计中心点排布的近似位置，非测绘坐标';

/** Estimated town centres (approximate). */
const CENTRES: Record<string, [number, number]> = {
  '330211001': [29.962, 121.713],
  '330211002': [29.975, 121.67],
  '330211003': [29.925, 121.6],
  '330211004': [29.918, 121.64],
  '330211005': [29.99, 121.62],
  '330211100': [30.02, 121.6],
  '330211101': [30.0, 121.545],
};
/** The one village without a room of its own (served from its neighbours; far out in the hills). */
export const UNSERVED_VILLAGE = '杜夹岙村委会';

const offset = ([lat, lng]: [number, number], metres: number, angle: number): [number, number] => [
  Number((lat + (metres * Math.cos(angle)) / 110540).toFixed(6)),
  Number((lng + (metres * Math.sin(angle)) / (111320 * Math.cos((lat * Math.PI) / 180))).toFixed(6)),
];

/** A village's placement: a spiral around its town's centre; the unserved village 5.5 km out. */
export function villagePosition(townCode: string, index: number, name: string): [number, number] {
  const c = CENTRES[townCode]!;
  return name === UNSERVED_VILLAGE ? offset(c, 5500, -2.2) : offset(c, 300 + 170 * index, index * 2.4);
}

export interface DemoRegistry {
  centre: number;
  firms: number[];
  parties: { id: number; name: string }[];
  /** Stations by kind and level, with their region and founding date (for visits). */
  stations: { id: number; kind: string; level: number | null; regionCode: string; foundedOn: string }[];
  villages: string[];
}

export async function ensureDemoRegistry(tx: Tx): Promise<DemoRegistry | null> {
  const { rows: jo } = await tx.query(`SELECT 1 FROM orgs WHERE code LIKE 'jo-%' AND is_demo LIMIT 1`);
  if (!jo[0]) return null;
  await ensureCentreIn(tx);
  const { rows: done } = await tx.query('SELECT 1 FROM settings WHERE key = $1', [MARKER]);
  if (!done[0]) {
    await createRegistry(tx);
    await tx.query(`INSERT INTO settings (key, value) VALUES ($1, 'true')`, [MARKER]);
  }
  return readRegistry(tx);
}

function plannedStations(parents: Map<string, number>): StationInput[] {
  const out: StationInput[] = [];
  const bureau = parents.get('bureau')!;
  const base = { stationKind: 'station' as const, isDemo: true, positionApprox: true };
  const hours = '工作日 8:30—17:00';
  const [l1a, l1b] = [CENTRES['330211001']!, CENTRES['330211003']!];
  out.push(
    {
      ...base,
      code: 'ls-l1-centre',
      name: '镇海区公共法律服务中心',
      parentId: bureau,
      level: 1,
      regionCode: '330211',
      address: '镇海区招宝山街道公共法律服务中心',
      lat: l1a[0],
      lng: l1a[1],
      openingHours: hours,
      foundedOn: '2018-06-01',
      services: ['法律咨询', '法律援助', '人民调解', '公证'],
    },
    {
      ...base,
      code: 'ls-l1-newtown',
      name: '镇海区公共法律服务中心新城分中心',
      parentId: bureau,
      level: 1,
      regionCode: '330211',
      address: '镇海区骆驼街道新城',
      lat: l1b[0],
      lng: l1b[1],
      openingHours: hours,
      foundedOn: '2021-09-01',
      services: ['法律咨询', '法律援助'],
    },
  );
  divisions.towns.forEach((t, ti) => {
    const jo = parents.get(`jo-${t.code}`)!;
    const c = CENTRES[t.code]!;
    const town = offset(c, 120, 1);
    out.push({
      ...base,
      code: `ls-${t.code}`,
      name: `${t.name}公共法律服务站`,
      parentId: jo,
      level: 2,
      regionCode: t.code,
      address: `${t.name}司法所`,
      lat: town[0],
      lng: town[1],
      openingHours: hours,
      foundedOn: `2019-0${(ti % 6) + 1}-15`,
      services: ['法律咨询', '法律援助申请', '人民调解'],
    });
    t.villages.forEach((v, i) => {
      if (v.name === UNSERVED_VILLAGE) return;
      const p = offset(villagePosition(t.code, i, v.name), 50, 0.5);
      // Five rooms opened in 2024 (the 2023 network had 95 level-3 stations).
      const opened =
        i === 3 && ti < 5
          ? `2024-0${ti + 3}-18`
          : `${2019 + ((i + ti) % 4)}-${String((i % 12) + 1).padStart(2, '0')}-10`;
      out.push({
        ...base,
        code: `ls-${v.code}`,
        name: `${v.name.replace('村委会', '村')}公共法律服务室`,
        parentId: jo,
        level: 3,
        regionCode: v.code,
        address: `${t.name}${v.name.replace('村委会', '村')}`,
        lat: p[0],
        lng: p[1],
        openingHours: '工作日 9:00—16:30',
        foundedOn: opened,
        services: ['法律咨询', '引导申请法律援助'],
      });
    });
  });
  const park = (code: string, name: string, town: string, angle: number) => {
    const p = offset(CENTRES[town]!, 900, angle);
    out.push({
      ...base,
      code,
      name,
      parentId: parents.get(`jo-${town}`)!,
      level: 3,
      regionCode: town,
      address: name,
      lat: p[0],
      lng: p[1],
      foundedOn: '2022-05-20',
      services: ['法律咨询', '涉企法律服务'],
    });
  };
  park('ls-park-chem', '宁波石化经济技术开发区企业公共法律服务室', '330211100', 1.3);
  park('ls-park-campus', '庄市大学园区公共法律服务室', '330211004', 2.9);
  const other = (
    code: string,
    kind: 'workstation' | 'liaison' | 'practice',
    name: string,
    town: string,
    region: string,
    host: string,
    foundedOn: string,
  ) => {
    const p = offset(CENTRES[town]!, 700, code.length);
    out.push({
      code,
      name,
      stationKind: kind,
      isDemo: true,
      positionApprox: true,
      parentId: parents.get(`jo-${town}`)!,
      regionCode: region,
      host,
      address: host,
      lat: p[0],
      lng: p[1],
      foundedOn,
      services: kind === 'practice' ? ['普法宣传', '法治实践'] : ['法律援助'],
    });
  };
  other(
    'ls-ws-transport',
    'workstation',
    '交通运输行业法律援助工作站',
    '330211002',
    '330211002',
    '物流枢纽港传化物流司机之家',
    '2024-05-28',
  );
  other(
    'ls-lp-newbiz',
    'liaison',
    '新业态领域法律援助联络点',
    '330211001',
    '330211001012',
    '张鑑碶社区',
    '2024-07-16',
  );
  other(
    'ls-pr-xiangwang',
    'practice',
    '“乡望”新时代法治实践站点',
    '330211004',
    '330211004204',
    '永旺村',
    '2024-04-12',
  );
  other(
    'ls-pr-luotuoxia',
    'practice',
    '“骆驼侠”新时代法治实践站点',
    '330211003',
    '330211003',
    '骆驼商会',
    '2024-06-06',
  );
  other(
    'ls-pr-jiulong',
    'practice',
    '“法治九龙”新时代法治实践站点',
    '330211101',
    '330211101200',
    '九龙湖村',
    '2024-08-20',
  );
  other(
    'ls-pr-xiepu',
    'practice',
    '“十七房”新时代法治实践站点',
    '330211100',
    '330211100205',
    '十七房村',
    '2024-09-25',
  );
  other(
    'ls-pr-guisi',
    'practice',
    '“贵驷乡贤”新时代法治实践站点',
    '330211005',
    '330211005200',
    '贵驷村',
    '2024-11-08',
  );
  return out;
}

async function createRegistry(tx: Tx) {
  const { rows } = await tx.query<{ code: string; id: number }>(
    `SELECT code, id FROM orgs WHERE code LIKE 'jo-%' OR code IN ('bureau', 'sec-lawyers')`,
  );
  const parents = new Map(rows.map((r) => [r.code, Number(r.id)]));
  for (const s of plannedStations(parents)) await createStation(tx, demoActor, s);
  const places = divisions.towns.flatMap((t) =>
    t.villages.map((v, i) => {
      const [lat, lng] = villagePosition(t.code, i, v.name);
      return { code: v.code, lat, lng };
    }),
  );
  await tx.query(
    `INSERT INTO legal_service_places (region_code, lat, lng, position_approx, source)
     SELECT p.code, p.lat, p.lng, true, $2 FROM jsonb_to_recordset($1::jsonb) AS p(code text, lat numeric, lng numeric)
     ON CONFLICT (region_code) DO NOTHING`,
    [JSON.stringify(places), SOURCE],
  );
  const lawyers = parents.get('sec-lawyers') ?? parents.get('bureau')!;
  for (const [code, name] of [
    ['firm-demo-1', '浙江镇海律师事务所（演示）'],
    ['firm-demo-2', '宁波甬港律师事务所（演示）'],
  ] as const)
    await insertOrg(tx, {
      code,
      name,
      kind: 'lawFirm',
      parentId: lawyers,
      regionCode: '330211',
      isDemo: true,
    });
  const rng = seeded(20240592);
  const centre = await tx.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'legal-aid-centre'`);
  for (let i = 0; i < 40; i++)
    await registerParty(
      tx,
      demoActor,
      {
        partyType: 'person',
        name: `${fullName(rng).slice(0, 1)}某${i % 2 ? '某' : ''}`,
        idNumber: residentId(rng),
        phone: mobile(rng),
      },
      centre.rows[0]!.id,
    );
}

async function readRegistry(tx: Tx): Promise<DemoRegistry> {
  const { rows: c } = await tx.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'legal-aid-centre'`);
  const { rows: firms } = await tx.query<{ id: number }>(
    `SELECT id FROM orgs WHERE code LIKE 'firm-demo-%' ORDER BY code`,
  );
  const { rows: parties } = await tx.query<{ id: number; name: string }>(
    `SELECT p.id::int, p.name FROM parties p JOIN orgs o ON o.code = 'legal-aid-centre' WHERE p.owner_org_id = o.id ORDER BY p.id`,
  );
  const { rows: stations } = await tx.query(
    `SELECT s.org_id::int AS id, s.station_kind AS kind, s.level, s.region_code AS "regionCode", s.founded_on::text AS "foundedOn"
       FROM legal_service_stations s JOIN orgs o ON o.id = s.org_id WHERE o.is_demo ORDER BY o.code`,
  );
  return {
    centre: Number(c[0]!.id),
    firms: firms.map((f) => Number(f.id)),
    parties,
    stations: stations as DemoRegistry['stations'],
    villages: divisions.towns.flatMap((t) => t.villages.map((v) => v.code)),
  };
}
