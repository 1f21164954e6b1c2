/**
 * The reviewers' registry (法审员, 公职律师, 法律顾问 of each centre) and their annual assessment (法审员年度履职考核),
 * computed from their assignments. Every query is scoped in SQL to the actor's subtree.
 */
import { lineReader } from '../../kernel/workflow/access.ts';
import { type Actor, assertCan, assertInScope, inScope, scopeParam } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { reviewerKinds, reviewerStatuses } from './labels.ts';
import { actsForDistrictCentre } from './store.ts';

export interface ReviewerInput {
  orgId: number;
  name: string;
  reviewerKind: keyof typeof reviewerKinds;
  qualification?: string | undefined;
  joinedOn: string;
}

export async function addReviewer(tx: Tx, actor: Actor, d: ReviewerInput, demo = false): Promise<number> {
  assertCan(actor, 'matter.write');
  await assertInScope(tx, actor, 'matter.write', d.orgId);
  const { rows: org } = await tx.query<{ kind: string }>('SELECT kind FROM orgs WHERE id = $1', [d.orgId]);
  if (!org[0] || !['justiceOffice', 'section', 'bureau'].includes(org[0].kind))
    throw new AppError('VALIDATION', '审查人员应属于区合法性审查中心或镇（街道）合法性审查中心', {
      errors: [{ field: 'orgId', message: '请选择审查中心所在的机构' }],
    });
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO legality_reviewers (org_id, name, reviewer_kind, qualification, joined_on, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [d.orgId, d.name, d.reviewerKind, d.qualification ?? null, d.joinedOn, demo],
  );
  return Number(rows[0]!.id);
}

export async function setReviewerStatus(
  tx: Tx,
  actor: Actor,
  id: number,
  status: keyof typeof reviewerStatuses,
  on: string,
) {
  const { rows } = await tx.query<{ org_id: number }>('SELECT org_id FROM legality_reviewers WHERE id = $1', [
    id,
  ]);
  if (!rows[0]) throw new AppError('NOT_FOUND', '审查人员不存在');
  await assertInScope(tx, actor, 'matter.write', Number(rows[0].org_id));
  await tx.query(
    `UPDATE legality_reviewers SET status = $2, left_on = CASE WHEN $2 = 'left' THEN $3::date END WHERE id = $1`,
    [id, status, on],
  );
}

/**
 * The assessment's score, a default the 法审员管理办法 (text not available here) may replace: 50 points for the share
 * of opinions issued within the review period, 30 for the share of opinions adopted (wholly or in part) among those
 * reported back, up to 20 for the workload (one point per item), plus the points the assessor entered with
 * reasons. Tiers: 优秀 ≥ 90, 合格 ≥ 75, 基本合格 ≥ 60, else
 * 不合格; a reviewer with no item in the year is 未履职.
 */
export const ASSESSMENT_RULE =
  '得分 = 50 × 按期出具率 + 30 × 意见采纳率 + 办件量（每件 1 分，最高 20 分）+ 考核人员录入的加减分；优秀 ≥ 90，合格 ≥ 75，基本合格 ≥ 60，其余为不合格；当年无办件为未履职。';

export const tierOf = (score: number | null) =>
  score === null
    ? '未履职'
    : score >= 90
      ? '优秀'
      : score >= 75
        ? '合格'
        : score >= 60
          ? '基本合格'
          : '不合格';

export interface ReviewerRow {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  reviewerKind: string;
  qualification: string | null;
  status: string;
  joinedOn: string;
  items: number;
  onTime: number;
  opinions: number;
  feedback: number;
  adopted: number;
  coReviewed: number;
  /** Points the assessor entered for the year (legality_assessment_scores). */
  adjustment: number;
  score: number | null;
  tier: string;
}

/**
 * Reviewers within the actor's scope with their year's assessment, ranked by score; the district centre (a reader
 * of the line, migration 0046) sees every town's reviewers, whose annual assessment it conducts.
 */
export async function listReviewers(db: Queryable, actor: Actor, year: number): Promise<ReviewerRow[]> {
  assertCan(actor, 'org.read');
  const { rows } = await db.query<Omit<ReviewerRow, 'score' | 'tier'>>(
    `SELECT v.id::int, v.name, v.org_id::int AS "orgId", o.name AS "orgName", v.reviewer_kind AS "reviewerKind",
            v.qualification, v.status, v.joined_on::text AS "joinedOn",
            count(r.matter_id)::int AS items,
            count(r.matter_id) FILTER (WHERE r.on_time)::int AS "onTime",
            coalesce(sum(r.issues_count), 0)::int AS opinions,
            count(r.matter_id) FILTER (WHERE r.feedback_on IS NOT NULL)::int AS feedback,
            count(r.matter_id) FILTER (WHERE r.adoption IN ('adopted', 'partly'))::int AS adopted,
            count(r.matter_id) FILTER (WHERE r.co_reviewed_on IS NOT NULL)::int AS "coReviewed",
            coalesce((SELECT sum(x.points) FROM legality_assessment_scores x
                      WHERE x.reviewer_id = v.id AND x.year = $2), 0)::int AS adjustment
     FROM legality_reviewers v JOIN orgs o ON o.id = v.org_id
     LEFT JOIN LATERAL (
       SELECT DISTINCT lr.* FROM legality_assignments a JOIN legality_reviews lr ON lr.matter_id = a.matter_id
       WHERE a.reviewer_id = v.id AND extract(year FROM lr.concluded_on) = $2) r ON true
     WHERE (${inScope('v.org_id', 1)} OR ${lineReader(`'legalityReview'`, 1)})
     GROUP BY v.id, o.name ORDER BY v.id`,
    [scopeParam(actor, 'org.read'), year],
  );
  return rows
    .map((r) => {
      const score = r.items
        ? Math.round(
            50 * (r.onTime / r.items) +
              30 * (r.feedback ? r.adopted / r.feedback : 1) +
              Math.min(20, r.items) +
              r.adjustment,
          )
        : null;
      return { ...r, score, tier: tierOf(score) };
    })
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.id - b.id);
}

/** Points the assessor adds or deducts for a reviewer's year, with the reason (the reviewer's centre, or the district centre). */
export async function addScore(
  tx: Tx,
  actor: Actor,
  reviewerId: number,
  d: { year: number; points: number; reason: string },
): Promise<number> {
  const { rows: r } = await tx.query<{ org_id: string }>(
    'SELECT org_id FROM legality_reviewers WHERE id = $1',
    [reviewerId],
  );
  if (!r[0]) throw new AppError('NOT_FOUND', '审查人员不存在');
  if (!(await actsForDistrictCentre(tx, actor)))
    await assertInScope(tx, actor, 'matter.write', Number(r[0].org_id));
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO legality_assessment_scores (reviewer_id, year, points, reason, entered_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [reviewerId, d.year, d.points, d.reason, actor.userId],
  );
  return Number(rows[0]!.id);
}
