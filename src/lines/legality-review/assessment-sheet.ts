/** The annual assessment: the ranking sheet the assessor prints or sends up (XLSX), and each reviewer's (DOCX). */
import type { OfficialDocSpec } from '../../kernel/documents/official-doc.ts';
import { chineseDate } from '../../kernel/workflow/templates.ts';
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

/**
 * One reviewer's assessment sheet (个人年度履职考核表, DOCX through the kernel's GB/T 9704 renderer): the figures of
 * the ranking, the assessor's points with their reasons, and the rule they were scored by.
 */
export function reviewerSheetSpec(
  year: number,
  r: ReviewerRow,
  rank: { place: number; of: number },
  points: { points: number; reason: string }[],
  date: string,
): OfficialDocSpec {
  const rate = (a: number, b: number) => (b ? `${pct(a, b)}%` : '—');
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return {
    title: `${year}年度法审员履职考核表`,
    body: [
      {
        type: 'table',
        rows: [
          [
            '姓名',
            r.name,
            '类别',
            reviewerKinds[r.reviewerKind as keyof typeof reviewerKinds] ?? r.reviewerKind,
          ],
          ['所属审查中心', r.orgName, '任职日期', r.joinedOn],
          ['办件数', String(r.items), '按期出具', `${r.onTime}（${rate(r.onTime, r.items)}）`],
          [
            '提出意见（条）',
            String(r.opinions),
            '被采纳 / 已反馈',
            `${r.adopted} / ${r.feedback}（${rate(r.adopted, r.feedback)}）`,
          ],
          ['经区中心协审', String(r.coReviewed), '加减分', signed(r.adjustment)],
          ['得分', r.score === null ? '—' : String(r.score), '档次', r.tier],
          ['排名', `${rank.place} / ${rank.of}`, '考核年度', `${year}年`],
        ],
      },
      { type: 'heading', level: 1, text: '一、加减分情况' },
      ...(points.length
        ? points.map((p, i) => ({
            type: 'paragraph' as const,
            text: `${i + 1}. ${signed(p.points)}分：${p.reason}`,
          }))
        : [{ type: 'paragraph' as const, text: '无。' }]),
      { type: 'heading', level: 1, text: '二、计分规则' },
      { type: 'paragraph', text: ASSESSMENT_RULE },
    ],
    // The assessor named by the 2025 plan (开展法审员年度履职考核评价): the bureau, where the district centre sits.
    signature: '宁波市镇海区司法局',
    date: chineseDate(date),
  };
}
