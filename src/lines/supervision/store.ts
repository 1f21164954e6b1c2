/** The supervision line's typed rows: what its indicators count, its documents quote and its checks read. */
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { FindingInput, InspectionInput, InstrumentInput } from './schemas.ts';

export interface OrgLine {
  id: number;
  name: string;
  kind: string;
  region_code: string;
}

/** An organisation the line may concern, refused with a field error when it is not of the kinds allowed. */
export async function unitOrg(
  db: Queryable,
  id: number,
  kinds: readonly string[],
  field: string,
  what: string,
  expected: string,
) {
  const { rows } = await db.query<OrgLine>('SELECT id, name, kind, region_code FROM orgs WHERE id = $1', [
    id,
  ]);
  const org = rows[0];
  if (!org || !kinds.includes(org.kind))
    throw new AppError('VALIDATION', `${what}应为${expected}`, {
      errors: [{ field, message: `请从机构名录中选择${what}` }],
    });
  return org;
}

/**
 * The office that keeps the line's matters: the bureau's 法治督察科 (a section whose name says so), else the bureau.
 * Matters owned by it are read by the bureau's staff; the unit concerned reads them as their subject.
 */
export async function supervisingOffice(db: Queryable): Promise<{ id: number; region_code: string }> {
  const { rows } = await db.query<{ id: number; region_code: string }>(
    `SELECT id, region_code FROM orgs
     WHERE (kind = 'section' AND name LIKE '%法治督察%') OR kind = 'bureau'
     ORDER BY (kind = 'section') DESC, id LIMIT 1`,
  );
  if (!rows[0]) throw new AppError('VALIDATION', '机构名录中没有区司法局，无法登记督察事项');
  return rows[0];
}

export async function insertInspection(tx: Tx, matterId: number, d: InspectionInput) {
  await tx.query(
    `INSERT INTO supervision_inspections (matter_id, unit_org_id, plan_name, team, starts_on, ends_on, focus)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [matterId, d.unitOrgId, d.planName, d.team, d.startsOn, d.endsOn, d.focus],
  );
}

/** The inspection a finding is registered under, with its unit; refused when it is not open to findings. */
export async function inspectionFor(db: Queryable, id: number) {
  const { rows } = await db.query<{
    id: number;
    ref_no: string;
    state: string;
    owner_org_id: number;
    unit_org_id: number;
    unit_name: string;
    region_code: string;
    starts_on: string;
  }>(
    `SELECT m.id, m.ref_no, m.state, m.owner_org_id, i.unit_org_id, o.name AS unit_name, o.region_code,
            i.starts_on::text
     FROM matters m JOIN supervision_inspections i ON i.matter_id = m.id JOIN orgs o ON o.id = i.unit_org_id
     WHERE m.id = $1 AND m.line = 'supervision' AND m.kind = 'inspection'`,
    [id],
  );
  return rows[0];
}

export async function insertFinding(tx: Tx, matterId: number, d: FindingInput, responsibleOrgId: number) {
  await tx.query(
    `INSERT INTO supervision_findings (matter_id, inspection_matter_id, responsible_org_id, category, description,
                                       evidence, found_on, rectify_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      matterId,
      d.inspectionId,
      responsibleOrgId,
      d.category,
      d.description,
      d.evidence,
      d.foundOn,
      d.rectifyBy,
    ],
  );
}

export async function insertInstrument(tx: Tx, matterId: number, d: InstrumentInput) {
  await tx.query(
    `INSERT INTO supervision_instruments (matter_id, instrument, department_org_id, issued_on, reply_by, problems,
                                          requirements, campaign)
     VALUES ($1, $2, $3, $4, $5, $6, $7, nullif($8, ''))`,
    [
      matterId,
      d.instrument,
      d.departmentOrgId,
      d.issuedOn,
      d.replyBy,
      d.problems,
      d.requirements,
      d.campaign,
    ],
  );
}

/** What a finding's documents quote. */
export async function findingFacts(db: Queryable, matterId: number) {
  const { rows } = await db.query<{
    category: string;
    description: string;
    found_on: string;
    rectify_by: string;
    unit: string;
    inspection_ref: string;
    starts_on: string;
  }>(
    `SELECT f.category, f.description, f.found_on::text, f.rectify_by::text, o.name AS unit,
            im.ref_no AS inspection_ref, i.starts_on::text
     FROM supervision_findings f JOIN orgs o ON o.id = f.responsible_org_id
     JOIN matters im ON im.id = f.inspection_matter_id
     JOIN supervision_inspections i ON i.matter_id = f.inspection_matter_id
     WHERE f.matter_id = $1`,
    [matterId],
  );
  return rows[0]!;
}

/** What an inspection's documents quote, with its findings. */
export async function inspectionFacts(db: Queryable, matterId: number) {
  const { rows } = await db.query<{
    unit: string;
    plan_name: string;
    team: string;
    starts_on: string;
    ends_on: string;
    focus: string;
  }>(
    `SELECT o.name AS unit, i.plan_name, i.team, i.starts_on::text, i.ends_on::text, i.focus
     FROM supervision_inspections i JOIN orgs o ON o.id = i.unit_org_id WHERE i.matter_id = $1`,
    [matterId],
  );
  const { rows: findings } = await db.query<{
    ref_no: string;
    category: string;
    description: string;
    rectify_by: string;
    state: string;
  }>(
    `SELECT m.ref_no, f.category, f.description, f.rectify_by::text, m.state
     FROM supervision_findings f JOIN matters m ON m.id = f.matter_id
     WHERE f.inspection_matter_id = $1 ORDER BY f.found_on, m.id`,
    [matterId],
  );
  return { ...rows[0]!, findings };
}

export async function instrumentFacts(db: Queryable, matterId: number) {
  const { rows } = await db.query<{
    instrument: string;
    department: string;
    issued_on: string;
    reply_by: string;
    problems: string;
    requirements: string;
    campaign: string | null;
    replied_on: string | null;
    reply: string | null;
  }>(
    `SELECT s.instrument, o.name AS department, s.issued_on::text, s.reply_by::text, s.problems, s.requirements,
            s.campaign, s.replied_on::text, s.reply
     FROM supervision_instruments s JOIN orgs o ON o.id = s.department_org_id WHERE s.matter_id = $1`,
    [matterId],
  );
  return rows[0]!;
}
