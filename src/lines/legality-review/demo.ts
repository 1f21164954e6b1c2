/**
 * The demo district's review items, 2023 to the business date: deterministic (seeded), spread over the district
 * government, its departments and the seven towns. Each year has two parts whose sums make the year's figures:
 * - eight items walked through the engine step by step (a normative document with issues and a partial adoption,
 *   a major decision, a department's measure touching market activity with its fair-competition record, one item
 *   in each of five towns, two of them co-reviewed by the district centre and one first offered too little time),
 *   so their events, periods, opinions (合法性审查意见书) and audit entries exist like any other item's;
 * - the rest, as the centres' ledgers hold them, inserted set-based (demo-bulk.ts): concluded and reported back,
 *   with the rows the engine writes for an item but no rendered opinion.
 */
import { addDays } from '../../kernel/calendar/dates.ts';
import { between, pick, type Rng, seeded, weighted } from '../../kernel/demo/people.ts';
import type { DemoStep, PlannedMatter } from '../../kernel/demo/runner.ts';
import { DISTRICT_KIND_WEIGHTS, TOWN_KIND_WEIGHTS, YEAR_FIGURES } from './demo-figures.ts';
import type { DemoCentre, DemoRegistry } from './demo-registry.ts';
import type { Conclusion, ItemKind, SubmitterKind } from './labels.ts';

export const SEED = 20240412;
export const DEMO_MARKER = 'demo.legalityReview';

const TOPICS = [
  '老旧小区改造',
  '农贸市场管理',
  '城市道路停车收费',
  '企业技术改造补助',
  '人才安居补贴',
  '垃圾分类处理',
  '河道保洁',
  '社区养老服务',
  '农村集体资产管理',
  '小微企业园建设',
  '文化礼堂运营',
  '安全生产专项整治',
];
const TOWN_OFFICES = ['党政办公室', '经济发展办公室', '社会事务办公室', '综合行政执法队', '农业农村办公室'];

export function titleOf(rng: Rng, kind: ItemKind, who: string): string {
  const topic = pick(rng, TOPICS);
  switch (kind) {
    case 'normativeDoc':
      return `${who}关于${topic}的若干规定`;
    case 'majorDecision':
      return `${who}${topic}实施方案`;
    case 'contract':
      return `${topic}${pick(rng, ['委托服务合同', '工程施工合同', '政府采购合同', '租赁合同'])}`;
    case 'other':
      return `关于${topic}的会议议题`;
  }
}

/** A day of `year` between 10 January and 20 December, so that every walked step stays in the year. */
const dayOf = (rng: Rng, year: number) => addDays(`${year}-01-10`, between(rng, 0, 340));

export interface BulkItem {
  received: string;
  /** The day the centre concluded it: the day it counts on. */
  on: string;
  centre: DemoCentre;
  submitterKind: SubmitterKind;
  submitterOrgId: number | null;
  submitterName: string;
  itemKind: ItemKind;
  title: string;
  conclusion: Conclusion;
  issues: number;
  onTime: boolean;
  adoption: 'adopted' | 'partly' | 'rejected';
  coReviewedOn: string | null;
  feedbackOn: string;
  reviewer: number;
}

const item = (
  o: {
    received: string;
    centre: DemoCentre;
    kind: SubmitterKind;
    org?: number;
    name?: string;
    itemKind: ItemKind;
  },
  title: string,
  offeredDays = 10,
  market = false,
) => ({
  receivedOn: o.received,
  centreOrgId: o.centre.id,
  submitterKind: o.kind,
  ...(o.org ? { submitterOrgId: o.org } : { submitterName: o.name }),
  itemKind: o.itemKind,
  itemTitle: title,
  legalBases: '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》及相关法律法规',
  draftingNote: '',
  consultation: '已征求相关单位意见',
  offeredDays,
  urgent: false,
  marketActivity: market,
  ...(market ? { fairCompetition: '起草单位已开展公平竞争审查，未发现排除、限制竞争的内容' } : {}),
});

const ISSUE = {
  problem: '草案部分条款设定的义务缺乏上位法依据',
  basis: '《中华人民共和国立法法》第九十三条第六款',
  suggestion: '删除相关条款或者修改为倡导性规定',
};

/** The walked items of a year. */
function walkedOf(rng: Rng, reg: DemoRegistry, year: number): PlannedMatter[] {
  const out: PlannedMatter[] = [];
  const month = (i: number) => `${year}-${String(i + 1).padStart(2, '0')}-${String(between(rng, 10, 12))}`;
  const steps = (
    received: string,
    reviewer: number,
    o: { co?: boolean; issues?: number; adoption?: 'adopted' | 'partly'; short?: boolean },
  ): DemoStep[] => {
    const s: DemoStep[] = [];
    let d = received;
    const next = (n: number) => {
      d = addDays(d, n);
      return d;
    };
    if (o.short) {
      s.push({ action: 'requestSupplement', date: next(1), data: { missing: '补足审查时间，补充起草说明' } });
      s.push({ action: 'resubmit', date: next(2), data: { offeredDays: 10, note: '已补充' } });
    }
    s.push({ action: 'accept', date: next(1), data: { reviewerIds: [reviewer], noConflictDeclared: true } });
    if (o.co) {
      s.push({ action: 'requestCoReview', date: next(1), data: { reason: '事项疑难复杂，提请区中心协审' } });
      s.push({
        action: 'giveCoReview',
        date: next(2),
        data: { opinion: '同意镇（街道）审查意见，建议完善相关条款。' },
      });
    }
    const issues = o.issues ?? 0;
    s.push({
      action: 'conclude',
      date: next(3),
      data: {
        conclusion: issues ? 'lawfulIfAmended' : 'lawful',
        items: Array.from({ length: issues }, () => ISSUE),
        reasons: issues ? '草案总体合法，部分条款修改后合法。' : '草案符合法律、法规、规章和国家政策。',
        signedOffBy: '审查中心负责人',
      },
    });
    s.push({
      action: 'recordFeedback',
      date: next(4),
      data: {
        adoptions: Array.from({ length: issues }, (_, i) =>
          o.adoption === 'partly' && i === 0
            ? { seq: i + 1, adoption: 'partly', reason: '结合工作实际部分采纳' }
            : { seq: i + 1, adoption: 'adopted' },
        ),
      },
    });
    return s;
  };
  const d = reg.district;
  const lead = (c: DemoCentre) => pick(rng, c.reviewers);
  const gov = { centre: d, kind: 'government' as const, org: reg.government };
  const r0 = month(0);
  out.push({
    kind: 'item',
    input: item(
      { ...gov, received: r0, itemKind: 'normativeDoc' },
      titleOf(rng, 'normativeDoc', '宁波市镇海区人民政府'),
    ),
    steps: steps(r0, lead(d), { issues: 2, adoption: 'partly' }),
  });
  const r1 = month(1);
  out.push({
    kind: 'item',
    input: item({ ...gov, received: r1, itemKind: 'majorDecision' }, titleOf(rng, 'majorDecision', '镇海区')),
    steps: steps(r1, lead(d), {}),
  });
  const dept = () => ({ centre: d, kind: 'department' as const, org: pick(rng, reg.departments) });
  const r3 = month(2);
  out.push({
    kind: 'item',
    input: item(
      { ...dept(), received: r3, itemKind: 'normativeDoc' },
      titleOf(rng, 'normativeDoc', ''),
      10,
      true,
    ),
    steps: steps(r3, lead(d), { issues: 1 }),
  });
  // Five of the seven towns walk one item a year (the demo's time budget); the bulk covers all seven.
  reg.towns.slice(0, 5).forEach((t, i) => {
    const r = month(3 + 2 * i);
    const kind: ItemKind = i <= 1 ? 'normativeDoc' : i % 2 ? 'contract' : 'other';
    const short = i === 1;
    out.push({
      kind: 'item',
      input: item(
        {
          centre: t,
          kind: 'townOffice',
          name: `${t.town}${pick(rng, TOWN_OFFICES)}`,
          received: r,
          itemKind: kind,
        },
        titleOf(rng, kind, t.town ?? ''),
        short ? 3 : 10,
      ),
      steps: steps(r, lead(t), { co: i === 0 || i === 3, issues: i === 0 ? 2 : 0, short }),
    });
  });
  out.push(...decisionsOf(rng, reg, year));
  return out;
}

/**
 * The year's catalogue of major decisions: one taken through every step, one brought to collective discussion
 * before any legality review (flagged on the catalogue), one still at public participation.
 */
function decisionsOf(rng: Rng, reg: DemoRegistry, year: number): PlannedMatter[] {
  const listed = (title: string, decidingOrgId: number) => ({
    catalogueYear: year,
    listedOn: `${year}-01-15`,
    centreOrgId: reg.district.id,
    decidingOrgId,
    decisionTitle: title,
  });
  const step = (s: string, date: string): DemoStep => ({ action: 'recordStep', date, data: { step: s } });
  return [
    {
      kind: 'decision',
      input: listed(`${year}年度${pick(rng, TOPICS)}实施方案`, reg.government),
      steps: [
        step('publicParticipation', `${year}-02-20`),
        step('expertArgument', `${year}-03-12`),
        step('riskAssessment', `${year}-03-26`),
        step('legalityReview', `${year}-04-16`),
        step('collectiveDiscussion', `${year}-05-14`),
        { action: 'decide', date: `${year}-05-20`, data: {} },
      ],
    },
    {
      kind: 'decision',
      input: listed(`${pick(rng, TOPICS)}收费标准调整`, pick(rng, reg.departments)),
      steps: [step('publicParticipation', `${year}-06-10`), step('collectiveDiscussion', `${year}-07-15`)],
    },
    {
      kind: 'decision',
      input: listed(`${pick(rng, TOPICS)}三年行动计划`, reg.government),
      steps: [step('publicParticipation', `${year}-09-09`)],
    },
  ];
}

/** The bulk items of a year, so that walked + bulk make the year's figures. */
function bulkOf(rng: Rng, reg: DemoRegistry, year: number): BulkItem[] {
  const f = YEAR_FIGURES[year]!;
  const out: BulkItem[] = [];
  const one = (centre: DemoCentre, kind: SubmitterKind, org: number | null, name: string, co: boolean) => {
    const on = dayOf(rng, year);
    const itemKind = weighted(rng, centre.town ? TOWN_KIND_WEIGHTS : DISTRICT_KIND_WEIGHTS) as ItemKind;
    const roll = rng();
    const conclusion: Conclusion = roll < 0.6 ? 'lawful' : roll < 0.96 ? 'lawfulIfAmended' : 'unlawful';
    const adoptionRoll = rng();
    out.push({
      received: addDays(on, -between(rng, 4, 12)),
      on,
      centre,
      submitterKind: kind,
      submitterOrgId: org,
      submitterName: name,
      itemKind,
      title: titleOf(rng, itemKind, centre.town ?? ''),
      conclusion,
      issues: conclusion === 'lawful' ? 0 : between(rng, 1, 4),
      onTime: rng() < 0.97,
      adoption: adoptionRoll < 0.85 ? 'adopted' : adoptionRoll < 0.97 ? 'partly' : 'rejected',
      coReviewedOn: co ? addDays(on, -1) : null,
      feedbackOn: addDays(on, between(rng, 5, 20)),
      reviewer: pick(rng, centre.reviewers),
    });
  };
  for (let i = 0; i < f.government - 2; i++) one(reg.district, 'government', reg.government, '', false);
  for (let i = 0; i < f.departments - 1; i++)
    one(reg.district, 'department', pick(rng, reg.departments), '', false);
  for (let i = 0; i < f.towns - 5; i++) {
    const t = pick(rng, reg.towns);
    one(t, 'townOffice', null, `${t.town}${pick(rng, TOWN_OFFICES)}`, i < f.townCoReviews - 2);
  }
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
}

/** The whole demo for business day `today`: walked items received by then, bulk items concluded by then. */
export function planDemo(reg: DemoRegistry, today: string) {
  const walked: PlannedMatter[] = [];
  const bulk: BulkItem[] = [];
  for (const year of Object.keys(YEAR_FIGURES).map(Number)) {
    if (`${year}-01-01` > today) continue;
    const rng = seeded(SEED + year);
    walked.push(
      ...walkedOf(rng, reg, year).filter(
        (m) =>
          ((m.input as { receivedOn?: string; listedOn?: string }).receivedOn ??
            (m.input as { listedOn: string }).listedOn) <= today,
      ),
    );
    bulk.push(...bulkOf(rng, reg, year).filter((b) => b.feedbackOn <= today));
  }
  return { walked, bulk };
}
