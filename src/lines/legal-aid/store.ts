import { registerAndLink } from '../../kernel/parties/registry.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { type Db, type Queryable, type Tx, withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { insertOrg } from '../../platform/orgs/queries.ts';
import { forwarding } from './forwarding.ts';
import type { ApplicationInput, NoticeInput } from './schemas.ts';

/** The org code of the district's 法律援助机构 (the organ 法律援助法 第十二条 names); it owns every legal-aid matter. */
export const CENTRE_CODE = 'legal-aid-centre';
export const CENTRE_NAME = '宁波市镇海区法律援助中心';

/**
 * The legal-aid centre, created under the bureau at start when missing (every deployment has one; a bureau renames it
 * on 机构管理). Idempotent.
 */
export async function ensureCentre(db: Db): Promise<void> {
  await withTx(db, ensureCentreIn);
}

/** The same, in the caller's transaction (the demo's). */
export async function ensureCentreIn(tx: Tx): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CENTRE_CODE]);
  const { rows } = await tx.query<{ id: number; region_code: string; has: boolean }>(
    `SELECT id, region_code, EXISTS (SELECT 1 FROM orgs WHERE code = $1) AS has FROM orgs WHERE code = 'bureau'`,
    [CENTRE_CODE],
  );
  const bureau = rows[0];
  if (!bureau || bureau.has) return;
  await insertOrg(tx, {
    code: CENTRE_CODE,
    name: CENTRE_NAME,
    shortName: '区法律援助中心',
    kind: 'other',
    parentId: bureau.id,
    regionCode: bureau.region_code,
  });
}

export async function centre(db: Queryable) {
  const { rows } = await db.query<{ id: number; name: string; region_code: string }>(
    'SELECT id, name, region_code FROM orgs WHERE code = $1',
    [CENTRE_CODE],
  );
  if (!rows[0])
    throw new AppError(
      'VALIDATION',
      '尚未设立法律援助机构（机构代码 legal-aid-centre），不能登记法律援助案件',
    );
  return rows[0];
}

/** How the bureau counts legal-aid periods (settings legalAid.counting): 浙江 (working days, default) or 全国. */
export type Counting = 'zhejiang' | 'national';
export async function countingSetting(db: Queryable): Promise<Counting> {
  const { rows } = await db.query<{ v: string | null }>(
    `SELECT value #>> '{}' AS v FROM settings WHERE key = 'legalAid.counting'`,
  );
  return rows[0]?.v === 'national' ? 'national' : 'zhejiang';
}

/** The counting pinned on a case at intake: a later change of the setting never moves a running case's periods. */
export async function countingOf(db: Queryable, matterId: number): Promise<Counting> {
  const { rows } = await db.query<{ counting: Counting }>(
    'SELECT counting FROM legal_aid_cases WHERE matter_id = $1',
    [matterId],
  );
  return rows[0]?.counting ?? 'zhejiang';
}

/** A station of the registry (for an application made at a station), open on `on`. */
export async function stationOpen(db: Queryable, orgId: number, on: string) {
  const { rows } = await db.query<{ name: string }>(
    `SELECT o.name FROM legal_service_stations s JOIN orgs o ON o.id = s.org_id
     WHERE s.org_id = $1 AND s.founded_on <= $2 AND (s.closed_on IS NULL OR s.closed_on > $2)`,
    [orgId, on],
  );
  return rows[0] ?? null;
}

export async function insertApplication(
  tx: Tx,
  actor: Actor,
  matterId: number,
  ownerId: number,
  d: ApplicationInput,
) {
  const counting = await countingSetting(tx);
  const f = forwarding(d);
  await tx.query(
    `INSERT INTO legal_aid_cases (matter_id, source, case_type, counting, received_on, station_org_id, visit_id,
       eligibility, exemption, limitation_ends_on, matter_summary, forward_organ, forward_received_at,
       forward_arrived_at, forward_rule_id, forward_rule_version, forward_due_at, forward_late_minutes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      matterId,
      d.source,
      d.caseType,
      counting,
      d.receivedOn,
      d.stationOrgId ?? null,
      d.visitId ?? null,
      d.eligibility,
      d.exemption ?? null,
      d.limitationEndsOn ?? null,
      d.matterSummary,
      d.detentionPlace || null,
      f?.receivedAt ?? null,
      f?.arrivedAt ?? null,
      f?.rule.id ?? null,
      f?.rule.version ?? null,
      f?.dueAt ?? null,
      f?.lateMinutes ?? null,
    ],
  );
  if (d.visitId)
    await tx.query('UPDATE legal_aid_visits SET matter_id = $2 WHERE id = $1', [d.visitId, matterId]);
  await registerAndLink(tx, actor, matterId, 'applicant', [d.applicant], ownerId);
}

export async function insertNotice(tx: Tx, actor: Actor, matterId: number, ownerId: number, d: NoticeInput) {
  const counting = await countingSetting(tx);
  // A notice is accepted on receipt: the organ has found the ground (第三十六条), no means test applies.
  await tx.query(
    `INSERT INTO legal_aid_cases (matter_id, source, case_type, counting, received_on, notifying_organ, notice_no,
       matter_summary, decision, decided_on)
     VALUES ($1, 'notice', $2, $3, $4, $5, $6, $7, 'notice', $4)`,
    [matterId, d.caseType, counting, d.receivedOn, d.notifyingOrgan, d.noticeNo ?? null, d.matterSummary],
  );
  await registerAndLink(tx, actor, matterId, 'applicant', [d.applicant], ownerId);
}

export interface CaseFacts {
  source: string;
  counting: Counting;
  caseType: string;
  receivedOn: string;
  eligibility: string | null;
  exemption: string | null;
  notifyingOrgan: string | null;
  noticeNo: string | null;
  matterSummary: string;
  decidedOn: string | null;
  workerName: string | null;
  workerKind: string | null;
  lawFirm: string | null;
  assignedOn: string | null;
  endedOn: string | null;
  qualityScore: string | null;
  subsidy: string | null;
  centreName: string;
  applicant: {
    name: string;
    sex: string | null;
    birthDate: string | null;
    idMasked: string | null;
    address: string | null;
  };
}

/** What documents and the matter page quote about a case (identity numbers masked). */
export async function caseFacts(db: Queryable, matterId: number): Promise<CaseFacts> {
  const { rows } = await db.query<CaseFacts>(
    `SELECT c.source, c.counting, c.case_type AS "caseType", c.received_on::text AS "receivedOn", c.eligibility, c.exemption,
            c.notifying_organ AS "notifyingOrgan", c.notice_no AS "noticeNo", c.matter_summary AS "matterSummary",
            c.decided_on::text AS "decidedOn", c.aid_worker AS "workerName", c.aid_worker_kind AS "workerKind",
            f.name AS "lawFirm", c.assigned_on::text AS "assignedOn", c.ended_on::text AS "endedOn",
            to_char(c.quality_score, 'FM990.0') AS "qualityScore", to_char(c.subsidy, 'FM9999990.00') AS subsidy,
            o.name AS "centreName",
            (SELECT json_build_object('name', p.name, 'sex', p.sex, 'birthDate', p.birth_date,
                      'idMasked', p.id_number_masked, 'address', p.address)
             FROM matter_parties mp JOIN parties p ON p.id = mp.party_id
             WHERE mp.matter_id = c.matter_id AND mp.role = 'applicant' ORDER BY mp.seq LIMIT 1) AS applicant
     FROM legal_aid_cases c JOIN matters m ON m.id = c.matter_id JOIN orgs o ON o.id = m.owner_org_id
     LEFT JOIN orgs f ON f.id = c.law_firm_org_id
     WHERE c.matter_id = $1`,
    [matterId],
  );
  if (!rows[0]) throw new Error(`legal-aid case ${matterId} has no detail row`);
  return rows[0];
}
