import { deadlineStatusSql } from '../../kernel/deadlines/badge.ts';
import { BUSINESS_TODAY, indicatorsOf } from '../../kernel/indicators/registry.ts';
import { labelJoin, labelOf } from '../../kernel/workflow/vocabulary.ts';
import { correctionTypes, decisionTypes } from './labels.ts';

const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** The application with its dimensions; each indicator adds its counting date and filter. */
const applications = (onDate: string, where = 'true', from = '') => `
  SELECT m.id AS matter_id, ${onDate} AS on_date, m.owner_org_id, m.region_code, 1 AS value,
         r.name AS dim_respondent, k.label AS dim_act_kind, ${decisionLabel} AS dim_decision
  FROM matters m
  JOIN reconsideration_applications a ON a.matter_id = m.id
  JOIN orgs r ON r.id = a.respondent_org_id
  ${labelJoin('reconsideration.actKind', 'a.act_kind', 'k')}
  ${from}
  WHERE m.line = 'reconsideration' AND m.kind = 'application' AND ${where}`;
const decisionLabel = labelOf('reconsideration.decisionType', 'a.decision_type');

const byApplication = [
  { id: 'respondent', label: '被申请人' },
  { id: 'act_kind', label: '行政行为类别' },
];

const suits = (onDate: string, where = 'true') => `
  SELECT m.id AS matter_id, ${onDate} AS on_date, m.owner_org_id, m.region_code, 1 AS value,
         d.name AS dim_defendant, k.label AS dim_act_kind,
         i.label AS dim_instance
  FROM matters m
  JOIN litigation_suits s ON s.matter_id = m.id
  JOIN orgs d ON d.id = s.defendant_org_id
  ${labelJoin('reconsideration.actKind', 's.act_kind', 'k')}
  ${labelJoin('reconsideration.instance', 's.instance', 'i')}
  WHERE m.line = 'reconsideration' AND m.kind = 'suit' AND ${where}`;
const bySuit = [
  { id: 'defendant', label: '被告' },
  { id: 'act_kind', label: '被诉行为类别' },
];

/** Letters of one template issued to an organ, counted by their date of issue, by recipient. */
const lettersIssued = (template: string) => `
  SELECT d.matter_id, d.issued_on AS on_date, m.owner_org_id, m.region_code, 1 AS value, r.name AS dim_recipient
  FROM documents d JOIN matters m ON m.id = d.matter_id
  JOIN matter_events e ON e.id = d.event_id
  LEFT JOIN orgs r ON r.id = (e.payload->>'recipientOrgId')::bigint
  WHERE d.kind = '${template}' AND d.voided_by IS NULL`;

const closedStates = `('decided', 'mediated', 'terminated', 'refused', 'redirected', 'abandoned')`;
/** The ends of an accepted case: what the correction rate is a share of (refusals and abandonments never were cases). */
const concludedStates = `('decided', 'mediated', 'terminated')`;

/** A suit's case as it finally stands: no later instance (appeal, retrial) was registered on it. */
const finalInstance = `NOT EXISTS (SELECT 1 FROM litigation_suits later WHERE later.prior_matter_id = s.matter_id)`;
/** The first hearing of a suit, and the first at which a head of the organ appeared (2020 规定第二条). */
const firstHearing = (where = 'true') =>
  `(SELECT min(h.held_on) FROM litigation_hearings h WHERE h.matter_id = s.matter_id AND ${where})`;

export const reconsiderationIndicators = indicatorsOf('reconsideration', [
  {
    id: 'reconsideration.received',
    key: true,
    name: '接收行政复议申请',
    definition:
      '当年接收的行政复议申请件数：以收件日期定年度，含此后不予受理、告知另行申请、视为放弃的申请；同一申请人对同一行政行为重复提出且经确认登记的，分别计数。',
    facts: applications('m.opened_on'),
    dimensions: byApplication,
  },
  {
    id: 'reconsideration.accepted',
    name: '受理行政复议案件',
    definition:
      '当年决定受理的行政复议案件数：以受理日期定年度；补正后受理的按受理日期计。不含不予受理、告知另行申请和视为放弃的申请。',
    facts: applications(
      'e.occurred_on',
      'true',
      `JOIN matter_events e ON e.matter_id = m.id AND e.action = 'accept' AND e.voided_by IS NULL`,
    ),
    dimensions: byApplication,
  },
  {
    id: 'reconsideration.closed',
    key: true,
    name: '审结行政复议案件',
    definition:
      '当年办结的行政复议案件数：以作出决定、调解结案、终止，或者不予受理、告知另行申请、视为放弃的日期定年度。',
    facts: applications('m.closed_on', `m.closed_on IS NOT NULL AND m.state IN ${closedStates}`),
    dimensions: [...byApplication, { id: 'decision', label: '决定类型' }],
  },
  {
    id: 'reconsideration.corrected',
    name: '直接纠错行政复议案件',
    definition: `当年作出纠错决定的行政复议案件数：决定类型为${correctionTypes.map((t) => decisionTypes[t]).join('、')}的，以决定日期定年度。维持、驳回、调解、终止不计入。`,
    facts: applications('a.decided_on', `a.decision_type IN (${sqlList(correctionTypes)})`),
    dimensions: [...byApplication, { id: 'decision', label: '决定类型' }],
  },
  {
    id: 'reconsideration.concluded',
    name: '审结的已受理行政复议案件',
    definition:
      '当年审结的已受理行政复议案件数：作出复议决定、调解结案或者终止的，以结案日期定年度。不予受理、告知向有权机关申请和视为放弃的申请未经受理，不计入。',
    facts: applications('m.closed_on', `m.closed_on IS NOT NULL AND m.state IN ${concludedStates}`),
    dimensions: [...byApplication, { id: 'decision', label: '决定类型' }],
  },
  {
    id: 'reconsideration.correctionRate',
    key: true,
    name: '行政复议直接纠错率',
    unit: '%',
    // The formula, beside the indicator: the share of accepted cases concluded, not of all applications closed.
    definition:
      '直接纠错率 = 直接纠错行政复议案件数 ÷ 审结的已受理行政复议案件数（作出决定、调解、终止）× 100%，同一年度、同一范围；不予受理、告知另行申请、视为放弃的申请不在分母中。',
    ratio: { numerator: 'reconsideration.corrected', denominator: 'reconsideration.concluded' },
    decimals: 1,
  },
  {
    id: 'reconsideration.mediated',
    name: '调解和解结案',
    definition: '当年以行政复议调解书结案，或者当事人和解后申请人撤回申请而终止的案件数，以结案日期定年度。',
    facts: applications(
      'm.closed_on',
      `(m.state = 'mediated' OR (m.state = 'terminated' AND EXISTS (
         SELECT 1 FROM matter_events t WHERE t.matter_id = m.id AND t.action = 'terminate' AND t.voided_by IS NULL
           AND t.payload->>'cause' = 'settled')))`,
    ),
    dimensions: byApplication,
  },
  {
    id: 'reconsideration.recommendations',
    name: '制发行政复议建议书',
    unit: '份',
    definition: '当年制发的行政复议建议书份数，以文书成文日期定年度；一份文书计一份。意见书另计。',
    facts: lettersIssued('reconsideration.recommendation'),
    dimensions: [{ id: 'recipient', label: '收文机关' }],
  },
  {
    id: 'reconsideration.opinionLetters',
    name: '制发行政复议意见书',
    unit: '份',
    definition: '当年制发的行政复议意见书份数（第七十六条），以文书成文日期定年度。',
    facts: lettersIssued('reconsideration.opinionLetter'),
    dimensions: [{ id: 'recipient', label: '收文机关' }],
  },
  {
    id: 'reconsideration.overdue',
    key: true,
    name: '超期审理行政复议案件',
    definition:
      '复议决定期限（含经批准延长的期限）届满时仍未作出决定、调解或终止的案件数，以期限届满日定年度；尚未办结且已过期限的、期限届满后才终止或撤回的也计入。中止期间不计算在期限内。',
    // The deadline's one status (deadline_status) on the business date: overdue now, met after its due date, or
    // stopped (terminated, withdrawn) only after its due date had passed.
    facts: applications(
      'dl.due_on',
      `${deadlineStatusSql('dl', BUSINESS_TODAY, 'NULL')} IN ('overdue', 'metLate', 'stoppedLate')`,
      `JOIN deadlines dl ON dl.matter_id = m.id AND dl.key = 'decision'`,
    ),
    dimensions: byApplication,
  },
  {
    id: 'litigation.filed',
    key: true,
    name: '行政诉讼发案量',
    definition:
      '当年人民法院立案的、以区属行政机关为被告的一审行政诉讼案件数，以立案日期定年度；经复议后起诉和直接起诉的均计入，二审案件不重复计数。',
    facts: suits('s.filed_on', `s.instance = 'first'`),
    dimensions: bySuit,
  },
  {
    id: 'litigation.lost',
    name: '行政诉讼败诉案件',
    definition:
      '当年行政机关最终败诉的行政诉讼案件数：一个案件只按其最终结果计一次，以最后审级的裁判日期定年度。一审败诉后上诉、再审的，以二审或再审结果为准（一审败诉经二审改判的不计入；上诉审理中的暂不计入）。',
    facts: suits('s.concluded_on', `s.outcome = 'lost' AND ${finalInstance}`),
    dimensions: [...bySuit, { id: 'instance', label: '审级' }],
  },
  {
    id: 'litigation.heard',
    name: '开庭审理的行政诉讼案件',
    definition:
      '当年开庭审理的行政诉讼案件数（每个审级的案件计一件），以该案件首次开庭日期定年度；同一案件多次开庭的，不重复计数。',
    facts: suits(
      firstHearing(),
      `EXISTS (SELECT 1 FROM litigation_hearings h WHERE h.matter_id = s.matter_id)`,
    ),
    dimensions: bySuit,
  },
  {
    id: 'litigation.headAppeared',
    name: '行政机关负责人出庭应诉',
    definition:
      '当年开庭审理的行政诉讼案件中，行政机关负责人（正职、副职或者参与分管的负责人，2020年规定第二条）至少出庭一次的件数，以负责人首次出庭日期定年度。同一审级多次开庭的，负责人出庭一次即为已履行出庭应诉义务（第七条），以后各次开庭的出庭情况均单独登记，不覆盖此前的出庭记录。',
    facts: suits(
      firstHearing(`h.appearance IN ('principal', 'deputy', 'inCharge')`),
      `EXISTS (SELECT 1 FROM litigation_hearings h WHERE h.matter_id = s.matter_id AND h.appearance IN ('principal', 'deputy', 'inCharge'))`,
    ),
    dimensions: bySuit,
  },
  {
    id: 'litigation.headAppearanceRate',
    key: true,
    name: '行政机关负责人出庭应诉率',
    unit: '%',
    definition:
      '负责人出庭应诉率 = 负责人至少出庭一次的开庭审理案件数 ÷ 开庭审理的行政诉讼案件数 × 100%，按全部开庭记录计算，不以最后一次开庭为准。',
    ratio: { numerator: 'litigation.headAppeared', denominator: 'litigation.heard' },
    decimals: 1,
  },
]);
