/**
 * The demo district's mediation cases, 2023 to the business date: deterministic (seeded) and spread over the
 * district's real committees and towns. Each year has two parts whose sums make the year's published figures:
 * - about twenty cases walked through the engine step by step (court referrals with their replies to the court,
 *   written agreements with judicial confirmation, terminations, a few refusals that are never counted), so their
 *   events, periods, documents and audit entries exist like any other case;
 * - the rest — most of the twelve thousand, as in the district's 台账 — quick registrations of disputes mediated on
 *   the spot with an oral agreement, inserted set-based (demo-bulk.ts) with the rows the engine writes for one.
 * The bulk amounts are drawn and then scaled so that the year's total is exact to the fen.
 */

import { addDays as plusDays } from '../../kernel/calendar/dates.ts';
import { between, pick, type Rng, seeded, weighted } from '../../kernel/demo/people.ts';
import type { DemoStep, PlannedMatter } from '../../kernel/demo/runner.ts';
import { DISPUTE_WEIGHTS, ORG_KIND_WEIGHTS, YEAR_FIGURES } from './demo-figures.ts';
import { dayOf } from './demo-people.ts';
import type { DemoOrg, DemoRegistry } from './demo-registry.ts';
import type { DisputeType, OrganisationKind } from './labels.ts';

export const SEED = 20241231;
export const DEMO_MARKER = 'demo.mediation';

/** The industry committees take the disputes of their speciality. */
const INDUSTRY_DISPUTE: Record<string, DisputeType> = {
  交通事故: 'traffic',
  医疗纠纷: 'medical',
  劳动争议: 'labour',
  物业纠纷: 'property',
  消费纠纷: 'consumer',
};

const activeOn = (o: DemoOrg, d: string) => o.foundedOn <= d;

function orgFor(rng: Rng, reg: DemoRegistry, on: string, kinds: Record<string, number> = ORG_KIND_WEIGHTS) {
  for (let tries = 0; tries < 20; tries++) {
    const kind = weighted(rng, kinds) as OrganisationKind;
    const candidates = reg.orgs.filter((o) => o.kind === kind && activeOn(o, on));
    if (candidates.length) return pick(rng, candidates);
  }
  return pick(
    rng,
    reg.orgs.filter((o) => o.kind === 'town' && activeOn(o, on)),
  );
}

function disputeFor(rng: Rng, org: DemoOrg): DisputeType {
  if (org.kind === 'commercial') return 'contract';
  if (org.kind === 'industry' && org.speciality && INDUSTRY_DISPUTE[org.speciality])
    return INDUSTRY_DISPUTE[org.speciality]!;
  return weighted(rng, DISPUTE_WEIGHTS);
}

const mediatorOf = (rng: Rng, reg: DemoRegistry, org: DemoOrg) =>
  org.mediators.length ? pick(rng, org.mediators) : pick(rng, reg.pool);

/** A walked case: its intake, steps, amount (fen) and whether it counts as taken up. */
interface Walked extends PlannedMatter {
  amountFen: number;
  counted: boolean;
}

/** About twenty cases a year through every step of the engine. */
function walkedCases(rng: Rng, reg: DemoRegistry, year: number): Walked[] {
  const out: Walked[] = [];
  const parties = () => {
    const partyId = pick(rng, reg.parties);
    return [{ partyId, name: reg.names.get(partyId)! }];
  };
  const add = (
    source: string,
    extra: Record<string, unknown>,
    steps: (on: string, org: DemoOrg) => DemoStep[],
    opts: { kinds?: Record<string, number>; counted?: boolean; dispute?: DisputeType } = {},
  ) => {
    const on = dayOf(rng, year);
    const org = orgFor(rng, reg, on, opts.kinds);
    const amountFen = between(rng, 20, 2000) * 10_000;
    const disputeType = opts.dispute ?? disputeFor(rng, org);
    out.push({
      kind: 'case',
      input: {
        receivedOn: on,
        orgId: org.id,
        source,
        applicants: parties(),
        respondents: parties(),
        disputeType,
        amount: amountFen / 100,
        facts: '双方因纠纷协商不成，请求调解',
        ...extra,
        ...(extra.materialsReceivedOn === true ? { materialsReceivedOn: on } : {}),
      },
      steps: steps(on, org),
      amountFen,
      counted: opts.counted ?? true,
    });
  };
  const accept = (on: string): DemoStep => ({ action: 'accept', date: on, data: { partiesConsent: true } });
  const mediate = (on: string, org: DemoOrg, agreeAfter: number, form: 'written' | 'oral'): DemoStep[] => [
    accept(on),
    {
      action: 'assign',
      date: plusDays(on, 1),
      data: { mediatorIds: [mediatorOf(rng, reg, org)], noConflictDeclared: true },
    },
    {
      action: 'holdSession',
      date: plusDays(on, Math.min(3, agreeAfter)),
      data: { place: '调解室', attendees: '双方当事人' },
    },
    {
      action: 'agree',
      date: plusDays(on, agreeAfter),
      data: { form, agreement: '双方自愿达成协议，纠纷就此了结', amountAgreed: 0, performance: 'immediate' },
    },
  ];
  const court = { courtName: '宁波市镇海区人民法院', materialsReceivedOn: true };
  const courtOrgs = { centre: 3, town: 4, commercial: 2 };
  for (let i = 0; i < 8; i++)
    add(
      'courtDelegated',
      { ...court, courtCaseNo: `（${year}）浙0211民诉前调${100 + i}号` },
      (on, org) =>
        i < 6
          ? mediate(on, org, between(rng, 8, 25), 'written')
          : [
              accept(on),
              {
                action: 'fail',
                date: plusDays(on, 28),
                data: { reason: 'noAgreement', referredTo: 'court' },
              },
            ],
      { kinds: courtOrgs },
    );
  for (let i = 0; i < 3; i++)
    add(
      'courtEntrusted',
      {
        ...court,
        courtProcedure: i % 2 ? 'simple' : 'ordinary',
        courtCaseNo: `（${year}）浙0211民初${500 + i}号`,
      },
      (on, org) => mediate(on, org, between(rng, 4, 6), 'written'),
      { kinds: courtOrgs },
    );
  for (let i = 0; i < 5; i++)
    add('application', { channel: pick(rng, ['window', 'phone', 'online']) }, (on, org) => [
      ...mediate(on, org, between(rng, 10, 28), 'written'),
      { action: 'applyConfirmation', date: plusDays(on, 35), data: { court: '宁波市镇海区人民法院' } },
      {
        action: 'recordConfirmation',
        date: plusDays(on, 50),
        data: { result: i === 4 ? 'rejected' : 'valid' },
      },
      {
        action: 'followUp',
        date: plusDays(on, 70),
        data: { visited: '申请人', method: 'phone', findings: '协议已履行', satisfied: true },
      },
      { action: 'close', date: plusDays(on, 75), data: {} },
    ]);
  for (let i = 0; i < 2; i++)
    add('application', { channel: 'window' }, (on) => [
      accept(on),
      { action: 'fail', date: plusDays(on, 20), data: { reason: 'partyWithdrew', referredTo: 'court' } },
      { action: 'close', date: plusDays(on, 25), data: {} },
    ]);
  // The committee's own initiative (主动调解), settled orally within days.
  for (let i = 0; i < 2; i++) add('initiative', {}, (on, org) => mediate(on, org, 2, 'oral'));
  // Not taken up: one party refuses (人民调解法 第十七条). Never counted as received.
  for (let i = 0; i < 1; i++)
    add(
      'application',
      { channel: 'window' },
      (on) => [{ action: 'refuse', date: on, data: { ground: 'partyRefuses' } }],
      {
        counted: false,
      },
    );
  return out;
}

/** A quick registration, as the set-based loader inserts it. */
export interface BulkCase {
  on: string;
  org: DemoOrg;
  dispute: DisputeType;
  amountFen: number;
  applicant: number;
  respondent: number;
  mediator: number;
}

/** The year's quick registrations: what is left of the published figures once the walked cases are counted. */
function bulkCases(rng: Rng, reg: DemoRegistry, year: number, walked: Walked[]): BulkCase[] {
  const figures = YEAR_FIGURES[year];
  if (!figures) return [];
  const counted = walked.filter((w) => w.counted);
  return quickRegistrations(
    rng,
    reg,
    year,
    figures.received - counted.length,
    figures.amountFen - counted.reduce((s, w) => s + w.amountFen, 0),
  );
}

/** `n` quick registrations of `year` whose amounts add up to `fen` exactly (also the benchmark's dataset). */
export function quickRegistrations(
  rng: Rng,
  reg: DemoRegistry,
  year: number,
  n: number,
  fen: number,
): BulkCase[] {
  const days = Array.from({ length: n }, () => dayOf(rng, year)).sort();
  const raw = days.map(() => (rng() < 0.35 ? 0 : rng() ** 3));
  const total = raw.reduce((s, x) => s + x, 0);
  // Whole yuan, scaled to the remaining total; the rounding left over goes to the largest amount.
  const amounts = raw.map((x) => Math.floor(((x / total) * fen) / 100) * 100);
  const rest = fen - amounts.reduce((s, x) => s + x, 0);
  const largest = amounts.indexOf(Math.max(...amounts));
  amounts[largest] = amounts[largest]! + rest;
  return days.map((on, i) => {
    const org = orgFor(rng, reg, on);
    const applicant = pick(rng, reg.parties);
    let respondent = pick(rng, reg.parties);
    if (respondent === applicant)
      respondent = reg.parties[(reg.parties.indexOf(applicant) + 1) % reg.parties.length]!;
    return {
      on,
      org,
      dispute: disputeFor(rng, org),
      amountFen: amounts[i]!,
      applicant,
      respondent,
      mediator: mediatorOf(rng, reg, org),
    };
  });
}

export interface DemoPlan {
  walked: PlannedMatter[];
  bulk: BulkCase[];
}

/** The whole plan for the business date `today`: cases opened after it are not planned (their steps are cut by the runner). */
export function planDemo(reg: DemoRegistry, today: string): DemoPlan {
  const walked: PlannedMatter[] = [];
  const bulk: BulkCase[] = [];
  const last = Number(today.slice(0, 4));
  for (let year = 2023; year <= last; year++) {
    const rng = seeded(SEED + year);
    const w = walkedCases(rng, reg, year);
    const b = bulkCases(rng, reg, year, w);
    walked.push(
      ...w
        .filter((x) => (x.input as { receivedOn: string }).receivedOn <= today)
        .sort((a, z) =>
          (a.input as { receivedOn: string }).receivedOn < (z.input as { receivedOn: string }).receivedOn
            ? -1
            : 1,
        )
        .map(({ kind, input, steps }) => ({ kind, input, steps })),
    );
    bulk.push(...b.filter((x) => x.on <= today));
  }
  return { walked, bulk };
}
