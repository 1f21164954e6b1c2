/**
 * Pickers of the mediation forms (`x-widget: lookup`), so the clerk chooses from names rather than typing numbers.
 *
 * The mediator picker of the assignment and quick-registration forms: the active mediators a case may be given
 * (those of the case's own organisation, then the district pool), each with the result of the conflict check
 * against the case's parties (人民调解法 第二十条: a mediator who is a party, or related to one, withdraws), so
 * the clerk chooses from names rather than typing pool numbers. The assignment itself checks again
 * (checks.ts `mediatorProblem`): the picker only shows what the step will refuse.
 */
import { z } from 'zod';
import { matterReadable, matterReadParam } from '../../kernel/workflow/access.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { assertCan, inScope, scopeParam } from '../../platform/access/actor.ts';
import type { Db, Queryable } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { recordedRelation } from './checks.ts';
import { type MediatorRelation, relationConflict } from './labels.ts';

export const MEDIATOR_CANDIDATES_URL = '/api/lines/mediation/mediator-candidates';
export const RECONSIDERATION_CANDIDATES_URL = '/api/lines/mediation/reconsideration-candidates';

/** One choice of a lookup field (`x-widget: lookup`): what the web form's select shows. */
export const lookupOption = z.object({
  value: z.number(),
  label: z.string(),
  /** What the clerk weighs: own organisation or pool, speciality, open cases. */
  note: z.string(),
  /** The conflict check's finding; an option with one cannot be chosen. */
  conflict: z.string().nullable(),
  /** The check that was made, shown beside an eligible option. */
  checked: z.string().nullable(),
});

/**
 * Candidates for a case (`matterId`: the case's organisation and parties) or, before the case exists, for an
 * organisation (`orgId`, the quick registration's committee: no parties to check yet). Scoped: the case must be
 * readable by the actor, the organisation inside the actor's scope.
 */
export async function mediatorCandidates(
  db: Queryable,
  actor: Actor,
  q: { matterId?: number; orgId?: number },
) {
  const { rows } = await db.query<
    z.infer<typeof lookupOption> & { rel_party: string | null; rel_kind: MediatorRelation | null }
  >(
    `WITH target AS (
       SELECT m.id AS matter_id, m.owner_org_id AS org_id FROM matters m
       WHERE m.id = $1 AND m.line = 'mediation' AND ${matterReadable(2)}
       UNION ALL
       SELECT NULL, o.id FROM orgs o WHERE $1::bigint IS NULL AND o.id = $3 AND ${inScope('o.id', 4)}
     )
     SELECT md.id::int AS value, md.name || '（' || o.name || '）' AS label,
            concat_ws(' · ', CASE WHEN md.org_id = t.org_id THEN '本调解组织' ELSE '区级调解人才库' END,
                      md.speciality, '在办 ' || coalesce(w.open, 0) || ' 件') AS note,
            CASE WHEN p.is_party THEN '是本案当事人，应当回避' END AS conflict,
            CASE WHEN t.matter_id IS NULL THEN NULL
                 WHEN NOT p.is_party AND rel.name IS NULL
                 THEN '回避审查：不是本案当事人，与本案当事人无登记的利害关系' END AS checked,
            CASE WHEN NOT p.is_party THEN rel.name END AS rel_party,
            CASE WHEN NOT p.is_party THEN rel.relation END AS rel_kind
     FROM target t
     JOIN mediators md ON md.status = 'active' AND (md.org_id = t.org_id OR md.in_pool)
     JOIN orgs o ON o.id = md.org_id
     CROSS JOIN LATERAL (SELECT md.party_id IS NOT NULL AND EXISTS (
       SELECT 1 FROM matter_parties mp WHERE mp.matter_id = t.matter_id AND mp.party_id = md.party_id) AS is_party) p
     LEFT JOIN LATERAL (${recordedRelation('md.id', 't.matter_id')}) rel ON true
     LEFT JOIN LATERAL (
       SELECT count(DISTINCT a.matter_id) AS open FROM mediation_assignments a
       JOIN mediation_cases c ON c.matter_id = a.matter_id
       WHERE a.mediator_id = md.id AND c.outcome IS NULL) w ON true
     ORDER BY md.org_id = t.org_id DESC, o.name, md.name
     LIMIT 500`,
    [q.matterId ?? null, matterReadParam(actor), q.orgId ?? null, scopeParam(actor, 'matter.read')],
  );
  return rows.map(({ rel_party, rel_kind, ...o }) =>
    rel_party && rel_kind ? { ...o, conflict: relationConflict(rel_party, rel_kind) } : o,
  );
}

/**
 * The reconsideration applications a 调解+复议 hand-off may name: being heard (or suspended), readable by the clerk,
 * and not already with a mediator (checks.ts refuses the same at intake).
 */
export async function reconsiderationCandidates(db: Queryable, actor: Actor) {
  const { rows } = await db.query<z.infer<typeof lookupOption>>(
    `SELECT m.id::int AS value, m.ref_no || ' ' || m.title AS label,
            '收件 ' || m.opened_on::text || ' · ' || CASE m.state WHEN 'review' THEN '审理中' ELSE '中止' END AS note,
            NULL::text AS conflict, NULL::text AS checked
     FROM matters m
     WHERE m.line = 'reconsideration' AND m.kind = 'application' AND m.state IN ('review', 'suspended')
       AND ${matterReadable(1)}
       AND NOT EXISTS (SELECT 1 FROM mediation_cases c JOIN matters mc ON mc.id = c.matter_id
                       WHERE c.reconsideration_matter_id = m.id AND mc.closed_on IS NULL AND mc.state <> 'failed')
     ORDER BY m.id DESC
     LIMIT 200`,
    [matterReadParam(actor)],
  );
  return rows;
}

export function lookupRoutes(app: App, db: Db) {
  app.get(
    RECONSIDERATION_CANDIDATES_URL,
    {
      schema: {
        tags: ['mediation'],
        summary: '可转入调解的行政复议案件（审理中、尚未转入调解）',
        response: { 200: z.array(lookupOption), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return reconsiderationCandidates(db, req.actor);
    },
  );
  app.get(
    MEDIATOR_CANDIDATES_URL,
    {
      schema: {
        tags: ['mediation'],
        summary: '可指派的调解员（本调解组织及区级调解人才库），含回避审查结果',
        querystring: z.object({
          matterId: z.coerce.number().int().positive('案件编号无效').optional(),
          orgId: z.coerce.number().int().positive('调解组织编号无效').optional(),
        }),
        response: { 200: z.array(lookupOption), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return mediatorCandidates(db, req.actor, req.query);
    },
  );
}
