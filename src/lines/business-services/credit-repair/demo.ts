/**
 * The demo district's credit-repair records, 2023 to the business date, deterministic (seeded). Each year's new
 * subjects, applying enterprises and repaired records make the cumulative figures of demo-figures.ts. Most go in
 * set-based (demo-bulk.ts: each guidance matter consulted → guided → closed, each record published → applied →
 * repaired, with their events); the current year's last few subjects are walked through the engine (their
 * 指导书 issued), and a few of their records stay published and become eligible in the business month, so the
 * proactive list has work on it.
 */
import { addDays } from '../../../kernel/calendar/dates.ts';
import { monthEnd } from '../../../kernel/calendar/index.ts';
import { between, company, pick, type Rng, seeded } from '../../../kernel/demo/people.ts';
import type { PlannedMatter } from '../../../kernel/demo/runner.ts';
import { CUMULATIVE } from './demo-figures.ts';
import type { Severity } from './labels.ts';

export const SEED = 20240417;
export const ORGANS = [
  '宁波市镇海区市场监督管理局',
  '宁波市生态环境局镇海分局',
  '宁波市镇海区应急管理局',
  '宁波市镇海区交通运输局',
  '国家税务总局宁波市镇海区税务局',
];

export interface Subject {
  name: string;
  creditCode: string;
}
export interface BulkRecord {
  subject: number;
  decidedOn: string;
  severity: Severity;
  organ: string;
  appliedOn: string;
  repairedOn: string;
}
export interface BulkGuidance {
  subject: number;
  consultedOn: string;
  guidedOn: string;
  closedOn: string;
  outcome: 'repairing' | 'declined' | 'notEligible';
}
export interface CreditPlan {
  subjects: Subject[];
  guidance: BulkGuidance[];
  records: BulkRecord[];
  walked: PlannedMatter[];
}

const dayIn = (rng: Rng, year: number, lastDay: string) => {
  const first = `${year}-01-10`;
  const last = `${year}-12-10` < lastDay ? `${year}-12-10` : lastDay;
  const span = Math.max(0, (Date.parse(last) - Date.parse(first)) / 86_400_000);
  return addDays(first, between(rng, 0, span));
};

/** `total` split into `n` positive parts, deterministic. */
function split(rng: Rng, total: number, n: number): number[] {
  const parts = Array.from({ length: n }, () => 1);
  for (let left = total - n; left > 0; left--) parts[between(rng, 0, n - 1)]! += 1;
  return parts;
}

export function planCreditRepair(today: string, office: number): CreditPlan {
  const rng = seeded(SEED);
  const thisYear = Number(today.slice(0, 4));
  const subjects: Subject[] = [];
  const guidance: BulkGuidance[] = [];
  const records: BulkRecord[] = [];
  const walked: PlannedMatter[] = [];
  let before = { subjects: 0, enterprises: 0, records: 0 };
  for (let year = 2023; year <= thisYear; year++) {
    const at = CUMULATIVE[year];
    if (!at) break;
    const lastDay = year === thisYear ? addDays(today, -40) : `${year}-12-31`;
    const newSubjects = at.subjects - before.subjects;
    const applying = at.enterprises - before.enterprises;
    const recordsPer = split(rng, at.records - before.records, applying);
    // The current year's last three applying subjects are walked (their records through the engine, 2 each).
    const walkedN = year === thisYear ? 3 : 0;
    for (let i = 0; i < newSubjects; i++) {
      const subject = subjects.push(company(rng)) - 1;
      const consultedOn = dayIn(rng, year, addDays(lastDay, -30));
      const guidedOn = addDays(consultedOn, between(rng, 1, 5));
      if (i >= applying) {
        guidance.push({
          subject,
          consultedOn,
          guidedOn,
          closedOn: guidedOn,
          outcome: pick(rng, ['declined', 'notEligible'] as const),
        });
        continue;
      }
      if (i >= applying - walkedN) {
        walked.push(
          ...walkedSubject(rng, subjects[subject]!, subject, consultedOn, today, office, recordsPer[i]!),
        );
        continue;
      }
      const closedOn = addDays(guidedOn, 30);
      guidance.push({ subject, consultedOn, guidedOn, closedOn, outcome: 'repairing' });
      const appliedOn = addDays(guidedOn, between(rng, 1, 10));
      for (let k = 0; k < recordsPer[i]!; k++)
        records.push({
          subject,
          decidedOn: addDays(appliedOn, -between(rng, 400, 700)),
          severity: rng() < 0.85 ? 'general' : 'serious',
          organ: pick(rng, ORGANS),
          appliedOn,
          repairedOn: addDays(appliedOn, between(rng, 3, 15)),
        });
    }
    before = at;
  }
  return { subjects, guidance, records, walked };
}

/**
 * A walked subject: its consultation and guidance, then its records, each applied for and repaired; one more
 * record of general severity decided three months before the business month, still published: it becomes
 * eligible this month and shows on the proactive list.
 */
function walkedSubject(
  rng: Rng,
  s: Subject,
  index: number,
  consultedOn: string,
  today: string,
  office: number,
  repaired: number,
): PlannedMatter[] {
  const subject = {
    partyType: 'organisation',
    name: s.name,
    creditCode: s.creditCode,
    orgKind: 'enterprise',
  };
  const guidedOn = addDays(consultedOn, 2);
  const out: PlannedMatter[] = [
    {
      kind: 'guidance',
      input: {
        subject,
        ownerOrgId: office,
        consultedOn,
        channel: 'window',
        topic: '行政处罚信息公示影响招投标，咨询信用修复',
      },
      steps: [
        {
          action: 'guide',
          date: guidedOn,
          data: {
            toCorrect: '缴清罚款，完成整改并取得整改证明',
            documents: '信用修复申请书、信用修复承诺书、履行义务的证明材料',
            channel: 'creditChina',
          },
        },
      ],
    },
  ];
  const appliedOn = addDays(guidedOn, 3);
  for (let k = 0; k < repaired; k++)
    out.push({
      kind: 'record',
      input: {
        subject,
        ownerOrgId: office,
        source: 'creditChina',
        category: 'penalty',
        decidingOrgan: pick(rng, ORGANS),
        decidedOn: addDays(appliedOn, -between(rng, 200, 300)),
        severity: 'general',
        fulfilledOn: addDays(appliedOn, -30),
      },
      steps: [
        { action: 'apply', date: appliedOn, data: { channel: 'creditChina', commitment: true } },
        { action: 'decide', date: addDays(appliedOn, 7), data: { result: 'repaired' } },
      ],
    });
  // Eligible in the business month: decided on the same day three months before a day of this month.
  const eligibleOn = `${today.slice(0, 8)}${String(Math.min(28, 1 + (index % 28))).padStart(2, '0')}`;
  const decidedOn = monthEnd(eligibleOn, -3);
  out.push({
    kind: 'record',
    input: {
      subject,
      ownerOrgId: office,
      source: 'creditChina',
      category: 'penalty',
      decidingOrgan: pick(rng, ORGANS),
      decidedOn: addDays(decidedOn, -1),
      severity: 'general',
      fulfilledOn: addDays(decidedOn, 10),
    },
    steps: [],
  });
  return out;
}
