/**
 * The reviewer picker of the acceptance form (`x-widget: lookup`): the reviewers on duty at the item's centre, so the
 * clerk chooses from names rather than typing roster numbers. The step itself checks again (store.ts
 * `reviewerProblem`): a suspended reviewer or one of another centre is refused there.
 */
import { z } from 'zod';
import { matterReadable, matterReadParam } from '../../kernel/workflow/access.ts';
import { type Actor, assertCan } from '../../platform/access/actor.ts';
import type { Db, Queryable } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';

export const REVIEWER_CANDIDATES_URL = '/api/lines/legalityReview/reviewer-candidates';

const lookupOption = z.object({
  value: z.number(),
  label: z.string(),
  note: z.string(),
  conflict: z.string().nullable(),
  checked: z.string().nullable(),
});

/** The active reviewers of the centre that owns the item (readable by the actor), with their open items. */
export async function reviewerCandidates(db: Queryable, actor: Actor, matterId: number) {
  const { rows } = await db.query<z.infer<typeof lookupOption>>(
    `SELECT v.id::int AS value, v.name || '（' || o.name || '）' AS label,
            concat_ws(' · ', CASE v.reviewer_kind WHEN 'reviewer' THEN '法审员' WHEN 'governmentLawyer' THEN '公职律师'
                                 ELSE '法律顾问' END,
                      '在审 ' || coalesce(w.open, 0) || ' 件') AS note,
            NULL::text AS conflict, NULL::text AS checked
     FROM matters m
     JOIN legality_reviewers v ON v.org_id = m.owner_org_id AND v.status = 'active'
     JOIN orgs o ON o.id = v.org_id
     LEFT JOIN LATERAL (
       SELECT count(DISTINCT a.matter_id) AS open FROM legality_assignments a
       JOIN matters am ON am.id = a.matter_id
       WHERE a.reviewer_id = v.id AND am.closed_on IS NULL) w ON true
     WHERE m.id = $1 AND m.line = 'legalityReview' AND ${matterReadable(2)}
     ORDER BY v.name
     LIMIT 500`,
    [matterId, matterReadParam(actor)],
  );
  return rows;
}

export function lookupRoutes(app: App, db: Db) {
  app.get(
    REVIEWER_CANDIDATES_URL,
    {
      schema: {
        tags: ['legalityReview'],
        summary: '可指派的审查人员（送审事项所属审查中心在岗人员）',
        querystring: z.object({ matterId: z.coerce.number().int().positive('事项编号无效') }),
        response: { 200: z.array(lookupOption), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return reviewerCandidates(db, req.actor, req.query.matterId);
    },
  );
}
