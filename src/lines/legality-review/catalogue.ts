/** The year's catalogue of major decisions with each decision's steps, read within the actor's matter scope. */
import { matterReadable, matterReadParam } from '../../kernel/workflow/access.ts';
import { type Actor, assertCan } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { NO_REVIEW_FLAG } from './decision.ts';

export interface CatalogueRow {
  matterId: number;
  refNo: string;
  title: string;
  decidingOrg: string;
  state: string;
  listedOn: string;
  publicParticipationOn: string | null;
  expertArgumentOn: string | null;
  riskAssessmentOn: string | null;
  legalityReviewOn: string | null;
  collectiveDiscussionOn: string | null;
  decidedOn: string | null;
  flag: string | null;
}

export async function catalogue(db: Queryable, actor: Actor, year: number): Promise<CatalogueRow[]> {
  assertCan(actor, 'matter.read');
  const { rows } = await db.query<Omit<CatalogueRow, 'flag'> & { unreviewed: boolean }>(
    `SELECT m.id::int AS "matterId", m.ref_no AS "refNo", d.decision_title AS title, o.name AS "decidingOrg",
            m.state, d.listed_on::text AS "listedOn",
            d.public_participation_on::text AS "publicParticipationOn", d.expert_argument_on::text AS "expertArgumentOn",
            d.risk_assessment_on::text AS "riskAssessmentOn", d.legality_review_on::text AS "legalityReviewOn",
            d.collective_discussion_on::text AS "collectiveDiscussionOn", d.decided_on::text AS "decidedOn",
            d.discussed_without_review AS unreviewed
     FROM legality_decisions d JOIN matters m ON m.id = d.matter_id JOIN orgs o ON o.id = d.deciding_org_id
     WHERE d.catalogue_year = $2 AND ${matterReadable(1)}
     ORDER BY d.listed_on, m.id`,
    [matterReadParam(actor), year],
  );
  return rows.map(({ unreviewed, ...r }) => ({ ...r, flag: unreviewed ? NO_REVIEW_FLAG : null }));
}
