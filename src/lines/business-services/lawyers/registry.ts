/**
 * The register of law firms, lawyers (with government lawyers) and the firms' annual revenue returns. A firm is an
 * org of kind lawFirm under the bureau's 律师工作科, so scope works as everywhere: the section sees every firm, a
 * firm's administrator (a user with the lawyer role at the firm) only its own firm and lawyers — in SQL.
 */
import { CalendarRangeError } from '../../../kernel/calendar/index.ts';
import { currentCalendar } from '../../../kernel/calendar/service.ts';
import { ruleDue } from '../../../kernel/deadlines/compute.ts';
import { registerParty } from '../../../kernel/parties/registry.ts';
import { ruleInForce } from '../../../kernel/rules/rules.ts';
import { rolesOver } from '../../../kernel/workflow/access.ts';
import { type Actor, inScope, scopeParam } from '../../../platform/access/actor.ts';
import type { Role } from '../../../platform/access/roles.ts';
import type { Queryable, Tx } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { insertOrg } from '../../../platform/orgs/queries.ts';
import type { firmRow } from './contracts.ts';
import type { LawyerType } from './labels.ts';

type FirmRow = import('zod').infer<typeof firmRow>;

async function assertRole(tx: Tx, actor: Actor, orgId: number, allowed: readonly Role[], message: string) {
  const roles = await rolesOver(tx, actor, orgId);
  if (!allowed.some((r) => roles.has(r))) throw new AppError('FORBIDDEN', message);
}

/** The bureau's 律师工作科 manages the government lawyer pool across departments (outside its org subtree). */
export async function isLawyersSection(db: Queryable, actor: Actor): Promise<boolean> {
  if (actor.userId === null) return true;
  const { rows } = await db.query<{ id: number }>(
    `SELECT id::int FROM orgs WHERE code = 'sec-lawyers' UNION ALL SELECT id::int FROM orgs WHERE kind = 'bureau' LIMIT 1`,
  );
  if (!rows[0]) return false;
  const roles = await rolesOver(db, actor, rows[0].id);
  return roles.has('sectionStaff') || roles.has('admin');
}

export interface NewFirm {
  code: string;
  name: string;
  parentId: number;
  licenceNo: string;
  firmForm: 'partnership' | 'sole' | 'state';
  foundedOn: string;
  settledOn: string;
  partners: number;
  address?: string | undefined;
  isDemo?: boolean;
}

export async function createFirm(tx: Tx, actor: Actor, f: NewFirm): Promise<number> {
  await assertRole(
    tx,
    actor,
    f.parentId,
    ['sectionStaff', 'admin'],
    '只有律师工作科工作人员可以登记律师事务所',
  );
  if (f.settledOn < f.foundedOn)
    throw new AppError('VALIDATION', '落户日期不能早于设立日期', {
      errors: [{ field: 'settledOn', message: '落户日期不能早于设立日期' }],
    });
  const id = await insertOrg(tx, {
    code: f.code,
    name: f.name,
    kind: 'lawFirm',
    parentId: f.parentId,
    regionCode: '330211',
    isDemo: f.isDemo ?? false,
  });
  await tx.query(
    `INSERT INTO law_firms (org_id, licence_no, firm_form, founded_on, settled_on, partners, address)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, f.licenceNo, f.firmForm, f.foundedOn, f.settledOn, f.partners, f.address ?? null],
  );
  return id;
}

/** The firms in scope, each with its lawyers, last revenue return and the filing period of its last change. */
export async function listFirms(db: Queryable, actor: Actor, on: string) {
  const { rows } = await db.query<Omit<FirmRow, 'changeFilingDue' | 'changeFilingLate'>>(
    `SELECT o.id::int, o.name, f.licence_no AS "licenceNo", f.firm_form AS "firmForm", f.founded_on::text AS "foundedOn",
            f.settled_on::text AS "settledOn", f.left_on::text AS "leftOn", f.partners,
            f.changed_on::text AS "changedOn", f.change_filed_on::text AS "changeFiledOn",
            (SELECT count(*)::int FROM lawyers l WHERE l.org_id = o.id AND l.licensed_on <= $2
               AND (l.left_on IS NULL OR l.left_on > $2)) AS lawyers,
            (SELECT to_char(r.revenue, 'FM999999999990.00') FROM firm_revenue_returns r WHERE r.org_id = o.id
             ORDER BY r.year DESC LIMIT 1) AS "lastRevenue",
            (SELECT max(r.year)::int FROM firm_revenue_returns r WHERE r.org_id = o.id) AS "lastRevenueYear"
     FROM law_firms f JOIN orgs o ON o.id = f.org_id
     WHERE ${inScope('o.id', 1)}
     ORDER BY f.settled_on, o.name`,
    [scopeParam(actor, 'org.read'), on],
  );
  const cal = await currentCalendar(db);
  return rows.map((r) => {
    let changeFilingDue: string | null = null;
    if (r.changedOn)
      try {
        changeFilingDue = ruleDue(cal, ruleInForce('lsgl.firm.change', r.changedOn), r.changedOn).due;
      } catch (err) {
        if (!(err instanceof CalendarRangeError)) throw err;
      }
    const changeFilingLate =
      changeFilingDue !== null &&
      (r.changeFiledOn ? r.changeFiledOn > changeFilingDue : on > changeFilingDue);
    return { ...r, changeFilingDue, changeFilingLate };
  });
}

/** A change of the firm's 住所 or 合伙人 (and, later, its filing with the bureau: 15 days, 律师法 第二十一条第二款). */
export async function recordFirmChange(
  tx: Tx,
  actor: Actor,
  orgId: number,
  c: {
    changedOn: string;
    partners?: number | undefined;
    address?: string | undefined;
    filedOn?: string | undefined;
  },
) {
  const { rows } = await tx.query('SELECT 1 FROM law_firms WHERE org_id = $1 FOR UPDATE', [orgId]);
  if (!rows[0]) throw new AppError('NOT_FOUND', '律师事务所不存在');
  await assertRole(tx, actor, orgId, ['lawyer', 'sectionStaff', 'admin'], '只能登记本所的变更');
  if (c.filedOn && c.filedOn < c.changedOn)
    throw new AppError('VALIDATION', '备案日期不能早于变更日期', {
      errors: [{ field: 'filedOn', message: '备案日期不能早于变更日期' }],
    });
  await tx.query(
    `UPDATE law_firms SET changed_on = $2, change_filed_on = $3, partners = coalesce($4, partners),
            address = coalesce($5, address)
     WHERE org_id = $1`,
    [orgId, c.changedOn, c.filedOn ?? null, c.partners ?? null, c.address ?? null],
  );
}

export interface NewLawyer {
  orgId: number;
  name: string;
  idNumber: string;
  certificateNo: string;
  lawyerType: LawyerType;
  licensedOn: string;
  foreignRelated: boolean;
  inPool: boolean;
}

/** A lawyer of a firm (its administrator or the section registers), or a government lawyer of a department. */
export async function addLawyer(tx: Tx, actor: Actor, l: NewLawyer, isDemo = false): Promise<number> {
  const { rows } = await tx.query<{ kind: string }>('SELECT kind FROM orgs WHERE id = $1', [l.orgId]);
  const kind = rows[0]?.kind;
  const atFirm = l.lawyerType === 'fullTime' || l.lawyerType === 'partTime' || l.lawyerType === 'legalAid';
  if (atFirm && kind !== 'lawFirm')
    throw new AppError('VALIDATION', '专职、兼职律师应当登记在律师事务所', {
      errors: [{ field: 'orgId', message: '请选择律师事务所' }],
    });
  if (l.lawyerType === 'government' && kind !== 'department' && kind !== 'bureau' && kind !== 'section')
    throw new AppError('VALIDATION', '公职律师应当登记在其任职的党政机关', {
      errors: [{ field: 'orgId', message: '请选择公职律师所在机关' }],
    });
  if (l.lawyerType === 'government') {
    if (!(await isLawyersSection(tx, actor)))
      throw new AppError('FORBIDDEN', '只有律师工作科可以登记公职律师');
  } else await assertRole(tx, actor, l.orgId, ['lawyer', 'sectionStaff', 'admin'], '只能登记本所律师');
  const partyId = await registerParty(
    tx,
    actor,
    { partyType: 'person', name: l.name, idKind: 'residentId', idNumber: l.idNumber },
    l.orgId,
  );
  const { rows: dup } = await tx.query('SELECT 1 FROM lawyers WHERE certificate_no = $1', [l.certificateNo]);
  if (dup[0])
    throw new AppError('CONFLICT', `执业证号 ${l.certificateNo} 已登记`, {
      errors: [{ field: 'certificateNo', message: '执业证号已登记' }],
    });
  const { rows: ins } = await tx.query<{ id: number }>(
    `INSERT INTO lawyers (org_id, party_id, certificate_no, lawyer_type, licensed_on, foreign_related, in_pool, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [l.orgId, partyId, l.certificateNo, l.lawyerType, l.licensedOn, l.foreignRelated, l.inPool, isDemo],
  );
  return Number(ins[0]!.id);
}

/** Lawyers of the firms and departments in scope; government lawyers of the pool for every reader of the section. */
export async function listLawyers(db: Queryable, actor: Actor, filter: { type?: LawyerType | undefined }) {
  const { rows } = await db.query(
    `SELECT l.id::int, p.name, l.org_id::int AS "orgId", o.name AS "orgName", l.certificate_no AS "certificateNo",
            l.lawyer_type AS "lawyerType", l.licensed_on::text AS "licensedOn", l.left_on::text AS "leftOn",
            l.foreign_related AS "foreignRelated", l.in_pool AS "inPool",
            (SELECT count(*)::int FROM government_lawyer_assignments a WHERE a.lawyer_id = l.id) AS assignments
     FROM lawyers l JOIN orgs o ON o.id = l.org_id JOIN parties p ON p.id = l.party_id
     WHERE (${inScope('l.org_id', 1)} OR (l.lawyer_type = 'government' AND $3::boolean))
       AND ($2::text IS NULL OR l.lawyer_type = $2)
     ORDER BY o.name, l.licensed_on, l.id
     LIMIT 2000`,
    [scopeParam(actor, 'org.read'), filter.type ?? null, await isLawyersSection(db, actor)],
  );
  return rows;
}

/** A firm's annual revenue return (业务收入, yuan), filed by the firm or the section; a later filing replaces it. */
export async function fileRevenue(
  tx: Tx,
  actor: Actor,
  orgId: number,
  year: number,
  revenue: number,
  filedOn: string,
) {
  const { rows } = await tx.query<{ settled_on: string }>(
    'SELECT settled_on::text FROM law_firms WHERE org_id = $1',
    [orgId],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '律师事务所不存在');
  await assertRole(tx, actor, orgId, ['lawyer', 'sectionStaff', 'admin'], '只能报送本所的年度创收');
  if (Number(filedOn.slice(0, 4)) <= year)
    throw new AppError('VALIDATION', `${year}年度创收应当在该年度结束后报送`, {
      errors: [{ field: 'filedOn', message: '报送日期应在该年度结束之后' }],
    });
  await tx.query(
    `INSERT INTO firm_revenue_returns (org_id, year, revenue, filed_on) VALUES ($1, $2, $3, $4)
     ON CONFLICT (org_id, year) DO UPDATE SET revenue = excluded.revenue, filed_on = excluded.filed_on`,
    [orgId, year, revenue, filedOn],
  );
}

/** A government lawyer of the pool lent to another department's matter (跨部门统筹共享). */
export async function assignGovernmentLawyer(
  tx: Tx,
  actor: Actor,
  a: { lawyerId: number; toOrgId: number; task: string; assignedOn: string },
) {
  const { rows } = await tx.query<{ org_id: number; lawyer_type: string; in_pool: boolean }>(
    'SELECT org_id, lawyer_type, in_pool FROM lawyers WHERE id = $1',
    [a.lawyerId],
  );
  const l = rows[0];
  if (l?.lawyer_type !== 'government' || !l.in_pool)
    throw new AppError('VALIDATION', '只能调派公职律师人才库中的公职律师', {
      errors: [{ field: 'lawyerId', message: '请选择人才库中的公职律师' }],
    });
  if (!(await isLawyersSection(tx, actor)))
    throw new AppError('FORBIDDEN', '只有律师工作科可以跨部门调派公职律师');
  const { rows: ins } = await tx.query<{ id: number }>(
    `INSERT INTO government_lawyer_assignments (lawyer_id, to_org_id, task, assigned_on) VALUES ($1, $2, $3, $4) RETURNING id`,
    [a.lawyerId, a.toOrgId, a.task, a.assignedOn],
  );
  return Number(ins[0]!.id);
}

export type AssessmentResult = 'pass' | 'fail' | 'competent' | 'basicallyCompetent' | 'incompetent';

/**
 * A year's inspection of a firm (合格/不合格) or assessment of one of its lawyers (称职/基本称职/不称职), recorded by
 * the 律师工作科; one per firm or lawyer and year.
 */
export async function recordAssessment(
  tx: Tx,
  actor: Actor,
  a: {
    orgId: number;
    lawyerId?: number | undefined;
    year: number;
    result: AssessmentResult;
    decidedOn: string;
    note?: string | undefined;
  },
) {
  const firmGrade = a.result === 'pass' || a.result === 'fail';
  if (firmGrade === (a.lawyerId !== undefined))
    throw new AppError(
      'VALIDATION',
      a.lawyerId
        ? '律师年度考核结果应为称职、基本称职或不称职'
        : '律师事务所年度检查考核结果应为合格或不合格',
      {
        errors: [{ field: 'result', message: '考核结果与对象不符' }],
      },
    );
  const { rows } = await tx.query('SELECT 1 FROM law_firms WHERE org_id = $1', [a.orgId]);
  if (!rows[0]) throw new AppError('NOT_FOUND', '律师事务所不存在');
  if (a.lawyerId) {
    const { rows: l } = await tx.query('SELECT 1 FROM lawyers WHERE id = $1 AND org_id = $2', [
      a.lawyerId,
      a.orgId,
    ]);
    if (!l[0])
      throw new AppError('VALIDATION', '该律师不在本所执业', {
        errors: [{ field: 'lawyerId', message: '请选择本所律师' }],
      });
  }
  await assertRole(tx, actor, a.orgId, ['sectionStaff', 'admin'], '只有律师工作科可以登记年度检查考核结果');
  const { rows: dup } = await tx.query(
    'SELECT 1 FROM lawyer_assessments WHERE org_id = $1 AND coalesce(lawyer_id, 0) = coalesce($2::bigint, 0) AND year = $3',
    [a.orgId, a.lawyerId ?? null, a.year],
  );
  if (dup[0]) throw new AppError('CONFLICT', `${a.year}年度的考核结果已登记`);
  const { rows: ins } = await tx.query<{ id: number }>(
    `INSERT INTO lawyer_assessments (org_id, lawyer_id, year, result, decided_on, note) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id`,
    [a.orgId, a.lawyerId ?? null, a.year, a.result, a.decidedOn, a.note ?? null],
  );
  return Number(ins[0]!.id);
}

export async function listAssessments(db: Queryable, actor: Actor, year: number) {
  const { rows } = await db.query(
    `SELECT a.id::int, a.org_id::int AS "orgId", o.name AS "orgName", a.lawyer_id::int AS "lawyerId",
            p.name AS "lawyerName", a.year, a.result, a.decided_on::text AS "decidedOn", a.note
     FROM lawyer_assessments a JOIN orgs o ON o.id = a.org_id
     LEFT JOIN lawyers l ON l.id = a.lawyer_id LEFT JOIN parties p ON p.id = l.party_id
     WHERE ${inScope('a.org_id', 1)} AND a.year = $2
     ORDER BY o.name, a.lawyer_id NULLS FIRST`,
    [scopeParam(actor, 'org.read'), year],
  );
  return rows;
}
