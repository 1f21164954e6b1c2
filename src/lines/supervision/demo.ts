/**
 * The demo district's inspections and supervision instruments, 2023 to the business date: deterministic (seeded).
 * Each inspection is a group: the inspection, its findings (registered under it), the feedback, each finding's
 * rectification loop — most reported on time and closed, some sent back once, a few overdue and escalated (a
 * reminder, an interview) — and the conclusion once every finding is closed.
 */
import { addDays, weekday } from '../../kernel/calendar/dates.ts';
import { between, pick, type Rng, seeded } from '../../kernel/demo/people.ts';
import type { DemoStep } from '../../kernel/demo/runner.ts';
import { YEAR_FIGURES } from './demo-figures.ts';
import type { FindingCategory } from './labels.ts';

export const SEED = 20250319;
export const DEMO_MARKER = 'demo.supervision';

/** A weekday on or after `d` (the office's steps fall on working days; holidays are not avoided). */
export const workday = (d: string) => {
  const w = weekday(d);
  return w === 6 ? addDays(d, 2) : w === 0 ? addDays(d, 1) : d;
};

export interface PlannedFinding {
  input: Record<string, unknown>;
  steps: DemoStep[];
}
export interface PlannedInspection {
  unitCode: string;
  input: Record<string, unknown>;
  findings: PlannedFinding[];
  feedback: DemoStep;
  conclude: DemoStep;
}
export interface PlannedInstrument {
  deptCode: string;
  input: Record<string, unknown>;
  steps: DemoStep[];
}

const DEPARTMENTS = [
  'dept-market',
  'dept-enforcement',
  'dept-housing',
  'dept-natural-resources',
  'dept-hrss',
  'dept-transport',
  'dept-ecology',
  'dept-emergency',
  'dept-education',
  'dept-public-security',
];
/** Town governments the demo adds (codes of reference/zhenhai-divisions.json). */
export const TOWN_CODES = [
  '330211001',
  '330211002',
  '330211003',
  '330211004',
  '330211005',
  '330211100',
  '330211101',
];
export const townGovCode = (town: string) => `town-gov-${town}`;

const PROBLEMS: [FindingCategory, string][] = [
  ['responsibility', '党政主要负责人履行推进法治建设第一责任人职责清单未按要求公开'],
  ['decisionMaking', '重大行政决策目录未按时公布，部分事项未履行公众参与程序'],
  ['normativeDocs', '行政规范性文件未按规定报送备案审查'],
  ['legalityReview', '部分行政协议签订前未经合法性审查'],
  ['enforcement', '行政处罚案卷中证据材料不完整，文书送达不规范'],
  ['enforcement', '行政执法“三项制度”公示信息更新不及时'],
  ['reconsideration', '行政复议决定履行情况未按期书面报告'],
  ['openness', '年度法治政府建设报告未在规定时间内向社会公开'],
  ['other', '法治建设工作台账不完整'],
];

const INSTRUMENT_PROBLEMS = [
  ['行政处罚案件办理超过法定期限，未办理延期审批手续', '对超期案件逐件自查，完善办案期限预警制度'],
  ['涉企行政检查频次过高，存在重复检查', '统筹制定年度检查计划，推行“综合查一次”'],
  ['行政执法人员未持证执法，执法记录仪使用不规范', '清理执法人员资格，规范全过程记录'],
  ['自由裁量基准适用说理不充分', '在处罚决定书中载明裁量基准适用理由'],
];

/** The year's inspections: the units drawn from departments and towns, each with its findings and their loops. */
function inspectionsOf(rng: Rng, year: number): PlannedInspection[] {
  const f = YEAR_FIGURES[year];
  if (!f) return [];
  const units = [...DEPARTMENTS.slice(0, 10), ...TOWN_CODES.map(townGovCode)];
  // Distinct units in the year: shuffled, the first n.
  const shuffled = units
    .map((u) => [rng(), u] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, u]) => u);
  return f.findingsPerUnit.map((count, i) => {
    const unitCode = shuffled[i]!;
    // The business year's last inspections are recent: their rectifications are still running or overdue.
    const spacing = year >= 2026 ? 35 : 21;
    const noticeOn = workday(addDays(`${year}-03-01`, i * spacing + between(rng, 0, 6)));
    const startsOn = workday(addDays(noticeOn, 7));
    const endsOn = workday(addDays(startsOn, 2));
    const findings: PlannedFinding[] = Array.from({ length: count }, (_, k) => {
      const [category, description] = pick(rng, PROBLEMS);
      const foundOn = endsOn;
      const rectifyBy = workday(addDays(foundOn, 60));
      const roll = rng();
      const reportOn = (d: string) => ({
        action: 'report',
        date: d,
        data: { plan: '制定整改方案，明确责任人和时限', result: '已按要求完成整改，相关制度已修订并公开' },
      });
      const close = (d: string) => ({
        action: 'verify',
        date: d,
        data: { result: 'closed', opinion: '整改到位，同意销号' },
      });
      let steps: DemoStep[];
      if (roll < 0.12 && k === 0) {
        // Overdue: a reminder, then an interview, then the report and closure.
        const late = workday(addDays(rectifyBy, 10));
        steps = [
          {
            action: 'escalate',
            date: late,
            data: { measure: 'reminded', interviewee: '', interviewer: '', content: '督促尽快完成整改' },
          },
          {
            action: 'escalate',
            date: workday(addDays(late, 10)),
            data: {
              measure: 'interviewed',
              interviewee: '该单位分管负责人',
              interviewer: '区委依法治区办常务副主任',
              content: '指出整改滞后问题，要求十日内完成整改',
            },
          },
          reportOn(workday(addDays(late, 20))),
          close(workday(addDays(late, 30))),
        ];
      } else if (roll < 0.25) {
        // Sent back once, then closed.
        const first = workday(addDays(rectifyBy, -10));
        const back = workday(addDays(first, 5));
        steps = [
          reportOn(first),
          {
            action: 'verify',
            date: back,
            data: {
              result: 'sentBack',
              opinion: '整改措施未落实到位',
              newRectifyBy: workday(addDays(back, 30)),
            },
          },
          reportOn(workday(addDays(back, 25))),
          close(workday(addDays(back, 32))),
        ];
      } else {
        const on = workday(addDays(rectifyBy, -between(rng, 3, 20)));
        steps = [reportOn(on), close(workday(addDays(on, 7)))];
      }
      return {
        input: { foundOn, category, description, evidence: '督察组现场检查记录、调阅台账', rectifyBy },
        steps,
      };
    });
    return {
      unitCode,
      input: {
        planName: `${year}年度法治督察工作计划`,
        noticeOn,
        startsOn,
        endsOn,
        team: '区委依法治区办、区司法局法治督察科、特邀法治督察员',
        focus: '法治建设第一责任人职责落实、重大行政决策、行政规范性文件、行政执法规范化',
      },
      findings,
      feedback: {
        action: 'feedback',
        date: workday(addDays(endsOn, 7)),
        data: { summary: '该单位法治建设总体有序推进，但仍存在以下问题。' },
      },
      conclude: {
        action: 'conclude',
        date: workday(addDays(endsOn, 150)),
        data: { summary: '督察发现问题全部整改销号' },
      },
    };
  });
}

function instrumentsOf(rng: Rng, year: number): PlannedInstrument[] {
  const f = YEAR_FIGURES[year];
  if (!f) return [];
  const kinds = [
    ...Array(f.notices).fill('notice'),
    ...Array(f.recommendations).fill('recommendation'),
  ] as string[];
  return kinds.map((instrument, i) => {
    const issuedOn = workday(addDays(`${year}-04-10`, i * 45 + between(rng, 0, 10)));
    const replyBy = workday(addDays(issuedOn, 30));
    const [problems, requirements] = pick(rng, INSTRUMENT_PROBLEMS);
    // One reply a year comes late (flagged metLate on the matter and in the indicator's breakdown).
    const replyOn = i === 1 ? workday(addDays(replyBy, 6)) : workday(addDays(replyBy, -between(rng, 2, 12)));
    return {
      deptCode: pick(rng, DEPARTMENTS.slice(0, 8)),
      input: {
        instrument,
        issuedOn,
        problems: problems!,
        requirements: requirements!,
        replyBy,
        campaign: i % 2 === 0 ? `${year}年涉企行政执法专项监督` : '',
      },
      steps: [
        { action: 'reply', date: replyOn, data: { reply: '已逐项整改，相关制度已建立' } },
        { action: 'close', date: workday(addDays(replyOn, 10)), data: { opinion: '经核查，整改到位' } },
      ],
    };
  });
}

export interface SupervisionPlan {
  inspections: PlannedInspection[];
  instruments: PlannedInstrument[];
}

/** The whole plan for the business date: matters opened after it are not planned; their later steps are cut on walking. */
export function planDemo(today: string): SupervisionPlan {
  const plan: SupervisionPlan = { inspections: [], instruments: [] };
  for (let year = 2023; year <= Number(today.slice(0, 4)); year++) {
    const rng = seeded(SEED + year);
    plan.inspections.push(...inspectionsOf(rng, year).filter((x) => String(x.input.noticeOn) <= today));
    plan.instruments.push(...instrumentsOf(rng, year).filter((x) => String(x.input.issuedOn) <= today));
  }
  return plan;
}
