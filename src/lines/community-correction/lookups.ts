/**
 * The picker of the resettlement form (`x-widget: lookup`): the correction subjects released at term end whom the
 * rules pass to resettlement (刑罚执行一体化) and who are not there yet, so the officer picks the record instead of
 * typing a matter number or the person again. Scoped like every read of the line (matterReadable).
 */
import { z } from 'zod';
import { matterReadable, matterReadParam } from '../../kernel/workflow/access.ts';
import { type Actor, assertCan } from '../../platform/access/actor.ts';
import type { Db, Queryable } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';

export const RELEASED_CANDIDATES_URL = '/api/lines/communityCorrection/released-candidates';

const option = z.object({
  value: z.number(),
  label: z.string(),
  note: z.string(),
  conflict: z.string().nullable(),
  checked: z.string().nullable(),
});

export async function releasedCandidates(db: Queryable, actor: Actor) {
  const { rows } = await db.query<z.infer<typeof option>>(
    `SELECT m.id::int AS value, m.ref_no || ' ' || m.title AS label,
            '解除矫正 ' || s.ended_on::text || ' · ' || s.offence AS note,
            NULL::text AS conflict, NULL::text AS checked
     FROM matters m JOIN correction_subjects s ON s.matter_id = m.id
     WHERE m.line = 'communityCorrection' AND m.kind = 'subject' AND s.end_reason = 'expired' AND s.to_resettlement
       AND ${matterReadable(1)}
       AND NOT EXISTS (SELECT 1 FROM resettlement_subjects r WHERE r.correction_matter_id = m.id)
     ORDER BY s.ended_on DESC, m.id DESC
     LIMIT 200`,
    [matterReadParam(actor)],
  );
  return rows;
}

export async function correctionRoutes(app: App, { db }: { db: Db }) {
  app.get(
    RELEASED_CANDIDATES_URL,
    {
      schema: {
        tags: ['communityCorrection'],
        summary: '可转入安置帮教的解除矫正对象（期满解除、尚未转入）',
        response: { 200: z.array(option), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return releasedCandidates(db, req.actor);
    },
  );
}
