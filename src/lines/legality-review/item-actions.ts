import { rolesOver } from '../../kernel/workflow/access.ts';
import { type ActionDef, action, type MatterContext, type Refusal } from '../../kernel/workflow/types.ts';
import { isTownItem, itemKindOf, offeredDaysOf, staff } from './common.ts';
import { opinionDoc, townOpinionDoc } from './documents.ts';
import { adoptions, conclusions, itemKinds } from './labels.ts';
import {
  acceptSchema,
  concludeSchema,
  coReviewRequestSchema,
  coReviewSchema,
  feedbackSchema,
  resubmitSchema,
  supplementSchema,
  withdrawSchema,
} from './schemas.ts';
import { actsForDistrictCentre, minimumDays, reviewDays, reviewerProblem, reviewRuleOf } from './store.ts';

const REVIEW_RULES = ['hfx.normative-doc.review', 'hfx.major-decision.review', 'hfx.other.review'] as const;

/** Supplements (补充材料) and acceptance (受理) with the reviewers. */
const intakeActions = {
  requestSupplement: action({
    label: '通知补充材料',
    from: ['submitted', 'reviewing'],
    to: 'supplementing',
    roles: staff,
    schema: supplementSchema,
    // The review time counts on complete materials: the running period ends here and a new one starts when the
    // item is accepted again (115号 says nothing of a pause; the district's 工作规程, unverified, restarts it).
    deadlines: [{ op: 'stop', key: 'review' }],
    describe: (d) => `需补充：${d.missing}`,
  }),
  resubmit: action({
    label: '登记补充材料',
    from: ['supplementing'],
    to: 'submitted',
    roles: staff,
    primary: true,
    schema: resubmitSchema,
    apply: async ({ tx, matter, data }) => {
      const min = minimumDays(itemKindOf(matter), matter.openedOn);
      await tx.query(
        'UPDATE legality_reviews SET offered_days = $2, short_time = $3, accepted_on = NULL WHERE matter_id = $1',
        [matter.id, data.offeredDays, min !== null && data.offeredDays < min],
      );
    },
    describe: (d) => `补充材料，给予审查时间 ${d.offeredDays} 个工作日`,
  }),
  accept: action({
    label: '受理并指派审查人员',
    from: ['submitted'],
    to: 'reviewing',
    roles: staff,
    primary: true,
    schema: acceptSchema,
    requires: ({ matter }) => {
      const kind = itemKindOf(matter);
      const min = minimumDays(kind, matter.openedOn);
      const offered = offeredDaysOf(matter);
      return min !== null && offered < min
        ? `送审${itemKinds[kind]}给予的审查时间为 ${offered} 个工作日，少于 ${min} 个工作日的下限，应当通知送审单位补足审查时间后受理`
        : null;
    },
    check: async ({ tx, matter, data }) => {
      if (!data.noConflictDeclared)
        return {
          message: '审查人员应当声明与送审事项无利害关系；有利害关系的应当回避，另行指派',
          errors: [{ field: 'noConflictDeclared', message: '请确认审查人员已作无利害关系声明' }],
        };
      const problem = await reviewerProblem(tx, matter.ownerOrgId, data.reviewerIds);
      return problem ? { message: problem, errors: [{ field: 'reviewerIds', message: problem }] } : null;
    },
    apply: async ({ tx, matter, data, date, eventId }) => {
      await tx.query('UPDATE legality_reviews SET accepted_on = $2 WHERE matter_id = $1', [matter.id, date]);
      await tx.query(
        `INSERT INTO legality_assignments (matter_id, event_id, reviewer_id, lead, assigned_on)
         SELECT $1, $2, id, ord = 1, $4 FROM unnest($3::bigint[]) WITH ORDINALITY AS t(id, ord)`,
        [matter.id, eventId, data.reviewerIds, date],
      );
    },
    // The review runs the working days offered, from the day after acceptance (at most 15 for a normative document).
    deadlines: [
      {
        op: 'start',
        key: 'review',
        rule: { among: REVIEW_RULES, pick: (_d, m) => reviewRuleOf(itemKindOf(m)) },
        count: (_d, m) => reviewDays(itemKindOf(m), offeredDaysOf(m)),
      },
    ],
    describe: (d) => `指派审查人员 ${d.reviewerIds.length} 名`,
  }),
};

/** Co-review (协审): a town centre sends a difficult item up; the district centre gives its opinion. */
const coReviewActions = {
  requestCoReview: action({
    label: '提请区合法性审查中心协审',
    from: ['reviewing'],
    to: 'coReview',
    roles: staff,
    schema: coReviewRequestSchema,
    requires: ({ matter }) => (isTownItem(matter) ? null : '区合法性审查中心自行审查的事项无需提请协审'),
    apply: async ({ tx, matter, date }) => {
      await tx.query('UPDATE legality_reviews SET co_review_requested_on = $2 WHERE matter_id = $1', [
        matter.id,
        date,
      ]);
    },
    describe: (d) => d.reason,
  }),
  giveCoReview: action({
    label: '出具协审意见',
    from: ['coReview'],
    to: 'reviewing',
    roles: staff,
    primary: true,
    schema: coReviewSchema,
    check: async ({ tx, actor }) =>
      (await actsForDistrictCentre(tx, actor))
        ? null
        : '协审意见由区合法性审查中心（区司法局）出具，镇（街道）不能自行登记',
    apply: async ({ tx, matter, data, date }) => {
      await tx.query(
        'UPDATE legality_reviews SET co_reviewed_on = $2, co_review_opinion = $3 WHERE matter_id = $1',
        [matter.id, date, data.opinion],
      );
    },
  }),
};

/** The opinion (合法性审查意见书) and the submitter's feedback. */
const outcomeActions = {
  conclude: action({
    label: '出具合法性审查意见书',
    from: ['reviewing'],
    to: 'concluded',
    roles: staff,
    primary: true,
    schema: concludeSchema,
    requires: ({ matter }) =>
      isTownItem(matter) &&
      matter.history.some((h) => h.action === 'requestCoReview') &&
      !matter.history.some((h) => h.action === 'giveCoReview')
        ? '已提请协审，尚未收到区合法性审查中心的协审意见'
        : null,
    apply: async ({ tx, matter, data, date, eventId }) => {
      await tx.query(
        `UPDATE legality_reviews r SET conclusion = $2, concluded_on = $3, issues_count = $4,
                on_time = coalesce((SELECT d.due_on >= $3 FROM deadlines d WHERE d.matter_id = r.matter_id
                                     AND d.key = 'review' AND d.status = 'running' AND d.due_on IS NOT NULL), true)
         WHERE matter_id = $1`,
        [matter.id, data.conclusion, date, data.items.length],
      );
      await tx.query(
        `INSERT INTO legality_opinion_items (matter_id, event_id, seq, problem, basis, suggestion)
         SELECT $1, $2, x.ord, x.item ->> 'problem', x.item ->> 'basis', x.item ->> 'suggestion'
         FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS x(item, ord)`,
        [matter.id, eventId, JSON.stringify(data.items)],
      );
    },
    deadlines: [{ op: 'meet', key: 'review' }],
    documents: [
      { template: opinionDoc, when: (_d, m) => !isTownItem(m) },
      { template: townOpinionDoc, when: (_d, m) => isTownItem(m) },
    ],
    describe: (d) => `${conclusions[d.conclusion]}，意见 ${d.items.length} 条`,
  }),
  recordFeedback: action({
    label: '登记意见采纳情况',
    from: ['concluded'],
    to: 'closed',
    roles: staff,
    primary: true,
    schema: feedbackSchema,
    check: async ({ tx, matter, data }) => {
      const { rows } = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM legality_opinion_items WHERE matter_id = $1',
        [matter.id],
      );
      const n = rows[0]!.n;
      const seqs = data.adoptions.map((a) => a.seq).sort((a, b) => a - b);
      if (seqs.length !== n || seqs.some((s, i) => s !== i + 1))
        return {
          message: `审查意见共 ${n} 条，应当逐条登记采纳情况`,
          errors: [{ field: 'adoptions', message: `请逐条（第1至第${n}条）登记采纳情况` }],
        };
      const missing = data.adoptions.find((a) => a.adoption !== 'adopted' && !a.reason);
      return missing
        ? {
            message: `第${missing.seq}条意见${adoptions[missing.adoption]}，应当说明理由`,
            errors: [{ field: 'adoptions', message: '未采纳或部分采纳的应当说明理由' }],
          }
        : null;
    },
    apply: async ({ tx, matter, data, date }) => {
      await tx.query(
        `UPDATE legality_opinion_items i SET adoption = x.adoption, adoption_reason = x.reason
         FROM jsonb_to_recordset($2::jsonb) AS x(seq int, adoption text, reason text)
         WHERE i.matter_id = $1 AND i.seq = x.seq`,
        [matter.id, JSON.stringify(data.adoptions)],
      );
      const all = data.adoptions.map((a) => a.adoption);
      const overall = all.every((a) => a === 'adopted')
        ? 'adopted'
        : all.some((a) => a !== 'rejected')
          ? 'partly'
          : 'rejected';
      await tx.query(
        `UPDATE legality_reviews SET feedback_on = $2, adoption = $3, issued_doc_no = $4, issued_on = $5, filed_on = $6
         WHERE matter_id = $1`,
        [matter.id, date, overall, data.issuedDocNo ?? null, data.issuedOn ?? null, data.filedOn ?? null],
      );
    },
    describe: (d) => (d.issuedDocNo ? `已出台（${d.issuedDocNo}）` : '已反馈采纳情况'),
  }),
  withdraw: action({
    label: '送审单位撤回',
    from: ['submitted', 'supplementing', 'reviewing'],
    to: 'withdrawn',
    roles: staff,
    schema: withdrawSchema,
    deadlines: [{ op: 'stop', key: 'review' }],
    describe: (d) => d.reason,
  }),
};

/**
 * A town's item is the town centre's to handle: the district centre reads it and gives its co-review opinion (as the
 * line's reader, migration 0046), but every other step needs a membership at the town's office or above it.
 */
const townCentreOnly = async ({ tx, actor, matter }: MatterContext): Promise<Refusal> =>
  isTownItem(matter) && (await rolesOver(tx, actor, matter.ownerOrgId)).size === 0
    ? '镇（街道）的事项由镇（街道）合法性审查中心办理，区合法性审查中心只出具协审意见'
    : null;

// biome-ignore lint/suspicious/noExplicitAny: each action keeps its own payload type
const townsOwn = <T extends Record<string, ActionDef<any>>>(defs: T): T =>
  Object.fromEntries(
    Object.entries(defs).map(([id, def]) => [
      id,
      {
        ...def,
        requires: async (ctx: MatterContext) =>
          (await townCentreOnly(ctx)) ?? (await def.requires?.(ctx)) ?? null,
      },
    ]),
  ) as T;

export const itemActions = {
  ...townsOwn(intakeActions),
  requestCoReview: townsOwn({ requestCoReview: coReviewActions.requestCoReview }).requestCoReview,
  giveCoReview: coReviewActions.giveCoReview,
  ...townsOwn(outcomeActions),
};
