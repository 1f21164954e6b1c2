import { indicatorsOf } from '../../kernel/indicators/registry.ts';
import { labelOf } from '../../kernel/workflow/vocabulary.ts';

/**
 * The mediation figures as fact queries (one row per counted record; the kernel adds year, region, organisation
 * subtree, scope, year-on-year, breakdowns and drill-down). Dimensions: dispute type, kind of organisation, town.
 */

/**
 * The town a record belongs to: its 9-digit region, or 区级 for district-level bodies (commercial centres …). A join
 * on the regions' key, which the planner drops when the town is not asked for; the labels are scalar lookups for the
 * same reason (a figure without breakdown reads neither).
 */
const townJoin = (regionSql: string) =>
  `LEFT JOIN regions tw ON tw.code = left(${regionSql}, 9) AND tw.level = 'town'`;
const TOWN = `coalesce(tw.name, '区级')`;

/** Mediation cases of both kinds with their dimensions; each indicator adds its counting date, value and filter. */
const cases = (onDate: string, where = 'true', value = '1') => `
  SELECT m.id AS matter_id, ${onDate} AS on_date, m.owner_org_id, m.region_code, ${value} AS value,
         ${labelOf('mediation.disputeType', 'c.dispute_type')} AS dim_dispute_type,
         ${labelOf('mediation.organisationKind', 'mo.org_kind')} AS dim_org_kind, ${TOWN} AS dim_town
  FROM matters m
  JOIN mediation_cases c ON c.matter_id = m.id
  JOIN mediation_organisations mo ON mo.org_id = c.org_id
  ${townJoin('m.region_code')}
  WHERE m.line = 'mediation' AND ${where}`;
const byCase = [
  { id: 'dispute_type', label: '纠纷类型' },
  { id: 'org_kind', label: '调解组织类别' },
  { id: 'town', label: '镇（街道）' },
];

/** Taken up: registered on the spot (already mediated), or accepted (a step that stands). */
const accepted = `(c.quick OR EXISTS (SELECT 1 FROM matter_events a WHERE a.matter_id = m.id AND a.action = 'accept'
                                      AND a.voided_by IS NULL))`;

/** Mediation organisations of the registry; a record is not a matter, so the drill-down lists none. */
const organisations = (where = 'true') => `
  SELECT NULL::bigint AS matter_id, mo.founded_on AS on_date, o.id AS owner_org_id, o.region_code, 1 AS value,
         ${labelOf('mediation.organisationKind', 'mo.org_kind')} AS dim_org_kind, ${TOWN} AS dim_town
  FROM mediation_organisations mo JOIN orgs o ON o.id = mo.org_id
  ${townJoin('o.region_code')}
  WHERE ${where}`;
const byOrganisation = [
  { id: 'org_kind', label: '调解组织类别' },
  { id: 'town', label: '镇（街道）' },
];

export const mediationIndicators = indicatorsOf('mediation', [
  {
    id: 'mediation.received',
    name: '受理调解案件',
    definition:
      '当年受理的各类调解案件数（人民调解、行政调解、商事调解，含法院委派委托、调解+复议和当场调解简易登记的案件），以收件日期定年度；不予受理和尚待受理审查的不计入。',
    facts: cases('c.received_on', accepted),
    dimensions: byCase,
  },
  {
    id: 'mediation.amount',
    name: '调解案件涉及金额',
    unit: '万元',
    decimals: 2,
    definition:
      '当年受理的调解案件（口径同“受理调解案件”）登记的争议涉及金额之和，以万元计，保留两位小数；未涉及金钱的案件按零计。',
    facts: cases('c.received_on', accepted, 'c.amount / 10000'),
    dimensions: byCase,
  },
  {
    id: 'mediation.succeeded',
    name: '调解成功案件',
    definition:
      '当年达成调解协议（书面协议或者记录在案的口头协议）的案件数，以达成协议之日定年度；司法确认被驳回的仍计入（协议曾经达成）。',
    facts: cases('c.outcome_on', `c.outcome = 'agreed'`),
    dimensions: byCase,
  },
  {
    id: 'mediation.successRate',
    name: '调解成功率',
    unit: '%',
    definition: '调解成功案件数 ÷ 受理调解案件数 × 100%，同一年度、同一范围。',
    ratio: { numerator: 'mediation.succeeded', denominator: 'mediation.received' },
    decimals: 1,
  },
  {
    id: 'mediation.courtReferred',
    name: '法院委派委托调解案件',
    definition:
      '当年收到的人民法院诉前委派调解和立案后委托调解的案件数（诉调对接），以收件日期定年度，含此后不予受理的。',
    facts: cases('c.received_on', `c.source IN ('courtDelegated', 'courtEntrusted')`),
    dimensions: byCase,
  },
  {
    id: 'mediation.judicialConfirmed',
    name: '经司法确认的调解协议',
    definition: '当年人民法院裁定调解协议有效的案件数，以裁定日期定年度；裁定驳回申请的不计入。',
    facts: cases('c.confirmation_ruled_on', `c.confirmation_result = 'valid'`),
    dimensions: byCase,
  },
  {
    id: 'mediation.fromReconsideration',
    name: '调解+复议转入调解案件',
    definition: '当年由行政复议案件转入调解的案件数（调解+行政复议），以转入（收件）日期定年度。',
    facts: cases('c.received_on', `c.source = 'reconsideration'`),
    dimensions: byCase,
  },
  {
    id: 'mediation.organisationsAdded',
    name: '新增调解组织',
    unit: '家',
    definition:
      '当年新设立的调解组织数（人民调解委员会、行政调解组织、商事调解中心等），以调解组织名录登记的设立日期定年度。调解组织不是案件，明细不列记录。',
    facts: organisations(),
    dimensions: byOrganisation,
  },
  {
    id: 'mediation.commercialCentresAdded',
    name: '新增商事调解中心',
    unit: '家',
    definition: '当年新设立的商事调解中心数，以设立日期定年度。调解组织不是案件，明细不列记录。',
    facts: organisations(`mo.org_kind = 'commercial'`),
    dimensions: byOrganisation,
  },
  {
    id: 'mediation.mediators',
    name: '区级调解人才库调解员',
    unit: '人',
    kind: 'stock',
    definition:
      '年末（或所选期间末日）在区级调解人才库中的调解员人数：入库日期不晚于该日且尚未退出的。调解员不是案件，明细不列记录。',
    facts: `
      SELECT NULL::bigint AS matter_id, md.joined_on AS on_date, md.left_on AS end_date, o.id AS owner_org_id,
             o.region_code, 1 AS value, ${labelOf('mediation.organisationKind', 'mo.org_kind')} AS dim_org_kind,
             ${TOWN} AS dim_town
      FROM mediators md JOIN orgs o ON o.id = md.org_id
      LEFT JOIN mediation_organisations mo ON mo.org_id = md.org_id
      ${townJoin('o.region_code')}
      WHERE md.in_pool`,
    dimensions: byOrganisation,
  },
]);
