/**
 * The compliance centre's guidelines and the enterprise services of both centres (预约式指导: booked → confirmed
 * with an adviser → advice recorded). Owned by the bureau's 公共法律服务管理科; scope in SQL on the owner.
 */

import type { PartyInput } from '../../../kernel/fields/party.ts';
import { registerParty } from '../../../kernel/parties/registry.ts';
import { rolesOver } from '../../../kernel/workflow/access.ts';
import { type Actor, inScope, scopeParam } from '../../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/http/errors.ts';

async function assertStaff(tx: Tx, actor: Actor, orgId: number) {
  const roles = await rolesOver(tx, actor, orgId);
  if (!roles.has('sectionStaff') && !roles.has('admin'))
    throw new AppError('FORBIDDEN', '只有公共法律服务管理科工作人员可以登记');
}

export async function addGuideline(
  tx: Tx,
  actor: Actor,
  g: {
    ownerOrgId: number;
    industry: string;
    title: string;
    authors: string;
    publishedOn: string;
    enterprisesReached: number;
  },
) {
  await assertStaff(tx, actor, g.ownerOrgId);
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO compliance_guidelines (owner_org_id, industry, title, version, authors, published_on, enterprises_reached)
     SELECT $1, $2, $3, coalesce(max(version), 0) + 1, $4, $5, $6 FROM compliance_guidelines WHERE industry = $2
     RETURNING id`,
    [g.ownerOrgId, g.industry, g.title, g.authors, g.publishedOn, g.enterprisesReached],
  );
  return Number(rows[0]!.id);
}

export async function listGuidelines(db: Queryable, actor: Actor) {
  const { rows } = await db.query(
    `SELECT g.id::int, g.industry, g.title, g.version, g.authors, g.published_on::text AS "publishedOn",
            g.enterprises_reached AS "enterprisesReached"
     FROM compliance_guidelines g WHERE ${inScope('g.owner_org_id', 1)} ORDER BY g.published_on, g.id`,
    [scopeParam(actor, 'org.read')],
  );
  return rows;
}

export async function bookService(
  tx: Tx,
  actor: Actor,
  s: {
    ownerOrgId: number;
    centre: 'compliance' | 'foreignRelated';
    service: 'appointment' | 'consultation' | 'riskCheck' | 'training';
    enterprise: PartyInput;
    topic: string;
    country?: string | undefined;
    requestedOn: string;
    slotOn?: string | undefined;
  },
) {
  await assertStaff(tx, actor, s.ownerOrgId);
  const partyId = await registerParty(tx, actor, s.enterprise, s.ownerOrgId);
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO enterprise_services (owner_org_id, centre, service, party_id, topic, country, requested_on, slot_on, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'requested') RETURNING id`,
    [s.ownerOrgId, s.centre, s.service, partyId, s.topic, s.country ?? null, s.requestedOn, s.slotOn ?? null],
  );
  return Number(rows[0]!.id);
}

/** Confirms a booking with its adviser, records the advice (done) or cancels it. */
export async function updateService(
  tx: Tx,
  actor: Actor,
  id: number,
  u: {
    status: 'confirmed' | 'done' | 'cancelled';
    adviser?: string | undefined;
    advice?: string | undefined;
    on: string;
  },
) {
  const { rows } = await tx.query<{ owner_org_id: number; status: string; requested_on: string }>(
    'SELECT owner_org_id, status, requested_on::text FROM enterprise_services WHERE id = $1 FOR UPDATE',
    [id],
  );
  const s = rows[0];
  if (!s) throw new AppError('NOT_FOUND', '服务记录不存在');
  await assertStaff(tx, actor, Number(s.owner_org_id));
  if (s.status === 'done' || s.status === 'cancelled') throw new AppError('CONFLICT', '该服务已办结或取消');
  if (u.status === 'done' && !u.advice)
    throw new AppError('VALIDATION', '办结时应当记录指导意见', {
      errors: [{ field: 'advice', message: '请填写指导意见' }],
    });
  if (u.on < s.requested_on)
    throw new AppError('VALIDATION', '日期不能早于预约日期', {
      errors: [{ field: 'on', message: '日期不能早于预约日期' }],
    });
  await tx.query(
    `UPDATE enterprise_services SET status = $2, adviser = coalesce($3, adviser), advice = coalesce($4, advice),
            done_on = CASE WHEN $2 = 'done' THEN $5::date END
     WHERE id = $1`,
    [id, u.status, u.adviser ?? null, u.advice ?? null, u.on],
  );
}

export async function listServices(db: Queryable, actor: Actor, centre?: string) {
  const { rows } = await db.query(
    `SELECT s.id::int, s.centre, s.service, p.name AS enterprise, s.topic, s.country, s.requested_on::text AS "requestedOn",
            s.slot_on::text AS "slotOn", s.status, s.adviser, s.advice, s.done_on::text AS "doneOn"
     FROM enterprise_services s JOIN parties p ON p.id = s.party_id
     WHERE ${inScope('s.owner_org_id', 1)} AND ($2::text IS NULL OR s.centre = $2)
     ORDER BY s.requested_on DESC, s.id DESC LIMIT 2000`,
    [scopeParam(actor, 'org.read'), centre ?? null],
  );
  return rows;
}
