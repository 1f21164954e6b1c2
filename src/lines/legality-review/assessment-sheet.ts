/** The annual assessment as a table: the ranking sheet the assessor prints or sends up (XLSX). */
import { reviewerKinds } from './labels.ts';
import { ASSESSMENT_RULE, type ReviewerRow } from './registry.ts';

const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);

export function assessmentSheet(year: number, rows: ReviewerRow[]) {
  return {
    name: `${year}年度履职考核`,
    header: [
      '排名',
      '姓名',
      '所属审查中心',
      '类别',
      '办件数',
      '按期出具',
      '按期率（%）',
      '提出意见（条）',
      '已反馈',
      '被采纳',
      '采纳率（%）',
      '经协审',
      '加减分',
      '得分',
      '档次',
      '计分规则',
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.name,
      r.orgName,
      reviewerKinds[r.reviewerKind as keyof typeof reviewerKinds] ?? r.reviewerKind,
      r.items,
      r.onTime,
      pct(r.onTime, r.items),
      r.opinions,
      r.feedback,
      r.adopted,
      pct(r.adopted, r.feedback),
      r.coReviewed,
      r.adjustment,
      r.score,
      r.tier,
      i === 0 ? ASSESSMENT_RULE : null,
    ]),
  };
}
