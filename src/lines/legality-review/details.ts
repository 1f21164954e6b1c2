import { factsSection, labelled as label, tableSection } from '../../kernel/workflow/details.ts';
import type { DetailSection } from '../../kernel/workflow/types.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import { adoptions, centreLevels, conclusions, itemKinds, reviewerKinds, submitterKinds } from './labels.ts';
import { reviewPeriodText } from './store.ts';

/** The item's page: what was submitted and to whom, the review time, co-review, conclusion and feedback. */
export async function itemDetails(db: Queryable, matterId: number): Promise<DetailSection[]> {
  const [r, items, reviewers] = await inParallel(db, [
    () =>
      db.query(
        `SELECT r.*, r.received_on::text AS received, r.accepted_on::text AS accepted,
                r.co_review_requested_on::text AS co_requested, r.co_reviewed_on::text AS co_reviewed,
                r.concluded_on::text AS concluded, r.feedback_on::text AS feedback, r.issued_on::text AS issued,
                r.filed_on::text AS filed, o.name AS centre_name
         FROM legality_reviews r JOIN orgs o ON o.id = r.centre_org_id WHERE r.matter_id = $1`,
        [matterId],
      ),
    () =>
      db.query(
        `SELECT seq, problem, basis, suggestion, adoption, adoption_reason FROM legality_opinion_items
         WHERE matter_id = $1 AND event_id = (SELECT max(event_id) FROM legality_opinion_items WHERE matter_id = $1)
         ORDER BY seq`,
        [matterId],
      ),
    () =>
      db.query(
        `SELECT v.name, v.reviewer_kind, a.lead, a.assigned_on::text AS assigned_on
         FROM legality_assignments a JOIN legality_reviewers v ON v.id = a.reviewer_id
         WHERE a.matter_id = $1 ORDER BY a.event_id, a.lead DESC, v.id`,
        [matterId],
      ),
  ]);
  const x = r.rows[0];
  if (!x) return [];
  const yes = (b: boolean | null) => (b === null ? null : b ? '是' : '否');
  return [
    factsSection('送审事项', [
      ['审查机构', `${x.centre_name}（${label(centreLevels, x.centre_level)}）`],
      ['送审单位', `${x.submitter_name}（${label(submitterKinds, x.submitter_kind)}）`],
      ['事项类别', label(itemKinds, x.item_kind)],
      ['事项名称', x.item_title],
      ['制定依据', x.legal_bases],
      ['起草说明', x.drafting_note],
      ['征求意见情况', x.consultation],
      ['收件日期', x.received],
      ['给予的审查时间（工作日）', String(x.offered_days)],
      ['审查时间不足法定下限（已提示）', yes(x.short_time)],
      ['紧急事项', yes(x.urgent)],
      ['涉及经营者经济活动（公平竞争审查）', yes(x.market_activity)],
      ['公平竞争审查情况', x.fair_competition],
      ['受理日期', x.accepted],
      ['审查期限', reviewPeriodText(x.item_kind, x.offered_days, x.received)],
    ]),
    factsSection('协审、结论与反馈', [
      ['提请区合法性审查中心协审日期', x.co_requested],
      ['协审意见日期', x.co_reviewed],
      ['协审意见', x.co_review_opinion],
      ['审查结论', label(conclusions, x.conclusion)],
      ['出具意见日期', x.concluded],
      ['在审查期限内出具', yes(x.on_time)],
      ['反馈日期', x.feedback],
      ['采纳情况', label(adoptions, x.adoption)],
      ['出台文件文号', x.issued_doc_no],
      ['出台日期', x.issued],
      ['备案日期', x.filed],
    ]),
    tableSection(
      '审查意见及采纳情况',
      ['序号', '问题', '依据', '修改建议', '采纳情况', '理由'],
      items.rows.map((i) => [
        String(i.seq),
        i.problem,
        i.basis,
        i.suggestion,
        label(adoptions, i.adoption),
        i.adoption_reason,
      ]),
    ),
    tableSection(
      '审查人员',
      ['姓名', '类别', '主审', '指派日期'],
      reviewers.rows.map((v) => [v.name, label(reviewerKinds, v.reviewer_kind), v.lead, v.assigned_on]),
    ),
  ];
}
