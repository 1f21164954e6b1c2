/** The typed rows of credit-repair matters and the reads their documents, pages and checks need. */
import { registerParty } from '../../../kernel/parties/registry.ts';
import type { Actor } from '../../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { GuidanceInput, RecordInput } from './schemas.ts';

/** The office that handles the matter: a section of the bureau or a township office. */
/**
 * Where credit-repair matters are registered (create.owners): the 公共法律服务管理科 where the registry has it,
 * else the bureau; the form may still name another office of the bureau as the handling one.
 */
export async function creditRepairOffices(db: Queryable) {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM orgs WHERE code = 'sec-legal-services' AND active
     UNION ALL (SELECT id FROM orgs WHERE kind = 'bureau' AND active ORDER BY id LIMIT 1) LIMIT 1`,
  );
  return rows.map((r) => Number(r.id));
}

export async function handlingOffice(db: Queryable, orgId: number) {
  const { rows } = await db.query<{ id: number; name: string; region_code: string }>(
    `SELECT id::int, name, region_code FROM orgs WHERE id = $1 AND kind IN ('section', 'justiceOffice', 'bureau')`,
    [orgId],
  );
  if (!rows[0])
    throw new AppError('VALIDATION', '承办机构应为区司法局的科室或司法所', {
      errors: [{ field: 'ownerOrgId', message: '请选择区司法局的科室或司法所' }],
    });
  return rows[0];
}

export async function insertRecord(
  tx: Tx,
  actor: Actor,
  matterId: number,
  ownerOrgId: number,
  d: RecordInput,
) {
  const partyId = await registerParty(tx, actor, d.subject, ownerOrgId);
  await tx.query(
    `INSERT INTO credit_records (matter_id, party_id, source, category, deciding_organ, decision_no, decided_on,
       severity, publication_months, fulfilled_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      matterId,
      partyId,
      d.source,
      d.category,
      d.decidingOrgan,
      d.decisionNo ?? null,
      d.decidedOn,
      d.severity,
      d.publicationMonths ?? null,
      d.fulfilledOn ?? null,
    ],
  );
  await tx.query(
    `INSERT INTO matter_parties (matter_id, party_id, role, seq) VALUES ($1, $2, 'subject', 1)`,
    [matterId, partyId],
  );
}

export async function insertGuidance(tx: Tx, actor: Actor, matterId: number, d: GuidanceInput) {
  const partyId = await registerParty(tx, actor, d.subject, d.ownerOrgId);
  await tx.query(
    `INSERT INTO credit_guidance (matter_id, party_id, consulted_on, channel, topic) VALUES ($1, $2, $3, $4, $5)`,
    [matterId, partyId, d.consultedOn, d.channel, d.topic],
  );
  await tx.query(
    `INSERT INTO matter_parties (matter_id, party_id, role, seq) VALUES ($1, $2, 'subject', 1)`,
    [matterId, partyId],
  );
}

export interface RecordRow {
  matterId: number;
  refNo: string;
  state: string;
  source: string;
  category: string;
  decidingOrgan: string;
  decisionNo: string | null;
  decidedOn: string;
  severity: 'minor' | 'general' | 'serious';
  fulfilledOn: string | null;
}

/** The subject's records (of the guidance matter's subject) that are still published: what the guidance covers. */
export async function openRecordsOf(db: Queryable, partyId: number): Promise<RecordRow[]> {
  const { rows } = await db.query<RecordRow>(
    `SELECT r.matter_id::int AS "matterId", m.ref_no AS "refNo", m.state, r.source, r.category,
            r.deciding_organ AS "decidingOrgan", r.decision_no AS "decisionNo", r.decided_on::text AS "decidedOn",
            r.severity, r.fulfilled_on::text AS "fulfilledOn"
     FROM credit_records r JOIN matters m ON m.id = r.matter_id
     WHERE r.party_id = $1 AND m.state <> 'repaired'
     ORDER BY r.decided_on, r.matter_id`,
    [partyId],
  );
  return rows;
}

export async function guidanceFacts(db: Queryable, matterId: number) {
  const { rows } = await db.query<{
    party_id: number;
    subject: string;
    credit_code: string | null;
    consulted_on: string;
    topic: string;
  }>(
    `SELECT g.party_id::int, p.name AS subject, p.credit_code, g.consulted_on::text, g.topic
     FROM credit_guidance g JOIN parties p ON p.id = g.party_id WHERE g.matter_id = $1`,
    [matterId],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '信用修复指导事项不存在');
  return rows[0];
}
