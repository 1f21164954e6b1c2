import type { Actor } from '../../platform/access/actor.ts';
import { named, type Queryable } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { matterReadable, matterReadParam } from './access.ts';
import type { MatterView } from './types.ts';

/** The action name of a correction event (a dot: no line action can take the name). */
export const CORRECTION_ACTION = 'kernel.correct';

/**
 * One matter with its event history (latest first), optionally locked for a transition. With an actor, a matter
 * outside the actor's scope is "not found" (its existence is not revealed).
 */
export async function loadMatterView(
  db: Queryable,
  id: number,
  opts: { lock?: boolean; actor?: Actor } = {},
): Promise<MatterView> {
  const scoped = opts.actor && opts.actor.userId !== null;
  const { rows } = await db.query(
    named(
      `SELECT m.id, m.line, m.kind, m.ref_no AS "refNo", m.title, m.state, m.owner_org_id AS "ownerOrgId",
            m.subject_org_id AS "subjectOrgId", m.region_code AS "regionCode", m.opened_on AS "openedOn",
            m.closed_on AS "closedOn", m.version
     FROM matters m WHERE m.id = $1 ${scoped ? `AND ${matterReadable(2)}` : ''} ${opts.lock ? 'FOR UPDATE OF m' : ''}`,
      scoped ? [id, matterReadParam(opts.actor!)] : [id],
    ),
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '案件不存在或不在您的权限范围内');
  const events = await db.query(
    named(
      // Voided steps and the corrections that voided them are not part of the history guards and templates reason on.
      `SELECT action, occurred_on AS "occurredOn", payload FROM matter_events
     WHERE matter_id = $1 AND voided_by IS NULL AND action <> '${CORRECTION_ACTION}' ORDER BY seq DESC`,
      [id],
    ),
  );
  return { ...(rows[0] as Omit<MatterView, 'history'>), history: events.rows };
}
