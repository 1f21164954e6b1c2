/**
 * The register of 行政复议人员 (行政复议法第六条) and who handles which application. Those who took up the work on or
 * after 2018-01-01 hold the 法律职业资格 (2017年修正的行政复议法第三条第二款, kept by the 2023 law's Art. 6); the
 * 复议机构 hears each case with two or more of them (实施条例第三十二条).
 */
import { z } from 'zod';
import { choice, date, optionalText, text } from '../../kernel/fields/fields.ts';
import { matterReadable, matterReadParam, rolesOver } from '../../kernel/workflow/access.ts';
import { type Actor, inScope, scopeParam } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { reconsiderationOffice } from './store.ts';

export const qualifications = {
  legalProfession: '取得法律职业资格',
  before2018: '2018年1月1日前已从事行政复议工作',
} as const;
/** The day from which those first taking up the work must hold the 法律职业资格. */
export const QUALIFICATION_REQUIRED_FROM = '2018-01-01';

export const newStaffSchema = z
  .object({
    name: text('姓名', 50),
    qualification: choice('任职资格', qualifications),
    certificateNo: optionalText('法律职业资格证书编号', 50),
    since: date('从事行政复议工作的起始日期'),
  })
  .superRefine((s, ctx) => {
    if (s.qualification === 'legalProfession' && !s.certificateNo)
      ctx.addIssue({ code: 'custom', path: ['certificateNo'], message: '请填写法律职业资格证书编号' });
    if (s.qualification === 'before2018' && s.since >= QUALIFICATION_REQUIRED_FROM)
      ctx.addIssue({
        code: 'custom',
        path: ['qualification'],
        message:
          '2018年1月1日起初次从事行政复议工作的人员，应当取得法律职业资格（行政复议法第六条第二款；2017年修正的行政复议法第三条第二款）',
      });
  });
export type NewStaff = z.output<typeof newStaffSchema> & { isDemo?: boolean };

const registrars = ['sectionStaff', 'admin'];

/** Registers a person in the 复议机构's register; only its staff and administrators may. */
export async function addStaff(tx: Tx, actor: Actor, s: NewStaff): Promise<number> {
  const office = await reconsiderationOffice(tx);
  const roles = await rolesOver(tx, actor, office.id);
  if (!registrars.some((r) => roles.has(r as never)))
    throw new AppError('FORBIDDEN', '只有行政复议机构的工作人员可以登记行政复议人员');
  const { rows: same } = await tx.query(
    'SELECT 1 FROM reconsideration_staff WHERE org_id = $1 AND name = $2 AND left_on IS NULL',
    [office.id, s.name],
  );
  if (same[0])
    throw new AppError('VALIDATION', `${s.name}已在行政复议人员名册中`, {
      errors: [{ field: 'name', message: '同名人员已在名册中' }],
    });
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO reconsideration_staff (org_id, name, qualification, certificate_no, since, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [office.id, s.name, s.qualification, s.certificateNo ?? null, s.since, s.isDemo ?? false],
  );
  return Number(rows[0]!.id);
}

/** The register within the reader's scope, with the applications each person handles (open ones apart). */
export async function listStaff(db: Queryable, actor: Actor) {
  const { rows } = await db.query(
    `SELECT s.id::int, s.name, s.qualification, s.certificate_no AS "certificateNo", s.since::text AS since,
            s.left_on::text AS "leftOn",
            count(h.matter_id)::int AS cases,
            count(h.matter_id) FILTER (WHERE m.closed_on IS NULL)::int AS "openCases",
            count(h.matter_id) FILTER (WHERE h.role = 'lead')::int AS "leadCases"
     FROM reconsideration_staff s
     LEFT JOIN reconsideration_handlers h ON h.staff_id = s.id
     LEFT JOIN matters m ON m.id = h.matter_id
     WHERE ${inScope('s.org_id', 1)}
     GROUP BY s.id ORDER BY s.left_on IS NOT NULL, s.since, s.name LIMIT 500`,
    [scopeParam(actor, 'org.read')],
  );
  return rows;
}

/** Who handled which case: the applications a person handles that the reader may read. */
export async function casesOfStaff(db: Queryable, actor: Actor, staffId: number) {
  const { rows } = await db.query(
    `SELECT m.id::int AS "matterId", m.ref_no AS "refNo", m.title, m.state, h.role,
            m.opened_on::text AS "openedOn", m.closed_on::text AS "closedOn"
     FROM reconsideration_handlers h JOIN matters m ON m.id = h.matter_id
     JOIN reconsideration_staff s ON s.id = h.staff_id
     WHERE h.staff_id = $1 AND ${inScope('s.org_id', 2)} AND ${matterReadable(3)}
     ORDER BY m.opened_on DESC, m.id DESC LIMIT 1000`,
    [staffId, scopeParam(actor, 'org.read'), matterReadParam(actor)],
  );
  return rows;
}

/** Active people of the register by name, for an assignment typed by name. */
export async function staffByName(db: Queryable, names: string[]) {
  const { rows } = await db.query<{ id: number; name: string }>(
    `SELECT s.id::int, s.name FROM reconsideration_staff s
     WHERE s.name = ANY($1::text[]) AND s.left_on IS NULL
       AND s.org_id = (SELECT id FROM orgs WHERE code = 'sec-reconsideration'
                       UNION ALL (SELECT id FROM orgs WHERE kind = 'bureau' ORDER BY id LIMIT 1) LIMIT 1)`,
    [names],
  );
  return new Map(rows.map((r) => [r.name, Number(r.id)]));
}

/** The handlers of an application, for its page. */
export async function handlersOf(db: Queryable, matterId: number) {
  const { rows } = await db.query(
    `SELECT s.id::int, s.name, h.role, s.qualification, s.certificate_no AS "certificateNo"
     FROM reconsideration_handlers h JOIN reconsideration_staff s ON s.id = h.staff_id
     WHERE h.matter_id = $1 ORDER BY h.role DESC, s.name`,
    [matterId],
  );
  return rows as {
    id: number;
    name: string;
    role: string;
    qualification: string;
    certificateNo: string | null;
  }[];
}
