/**
 * The demo district's legal aid, 2023 to the business date: deterministic and spread over the district's stations.
 * Each year's accepted cases have two parts whose sum is the year's published figure (592 in 2024):
 * - eight cases a year walked through the engine (applications granted, assigned and closed with a quality score, a
 *   refusal that never counts, one 先行提供, two court notices), with their periods, documents and audit;
 * - the rest inserted set-based (demo-bulk.ts) as closed cases with the rows the engine writes for them.
 * Visits (18,341 in 2024) are light rows inserted set-based, spread evenly over the year and the stations.
 */
import { addDays } from '../../kernel/calendar/dates.ts';
import type { DemoStep, PlannedMatter } from '../../kernel/demo/runner.ts';
import type { DemoRegistry } from './demo-registry.ts';
import type { CaseType } from './labels.ts';

export const SEED = 20240592;
export const DEMO_MARKER = 'demo.legalAid';

/** The published (2024) and plausible (other years) figures: accepted cases and visits. */
export const YEAR_FIGURES: Record<number, { cases: number; visits: number }> = {
  2023: { cases: 561, visits: 16902 },
  2024: { cases: 592, visits: 18341 },
  2025: { cases: 603, visits: 18876 },
  2026: { cases: 588, visits: 19210 },
};
export const FIRST_YEAR = 2023;

const CIVIL_TYPES: CaseType[] = [
  'labour',
  'civil',
  'civil',
  'labour',
  'administrative',
  'civil',
  'criminalVictim',
  'labour',
];
const SUMMARIES: Record<string, string> = {
  labour: '被拖欠劳动报酬，申请劳动争议仲裁代理',
  civil: '交通事故人身损害赔偿纠纷，申请民事诉讼代理',
  administrative: '对工伤认定不服，申请行政诉讼代理',
  criminalVictim: '故意伤害案被害人，申请刑事附带民事诉讼代理',
  criminalDefence: '涉嫌盗窃罪，未委托辩护人',
};

export interface WalkedPlan extends PlannedMatter {
  /** The day it counts as accepted, if it is (grant, advance, or a notice's receipt). */
  acceptedOn: string | null;
}

function closingSteps(
  from: string,
  assignOn: string,
  firm: number,
  worker: string,
  court: boolean,
): DemoStep[] {
  return [
    {
      action: 'assign',
      date: assignOn,
      data: {
        workerName: worker,
        workerKind: 'lawyer',
        lawFirmOrgId: firm,
        ...(court ? { courtName: '宁波市镇海区人民法院' } : {}),
        noConflictDeclared: true,
      },
    },
    { action: 'signAgreement', date: addDays(assignOn, 3), data: { note: '' } },
    {
      action: 'recordProgress',
      date: addDays(from, 20),
      data: { kind: 'meeting', summary: '会见受援人，了解案情' },
    },
    {
      action: 'endCase',
      date: addDays(from, 62),
      data: { endedOn: addDays(from, 58), outcome: '案件审结，受援人主张获支持' },
    },
    { action: 'submitClosing', date: addDays(from, 68), data: { materials: '结案报告、裁判文书复印件' } },
    {
      action: 'reviewClosing',
      date: addDays(from, 80),
      data: {
        qualityScore: 85 + ((from.charCodeAt(9) + from.charCodeAt(6)) % 14),
        subsidy: 2000,
        opinion: '材料齐全，办案规范',
      },
    },
  ];
}

/** The walked cases of one year. */
function walkedOfYear(reg: DemoRegistry, year: number): WalkedPlan[] {
  const out: WalkedPlan[] = [];
  const l3 = reg.stations.filter((s) => s.level === 3 && s.foundedOn < `${year}-01-01`);
  const person = (i: number) => reg.parties[(i + year * 7) % reg.parties.length]!;
  const firm = (i: number) => reg.firms[i % reg.firms.length]!;
  const worker = (i: number) => ['陈立新', '周海燕', '孙建国', '吴晓梅'][i % 4]!;
  const applicant = (i: number) => ({ partyId: person(i).id, partyType: 'person', name: person(i).name });
  // Four granted applications, received across the year.
  for (let i = 0; i < 4; i++) {
    const r = `${year}-${String(i * 2 + 2).padStart(2, '0')}-${String(6 + i).padStart(2, '0')}`;
    const type = CIVIL_TYPES[i]!;
    const grantOn = addDays(r, 3);
    out.push({
      kind: 'application',
      acceptedOn: grantOn,
      input: {
        receivedOn: r,
        source: i === 3 ? 'detained' : 'application',
        // Forwarded the day it was made, within the 24 hours of 第三十九条第一款.
        ...(i === 3
          ? {
              detainedAppliedOn: r,
              detainedAppliedTime: '09:20',
              receivedTime: '15:40',
              detentionPlace: '宁波市镇海区看守所',
            }
          : {}),
        stationOrgId: l3[(i * 13 + year) % l3.length]!.id,
        applicant: applicant(i),
        caseType: type,
        matterSummary: SUMMARIES[type]!,
        eligibility: type === 'labour' ? 'noCheck' : 'pledge',
        ...(type === 'labour' ? { exemption: 'migrantWorker' } : {}),
      },
      steps: [
        {
          action: 'notifyRights',
          date: r,
          data: {
            method: 'written',
            notified: person(i).name,
            content: '告知申请人依法享有的法律援助权利和义务',
          },
        },
        { action: 'grant', date: grantOn, data: { reviewNote: '' } },
        ...closingSteps(r, addDays(r, 5), firm(i), worker(i), type !== 'labour'),
      ],
    });
  }
  // A refusal (never counted).
  for (let i = 0; i < 1; i++) {
    const r = `${year}-${String(i * 5 + 3).padStart(2, '0')}-20`;
    out.push({
      kind: 'application',
      acceptedOn: null,
      input: {
        receivedOn: r,
        source: 'application',
        applicant: applicant(10 + i),
        caseType: 'civil',
        matterSummary: '民间借贷纠纷，申请民事诉讼代理',
        eligibility: 'certificate',
      },
      steps: [
        {
          action: 'refuse',
          date: addDays(r, 4),
          data: { ground: 'notPoor', reason: '申请人家庭收入高于本地法律援助经济困难标准' },
        },
      ],
    });
  }
  // One 先行提供: the limitation period ends four days after the application.
  const ra = `${year}-06-16`;
  out.push({
    kind: 'application',
    acceptedOn: addDays(ra, 1),
    input: {
      receivedOn: ra,
      source: 'application',
      applicant: applicant(12),
      caseType: 'labour',
      matterSummary: '工伤赔偿，仲裁时效即将届满',
      limitationEndsOn: addDays(ra, 4),
      eligibility: 'noCheck',
      exemption: 'migrantWorker',
    },
    steps: [
      {
        action: 'advance',
        date: addDays(ra, 1),
        data: { reason: '距仲裁时效届满不足七日，需要及时申请仲裁' },
      },
      ...closingSteps(ra, addDays(ra, 2), firm(1), worker(1), false),
    ],
  });
  // Two court notices, assigned within the period.
  for (let i = 0; i < 2; i++) {
    const r = `${year}-${String(i * 3 + 4).padStart(2, '0')}-0${i + 2}`;
    out.push({
      kind: 'notice',
      acceptedOn: r,
      input: {
        receivedOn: r,
        notifyingOrgan: '宁波市镇海区人民法院',
        noticeNo: `（${year}）浙0211刑初${100 + i}号`,
        caseType: 'criminalDefence',
        applicant: applicant(20 + i),
        matterSummary: SUMMARIES.criminalDefence!,
      },
      steps: closingSteps(r, addDays(r, 1), firm(i), worker(i + 2), true),
    });
  }
  return out;
}

export interface BulkCase {
  kind: 'application' | 'notice';
  decidedOn: string;
  receivedOn: string;
  caseType: CaseType;
  party: { id: number; name: string };
  stationId: number | null;
  firm: number;
  closedOn: string | null;
}

const BULK_TYPES: CaseType[] = [
  'labour',
  'civil',
  'labour',
  'civil',
  'criminalDefence',
  'labour',
  'civil',
  'administrative',
  'criminalVictim',
  'civil',
  'labour',
  'stateCompensation',
];

/** The whole plan: walked cases, then the bulk rows that make each year's accepted total, both up to `today`. */
export function planDemo(reg: DemoRegistry, today: string): { walked: WalkedPlan[]; bulk: BulkCase[] } {
  const walked: WalkedPlan[] = [];
  const bulk: BulkCase[] = [];
  const lastYear = Number(today.slice(0, 4));
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    const figures = YEAR_FIGURES[year] ?? YEAR_FIGURES[2026]!;
    const yearWalked = walkedOfYear(reg, year).filter(
      (w) => w.input && (w.input as { receivedOn: string }).receivedOn <= today,
    );
    walked.push(...yearWalked);
    const start = `${year}-01-01`;
    const days =
      year < lastYear
        ? (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000
        : (Date.parse(today) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
    const share = year < lastYear ? 1 : days / 365;
    const walkedAccepted = yearWalked.filter(
      (w) => w.acceptedOn && w.acceptedOn <= today && w.acceptedOn.startsWith(String(year)),
    ).length;
    const n = Math.max(0, Math.round(figures.cases * share) - walkedAccepted);
    const l3 = reg.stations.filter((s) => s.kind === 'station' && s.foundedOn < start);
    for (let i = 0; i < n; i++) {
      const decidedOn = addDays(start, Math.floor(((i + 0.5) * days) / n));
      const caseType = BULK_TYPES[i % BULK_TYPES.length]!;
      const kind = caseType === 'criminalDefence' ? 'notice' : 'application';
      const closedOn = addDays(decidedOn, 75 + (i % 40));
      bulk.push({
        kind,
        decidedOn,
        receivedOn: kind === 'notice' ? decidedOn : addDays(decidedOn, -(2 + (i % 5))),
        caseType,
        party: reg.parties[(i * 7 + year) % reg.parties.length]!,
        stationId: kind === 'notice' ? null : l3[(i * 11) % l3.length]!.id,
        firm: reg.firms[i % reg.firms.length]!,
        closedOn: closedOn <= today ? closedOn : null,
      });
    }
  }
  return { walked, bulk };
}

/** Visits per year: the year's figure (prorated to `today` in the current year). */
export function visitPlan(today: string): { year: number; n: number; from: string; days: number }[] {
  const lastYear = Number(today.slice(0, 4));
  const out = [];
  for (let year = FIRST_YEAR; year <= lastYear; year++) {
    const figures = YEAR_FIGURES[year] ?? YEAR_FIGURES[2026]!;
    const full = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
    const days = year < lastYear ? full : (Date.parse(today) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
    out.push({ year, n: Math.round((figures.visits * days) / full), from: `${year}-01-01`, days });
  }
  return out;
}
