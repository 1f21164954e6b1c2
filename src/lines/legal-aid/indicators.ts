import { BUSINESS_TODAY, indicatorsOf } from '../../kernel/indicators/registry.ts';
import { labelOf } from '../../kernel/workflow/vocabulary.ts';
import { villageReachSql } from './coverage.ts';

/**
 * The figures of the station network, the visits log and legal aid, as fact queries (one row per counted record;
 * the kernel adds year, region, organisation subtree, scope, year-on-year, breakdowns and drill-down). Indicator ids
 * are the seed's (seed-figures-2024.json) for the figures it lists.
 */

const townJoin = (regionSql: string) =>
  `LEFT JOIN regions tw ON tw.code = left(${regionSql}, 9) AND tw.level = 'town'`;
const TOWN = `coalesce(tw.name, '区级')`;

/** Registry entries of the network counted as a stock: founded by the day, not closed. */
const stations = (where: string) => `
  SELECT NULL::bigint AS matter_id, s.founded_on AS on_date, s.closed_on AS end_date, o.id AS owner_org_id,
         o.region_code, 1 AS value, ${TOWN} AS dim_town, ${labelOf('legalAid.stationKind', 's.station_kind')} AS dim_kind,
         '在' || coalesce(s.host, s.address) || '成立' || o.name AS dim_founding
  FROM legal_service_stations s JOIN orgs o ON o.id = s.org_id ${townJoin('s.region_code')}
  WHERE ${where}`;
const byStation = [
  { id: 'town', label: '镇（街道）' },
  { id: 'kind', label: '类别' },
];

const visits = `
  SELECT NULL::bigint AS matter_id, v.visited_on AS on_date, v.station_org_id AS owner_org_id, o.region_code,
         1 AS value, ${TOWN} AS dim_town, o.name AS dim_station,
         ${labelOf('legalAid.visitChannel', 'v.channel')} AS dim_channel,
         ${labelOf('legalAid.visitTopic', 'v.topic')} AS dim_topic,
         ${labelOf('legalAid.visitService', 'v.service')} AS dim_service
  FROM legal_aid_visits v JOIN orgs o ON o.id = v.station_org_id ${townJoin('o.region_code')}`;

const cases = (onDate: string, where: string) => `
  SELECT m.id AS matter_id, ${onDate} AS on_date, m.owner_org_id, coalesce(so.region_code, m.region_code) AS region_code,
         1 AS value, ${labelOf('legalAid.caseType', 'c.case_type')} AS dim_case_type,
         ${labelOf('legalAid.source', 'c.source')} AS dim_source, ${TOWN} AS dim_town
  FROM matters m JOIN legal_aid_cases c ON c.matter_id = m.id
  LEFT JOIN orgs so ON so.id = c.station_org_id ${townJoin('coalesce(so.region_code, m.region_code)')}
  WHERE m.line = 'legalAid' AND ${where}`;
const byCase = [
  { id: 'case_type', label: '案件类别' },
  { id: 'source', label: '来源' },
  { id: 'town', label: '受理站点所在镇（街道）' },
];
const ACCEPTED = `c.decision IN ('granted', 'advanced', 'notice')`;

const villages = (coveredOnly: boolean) => `
  SELECT NULL::bigint AS matter_id, ${coveredOnly ? 'v.first_on' : `'1900-01-01'::date`} AS on_date,
         NULL::date AS end_date, coalesce(jo.id, b.id) AS owner_org_id, v.code AS region_code, 1 AS value,
         v.town AS dim_town
  FROM (${villageReachSql(BUSINESS_TODAY)}) v
  CROSS JOIN (SELECT id FROM orgs WHERE code = 'bureau') b
  LEFT JOIN LATERAL (SELECT id FROM orgs WHERE kind = 'justiceOffice' AND region_code = left(v.code, 9) LIMIT 1) jo ON true
  ${coveredOnly ? 'WHERE v.first_on IS NOT NULL' : ''}`;

const level = (n: 1 | 2 | 3, name: string, where: string) => ({
  id: `legalServices.stations.level${n}`,
  name,
  unit: '个',
  kind: 'stock' as const,
  definition: `年末（或所选期间末日）开放的${where}数：公共法律服务站点名录中级别为${n}级、设立日期不晚于该日且未撤销的。站点不是案件，明细不列记录。`,
  facts: stations(`s.station_kind = 'station' AND s.level = ${n}`),
  dimensions: byStation,
});

export const legalAidIndicators = [
  ...indicatorsOf('legalAid', [
    level(1, '一级公共法律服务站点', '一级站点（区公共法律服务中心等区级平台）'),
    level(2, '二级公共法律服务站点', '二级站点（镇、街道公共法律服务站）'),
    level(3, '三级公共法律服务站点', '三级站点（村、社区公共法律服务室）'),
    {
      id: 'legalServices.stationsAdded',
      name: '新增公共法律服务站点',
      unit: '个',
      definition:
        '当年新设立的各级公共法律服务站点数，以名录登记的设立日期定年度。站点不是案件，明细不列记录。',
      facts: stations(`s.station_kind = 'station'`),
      dimensions: byStation,
    },
    {
      id: 'legalServices.villages',
      name: '已标注位置的村（社区）',
      unit: '个',
      kind: 'stock',
      definition: '登记了代表位置（村、社区办公地）的村（社区）数，为“15分钟公共法律服务圈”覆盖率的分母。',
      facts: villages(false),
      dimensions: [{ id: 'town', label: '镇（街道）' }],
    },
    {
      id: 'legalServices.coveredVillages',
      name: '15分钟公共法律服务圈覆盖的村（社区）',
      unit: '个',
      kind: 'stock',
      definition:
        '年末在本镇（街道）服务半径内（街道步行1.2公里、镇骑行2公里，可按镇设置为驾车3公里）有公共法律服务站点的村（社区）数，以半径内最早设立的站点的设立日期起算；距离为直线距离，位置为近似值的以近似值计算。',
      facts: villages(true),
      dimensions: [{ id: 'town', label: '镇（街道）' }],
    },
    {
      id: 'legalServices.coverage',
      name: '15分钟公共法律服务圈覆盖率',
      unit: '%',
      kind: 'stock',
      definition: '15分钟公共法律服务圈覆盖的村（社区）数 ÷ 已标注位置的村（社区）数 × 100%。',
      ratio: { numerator: 'legalServices.coveredVillages', denominator: 'legalServices.villages' },
      decimals: 1,
    },
  ]),
  ...indicatorsOf('legalAid', [
    {
      id: 'legalAid.visits',
      name: '各级站点接待来电来访',
      unit: '人次',
      definition:
        '全区各级公共法律服务站点（含法律援助工作站、联络点）当年接待来访、12348热线来电和网上咨询的人次，以接待日期定年度；每登记一人次计一。',
      facts: visits,
      dimensions: [
        { id: 'town', label: '镇（街道）' },
        { id: 'station', label: '站点' },
        { id: 'channel', label: '渠道' },
        { id: 'topic', label: '事项' },
        { id: 'service', label: '服务方式' },
      ],
    },
    {
      id: 'legalAid.casesAccepted',
      name: '受理法律援助案件',
      definition:
        '当年决定给予法律援助（含先行提供）的申请和收到公检法机关通知辩护/代理的案件数，以决定日期（通知案件以收到通知日期）定年度；不予法律援助的和尚在审查中的不计入。',
      facts: cases('c.decided_on', ACCEPTED),
      dimensions: byCase,
    },
    {
      id: 'legalAid.noticeCases',
      name: '通知辩护/代理案件',
      definition: '当年收到人民法院、人民检察院、公安机关通知指派律师的案件数，以收到通知日期定年度。',
      facts: cases('c.decided_on', `c.source = 'notice'`),
      dimensions: byCase,
    },
    {
      id: 'legalAid.refused',
      name: '不予法律援助',
      definition: '当年作出不予法律援助决定的申请数，以决定日期定年度。',
      facts: cases('c.decided_on', `c.decision = 'refused'`),
      dimensions: byCase,
    },
    {
      id: 'legalAid.closed',
      name: '法律援助结案',
      definition: '当年经结案审查结案的法律援助案件数，以结案审查日期定年度。',
      facts: cases('c.closed_on', 'c.closed_on IS NOT NULL'),
      dimensions: byCase,
    },
    {
      id: 'legalAid.rightsNotices',
      name: '法律援助权利告知',
      unit: '次',
      definition:
        '当年登记的法律援助权利告知次数（法律援助权利告知制度），以告知日期定年度；每告知一次计一。',
      facts: `
        SELECT m.id AS matter_id, n.notified_on AS on_date, m.owner_org_id, m.region_code, 1 AS value,
               ${labelOf('legalAid.noticeMethod', 'n.method')} AS dim_method
        FROM legal_aid_rights_notices n JOIN matters m ON m.id = n.matter_id
        JOIN matter_events e ON e.id = n.event_id AND e.voided_by IS NULL`,
      dimensions: [{ id: 'method', label: '告知方式' }],
    },
    {
      id: 'legalAid.workstations',
      name: '法律援助工作站、联络点',
      unit: '个',
      kind: 'stock',
      definition:
        '年末设立且未撤销的法律援助工作站和法律援助联络点数（名录登记）。站点不是案件，明细不列记录。',
      facts: stations(`s.station_kind IN ('workstation', 'liaison')`),
      // The report says where each was set up (在…成立…) from the registry entry.
      dimensions: [...byStation, { id: 'founding', label: '设立' }],
    },
  ]),
  ...indicatorsOf('legalAid', [
    {
      id: 'legalEducation.practiceStations',
      name: '新时代法治实践站点',
      unit: '个',
      kind: 'stock',
      definition: '年末设立且未撤销的新时代法治实践站点数（名录登记）。站点不是案件，明细不列记录。',
      facts: stations(`s.station_kind = 'practice'`),
      dimensions: byStation,
    },
  ]),
];
