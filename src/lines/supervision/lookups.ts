/**
 * The picker of the finding's intake (`x-widget: lookup`): the inspections a problem may be registered under (not yet
 * concluded, readable by the clerk), so the clerk chooses an inspection by its number and unit rather than typing
 * the matter's internal id. The intake checks again (finding.ts `validate`): the picker only shows what it accepts.
 */
import { z } from 'zod';
import { matterReadable, matterReadParam } from '../../kernel/workflow/access.ts';
import { type Actor, assertCan } from '../../platform/access/actor.ts';
import type { Db, Queryable } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';

export const INSPECTION_CANDIDATES_URL = '/api/lines/supervision/inspection-candidates';

/** One choice of a lookup field, as the web form's select shows it. */
const lookupOption = z.object({
  value: z.number(),
  label: z.string(),
  note: z.string(),
  conflict: z.string().nullable(),
  checked: z.string().nullable(),
});

export async function inspectionCandidates(db: Queryable, actor: Actor) {
  const { rows } = await db.query<z.infer<typeof lookupOption>>(
    `SELECT m.id::int AS value, m.ref_no || ' ' || m.title AS label,
            '实地督察 ' || i.starts_on::text || ' 至 ' || i.ends_on::text AS note,
            NULL::text AS conflict, NULL::text AS checked
     FROM matters m JOIN supervision_inspections i ON i.matter_id = m.id
     WHERE m.line = 'supervision' AND m.kind = 'inspection' AND m.state <> 'concluded' AND ${matterReadable(1)}
     ORDER BY m.id DESC
     LIMIT 200`,
    [matterReadParam(actor)],
  );
  return rows;
}

export function lookupRoutes(app: App, db: Db) {
  app.get(
    INSPECTION_CANDIDATES_URL,
    {
      schema: {
        tags: ['supervision'],
        summary: '可登记问题的法治督察（尚未办结）',
        response: { 200: z.array(lookupOption), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return inspectionCandidates(db, req.actor);
    },
  );
}
