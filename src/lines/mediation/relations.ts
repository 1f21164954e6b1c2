/**
 * A mediator's recorded relations to parties (调解员利害关系登记): kin, a colleague, a former agent, another interest.
 * The conflict check of an assignment (checks.ts `mediatorProblem`) and the mediator picker (lookups.ts) refuse a
 * mediator with a relation to any party of the case, as they refuse one who is a party.
 */
import { z } from 'zod';
import { todayInChina } from '../../kernel/calendar/index.ts';
import { choice, optionalText } from '../../kernel/fields/fields.ts';
import { partyPage } from '../../kernel/parties/registry.ts';
import { rolesOver } from '../../kernel/workflow/access.ts';
import { type Actor, assertCan, inScope, scopeParam } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, type Queryable, type Tx, withTx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import { created } from './contracts.ts';
import { type MediatorRelation, mediatorRelations, relationPhrases } from './labels.ts';

const registrars = ['townshipStaff', 'sectionStaff', 'admin'] as const;

export const relationRow = z.object({
  id: z.number(),
  partyId: z.number(),
  partyName: z.string(),
  relation: z.string(),
  relationLabel: z.string(),
  note: z.string().nullable(),
  recordedOn: z.string(),
});

/** The mediator as the actor may see them: of an organisation in scope, or of the district pool. */
async function visibleMediator(db: Queryable, actor: Actor, id: number) {
  const { rows } = await db.query<{ id: number; org_id: number; in_pool: boolean; party_id: number | null }>(
    `SELECT md.id, md.org_id, md.in_pool, md.party_id FROM mediators md
     WHERE md.id = $1 AND (${inScope('md.org_id', 2)} OR md.in_pool)`,
    [id, scopeParam(actor, 'org.read')],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '调解员不存在或不在您的权限范围内');
  return rows[0];
}

export interface NewRelation {
  partyId: number;
  relation: MediatorRelation;
  note?: string | undefined;
}

/**
 * Records a relation. The registrar of the mediator's organisation may; so may any township office or bureau
 * registrar for a pool mediator, since the pool serves every town and the office handling a case is the one that
 * learns of the tie. The party must be one the actor may see.
 */
export async function recordRelation(tx: Tx, actor: Actor, mediatorId: number, r: NewRelation, on: string) {
  const m = await visibleMediator(tx, actor, mediatorId);
  const roles = await rolesOver(tx, actor, Number(m.org_id));
  const registrar =
    registrars.some((x) => roles.has(x)) ||
    (m.in_pool && actor.memberships.some((x) => (registrars as readonly string[]).includes(x.role)));
  if (!registrar) throw new AppError('FORBIDDEN', '只有司法所、区司法局工作人员可以登记调解员的利害关系');
  const party = await partyPage(tx, actor, r.partyId);
  if (m.party_id !== null && Number(m.party_id) === r.partyId)
    throw new AppError('VALIDATION', '该当事人档案就是调解员本人，无需登记利害关系', {
      errors: [{ field: 'partyId', message: '请选择与调解员有利害关系的当事人' }],
    });
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO mediator_relations (mediator_id, party_id, relation, note, recorded_on, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (mediator_id, party_id, relation) DO NOTHING RETURNING id`,
    [mediatorId, r.partyId, r.relation, r.note ?? null, on, actor.userId],
  );
  if (!rows[0])
    throw new AppError('CONFLICT', `已登记调解员与${party.party.name}的${relationPhrases[r.relation]}`);
  return Number(rows[0].id);
}

/** A mediator's recorded relations, the parties' names as the registry keeps them (no identity numbers). */
export async function listRelations(db: Queryable, actor: Actor, mediatorId: number) {
  await visibleMediator(db, actor, mediatorId);
  const { rows } = await db.query<z.infer<typeof relationRow>>(
    `SELECT r.id::int, r.party_id::int AS "partyId", p.name AS "partyName", r.relation, r.note,
            r.recorded_on::text AS "recordedOn"
     FROM mediator_relations r JOIN parties p ON p.id = r.party_id
     WHERE r.mediator_id = $1 ORDER BY r.recorded_on, r.id`,
    [mediatorId],
  );
  return rows.map((r) => ({ ...r, relationLabel: mediatorRelations[r.relation as MediatorRelation] }));
}

const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });

export function relationRoutes(app: App, db: Db, today?: () => string) {
  const businessDay = () => (today ? today() : todayInChina());
  app.get(
    '/api/lines/mediation/mediators/:id/relations',
    {
      schema: {
        tags: ['mediation'],
        summary: '调解员与当事人的利害关系登记（回避审查依据）',
        params: idParams,
        response: { 200: z.array(relationRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listRelations(db, req.actor, req.params.id);
    },
  );
  app.post(
    '/api/lines/mediation/mediators/:id/relations',
    {
      schema: {
        tags: ['mediation'],
        summary: '登记调解员与当事人的利害关系',
        params: idParams,
        body: z.object({
          partyId: z.number().int().positive('请选择当事人').meta({ title: '当事人档案' }),
          relation: choice('关系', mediatorRelations),
          note: optionalText('说明', 200),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await recordRelation(tx, req.actor, req.params.id, req.body, businessDay());
        await audit(tx, req.actor, {
          action: 'mediation.mediator.relation',
          objectType: 'mediator',
          objectId: req.params.id,
          summary: { partyId: req.body.partyId, relation: req.body.relation },
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );
}
