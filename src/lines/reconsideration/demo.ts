import type { WorkingCalendar } from '../../kernel/calendar/index.ts';
import {
  between,
  company,
  mobile,
  personName,
  pick,
  type Rng,
  residentId,
  seeded,
  weighted,
} from '../../kernel/demo/people.ts';
import type { DemoStep } from '../../kernel/demo/runner.ts';
import type { PartyInput } from '../../kernel/fields/party.ts';
import { planFor, RESPONDENTS } from './demo-figures.ts';
import type { actKinds } from './labels.ts';
import type { ApplicationForm } from './schemas.ts';

/**
 * The demo district's reconsideration and litigation records, 2023 to today. Deterministic (seeded), and every
 * matter is walked through the real workflow, so its events, deadlines, documents and audit entries exist and the
 * indicators count them like any other record. The yearly totals reproduce the bureau's published 2024 figures:
 * 254 applications (122 in 2023: +108.2%), 2 direct corrections, 3 recommendation letters, first-instance suits
 * 49 → 47 (−4.1%), 1 suit lost. Steps dated after today are not taken: this year's matters are still open.
 */

/** The demo register of 行政复议人员 (fictional): two who took up the work before 2018, two with the 法律职业资格. */
export const DEMO_STAFF = [
  { name: '陈立新', qualification: 'before2018', since: '2011-03-01' },
  { name: '王海燕', qualification: 'legalProfession', certificateNo: 'A20183302110417', since: '2018-09-03' },
  { name: '张文博', qualification: 'before2018', since: '2015-07-01' },
  { name: '李静怡', qualification: 'legalProfession', certificateNo: 'A20213302110926', since: '2022-02-14' },
] as const;

export const SEED = 20240101;
export const DEMO_MARKER = 'demo.reconsideration';

export type Step = DemoStep;
interface PlannedApplication {
  input: ApplicationForm;
  steps: Step[];
}
interface PlannedSuit {
  input: Record<string, unknown>;
  steps: Step[];
}

const daysBefore = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

function workingDaysOf(cal: WorkingCalendar, year: number, until: string): string[] {
  const days: string[] = [];
  let d = cal.nextWorkingDay(`${year - 1}-12-31`).due;
  while (d.startsWith(String(year)) && d <= until) {
    days.push(d);
    d = cal.addWorkingDays(d, 1).due;
  }
  return days;
}

function applicants(rng: Rng): PartyInput[] {
  if (rng() < 0.22) {
    const c = company(rng);
    return [{ partyType: 'organisation', name: c.name, creditCode: c.creditCode, phone: mobile(rng) }];
  }
  const n = rng() < 0.06 ? between(rng, 2, 4) : 1;
  return Array.from({ length: n }, () => ({
    partyType: 'person' as const,
    name: personName(rng),
    idNumber: residentId(rng),
    phone: mobile(rng),
  }));
}

function planApplication(
  rng: Rng,
  cal: WorkingCalendar,
  receivedOn: string,
  orgIds: Record<string, number>,
): PlannedApplication {
  const wd = (d: string, n: number) => cal.addWorkingDays(d, n).due;
  const code = weighted(rng, Object.fromEntries(Object.entries(RESPONDENTS).map(([k, v]) => [k, v.weight])));
  const resp = RESPONDENTS[code]!;
  const actKind = weighted(rng, resp.acts as Record<string, number>) as keyof typeof actKinds;
  const knownOn = daysBefore(receivedOn, between(rng, 3, 50));
  const actDate = daysBefore(knownOn, between(rng, 0, 6));
  const seq = between(rng, 10, 999);
  const input: ApplicationForm = {
    receivedOn,
    channel: weighted(rng, { window: 55, mail: 15, online: 28, forwarded: 2 }),
    applicants: applicants(rng),
    representatives: rng() < 0.3 ? [{ name: personName(rng), relation: '律师', phone: mobile(rng) }] : [],
    thirdParties: [],
    respondentOrgId: orgIds[code]!,
    actKind,
    actTitle: pick(rng, resp.titles),
    actDocNo: `镇${resp.docPrefix}〔${actDate.slice(0, 4)}〕${seq}号`,
    actDate,
    actKnownOn: knownOn,
    realProperty: actKind === 'expropriation',
    request: '请求撤销被申请人作出的上述行政行为',
    facts: '',
    allowDuplicate: true,
  };
  const steps: Step[] = [];
  let at = receivedOn;
  let complete = receivedOn;
  const path = weighted(rng, { refuse: 8, redirect: 3, supplement: 10, accept: 79 });
  if (path === 'refuse' || path === 'redirect') {
    at = wd(at, between(rng, 1, 4));
    steps.push(
      // Every respondent of the demo is a department of the district (or a 分局 the district government may
      // hear, Art. 24(4)): none is outside jurisdiction, so the rarer refusals are for want of a legal interest.
      path === 'refuse'
        ? {
            action: 'refuse',
            date: at,
            data: { ground: 'outOfScope', reason: '申请人提出的事项不属于行政复议范围。' },
          }
        : {
            action: 'refuse',
            date: at,
            data: { ground: 'noInterest', reason: '申请人与被申请行政复议的行政行为没有利害关系。' },
          },
    );
    return { input, steps };
  }
  if (path === 'supplement') {
    at = wd(at, between(rng, 1, 3));
    steps.push({
      action: 'requestSupplement',
      date: at,
      // Before 2024 the notice states the period itself (实施条例 Art. 29).
      data: {
        items: '请补充提交行政行为文书及身份证明材料',
        ...(receivedOn < '2024-01-01' ? { periodDays: 10 } : {}),
      },
    });
    if (rng() < 0.15) {
      steps.push({ action: 'supplementLapsed', date: wd(at, between(rng, 11, 13)), data: {} });
      return { input, steps };
    }
    at = wd(at, between(rng, 2, 9));
    complete = at;
    steps.push({ action: 'supplementReceived', date: at, data: { note: '' } });
  }
  at = wd(at, between(rng, 1, 4));
  // The simplified procedure exists since the 2023 revision.
  const simplified = actKind === 'penalty' && rng() < 0.6 && receivedOn >= '2024-01-01';
  steps.push({
    action: 'accept',
    date: at,
    data: simplified
      ? { procedure: 'simplified', simplifiedGround: pick(rng, ['smallAmount', 'onSpot', 'consent']) }
      : { procedure: 'ordinary' },
  });
  const acceptedOn = at;
  // Under the 2017 law an application counts as accepted from the day it is complete (Art. 17(2)).
  let due = cal.addCalendarDays(receivedOn < '2024-01-01' ? complete : acceptedOn, simplified ? 30 : 60).due;
  at = wd(at, between(rng, 1, simplified ? 2 : 5));
  steps.push({ action: 'sendCopy', date: at, data: { note: '' } });
  at = wd(at, between(rng, 2, simplified ? 4 : 9));
  steps.push({
    action: 'receiveReply',
    date: at,
    data: { summary: '被申请人认为行政行为事实清楚、程序合法', evidenceSubmitted: true },
  });
  if (!simplified && rng() < 0.1) {
    const notice = wd(at, 1);
    const hearingOn = wd(notice, between(rng, 6, 9));
    steps.push({
      action: 'noticeHearing',
      date: notice,
      data: { hearingOn, place: '区司法局行政复议听证室', matters: '行政行为的事实认定和法律适用' },
    });
    steps.push({ action: 'holdHearing', date: hearingOn, data: { summary: '各方当事人到场陈述意见' } });
    at = hearingOn;
  }
  if (!simplified && rng() < 0.08) {
    at = wd(at, between(rng, 1, 3));
    const days = between(rng, 15, 30);
    steps.push({
      action: 'extend',
      date: at,
      data: { days, reason: '案情复杂，需进一步调查核实', approvedBy: '行政复议机构负责人' },
    });
    due = cal.addCalendarDays(due, days).due;
  }
  if (!simplified && rng() < 0.04) {
    at = wd(at, between(rng, 1, 3));
    steps.push({ action: 'suspend', date: at, data: { cause: 'relatedCase', note: '' } });
    const resumeOn = wd(at, between(rng, 10, 25));
    const paused = Math.round((Date.parse(resumeOn) - Date.parse(at)) / 86_400_000);
    due = cal.addCalendarDays(due, paused).due;
    steps.push({ action: 'resume', date: resumeOn, data: { note: '关联案件已审结' } });
    at = resumeOn;
  }
  const room = Math.max(1, cal.workingDaysBetween(at, due).count - 1);
  const end = wd(at, between(rng, Math.min(3, room), room));
  const ending = weighted(rng, { decide: 70, mediate: 12, withdrawn: 10, settled: 8 });
  if (ending === 'mediate')
    steps.push({
      action: 'mediate',
      date: end,
      data: { agreement: '被申请人自行调整原行政行为，申请人对调整结果无异议' },
    });
  else if (ending === 'withdrawn' || ending === 'settled')
    steps.push({ action: 'terminate', date: end, data: { cause: ending, note: '' } });
  else {
    // 驳回复议请求 only answers a complaint of non-performance (Art. 69); a lawful act is upheld (Art. 68).
    const dismissal = rng() >= 0.6 && actKind === 'nonPerformance';
    steps.push({
      action: 'decide',
      date: end,
      data: {
        decisionType: dismissal ? 'dismiss' : 'uphold',
        findings: dismissal
          ? '被申请人在申请人提出申请前已经依法履行了相应职责。'
          : '被申请人作出的行政行为认定事实清楚，证据确凿。',
        reasoning: dismissal
          ? '被申请人在受理前已经履行法定职责，申请人的行政复议请求不能成立。'
          : '被申请人作出的行政行为适用依据正确，程序合法，内容适当。',
        approval: 'head',
        approvedBy: '区人民政府分管副区长',
      },
    });
  }
  return { input, steps };
}

function planSuit(
  rng: Rng,
  cal: WorkingCalendar,
  filedOn: string,
  instance: 'first' | 'second',
  seq: number,
  orgIds: Record<string, number>,
): PlannedSuit {
  const wd = (d: string, n: number) => cal.addWorkingDays(d, n).due;
  const code = weighted(rng, Object.fromEntries(Object.entries(RESPONDENTS).map(([k, v]) => [k, v.weight])));
  const year = filedOn.slice(0, 4);
  const input = {
    court: instance === 'first' ? '宁波市镇海区人民法院' : '宁波市中级人民法院',
    caseNumber: instance === 'first' ? `（${year}）浙0211行初${seq}号` : `（${year}）浙02行终${seq}号`,
    instance,
    defendantOrgId: orgIds[code]!,
    plaintiff: rng() < 0.25 ? company(rng).name : personName(rng),
    actKind: weighted(rng, RESPONDENTS[code]!.acts as Record<string, number>),
    filedOn,
    afterReconsideration: rng() < 0.4,
  };
  const steps: Step[] = [];
  let at = filedOn;
  if (rng() < 0.8) {
    at = wd(at, between(rng, 20, 60));
    steps.push({
      action: 'recordHearing',
      date: at,
      data: { headAppeared: rng() < 0.88, headName: '分管副局长' },
    });
  }
  at = wd(at, between(rng, 15, 60));
  steps.push({
    action: 'conclude',
    date: at,
    data: { outcome: weighted(rng, { won: 60, withdrawn: 25, dismissed: 10, mediated: 5 }) },
  });
  return { input, steps };
}

/** Marks exactly `n` of the candidates (those whose `step` falls in `year`) with `mark`, picked by the seeded rng. */
function chooseIn<T>(rng: Rng, candidates: T[], n: number, mark: (c: T) => void) {
  const pool = [...candidates];
  for (let i = 0; i < n && pool.length; i++) mark(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
}

export interface DemoPlan {
  applications: PlannedApplication[];
  suits: PlannedSuit[];
}

/** The plan: what is received when and how each matter goes, with the published figures placed exactly. */
export function planDemo(cal: WorkingCalendar, today: string, orgIds: Record<string, number>): DemoPlan {
  const rng = seeded(SEED);
  const applications: PlannedApplication[] = [];
  const suits: PlannedSuit[] = [];
  const lastYear = Number(today.slice(0, 4));
  for (let year = 2023; year <= lastYear; year++) {
    const p = planFor(year);
    const all = workingDaysOf(cal, year, `${year}-12-31`);
    const days = workingDaysOf(cal, year, today);
    // The current year gets its share of the yearly total up to today.
    const share = (n: number) => Math.round((n * days.length) / all.length);
    const received = share(p.received);
    for (let i = 0; i < received; i++) {
      applications.push(planApplication(rng, cal, days[Math.floor((i * days.length) / received)]!, orgIds));
    }
    for (const [instance, n] of [
      ['first', share(p.firstInstance)],
      ['second', share(p.secondInstance)],
    ] as const) {
      for (let i = 0; i < n; i++)
        suits.push(
          planSuit(rng, cal, days[Math.floor(((i + 0.5) * days.length) / n)]!, instance, i + 1, orgIds),
        );
    }
  }
  for (let year = 2023; year <= lastYear; year++) {
    const p = planFor(year);
    const inYear = (d: string) => d.startsWith(String(year)) && d <= today;
    const decided = applications.filter((a) => a.steps.some((s) => s.action === 'decide' && inYear(s.date)));
    chooseIn(rng, decided, p.corrected, (a) => {
      const s = a.steps.find((x) => x.action === 'decide')!;
      const decisionType = pick(rng, ['revoke', 'change', 'confirmIllegal'] as const);
      s.data = {
        ...s.data,
        decisionType,
        ground: { revoke: 'a64.1', change: 'a63.3', confirmIllegal: 'a65.1.2' }[decisionType],
        ...(decisionType === 'change' ? { changedTo: '对申请人处以警告' } : {}),
        findings: '被申请人作出行政行为时主要事实不清、证据不足。',
        reasoning: '被申请人作出的行政行为主要事实不清、证据不足，依法应予纠正。',
      };
    });
    const lettersPossible = applications.filter((a) => {
      const last = a.steps.at(-1)!;
      return (
        ['decide', 'mediate'].includes(last.action) &&
        inYear(last.date) &&
        inYear(cal.addWorkingDays(last.date, 10).due)
      );
    });
    chooseIn(rng, lettersPossible, p.recommendations, (a) => {
      const last = a.steps.at(-1)!;
      a.steps.push({
        action: 'issueRecommendation',
        date: cal.addWorkingDays(last.date, between(rng, 3, 10)).due,
        data: {
          recipientOrgId: a.input.respondentOrgId,
          problems: '执法过程中存在告知程序不规范、文书制作不严谨等问题',
          recommendation: '进一步规范执法程序，加强执法人员培训和案卷评查',
        },
      });
    });
    const opinionPossible = lettersPossible.filter(
      (a) => !a.steps.some((s) => s.action === 'issueRecommendation'),
    );
    chooseIn(rng, opinionPossible, p.opinions, (a) => {
      const issued = cal.addWorkingDays(a.steps.at(-1)!.date, between(rng, 3, 10)).due;
      a.steps.push({
        action: 'issueOpinionLetter',
        date: issued,
        data: {
          recipientOrgId: a.input.respondentOrgId,
          problems: '同类行政行为存在适用依据不当的问题',
          opinion: '请对同类案件开展自查并纠正',
        },
      });
      a.steps.push({
        action: 'opinionReported',
        date: cal.addWorkingDays(issued, between(rng, 20, 35)).due,
        data: { summary: '已完成自查，对3件同类案件予以纠正' },
      });
    });
    const concluded = suits.filter((s) => inYear(s.steps.at(-1)!.date));
    chooseIn(rng, concluded, p.lost, (s) => {
      s.steps.at(-1)!.data = { outcome: 'lost', note: '法院判决撤销被诉行政行为' };
    });
  }
  for (const a of applications) {
    hearBeforeDecision(a);
    serveDecision(cal, a.steps);
  }
  for (const a of applications) a.steps = servedOnTheDay(a.steps);
  // Two of the register hear each case (实施条例第三十二条), in turn; recorded on the day of receipt.
  applications.forEach((a, i) => {
    const [lead, assistant] = [DEMO_STAFF[i % DEMO_STAFF.length]!, DEMO_STAFF[(i + 1) % DEMO_STAFF.length]!];
    a.steps.unshift({
      action: 'assignHandlers',
      date: a.input.receivedOn,
      data: { lead: lead.name, assistants: assistant.name },
    });
  });
  // Registered in the order they arrived, as a clerk would, so case numbers follow the dates.
  const byDate =
    <T>(date: (x: T) => string) =>
    (a: T, b: T) =>
      date(a).localeCompare(date(b));
  applications.sort(byDate((a) => a.input.receivedOn));
  suits.sort(byDate((s) => String(s.input.filedOn)));
  return { applications, suits };
}

/**
 * In the ordinary procedure under the 2023 law the parties are heard before the decision (Art. 49): by phone on
 * the day of the decision, unless a hearing was held. Added without the random source, as serveDecision below.
 */
function hearBeforeDecision(a: PlannedApplication) {
  if (a.input.receivedOn < '2024-01-01') return;
  const decided = a.steps.findIndex((s) => s.action === 'decide');
  if (decided < 0 || a.steps.some((s) => s.action === 'holdHearing')) return;
  const accepted = a.steps.find((s) => s.action === 'accept');
  if (accepted?.data.procedure === 'simplified') return;
  a.steps.splice(decided, 0, {
    action: 'hearParties',
    date: a.steps[decided]!.date,
    data: { method: 'phone', applicantOpinion: '申请人坚持其行政复议请求及理由。' },
  });
}

/**
 * Every decision is served (by post) two working days after it is made, which starts the applicant's 15 days to
 * sue. Added last and without the random source, so the published figures placed above stay where they are.
 */
function serveDecision(cal: WorkingCalendar, steps: Step[]) {
  const decided = steps.findIndex((s) => s.action === 'decide');
  if (decided < 0) return;
  const date = cal.addWorkingDays(steps[decided]!.date, 2).due;
  const at = steps.findIndex((s, i) => i > decided && s.date > date);
  const step: Step = { action: 'serveDecision', date, data: { method: 'post' } };
  steps.splice(at < 0 ? steps.length : at, 0, step);
}

/** The steps that send a paper from whose receipt the law counts a period, and the service that starts it. */
const servedBy: Record<string, string> = {
  requestSupplement: 'serveSupplementNotice',
  sendCopy: 'serveCopy',
  issueOpinionLetter: 'serveOpinionLetter',
};

/**
 * The 补正 notice, the copy of the application and the 意见书 are handed over on the day they are sent, so each
 * period counts from the same day as before service was recorded (the reply, 补正 and report periods start on
 * receipt, 行政复议法第四十八条、第三十一条第二款、第七十六条). Without the random source: the figures stay.
 */
function servedOnTheDay(steps: Step[]): Step[] {
  return steps.flatMap((s) => {
    const serve = servedBy[s.action];
    return serve
      ? [s, { action: serve, date: s.date, data: { method: 'inPerson', receivedOn: s.date } }]
      : [s];
  });
}
