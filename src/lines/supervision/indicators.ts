import { deadlineStatusSql } from '../../kernel/deadlines/badge.ts';
import { BUSINESS_TODAY, indicatorsOf } from '../../kernel/indicators/registry.ts';
import { labelOf } from '../../kernel/workflow/vocabulary.ts';

/**
 * The supervision figures as fact queries (one row per counted record). Inspections, findings and instruments are
 * matters (drill-down lists them); observation posts and recognitions are registry records (no matter behind them).
 * A record belongs to the place of the unit concerned, so a town's figures are the findings against its government.
 */
const TOWN = `coalesce((SELECT r.name FROM regions r WHERE r.code = left(m.region_code, 9) AND r.level = 'town'), '区级')`;

const findings = (onDate: string, where = 'true', join = '') => `
  SELECT m.id AS matter_id, ${onDate} AS on_date, m.owner_org_id, m.region_code, 1 AS value,
         o.name AS dim_unit, ${TOWN} AS dim_town, ${labelOf('supervision.findingCategory', 'f.category')} AS dim_category
  FROM matters m JOIN supervision_findings f ON f.matter_id = m.id JOIN orgs o ON o.id = f.responsible_org_id
  ${join}
  WHERE m.line = 'supervision' AND m.kind = 'finding' AND ${where}`;
const byFinding = [
  { id: 'unit', label: '责任单位' },
  { id: 'category', label: '问题类别' },
  { id: 'town', label: '镇（街道）' },
];

const instrumentsOf = (kind: string) => `
  SELECT m.id AS matter_id, s.issued_on AS on_date, m.owner_org_id, m.region_code, 1 AS value, o.name AS dim_unit,
         CASE WHEN s.replied_on IS NULL THEN '未回复' WHEN s.replied_on > s.reply_by THEN '逾期回复' ELSE '按期回复' END AS dim_reply
  FROM matters m JOIN supervision_instruments s ON s.matter_id = m.id JOIN orgs o ON o.id = s.department_org_id
  WHERE m.line = 'supervision' AND m.kind = 'instrument' AND s.instrument = '${kind}'`;
const byInstrument = [
  { id: 'unit', label: '被监督部门' },
  { id: 'reply', label: '回复情况' },
];

/**
 * Recorded results, with the wording the annual report cites from them: the title (a project's name), and a
 * clause (考评: "<title>排名列<result>"; 标志性成果: "“<title>”<result>"; honour: "<holder><result><title>";
 * exchange: "<月日>，在<title>上<result>"), so no such fact is typed.
 */
const recognitions = (kind: string) => `
  SELECT NULL::bigint AS matter_id, x.recorded_on AS on_date, x.owner_org_id, x.region_code, 1 AS value,
         x.awarded_by AS dim_awarded_by, x.title AS dim_title,
         CASE x.kind
           WHEN 'assessmentTier' THEN x.title || '排名列' || x.result
           WHEN 'landmark' THEN '“' || x.title || '”' || x.result
           WHEN 'honour' THEN regexp_replace(x.holder, '^宁波市镇海区', '') || x.result || x.title
           WHEN 'exchange' THEN date_part('month', x.recorded_on) || '月' || date_part('day', x.recorded_on) || '日，在' || x.title || '上' || x.result
           ELSE x.title || x.result
         END AS dim_clause
  FROM supervision_recognitions x WHERE x.kind = '${kind}'`;
const byRecognition = [
  { id: 'awarded_by', label: '评定机关' },
  { id: 'title', label: '名称' },
  { id: 'clause', label: '报告表述' },
];

export const supervisionIndicators = indicatorsOf('supervision', [
  {
    id: 'inspection.unitsInspected',
    name: '开展法治督察的单位',
    unit: '家',
    definition:
      '当年开展法治督察的被督察单位数（区级部门和镇街道），以实地督察开始日期定年度；同一单位一年内督察多次的按一家计。',
    facts: `SELECT DISTINCT ON (i.unit_org_id, date_part('year', i.starts_on)) m.id AS matter_id, i.starts_on AS on_date,
                   m.owner_org_id, m.region_code, 1 AS value, o.name AS dim_unit, ${TOWN} AS dim_town
            FROM matters m JOIN supervision_inspections i ON i.matter_id = m.id JOIN orgs o ON o.id = i.unit_org_id
            WHERE m.line = 'supervision' AND m.kind = 'inspection'
            ORDER BY i.unit_org_id, date_part('year', i.starts_on), i.starts_on, m.id`,
    dimensions: [
      { id: 'unit', label: '被督察单位' },
      { id: 'town', label: '镇（街道）' },
    ],
  },
  {
    id: 'inspection.findings',
    name: '督察发现法治建设主要问题',
    unit: '个',
    definition: '当年法治督察发现并登记的法治建设主要问题数，以发现日期定年度。',
    facts: findings('f.found_on'),
    dimensions: byFinding,
  },
  {
    id: 'inspection.findingsClosed',
    name: '督察问题整改销号',
    unit: '个',
    definition: '当年经验收通过予以销号的督察问题数，以销号日期定年度。',
    facts: findings('f.closed_on', `m.state = 'closed'`),
    dimensions: byFinding,
  },
  {
    id: 'inspection.findingsOverdue',
    name: '督察问题逾期整改',
    unit: '个',
    definition:
      '整改期限届满时未报送整改情况报告的督察问题数（含至今仍未报送的），以首次逾期的整改期限届满日定年度；退回重新整改后再次逾期的不重复计数。',
    facts: findings(
      'late.due_on',
      'true',
      `JOIN LATERAL (SELECT min(dl.due_on) AS due_on FROM deadlines dl
                     WHERE dl.matter_id = m.id AND dl.key = 'rectify'
                       AND ${deadlineStatusSql('dl', BUSINESS_TODAY, 'NULL')} IN ('overdue', 'metLate', 'stoppedLate')
                     HAVING count(*) > 0) late ON true`,
    ),
    dimensions: byFinding,
  },
  {
    id: 'enforcementSupervision.notices',
    name: '制发《行政执法监督通知书》',
    unit: '份',
    definition: '当年向行政执法部门制发的《行政执法监督通知书》份数，以制发日期定年度。',
    facts: instrumentsOf('notice'),
    dimensions: byInstrument,
  },
  {
    id: 'enforcementSupervision.recommendations',
    name: '制发《行政执法监督建议书》',
    unit: '份',
    definition: '当年向行政执法部门制发的《行政执法监督建议书》份数，以制发日期定年度。',
    facts: instrumentsOf('recommendation'),
    dimensions: byInstrument,
  },
  {
    id: 'enforcementSupervision.observationPosts',
    name: '入选行政执法监督观察站（点）',
    unit: '个',
    definition:
      '当年入选上级（宁波市）行政执法监督观察站（点）名单的点位数，以入选日期定年度。观察站（点）是名录记录，不是案件，明细不列记录。',
    facts: `SELECT NULL::bigint AS matter_id, p.selected_on AS on_date, p.owner_org_id, p.region_code, 1 AS value,
                   p.selection AS dim_selection
            FROM supervision_posts p WHERE p.selected_on IS NOT NULL`,
    dimensions: [{ id: 'selection', label: '入选批次' }],
  },
  {
    id: 'bestPractice.projects',
    name: '纳入“最佳实践”培育库的项目',
    unit: '个',
    definition:
      '当年纳入宁波市县乡法治政府“最佳实践”培育库的项目数，以入选日期定年度。项目是登记记录，明细不列记录。',
    facts: recognitions('bestPractice'),
    dimensions: byRecognition,
  },
  {
    id: 'ruleOfLaw.landmarks',
    name: '入选上级标志性成果培育项目',
    unit: '个',
    definition:
      '当年入选省、市法治建设（重大行政决策等）标志性成果培育项目的成果数，以入选日期定年度。成果是登记记录，明细不列记录。',
    facts: recognitions('landmark'),
    dimensions: byRecognition,
  },
  {
    id: 'ruleOfLaw.honours',
    name: '获评上级荣誉',
    unit: '个',
    definition:
      '当年辖区单位获评的上级法治建设荣誉数（如全国“八五”普法中期表现突出单位），以获评日期定年度。荣誉是登记记录，明细不列记录。',
    facts: recognitions('honour'),
    dimensions: byRecognition,
  },
  {
    id: 'ruleOfLaw.assessmentTiers',
    name: '法治建设年度考评结果',
    unit: '个',
    definition:
      '当年公布的上级法治建设年度考评（如法治宁波建设年度考评）结果数，以公布日期定年度；考评的年度（上一年）见名称。结果是登记记录，明细不列记录。',
    facts: recognitions('assessmentTier'),
    dimensions: byRecognition,
  },
  {
    // The seed files the exchange under mediation (its id), yet the event is one of the bureau's recorded results.
    id: 'mediation.provincialExchange',
    name: '在全省性会议上作经验交流',
    unit: '次',
    definition:
      '当年在省级机关召开的会议上作经验交流的次数（如全省行政调解工作现场会），以会议日期定年度。交流是登记记录，明细不列记录。',
    facts: `${recognitions('exchange')} AND x.awarded_by LIKE '浙江省%'`,
    dimensions: byRecognition,
  },
]);
