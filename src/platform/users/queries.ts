import { type Actor, assertInScope, inScope, scopeParam } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import { unlockAccount } from '../auth/login.ts';
import { hashPassword, retireAndSetPassword } from '../auth/passwords.ts';
import { revokeUserSessions } from '../auth/sessions.ts';
import { likeEscape } from '../db/like.ts';
import type { Queryable, Tx } from '../db/pool.ts';
import { AppError } from '../http/errors.ts';

export interface MembershipInput {
  orgId: number;
  role: Role;
}

/** 138****1234: lists never show a whole phone number. */
export const maskPhone = (p: string | null) => (p ? p.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2') : null);

const userColumns = `u.id, u.username, u.display_name AS "displayName", u.phone, u.disabled,
  u.must_change_password AS "mustChangePassword", EXISTS (SELECT 1 FROM login_failures lf WHERE lf.user_id = u.id AND lf.locked_until > now()) AS locked, u.is_demo AS "isDemo",
  u.version, u.created_at AS "createdAt",
  coalesce((SELECT json_agg(json_build_object('orgId', m.org_id, 'orgName', o.name, 'role', m.role) ORDER BY o.id, m.role)
            FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = u.id), '[]') AS memberships`;

/** A user is visible when one of their memberships lies inside the actor's `user.read` scope. */
const visible = (param: number) =>
  `EXISTS (SELECT 1 FROM memberships vm WHERE vm.user_id = u.id AND ${inScope('vm.org_id', param)})`;

export async function listUsers(
  db: Queryable,
  actor: Actor,
  filter: { q?: string; orgId?: number; limit: number; offset: number },
) {
  const { rows } = await db.query(
    `SELECT ${userColumns}, count(*) OVER ()::int AS total FROM users u
     WHERE ${visible(1)}
       AND ($2::text IS NULL OR u.username ILIKE '%' || $2 || '%' OR u.display_name LIKE '%' || $2 || '%')
       AND ($3::bigint IS NULL OR EXISTS (SELECT 1 FROM memberships fm WHERE fm.user_id = u.id AND fm.org_id = $3))
     ORDER BY u.id LIMIT $4 OFFSET $5`,
    [scopeParam(actor, 'user.read'), likeEscape(filter.q), filter.orgId ?? null, filter.limit, filter.offset],
  );
  const total = (rows[0]?.total as number | undefined) ?? 0;
  return { total, items: rows.map(({ total: _t, ...r }) => ({ ...r, phone: maskPhone(r.phone) })) };
}

export async function getUser(db: Queryable, actor: Actor, id: number) {
  const { rows } = await db.query(`SELECT ${userColumns} FROM users u WHERE u.id = $1 AND ${visible(2)}`, [
    id,
    scopeParam(actor, 'user.read'),
  ]);
  if (!rows[0]) throw new AppError('NOT_FOUND', '用户不存在或不在您的权限范围内');
  return rows[0];
}

/** Every membership granted or removed must lie inside the actor's `user.manage` scope. */
async function assertMembershipsManageable(tx: Tx, actor: Actor, memberships: MembershipInput[]) {
  for (const m of memberships) await assertInScope(tx, actor, 'user.manage', m.orgId);
}

/**
 * The actor must manage every membership of the target user: a township office's administrator cannot reset
 * the password of someone who also works at the bureau, or that sign-in would carry the bureau role.
 * A user outside the actor's sight answers like one they see but may not manage (403), as before.
 */
export async function assertUserManageable(tx: Queryable, actor: Actor, userId: number) {
  if (actor.userId === null) return;
  const { rowCount } = await tx.query(
    `SELECT 1 FROM users u WHERE u.id = $1
       AND NOT EXISTS (SELECT 1 FROM memberships vm WHERE vm.user_id = u.id AND NOT ${inScope('vm.org_id', 2)})`,
    [userId, scopeParam(actor, 'user.manage')],
  );
  if (!rowCount) throw new AppError('FORBIDDEN', '该用户有不在您管理范围内的所属机构，您不能管理该用户');
}

export async function insertUser(
  tx: Tx,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    phone?: string | null;
    password: string;
    mustChange: boolean;
    memberships: MembershipInput[];
    isDemo?: boolean;
  },
): Promise<number> {
  await assertMembershipsManageable(tx, actor, input.memberships);
  const dup = await tx.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [input.username]);
  if (dup.rowCount)
    throw new AppError('CONFLICT', `用户名 ${input.username} 已被使用`, {
      errors: [{ field: 'username', message: '用户名已被使用' }],
    });
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO users (username, display_name, phone, password_hash, must_change_password, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      input.username,
      input.displayName,
      input.phone ?? null,
      await hashPassword(input.password),
      input.mustChange,
      input.isDemo ?? false,
    ],
  );
  const id = rows[0]!.id;
  await setMemberships(tx, id, input.memberships);
  return id;
}

async function setMemberships(tx: Tx, userId: number, memberships: MembershipInput[]) {
  await tx.query('DELETE FROM memberships WHERE user_id = $1', [userId]);
  await tx.query(
    `INSERT INTO memberships (user_id, org_id, role)
     SELECT $1, m.org_id, m.role FROM jsonb_to_recordset($2::jsonb) AS m(org_id bigint, role text)
     ON CONFLICT DO NOTHING`,
    [userId, JSON.stringify(memberships.map((m) => ({ org_id: m.orgId, role: m.role })))],
  );
}

export async function updateUser(
  tx: Tx,
  actor: Actor,
  id: number,
  patch: { displayName?: string; phone?: string | null; memberships?: MembershipInput[]; version: number },
) {
  await assertUserManageable(tx, actor, id);
  if (patch.memberships) {
    const { rows } = await tx.query<MembershipInput>(
      'SELECT org_id AS "orgId", role FROM memberships WHERE user_id = $1',
      [id],
    );
    await assertMembershipsManageable(tx, actor, [...rows, ...patch.memberships]);
  }
  const { rows } = await tx.query(
    `UPDATE users SET display_name = coalesce($2, display_name),
            phone = CASE WHEN $3::boolean THEN $4 ELSE phone END, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $5 RETURNING version`,
    [id, patch.displayName ?? null, patch.phone !== undefined, patch.phone ?? null, patch.version],
  );
  if (!rows[0]) throw new AppError('VERSION_CONFLICT', '该用户已被他人修改，请刷新后重试');
  if (patch.memberships) await setMemberships(tx, id, patch.memberships);
}

export type AccountAction = 'disable' | 'enable' | 'unlock' | 'resetPassword';

/** Admin actions on an account. Disabling or resetting ends the user's sessions at once. */
export async function accountAction(
  tx: Tx,
  actor: Actor,
  id: number,
  action: AccountAction,
  newPassword?: string,
) {
  await assertUserManageable(tx, actor, id);
  if (id === actor.userId && (action === 'disable' || action === 'resetPassword')) {
    throw new AppError(
      'CONFLICT',
      action === 'disable' ? '不能停用自己的账户' : '请通过"修改密码"修改自己的密码',
    );
  }
  switch (action) {
    case 'disable':
      await tx.query(
        'UPDATE users SET disabled = true, version = version + 1, updated_at = now() WHERE id = $1',
        [id],
      );
      await revokeUserSessions(tx, id);
      break;
    case 'enable':
      await tx.query(
        'UPDATE users SET disabled = false, version = version + 1, updated_at = now() WHERE id = $1',
        [id],
      );
      break;
    case 'unlock':
      await unlockAccount(tx, id);
      break;
    case 'resetPassword':
      await retireAndSetPassword(tx, id, await hashPassword(newPassword!), { mustChange: true });
      await unlockAccount(tx, id);
      await revokeUserSessions(tx, id);
      break;
  }
}
