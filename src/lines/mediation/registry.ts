/**
 * The registry of mediation organisations and the mediator pool (区级调解人才库). Organisations are orgs of kind
 * mediationCommittee (so scope, the org tree and the matters' owners work as everywhere) with a row of their own;
 * mediators are rows of their organisation, their workload and success rate computed from their cases.
 */
import { CalendarRangeError } from '../../kernel/calendar/index.ts';
import { currentCalendar } from '../../kernel/calendar/service.ts';
import { ruleDue } from '../../kernel/deadlines/compute.ts';
import { ruleInForce } from '../../kernel/rules/rules.ts';
import { rolesOver } from '../../kernel/workflow/access.ts';
import { type Actor, inScope, scopeParam } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { insertOrg } from '../../platform/orgs/queries.ts';
import type { OrganisationKind } from './labels.ts';

/** Registry staff: the township office over its committees, the bureau's section, the administrator. */
const registrars = ['townshipStaff', 'sectionStaff', 'admin'] as const;

async function assertRegistrar(tx: Tx, actor: Actor, orgId: number) {
  const roles = await rolesOver(tx, actor, orgId);
  if (!registrars.some((r) => roles.has(r)))
    throw new AppError('FORBIDDEN', '只有司法所、区司法局工作人员可以登记调解组织和调解员');
}

export interface NewOrganisation {
  code: string;
  name: string;
  orgKind: OrganisationKind;
  parentId: number;
  regionCode: string;
  foundedOn: string;
  speciality?: string | undefined;
  filedOn?: string | undefined;
  isDemo?: boolean;
}

/** Registers a mediation organisation: its org (with closure rows) and its registry row, in the caller's transaction. */
export async function createOrganisation(tx: Tx, actor: Actor, o: NewOrganisation): Promise<number> {
  await assertRegistrar(tx, actor, o.parentId);
  if (o.filedOn && o.filedOn < o.foundedOn)
    throw new AppError('VALIDATION', '备案日期不能早于设立日期', {
      errors: [{ field: 'filedOn', message: '备案日期不能早于设立日期' }],
    });
  const id = await insertOrg(tx, {
    code: o.code,
    name: o.name,
    kind: 'mediationCommittee',
    parentId: o.parentId,
    regionCode: o.regionCode,
    isDemo: o.isDemo ?? false,
  });
  await tx.query(
    `INSERT INTO mediation_organisations (org_id, org_kind, speciality, founded_on, filed_on) VALUES ($1, $2, $3, $4, $5)`,
    [id, o.orgKind, o.speciality ?? null, o.foundedOn, o.filedOn ?? null],
  );
  return id;
}

/** Records the filing with the bureau (备案) or the dissolution of an organisation. */
export async function updateOrganisation(
  tx: Tx,
  actor: Actor,
  orgId: number,
  patch: { filedOn?: string | undefined; dissolvedOn?: string | undefined },
) {
  await assertRegistrar(tx, actor, orgId);
  const { rows } = await tx.query<{ founded_on: string }>(
    'SELECT founded_on::text FROM mediation_organisations WHERE org_id = $1 FOR UPDATE',
    [orgId],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '调解组织不存在');
  for (const [field, value, label] of [
    ['filedOn', patch.filedOn, '备案日期'],
    ['dissolvedOn', patch.dissolvedOn, '撤销日期'],
  ] as const)
    if (value && value < rows[0].founded_on)
      throw new AppError('VALIDATION', `${label}不能早于设立日期（${rows[0].founded_on}）`, {
        errors: [{ field, message: `${label}不能早于设立日期` }],
      });
  await tx.query(
    `UPDATE mediation_organisations SET filed_on = coalesce($2, filed_on), dissolved_on = coalesce($3, dissolved_on)
     WHERE org_id = $1`,
    [orgId, patch.filedOn ?? null, patch.dissolvedOn ?? null],
  );
}

/** The organisations in the actor's scope, each with its filing period (30 working days from setting up). */
export async function listOrganisations(db: Queryable, actor: Actor, today: string) {
  const { rows } = await db.query<{
    id: number;
    name: string;
    orgKind: string;
    parentName: string | null;
    regionCode: string;
    speciality: string | null;
    foundedOn: string;
    dissolvedOn: string | null;
    filedOn: string | null;
    cases: number;
  }>(
    `SELECT o.id::int, o.name, mo.org_kind AS "orgKind", p.name AS "parentName", o.region_code AS "regionCode",
            mo.speciality, mo.founded_on::text AS "foundedOn", mo.dissolved_on::text AS "dissolvedOn",
            mo.filed_on::text AS "filedOn",
            (SELECT count(*)::int FROM mediation_cases c WHERE c.org_id = o.id) AS cases
     FROM mediation_organisations mo JOIN orgs o ON o.id = mo.org_id LEFT JOIN orgs p ON p.id = o.parent_id
     WHERE ${inScope('o.id', 1)}
     ORDER BY o.region_code, mo.org_kind, o.name`,
    [scopeParam(actor, 'org.read')],
  );
  const cal = await currentCalendar(db);
  return rows.map((r) => {
    let filingDue: string | null = null;
    try {
      filingDue = ruleDue(cal, ruleInForce('rmtj.committee.filing', r.foundedOn), r.foundedOn).due;
    } catch (err) {
      if (!(err instanceof CalendarRangeError)) throw err;
    }
    const filingLate = filingDue !== null && (r.filedOn ? r.filedOn > filingDue : today > filingDue);
    return { ...r, filingDue, filingLate };
  });
}

export interface NewMediator {
  orgId: number;
  name: string;
  speciality: string;
  certificateNo?: string | undefined;
  employment: 'fullTime' | 'partTime';
  inPool: boolean;
  joinedOn: string;
  partyId?: number | undefined;
  isDemo?: boolean;
}

export async function addMediator(tx: Tx, actor: Actor, m: NewMediator): Promise<number> {
  await assertRegistrar(tx, actor, m.orgId);
  const { rows: org } = await tx.query('SELECT 1 FROM mediation_organisations WHERE org_id = $1', [m.orgId]);
  if (!org[0])
    throw new AppError('VALIDATION', '调解员所属组织不在调解组织名录中', {
      errors: [{ field: 'orgId', message: '请选择调解组织' }],
    });
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO mediators (org_id, name, party_id, speciality, certificate_no, employment, in_pool, joined_on, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      m.orgId,
      m.name,
      m.partyId ?? null,
      m.speciality,
      m.certificateNo ?? null,
      m.employment,
      m.inPool,
      m.joinedOn,
      m.isDemo ?? false,
    ],
  );
  return Number(rows[0]!.id);
}

/** A mediator leaves (or is suspended): kept in the register with the date, no longer assignable. */
export async function setMediatorStatus(
  tx: Tx,
  actor: Actor,
  id: number,
  status: 'active' | 'suspended' | 'left',
  on: string,
) {
  const { rows } = await tx.query<{ org_id: number }>(
    'SELECT org_id FROM mediators WHERE id = $1 FOR UPDATE',
    [id],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '调解员不存在');
  await assertRegistrar(tx, actor, Number(rows[0].org_id));
  await tx.query(
    `UPDATE mediators SET status = $2, left_on = CASE WHEN $2 = 'left' THEN $3::date END WHERE id = $1`,
    [id, status, on],
  );
}

/**
 * The mediators the actor may see — those of the organisations in scope, and the whole district pool (assignable
 * anywhere) — with their workload and success rate from the cases they were assigned (a panel case counts for each).
 */
export async function listMediators(db: Queryable, actor: Actor, filter: { poolOnly?: boolean } = {}) {
  const { rows } = await db.query(
    `SELECT md.id::int, md.name, md.org_id::int AS "orgId", o.name AS "orgName", md.speciality,
            md.certificate_no AS "certificateNo", md.employment, md.status, md.in_pool AS "inPool",
            md.joined_on::text AS "joinedOn", md.left_on::text AS "leftOn",
            coalesce(w.cases, 0)::int AS cases, coalesce(w.open, 0)::int AS "openCases",
            coalesce(w.agreed, 0)::int AS agreed,
            CASE WHEN coalesce(w.concluded, 0) = 0 THEN NULL
                 ELSE round(100.0 * w.agreed / w.concluded, 1)::float8 END AS "successRate"
     FROM mediators md JOIN orgs o ON o.id = md.org_id
     LEFT JOIN LATERAL (
       SELECT count(DISTINCT a.matter_id) AS cases,
              count(DISTINCT a.matter_id) FILTER (WHERE c.outcome IS NULL) AS open,
              count(DISTINCT a.matter_id) FILTER (WHERE c.outcome = 'agreed') AS agreed,
              count(DISTINCT a.matter_id) FILTER (WHERE c.outcome IN ('agreed', 'failed')) AS concluded
       FROM mediation_assignments a JOIN mediation_cases c ON c.matter_id = a.matter_id
       WHERE a.mediator_id = md.id) w ON true
     WHERE (${inScope('md.org_id', 1)} OR md.in_pool) AND ($2::boolean IS NOT TRUE OR md.in_pool)
     ORDER BY md.in_pool DESC, o.name, md.name
     LIMIT 2000`,
    [scopeParam(actor, 'org.read'), filter.poolOnly ?? null],
  );
  return rows;
}
