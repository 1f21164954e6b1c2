import type { Actor } from '../../../platform/access/actor.ts';
import type { Role } from '../../../platform/access/roles.ts';
import type { Queryable } from '../../../platform/db/pool.ts';
import { AppError } from '../../../platform/http/errors.ts';

/**
 * Who may do what with an edition of the bureau `orgId`: members of the bureau, of an organisation above it (the
 * district) or of one of its sections read it; section staff and leaders among them edit its text; only a leader
 * at the district or the bureau itself reviews, approves (签发) and publishes it.
 */
const readers: Role[] = ['admin', 'leader', 'sectionStaff', 'auditor', 'townshipStaff'];
const editors: Role[] = ['leader', 'sectionStaff'];

const orgsWith = (actor: Actor, roles: Role[]) =>
  actor.memberships.filter((m) => roles.includes(m.role)).map((m) => m.orgId);

async function related(db: Queryable, orgIds: number[], reportOrg: number, upOnly: boolean) {
  if (!orgIds.length) return false;
  const { rowCount } = await db.query(
    `SELECT 1 FROM org_closure c JOIN orgs o ON o.id = c.ancestor_id
      WHERE (c.ancestor_id = ANY($1::bigint[]) AND c.descendant_id = $2 AND ($3::boolean IS FALSE OR o.kind IN ('district', 'bureau')))
         OR ($3::boolean IS FALSE AND c.ancestor_id = $2 AND c.descendant_id = ANY($1::bigint[]))
      LIMIT 1`,
    [orgIds, reportOrg, upOnly],
  );
  return (rowCount ?? 0) > 0;
}

export type ReportPower = 'read' | 'edit' | 'sign';

export async function assertReportPower(db: Queryable, actor: Actor, reportOrg: number, power: ReportPower) {
  if (actor.userId === null) return;
  const ok =
    power === 'read'
      ? await related(db, orgsWith(actor, readers), reportOrg, false)
      : power === 'edit'
        ? await related(db, orgsWith(actor, editors), reportOrg, false)
        : await related(db, orgsWith(actor, ['leader']), reportOrg, true);
  if (!ok)
    throw new AppError(
      'FORBIDDEN',
      power === 'sign'
        ? '只有区或区司法局的局领导可以审核、签发和发布年度报告'
        : power === 'edit'
          ? '只有本局科室工作人员和局领导可以编辑年度报告'
          : '该年度报告不在您的权限范围内',
    );
}

/** The powers the actor holds, for the page's buttons (the server checks each action anyway). */
export async function reportPowers(db: Queryable, actor: Actor, reportOrg: number) {
  const can = async (p: ReportPower) =>
    assertReportPower(db, actor, reportOrg, p).then(
      () => true,
      () => false,
    );
  return { edit: await can('edit'), sign: await can('sign') };
}
