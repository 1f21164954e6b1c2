import { beforeAll, describe, expect, it } from 'vitest';
import { allIndicators } from '../../src/kernel/indicators/registry.ts';
import { type Client, makeUser, signIn } from '../support/app.ts';
import { correctionSweepFixture } from '../support/correction-sweep.ts';
import { legalAidSweepFixture, SWEEP_STATIONS } from '../support/legal-aid-sweep.ts';
import { legalitySweepFixture } from '../support/legality-review-sweep.ts';
import type { Step } from '../support/line-kit.ts';
import { mediationSweepFixture } from '../support/mediation-sweep.ts';
import { decisionData, reconsiderationTestbed } from '../support/reconsideration.ts';
import { supervisionSweepFixture } from '../support/supervision-sweep.ts';

/**
 * Every registered indicator, on a small set of matters whose figures are worked out by hand below: its value and
 * last year's, each of its breakdowns, and its drill-down records for both years. The app runs on a fixed business
 * date (2026-11-25). An indicator registered without an expectation here fails the sweep, so a new line adds its
 * figures when it adds its indicators.
 */
const { bed, kit } = reconsiderationTestbed();
const APP = 'reconsideration/application';
const SUIT = 'reconsideration/suit';
const YEAR = 2025;

const MARKET = '宁波市镇海区市场监督管理局';
const HOUSING = '宁波市镇海区住房和城乡建设局';
const LUOTUO = '宁波市镇海区骆驼街道办事处';

/** The fixture's matters by label; filled in by beforeAll. */
const ids = new Map<string, number>();

type Dept = 'market' | 'housing';
/** A decision with what the law asks of it: its ground (Art. 63–64) and the head's approval (Art. 61(1)). */
const grounds: Record<string, Record<string, string>> = {
  revoke: { ground: 'a64.1' },
  change: { ground: 'a63.3', changedTo: '警告' },
};
const decide = (date: string, decisionType: string): Step => ({
  action: 'decide',
  date,
  data: decisionData(decisionType, { findings: '查明的事实', reasoning: '理由', ...grounds[decisionType] }),
});
// The parties are heard (Art. 49) on the day the copy goes out, so any later decision may be made.
const accepted = (on: string, copy: string): Step[] => [
  { action: 'accept', date: on, data: { procedure: 'ordinary' } },
  { action: 'sendCopy', date: copy },
  { action: 'serveCopy', date: copy, data: { method: 'inPerson', receivedOn: copy } },
  { action: 'hearParties', date: copy, data: { method: 'phone' } },
];

/**
 * Applications: market ones contest a penalty, housing ones a licence, so the act-kind breakdown mirrors the
 * respondent one. A5's decision period (60 days from 2 July 2025, ending Mon 1 September) is still running on
 * the business date: overdue. A6 is decided on 20 November, after its period ended on 9 October (National Day).
 */
const applications: [string, Dept, string, Step[]][] = [
  ['A1', 'market', '2025-03-03', [...accepted('2025-03-04', '2025-03-05'), decide('2025-04-10', 'revoke')]],
  ['A2', 'housing', '2025-03-10', [...accepted('2025-03-11', '2025-03-12'), decide('2025-04-21', 'uphold')]],
  [
    'A3',
    'market',
    '2025-05-06',
    [{ action: 'refuse', date: '2025-05-07', data: { ground: 'outOfScope', reason: '不属于复议范围' } }],
  ],
  [
    'A4',
    'market',
    '2025-06-03',
    [
      { action: 'accept', date: '2025-06-04', data: { procedure: 'ordinary' } },
      { action: 'mediate', date: '2025-06-20', data: { agreement: '协议' } },
    ],
  ],
  ['A5', 'housing', '2025-07-01', accepted('2025-07-02', '2025-07-03')],
  ['A6', 'market', '2025-08-01', [...accepted('2025-08-04', '2025-08-05'), decide('2025-11-20', 'uphold')]],
  ['A7', 'market', '2024-11-04', [...accepted('2024-11-05', '2024-11-06'), decide('2024-12-10', 'change')]],
  [
    'A8',
    'housing',
    '2025-09-01',
    [
      { action: 'accept', date: '2025-09-02', data: { procedure: 'ordinary' } },
      { action: 'terminate', date: '2025-09-15', data: { cause: 'settled' } },
    ],
  ],
  // A penalty is upheld, never 驳回复议请求 (which answers a complaint of non-performance, Art. 69).
  ['A9', 'market', '2024-12-16', [...accepted('2024-12-17', '2024-12-18'), decide('2025-01-20', 'uphold')]],
];
/** Letters issued after the decision: counted by their date of issue. */
const letters: [string, string, Record<string, unknown>, Dept][] = [
  ['A1', 'issueRecommendation', { problems: '问题', recommendation: '建议' }, 'market'],
  ['A2', 'issueOpinionLetter', { problems: '问题', opinion: '意见' }, 'housing'],
];
const letterDates: Record<string, string> = { A1: '2025-04-15', A2: '2025-04-22' };

/**
 * Suits: S3 is the appeal of S1 (never counted as filed), which upholds S1's loss: the case is lost once, by its
 * final (second-instance) outcome. S1 had two hearings, the head at the first and staff at the second: the head's
 * appearance stands (2020 规定第七条). S4 is last year's.
 */
const suits: [string, Dept, 'first' | 'second', string, Step[]][] = [
  [
    'S1',
    'market',
    'first',
    '2025-02-10',
    [
      { action: 'recordHearing', date: '2025-04-01', data: { headAppeared: true } },
      {
        action: 'recordHearing',
        date: '2025-04-22',
        data: { appearance: 'staff', staffName: '李某（法规科科长）', absenceReason: 'officialDuty' },
      },
      { action: 'conclude', date: '2025-06-10', data: { outcome: 'lost' } },
    ],
  ],
  [
    'S2',
    'housing',
    'first',
    '2025-03-10',
    [
      { action: 'recordHearing', date: '2025-05-06', data: { headAppeared: false } },
      { action: 'conclude', date: '2025-07-01', data: { outcome: 'won' } },
    ],
  ],
  [
    'S3',
    'market',
    'second',
    '2025-07-01',
    [{ action: 'conclude', date: '2025-09-01', data: { outcome: 'lost' } }],
  ],
  [
    'S4',
    'market',
    'first',
    '2024-05-06',
    [
      { action: 'recordHearing', date: '2024-06-03', data: { headAppeared: true } },
      { action: 'conclude', date: '2024-08-01', data: { outcome: 'won' } },
    ],
  ],
];

interface Expected {
  value: number;
  previous: number;
  /**
   * The drill-down's totals (this year, last year) when they are not the figure: a sum of amounts, or registry
   * entries (organisations, mediators) that are not matters and so list no records.
   */
  recordsTotal?: [number, number];
  /** Drill-down records (this year, last year); absent for a ratio, which has none of its own. */
  records?: [string[], string[]];
  /** Per dimension: key → [this year, last year]. */
  by?: Record<string, Record<string, [number, number]>>;
}
const byRespondent = (market: [number, number], housing: [number, number]) => ({
  respondent: { [MARKET]: market, [HOUSING]: housing },
  act_kind: { 行政处罚: market, 行政许可: housing },
});
const bySuit = (market: [number, number], housing: [number, number]) => ({
  defendant: { [MARKET]: market, [HOUSING]: housing },
  act_kind: { 行政处罚: market, 行政许可: housing },
});
const drop0 = (o: Record<string, Record<string, [number, number]>>) =>
  Object.fromEntries(
    Object.entries(o).map(([d, rows]) => [
      d,
      Object.fromEntries(Object.entries(rows).filter(([, [a, b]]) => a !== 0 || b !== 0)),
    ]),
  );

const expected: Record<string, Expected> = {
  'reconsideration.received': {
    value: 7,
    previous: 2,
    records: [
      ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A8'],
      ['A7', 'A9'],
    ],
    by: byRespondent([4, 2], [3, 0]),
  },
  // Counted on the day of acceptance: A3 was refused.
  'reconsideration.accepted': {
    value: 6,
    previous: 2,
    records: [
      ['A1', 'A2', 'A4', 'A5', 'A6', 'A8'],
      ['A7', 'A9'],
    ],
    by: byRespondent([3, 2], [3, 0]),
  },
  // Closed in 2025: decided, refused, mediated, terminated — A9 received in 2024, decided in January.
  'reconsideration.closed': {
    value: 7,
    previous: 1,
    records: [['A9', 'A1', 'A2', 'A3', 'A4', 'A8', 'A6'], ['A7']],
    by: {
      ...byRespondent([5, 1], [2, 0]),
      decision: { 撤销: [1, 0], 维持: [3, 0], 变更: [0, 1], '（未填）': [3, 0] },
    },
  },
  'reconsideration.corrected': {
    value: 1,
    previous: 1,
    records: [['A1'], ['A7']],
    by: { ...byRespondent([1, 1], [0, 0]), decision: { 撤销: [1, 0], 变更: [0, 1] } },
  },
  // Concluded accepted cases: the closed ones less A3, refused (never a case).
  'reconsideration.concluded': {
    value: 6,
    previous: 1,
    records: [['A9', 'A1', 'A2', 'A4', 'A8', 'A6'], ['A7']],
    by: {
      ...byRespondent([4, 1], [2, 0]),
      decision: { 撤销: [1, 0], 维持: [3, 0], 变更: [0, 1], '（未填）': [2, 0] },
    },
  },
  // 1 corrected (A1) of 6 concluded accepted cases; it was 1 of 7 when the refused A3 was counted too.
  'reconsideration.correctionRate': { value: 16.7, previous: 100 },
  // A4 by mediation, A8 terminated after a settlement.
  'reconsideration.mediated': {
    value: 2,
    previous: 0,
    records: [['A4', 'A8'], []],
    by: byRespondent([1, 0], [1, 0]),
  },
  'reconsideration.recommendations': {
    value: 1,
    previous: 0,
    records: [['A1'], []],
    by: { recipient: { [MARKET]: [1, 0] } },
  },
  'reconsideration.opinionLetters': {
    value: 1,
    previous: 0,
    records: [['A2'], []],
    by: { recipient: { [HOUSING]: [1, 0] } },
  },
  // A5 still running past 1 September 2025; A6 decided after 9 October 2025. Counted by the day the period ended.
  'reconsideration.overdue': {
    value: 2,
    previous: 0,
    records: [['A5', 'A6'], []],
    by: byRespondent([1, 0], [1, 0]),
  },
  'litigation.filed': {
    value: 2,
    previous: 1,
    records: [['S1', 'S2'], ['S4']],
    by: bySuit([1, 1], [1, 0]),
  },
  // S1's first-instance loss is superseded by its appeal S3 (loss upheld): one case lost, counted once.
  'litigation.lost': {
    value: 1,
    previous: 0,
    records: [['S3'], []],
    by: { ...bySuit([1, 0], [0, 0]), instance: { 二审: [1, 0] } },
  },
  'litigation.heard': {
    value: 2,
    previous: 1,
    records: [['S1', 'S2'], ['S4']],
    by: bySuit([1, 1], [1, 0]),
  },
  'litigation.headAppeared': {
    value: 1,
    previous: 1,
    records: [['S1'], ['S4']],
    by: bySuit([1, 1], [0, 0]),
  },
  'litigation.headAppearanceRate': { value: 50, previous: 100 },

  // Mediation (test/support/mediation-sweep.ts): taken up M1, M2, M4, M7 in 2025 (M3 refused), M5, M6 in 2024.
  'mediation.received': {
    value: 4,
    previous: 2,
    records: [
      ['M1', 'M2', 'M4', 'M7'],
      ['M5', 'M6'],
    ],
    by: {
      dispute_type: {
        婚姻家庭纠纷: [1, 0],
        合同纠纷: [1, 0],
        邻里纠纷: [1, 0],
        其他纠纷: [1, 0],
        物业纠纷: [0, 1],
        交通事故纠纷: [0, 1],
      },
      org_kind: {
        '村（社区）人民调解委员会': [3, 1],
        '镇（街道）人民调解委员会': [0, 1],
        行政调解组织: [1, 0],
      },
      town: { 招宝山街道: [3, 1], 骆驼街道: [0, 1], 区级: [1, 0] },
    },
  },
  // 12,500 + 50,000 + 2,500 + 5,000 元 = 7.00 万元; last year 2,500 + 7,500 = 1.00 万元. Four and two records.
  'mediation.amount': {
    value: 7,
    previous: 1,
    recordsTotal: [4, 2],
    records: [
      ['M1', 'M2', 'M4', 'M7'],
      ['M5', 'M6'],
    ],
    by: {
      dispute_type: {
        婚姻家庭纠纷: [1.25, 0],
        合同纠纷: [5, 0],
        邻里纠纷: [0.25, 0],
        其他纠纷: [0.5, 0],
        物业纠纷: [0, 0.25],
        交通事故纠纷: [0, 0.75],
      },
      org_kind: {
        '村（社区）人民调解委员会': [6.5, 0.75],
        '镇（街道）人民调解委员会': [0, 0.25],
        行政调解组织: [0.5, 0],
      },
      town: { 招宝山街道: [6.5, 0.75], 骆驼街道: [0, 0.25], 区级: [0.5, 0] },
    },
  },
  // M1 (written, 1 March) and M4 (on the spot); last year M5 (oral).
  'mediation.succeeded': {
    value: 2,
    previous: 1,
    records: [['M1', 'M4'], ['M5']],
    by: {
      dispute_type: { 婚姻家庭纠纷: [1, 0], 邻里纠纷: [1, 0], 物业纠纷: [0, 1] },
      org_kind: { '村（社区）人民调解委员会': [2, 0], '镇（街道）人民调解委员会': [0, 1] },
      town: { 招宝山街道: [2, 0], 骆驼街道: [0, 1] },
    },
  },
  'mediation.successRate': { value: 50, previous: 50 },
  'mediation.courtReferred': {
    value: 1,
    previous: 1,
    records: [['M2'], ['M6']],
    by: {
      dispute_type: { 合同纠纷: [1, 0], 交通事故纠纷: [0, 1] },
      org_kind: { '村（社区）人民调解委员会': [1, 1] },
      town: { 招宝山街道: [1, 1] },
    },
  },
  'mediation.judicialConfirmed': {
    value: 1,
    previous: 0,
    records: [['M1'], []],
    by: {
      dispute_type: { 婚姻家庭纠纷: [1, 0] },
      org_kind: { '村（社区）人民调解委员会': [1, 0] },
      town: { 招宝山街道: [1, 0] },
    },
  },
  'mediation.fromReconsideration': {
    value: 1,
    previous: 0,
    records: [['M7'], []],
    by: { dispute_type: { 其他纠纷: [1, 0] }, org_kind: { 行政调解组织: [1, 0] }, town: { 区级: [1, 0] } },
  },
  // Founded in 2025: one commercial centre; in 2024 another and 骆驼's town committee. Not matters: no records.
  'mediation.organisationsAdded': {
    value: 1,
    previous: 2,
    recordsTotal: [0, 0],
    records: [[], []],
    by: {
      org_kind: { 商事调解中心: [1, 1], '镇（街道）人民调解委员会': [0, 1] },
      town: { 区级: [1, 1], 骆驼街道: [0, 1] },
    },
  },
  'mediation.commercialCentresAdded': {
    value: 1,
    previous: 1,
    recordsTotal: [0, 0],
    records: [[], []],
    by: { org_kind: { 商事调解中心: [1, 1] }, town: { 区级: [1, 1] } },
  },
  // In the pool at the year's end: P1 and P2 (joined May 2025); at the end of 2024 P1 only (P3 left in June 2024).
  'mediation.mediators': {
    value: 2,
    previous: 1,
    recordsTotal: [0, 0],
    records: [[], []],
    by: {
      org_kind: { '村（社区）人民调解委员会': [1, 1], 商事调解中心: [1, 0] },
      town: { 招宝山街道: [1, 1], 区级: [1, 0] },
    },
  },

  // Supervision (test/support/supervision-sweep.ts): N1 and N3 inspect 区市场监管局 in 2025 (one unit), N2 骆驼街道办事处
  // in 2024; findings Q1 (closed), Q2 (overdue) in 2025, Q3 (reported late, closed) in 2024.
  'inspection.unitsInspected': {
    value: 1,
    previous: 1,
    records: [['N1'], ['N2']],
    by: { unit: { [MARKET]: [1, 0], [LUOTUO]: [0, 1] }, town: { 区级: [1, 0], 骆驼街道: [0, 1] } },
  },
  'inspection.findings': {
    value: 2,
    previous: 1,
    records: [['Q1', 'Q2'], ['Q3']],
    by: {
      unit: { [MARKET]: [2, 0], [LUOTUO]: [0, 1] },
      category: { 行政执法规范化: [1, 0], 重大行政决策程序: [1, 0], 行政规范性文件管理: [0, 1] },
      town: { 区级: [2, 0], 骆驼街道: [0, 1] },
    },
  },
  'inspection.findingsClosed': {
    value: 1,
    previous: 1,
    records: [['Q1'], ['Q3']],
    by: {
      unit: { [MARKET]: [1, 0], [LUOTUO]: [0, 1] },
      category: { 行政执法规范化: [1, 0], 行政规范性文件管理: [0, 1] },
      town: { 区级: [1, 0], 骆驼街道: [0, 1] },
    },
  },
  // Q2's deadline (30 May 2025) passed without a report; Q3 was reported a week after its 13 May 2024 deadline.
  'inspection.findingsOverdue': {
    value: 1,
    previous: 1,
    records: [['Q2'], ['Q3']],
    by: {
      unit: { [MARKET]: [1, 0], [LUOTUO]: [0, 1] },
      category: { 重大行政决策程序: [1, 0], 行政规范性文件管理: [0, 1] },
      town: { 区级: [1, 0], 骆驼街道: [0, 1] },
    },
  },
  'enforcementSupervision.notices': {
    value: 1,
    previous: 1,
    records: [['T1'], ['T3']],
    by: { unit: { [MARKET]: [1, 0], [HOUSING]: [0, 1] }, reply: { 逾期回复: [1, 0], 按期回复: [0, 1] } },
  },
  'enforcementSupervision.recommendations': {
    value: 1,
    previous: 0,
    records: [['T2'], []],
    by: { unit: { [HOUSING]: [1, 0] }, reply: { 未回复: [1, 0] } },
  },
  'enforcementSupervision.observationPosts': {
    value: 1,
    previous: 1,
    recordsTotal: [0, 0],
    records: [[], []],
    by: { selection: { '宁波市首批行政执法监督观察站（点）': [1, 1] } },
  },
  // The 考评 tier recorded in 2025 is not a project. A report cites the projects' titles (`title`, `clause`).
  'bestPractice.projects': {
    value: 2,
    previous: 1,
    recordsTotal: [0, 0],
    records: [[], []],
    by: {
      awarded_by: { 宁波市委全面依法治市委员会办公室: [2, 1] },
      title: { 项目丙: [1, 0], 项目乙: [1, 0], 项目甲: [0, 1] },
      clause: { 项目丙入选: [1, 0], 项目乙入选: [1, 0], 项目甲入选: [0, 1] },
    },
  },
  // The same recognitions register's other kinds: the fixture's 2025 考评 tier, and no honour, landmark or exchange.
  'ruleOfLaw.assessmentTiers': {
    value: 1,
    previous: 0,
    recordsTotal: [0, 0],
    records: [[], []],
    by: {
      awarded_by: { 宁波市委全面依法治市委员会办公室: [1, 0] },
      title: { '2024年法治宁波建设年度考评': [1, 0] },
      clause: { '2024年法治宁波建设年度考评排名列入选': [1, 0] },
    },
  },
  ...Object.fromEntries(
    ['ruleOfLaw.honours', 'ruleOfLaw.landmarks', 'mediation.provincialExchange'].map((id) => [
      id,
      {
        value: 0,
        previous: 0,
        recordsTotal: [0, 0],
        records: [[], []],
        by: { awarded_by: {}, title: {}, clause: {} },
      },
    ]),
  ),
  // Legality review (test/support/legality-review-sweep.ts): the district centre concluded L1, L2 and co-reviewed
  // L3 in 2025, L5 in 2024; the towns concluded L3 in 2025 and L4 in 2024; L6 is not yet accepted.
  'legalityReview.districtReviewed': {
    value: 3,
    previous: 1,
    records: [['L1', 'L2', 'L3'], ['L5']],
    by: {
      item_kind: { 行政规范性文件: [1, 0], 重大行政决策: [1, 0], '行政协议（合同）': [1, 1] },
      submitter: { 区政府及其办公室: [1, 0], 区级部门: [1, 1], '镇（街道）内设机构、村（社区）': [1, 0] },
      town: { 区级: [2, 1], 招宝山街道: [1, 0] },
    },
  },
  'legalityReview.coReviewed': {
    value: 2,
    previous: 1,
    records: [['L2', 'L3'], ['L5']],
    by: {
      item_kind: { 重大行政决策: [1, 0], '行政协议（合同）': [1, 1] },
      submitter: { 区级部门: [1, 1], '镇（街道）内设机构、村（社区）': [1, 0] },
      town: { 区级: [1, 1], 招宝山街道: [1, 0] },
    },
  },
  'legalityReview.townReviewed': {
    value: 1,
    previous: 1,
    records: [['L3'], ['L4']],
    by: {
      item_kind: { '行政协议（合同）': [1, 0], '其他重要事项（会议议题、政策措施等）': [0, 1] },
      submitter: { '镇（街道）内设机构、村（社区）': [1, 1] },
      town: { 招宝山街道: [1, 0], 骆驼街道: [0, 1] },
    },
  },
  // 2 + 1 issues in 2025 (L1, L3), 1 in 2024 (L5).
  'legalityReview.issuesFound': {
    value: 3,
    previous: 1,
    recordsTotal: [2, 1],
    records: [['L1', 'L3'], ['L5']],
    by: {
      item_kind: { 行政规范性文件: [2, 0], '行政协议（合同）': [1, 1] },
      submitter: { 区政府及其办公室: [2, 0], 区级部门: [0, 1], '镇（街道）内设机构、村（社区）': [1, 0] },
      town: { 区级: [2, 1], 招宝山街道: [1, 0] },
    },
  },
  'legalityReview.majorDecisions': {
    value: 1,
    previous: 0,
    records: [['L2'], []],
    by: { item_kind: { 重大行政决策: [1, 0] }, submitter: { 区级部门: [1, 0] }, town: { 区级: [1, 0] } },
  },
  // Reported back in 2025: L5 (10 January), L1, L3; in 2024: L4.
  'legalityReview.feedbackReceived': {
    value: 3,
    previous: 1,
    records: [['L5', 'L1', 'L3'], ['L4']],
    by: {
      item_kind: {
        行政规范性文件: [1, 0],
        '行政协议（合同）': [2, 0],
        '其他重要事项（会议议题、政策措施等）': [0, 1],
      },
      submitter: { 区政府及其办公室: [1, 0], 区级部门: [1, 0], '镇（街道）内设机构、村（社区）': [1, 1] },
      town: { 区级: [2, 0], 招宝山街道: [1, 0], 骆驼街道: [0, 1] },
    },
  },
  // L5 partly and L1 wholly adopted, L3 not; L4 adopted.
  'legalityReview.adopted': {
    value: 2,
    previous: 1,
    records: [['L5', 'L1'], ['L4']],
    by: {
      item_kind: {
        行政规范性文件: [1, 0],
        '行政协议（合同）': [1, 0],
        '其他重要事项（会议议题、政策措施等）': [0, 1],
      },
      submitter: { 区政府及其办公室: [1, 0], 区级部门: [1, 0], '镇（街道）内设机构、村（社区）': [0, 1] },
      town: { 区级: [2, 0], 骆驼街道: [0, 1] },
    },
  },
  'legalityReview.adoptionRate': { value: 66.7, previous: 100 },
  // Community correction (test/support/correction-sweep.ts). The bureau's leader reads the figures but, the line
  // being restricted, none of the records behind them.
  ...correctionExpected(),

  // The business-environment lines (src/lines/business-services): the fixture has none of their records, so each
  // figure is nought; their own tests (credit-repair.db.test.ts, registers.db.test.ts, demo.db.test.ts) hold them.
  'compliance.guidelines': {
    value: 0,
    previous: 0,
    recordsTotal: [0, 0],
    records: [[], []],
    by: { subject: {} },
  },
  ...Object.fromEntries(
    [
      'creditRepair.subjectsConsulted',
      'creditRepair.subjectsConsultedInYear',
      'creditRepair.enterprisesRepaired',
      'compliance.enterprisesServed',
      'compliance.appointments',
      'foreignRelated.enterprisesServed',
      'lawyers.firms',
      'lawyers.firmsAdded',
      'lawyers.practising',
      'lawyers.revenueGrowth',
      'lawyers.governmentLawyers',
    ].map((id) => [id, { value: 0, previous: 0, recordsTotal: [0, 0], records: [[], []] }]),
  ),
  'creditRepair.recordsRepaired': {
    value: 0,
    previous: 0,
    recordsTotal: [0, 0],
    records: [[], []],
    by: { severity: {} },
  },
};

/** The correction figures of 2025 (and 2024); no records for the bureau-level reader. */
function correctionExpected(): Record<string, Expected> {
  const none = { recordsTotal: [0, 0] as [number, number], records: [[], []] as [string[], string[]] };
  return {
    'correction.activeCorrectees': {
      value: 1,
      previous: 1,
      ...none,
      by: { type: { 缓刑: [1, 0], 假释: [0, 1] }, town: { 骆驼街道: [1, 0], 招宝山街道: [0, 1] } },
    },
    'correction.intake': {
      value: 2,
      previous: 1,
      ...none,
      by: { type: { 缓刑: [2, 0], 假释: [0, 1] }, town: { 骆驼街道: [1, 0], 招宝山街道: [1, 1] } },
    },
    'correction.released': {
      value: 1,
      previous: 0,
      ...none,
      by: { type: { 假释: [1, 0] }, town: { 招宝山街道: [1, 0] } },
    },
    'correction.warnings': {
      value: 1,
      previous: 0,
      ...none,
      by: { type: { 缓刑: [1, 0] }, town: { 骆驼街道: [1, 0] } },
    },
    'correction.revocations': {
      value: 1,
      previous: 0,
      ...none,
      by: { type: { 缓刑: [1, 0] }, town: { 招宝山街道: [1, 0] } },
    },
    'correction.missedReportIns': {
      value: 1,
      previous: 0,
      ...none,
      by: { type: { 缓刑: [1, 0] }, town: { 骆驼街道: [1, 0] } },
    },
    'resettlement.activeSubjects': {
      value: 2,
      previous: 1,
      ...none,
      by: { town: { 骆驼街道: [1, 1], 招宝山街道: [1, 0] } },
    },
    'resettlement.contacted': {
      value: 1,
      previous: 1,
      ...none,
      by: { town: { 招宝山街道: [1, 0], 骆驼街道: [0, 1] } },
    },
    'resettlement.employed': {
      value: 2,
      previous: 1,
      ...none,
      by: { town: { 骆驼街道: [1, 1], 招宝山街道: [1, 0] } },
    },
  };
}

/** Legal aid and the station network (test/support/legal-aid-sweep.ts); registry entries list no records. */
const stock = (now: number, before: number, by: Expected['by']): Expected => ({
  value: now,
  previous: before,
  recordsTotal: [0, 0],
  records: [[], []],
  by,
});
Object.assign(expected, {
  'legalServices.stations.level1': stock(1, 1, {
    town: { 区级: [1, 1] },
    kind: { 公共法律服务站点: [1, 1] },
  }),
  'legalServices.stations.level2': stock(1, 1, {
    town: { 招宝山街道: [1, 1] },
    kind: { 公共法律服务站点: [1, 1] },
  }),
  'legalServices.stations.level3': stock(2, 1, {
    town: { 招宝山街道: [1, 0], 骆驼街道: [1, 1] },
    kind: { 公共法律服务站点: [2, 1] },
  }),
  // Founded: SL3 in 2025, SL2 in 2024.
  'legalServices.stationsAdded': stock(1, 1, {
    town: { 招宝山街道: [1, 1] },
    kind: { 公共法律服务站点: [1, 1] },
  }),
  'legalServices.villages': stock(3, 3, { town: { 招宝山街道: [2, 2], 骆驼街道: [1, 1] } }),
  // 中街 since 2020; 城东 from SL3's opening in February 2025; 胜利路 never.
  'legalServices.coveredVillages': stock(2, 1, { town: { 招宝山街道: [1, 0], 骆驼街道: [1, 1] } }),
  'legalServices.coverage': { value: 66.7, previous: 33.3 },
  'legalAid.visits': stock(4, 1, {
    town: { 招宝山街道: [3, 0], 区级: [1, 0], 骆驼街道: [0, 1] },
    station: { [SWEEP_STATIONS.SL3]: [3, 0], [SWEEP_STATIONS.SL1]: [1, 0], [SWEEP_STATIONS.SL4]: [0, 1] },
    channel: { 窗口: [3, 1], '12348热线': [1, 0] },
    topic: { 劳动: [3, 0], 借贷: [1, 0], 婚姻家庭: [0, 1] },
    service: { 解答: [3, 0], 代写文书: [1, 0], 引导申请法律援助: [0, 1] },
  }),
  'legalAid.casesAccepted': {
    value: 2,
    previous: 1,
    records: [['LA1', 'LA3'], ['LA4']],
    by: {
      case_type: { 劳动争议仲裁代理: [1, 0], 刑事辩护: [1, 0], 民事代理: [0, 1] },
      source: { 当事人申请: [1, 1], '公检法机关通知辩护/代理': [1, 0] },
      town: { 招宝山街道: [1, 0], 区级: [1, 0], 骆驼街道: [0, 1] },
    },
  },
  'legalAid.noticeCases': {
    value: 1,
    previous: 0,
    records: [['LA3'], []],
    by: {
      case_type: { 刑事辩护: [1, 0] },
      source: { '公检法机关通知辩护/代理': [1, 0] },
      town: { 区级: [1, 0] },
    },
  },
  'legalAid.refused': {
    value: 1,
    previous: 0,
    records: [['LA2'], []],
    by: { case_type: { 民事代理: [1, 0] }, source: { 当事人申请: [1, 0] }, town: { 招宝山街道: [1, 0] } },
  },
  'legalAid.closed': {
    value: 1,
    previous: 0,
    records: [['LA1'], []],
    by: {
      case_type: { 劳动争议仲裁代理: [1, 0] },
      source: { 当事人申请: [1, 0] },
      town: { 招宝山街道: [1, 0] },
    },
  },
  'legalAid.rightsNotices': {
    value: 1,
    previous: 0,
    records: [['LA1'], []],
    by: { method: { 书面告知: [1, 0] } },
  },
  // `founding` is the sentence a report cites: 在<host>成立<name> (the fixture's host is the station itself).
  'legalAid.workstations': stock(1, 0, {
    town: { 蛟川街道: [1, 0] },
    kind: { 法律援助工作站: [1, 0] },
    founding: { '在交通运输行业法律援助工作站（测试）成立交通运输行业法律援助工作站（测试）': [1, 0] },
  }),
  'legalEducation.practiceStations': stock(1, 1, {
    town: { 庄市街道: [1, 1] },
    kind: { 新时代法治实践站点: [1, 1] },
  }),
} satisfies Record<string, Expected>);

/** A bureau-level reader: the reconsideration section's clerk does not see the mediation organisations. */
let reader: Client;

beforeAll(async () => {
  const dept = (d: Dept) => (d === 'market' ? bed.market : bed.housing);
  for (const [label, d, receivedOn, steps] of applications) {
    const m = await kit.create(APP, {
      receivedOn,
      actDate: '2024-10-08',
      actKnownOn: '2024-10-09',
      respondentOrgId: dept(d),
      actKind: d === 'market' ? 'penalty' : 'licence',
      actTitle: `${label}号行为`,
    });
    let version = m.version;
    for (const s of steps) {
      const res = await kit.act(APP, m.id, s.action, s.date, s.data, version);
      if (res.statusCode !== 200) throw new Error(`${label} ${s.action}: ${res.body}`);
      version = res.json().version;
    }
    ids.set(label, m.id);
  }
  for (const [label, action, data, d] of letters) {
    const res = await kit.act(APP, ids.get(label)!, action, letterDates[label]!, {
      recipientOrgId: dept(d),
      ...data,
    });
    if (res.statusCode !== 200) throw new Error(`${label} ${action}: ${res.body}`);
  }
  for (const [label, d, instance, filedOn, steps] of suits) {
    const m = await kit.create(SUIT, {
      defendantOrgId: dept(d),
      actKind: d === 'market' ? 'penalty' : 'licence',
      instance,
      filedOn,
      court: instance === 'first' ? '宁波市镇海区人民法院' : '宁波市中级人民法院',
      caseNumber:
        instance === 'first'
          ? `（${filedOn.slice(0, 4)}）浙0211行初${label.slice(1)}号`
          : '（2025）浙02行终3号',
      ...(label === 'S3' ? { priorCaseNumber: '（2025）浙0211行初1号' } : {}),
    });
    let version = m.version;
    for (const s of steps) {
      const res = await kit.act(SUIT, m.id, s.action, s.date, s.data, version);
      if (res.statusCode !== 200) throw new Error(`${label} ${s.action}: ${res.body}`);
      version = res.json().version;
    }
    ids.set(label, m.id);
  }
  await makeUser(bed.t.db, 'sweep.leader', [{ org: 'bureau', role: 'leader' }]);
  await makeUser(bed.t.db, 'sweep.mediation', [{ org: 'bureau', role: 'sectionStaff' }]);
  reader = await signIn(bed.app, 'sweep.leader');
  const mediation = await mediationSweepFixture(
    bed.t.db,
    await signIn(bed.app, 'sweep.mediation'),
    ids.get('A5')!,
  );
  for (const [label, id] of mediation) if (label.startsWith('M')) ids.set(label, id);
  await makeUser(bed.t.db, 'sweep.supervision', [{ org: 'sec-inspection', role: 'sectionStaff' }]);
  const supervision = await supervisionSweepFixture(bed.t.db, await signIn(bed.app, 'sweep.supervision'));
  for (const [label, id] of supervision) ids.set(label, id);
  await makeUser(bed.t.db, 'sweep.legality', [{ org: 'bureau', role: 'sectionStaff' }]);
  for (const [label, id] of await legalitySweepFixture(bed.t.db, await signIn(bed.app, 'sweep.legality')))
    ids.set(label, id);
  await correctionSweepFixture(bed.t.db, bed.app);
  for (const [label, id] of await legalAidSweepFixture(bed.t.db, await signIn(bed.app, 'sweep.mediation')))
    ids.set(label, id);
});

const get = async (url: string) => {
  const res = await reader.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
};
const q = `year=${YEAR}&region=330211`;
const labels = (items: { id: number }[]) => {
  const byId = new Map([...ids].map(([l, id]) => [id, l]));
  return items.map((i) => byId.get(i.id) ?? `#${i.id}`);
};

describe('every registered indicator, on a fixture worked out by hand', () => {
  it('has its expected figures written here', () => {
    // The product's lines: the toy line of the kernel's own tests may be registered too, when another test file
    // ran before this one in the same worker.
    expect(
      allIndicators()
        .filter((d) => d.line !== 'toy')
        .map((d) => d.id)
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))('%s', async (id) => {
    const def = allIndicators().find((d) => d.id === id)!;
    const want = expected[id]!;
    const v = await get(`/api/indicators/${id}?${q}`);
    expect({ value: v.value, previous: v.previous }).toEqual({ value: want.value, previous: want.previous });

    const dims = (def.dimensions ?? []).map((d) => d.id);
    expect(dims.sort()).toEqual(Object.keys(want.by ?? {}).sort());
    for (const dim of dims) {
      const rows: { key: string; value: number; previous: number }[] = await get(
        `/api/indicators/${id}/breakdown?${q}&dim=${dim}`,
      );
      const got = Object.fromEntries(rows.map((r) => [r.key, [r.value, r.previous]]));
      expect({ [dim]: got }).toEqual(drop0({ [dim]: want.by![dim]! }));
      // A breakdown splits the figure: its parts add up to it.
      expect(rows.reduce((s, r) => s + r.value, 0)).toBe(want.value);
      expect(rows.reduce((s, r) => s + r.previous, 0)).toBe(want.previous);
    }

    if (!want.records) {
      const res = await reader.get(`/api/indicators/${id}/records?${q}`);
      expect(res.statusCode).toBe(400);
      return;
    }
    const [now, before] = want.records;
    const records = await get(`/api/indicators/${id}/records?${q}&limit=500`);
    expect(labels(records.items)).toEqual(now);
    // Each record counts once: the figure is the number of records behind it (unless it sums their amounts).
    expect(records.total).toBe(want.recordsTotal?.[0] ?? want.value);
    const last = await get(`/api/indicators/${id}/records?${q}&limit=500&previousYear=true`);
    expect(labels(last.items)).toEqual(before);
    expect(last.total).toBe(want.recordsTotal?.[1] ?? want.previous);
  });
});
