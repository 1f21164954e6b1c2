/**
 * Community correction and resettlement figures as fact queries. Aggregates are for leaders (report scope); the
 * kernel lists the records behind them only to those who may read this restricted line (indicatorRecords).
 * Dimensions: the correction type and the town (the 司法所's).
 */
import { BUSINESS_TODAY, indicatorsOf } from '../../kernel/indicators/registry.ts';
import { labelOf } from '../../kernel/workflow/vocabulary.ts';
import { LINE } from './labels.ts';

const TOWN = `(SELECT name FROM regions WHERE code = left(m.region_code, 9) AND level = 'town')`;
const byType = [
  { id: 'type', label: '矫正类别' },
  { id: 'town', label: '镇（街道）' },
];
const byTown = [{ id: 'town', label: '镇（街道）' }];

/** Correction subjects with their dimensions; each indicator adds its counting date and filter. */
const subjects = (onDate: string, where = 'true', endDate = 'NULL::date') => `
  SELECT m.id AS matter_id, ${onDate} AS on_date, ${endDate} AS end_date, m.owner_org_id, m.region_code, 1 AS value,
         ${labelOf(`${LINE}.correctionType`, 's.correction_type')} AS dim_type, ${TOWN} AS dim_town
  FROM matters m JOIN correction_subjects s ON s.matter_id = m.id
  WHERE m.line = '${LINE}' AND ${where}`;

const sanctions = (measuresSql: string) => `
  SELECT m.id AS matter_id, x.decided_on AS on_date, m.owner_org_id, m.region_code, 1 AS value,
         ${labelOf(`${LINE}.correctionType`, 's.correction_type')} AS dim_type, ${TOWN} AS dim_town
  FROM correction_sanctions x JOIN matter_events e ON e.id = x.event_id AND e.voided_by IS NULL
  JOIN matters m ON m.id = x.matter_id JOIN correction_subjects s ON s.matter_id = m.id
  WHERE x.measure IN (${measuresSql})`;

const resettled = (onDate: string, where = 'true', endDate = 'NULL::date') => `
  SELECT m.id AS matter_id, ${onDate} AS on_date, ${endDate} AS end_date, m.owner_org_id, m.region_code, 1 AS value,
         ${TOWN} AS dim_town
  FROM matters m JOIN resettlement_subjects r ON r.matter_id = m.id
  WHERE m.line = '${LINE}' AND ${where}`;

export const correctionIndicators = indicatorsOf(LINE, [
  {
    id: 'correction.activeCorrectees',
    name: '在册社区矫正对象',
    unit: '名',
    kind: 'stock',
    definition:
      '期末（年末或所选日期）在册的社区矫正对象人数：已接收（收到决定机关通知）且尚未解除矫正、撤销缓刑假释或收监执行、变更执行地的对象；解除当日起不再计入。',
    facts: subjects('s.notice_received_on', 'true', 's.ended_on'),
    dimensions: byType,
  },
  {
    id: 'correction.intake',
    name: '新接收社区矫正对象',
    unit: '名',
    definition: '当年接收的社区矫正对象人数，以收到决定机关通知的日期定年度。',
    facts: subjects('s.notice_received_on'),
    dimensions: byType,
  },
  {
    id: 'correction.released',
    name: '期满解除社区矫正',
    unit: '名',
    definition: '当年矫正期满解除社区矫正的人数，以解除日期定年度（撤销、收监、变更执行地不计入）。',
    facts: subjects('s.ended_on', `s.end_reason = 'expired'`),
    dimensions: byType,
  },
  {
    id: 'correction.warnings',
    name: '警告',
    unit: '次',
    definition: '当年对社区矫正对象作出的警告次数（已更正作废的不计入），以决定日期定年度。',
    facts: sanctions(`'warning'`),
    dimensions: byType,
  },
  {
    id: 'correction.revocations',
    name: '提请撤销缓刑假释、收监执行',
    unit: '次',
    definition: '当年提请撤销缓刑、假释和提请收监执行的次数，以提请日期定年度。',
    facts: sanctions(`'revocation', 'recall'`),
    dimensions: byType,
  },
  {
    id: 'correction.missedReportIns',
    name: '未按期报到',
    unit: '名',
    definition:
      '报到（暂予监外执行为移送）期限届满时仍未报到的社区矫正对象人数（社区矫正法第二十一条十日），以期限届满日定年度；迟到后补报的仍计入。',
    facts: subjects(
      'd.due_on',
      `d.key = 'reportIn' AND coalesce(d.ended_on, ${BUSINESS_TODAY}) > d.due_on`,
    ).replace('WHERE m.line', 'JOIN deadlines d ON d.matter_id = m.id WHERE m.line'),
    dimensions: byType,
  },
  {
    id: 'resettlement.activeSubjects',
    name: '在册安置帮教对象',
    unit: '名',
    kind: 'stock',
    definition:
      '期末在册的安置帮教对象人数：已释放（或社区矫正期满解除后转入）且帮教期尚未届满终止的对象；帮教期满当日起不再计入。',
    facts: resettled('r.released_on', 'true', 'r.ended_on'),
    dimensions: byTown,
  },
  {
    id: 'resettlement.contacted',
    name: '完成衔接的安置帮教对象',
    unit: '名',
    definition:
      '当年完成衔接（建立帮教小组）的安置帮教对象人数，以衔接日期定年度。衔接时限的规定未找到（规则 azbj.contact 留空），故不计“按时衔接”。',
    facts: resettled('r.contacted_on', 'r.contacted_on IS NOT NULL'),
    dimensions: byTown,
  },
  {
    id: 'resettlement.employed',
    name: '已安置就业的安置帮教对象',
    unit: '名',
    kind: 'stock',
    definition: '期末在册的安置帮教对象中已就业（含安置帮教基地企业、其他单位、自主创业或灵活就业）的人数。',
    facts: resettled(
      'r.released_on',
      `r.employment IN ('baseEnterprise', 'employed', 'selfEmployed')`,
      'r.ended_on',
    ),
    dimensions: byTown,
  },
]);
