import { z } from 'zod';
import { type Actor, can, isDistrictLevel, scopeRoots } from '../access/actor.ts';
import { permissions } from '../access/roles.ts';
import { audit } from '../audit/audit.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import type { App } from '../http/app.ts';
import { errorResponses, noContent } from '../http/contracts.ts';
import { AppError } from '../http/errors.ts';
import { meSchema } from './contracts.ts';
import { login } from './login.ts';
import {
  hashPassword,
  PASSWORD_HISTORY,
  passwordProblem,
  passwordUsedBefore,
  retireAndSetPassword,
  verifyPassword,
} from './passwords.ts';
import { RateLimiter } from './rate-limit.ts';
import { revokeSession, revokeUserSessions, SESSION_ABSOLUTE_HOURS, SESSION_COOKIE } from './sessions.ts';

async function me(db: Db, actor: Actor, sessionId: string) {
  const { rows } = await db.query(
    `SELECT u.id, u.username, u.display_name AS "displayName", u.must_change_password AS "mustChangePassword",
            coalesce(json_agg(json_build_object('orgId', o.id, 'orgName', o.name, 'role', m.role) ORDER BY o.id)
                     FILTER (WHERE o.id IS NOT NULL), '[]') AS memberships,
            (SELECT csrf_token FROM sessions WHERE id = $2) AS "csrfToken"
     FROM users u LEFT JOIN memberships m ON m.user_id = u.id LEFT JOIN orgs o ON o.id = m.org_id
     WHERE u.id = $1 GROUP BY u.id`,
    [actor.userId, sessionId],
  );
  // Holiday notices and the bureau profile are district-wide: a township administrator is not offered the pages
  // the server refuses.
  const districtCalendar = await isDistrictLevel(db, actor, 'calendar.manage');
  const districtProfile = await isDistrictLevel(db, actor, 'profile.manage');
  return {
    ...rows[0],
    permissions: permissions.filter(
      (p) =>
        can(actor, p) &&
        scopeRoots(actor, p).length > 0 &&
        (p !== 'calendar.manage' || districtCalendar) &&
        (p !== 'profile.manage' || districtProfile),
    ),
  };
}

export async function authRoutes(app: App, deps: { db: Db; config: Pick<Config, 'passwordPolicy'> }) {
  const { db } = deps;
  const perIp = new RateLimiter(30, 60_000);
  const perAccount = new RateLimiter(10, 60_000);

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: z.object({
          username: z.string().trim().min(1, '请输入用户名').max(64),
          password: z.string().min(1, '请输入密码').max(256),
        }),
        response: { 200: meSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      // Per account *and* address: a stranger's bursts must not rate-limit the administrator elsewhere
      // (guessing spread over many addresses is slowed in login()).
      const wait = Math.max(
        perIp.hit(req.ip),
        perAccount.hit(`${req.body.username.toLowerCase()}|${req.ip}`),
      );
      if (wait > 0) {
        await audit(
          db,
          { ...req.actor, name: req.body.username.slice(0, 64) },
          {
            action: 'auth.login',
            outcome: 'denied',
            summary: { reason: 'rate limited' },
          },
        );
        reply.header('retry-after', String(wait));
        throw new AppError('RATE_LIMITED', `登录尝试过于频繁，请 ${wait} 秒后再试`);
      }
      const result = await login(db, {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        maxAge: SESSION_ABSOLUTE_HOURS * 3600,
      });
      const { rows } = await db.query(`SELECT org_id AS "orgId", role FROM memberships WHERE user_id = $1`, [
        result.userId,
      ]);
      const actor: Actor = { userId: result.userId, name: '', memberships: rows };
      return me(db, actor, result.id);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { allowPasswordChange: true },
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: noContent, ...errorResponses } },
    },
    async (req, reply) => {
      await withTx(db, async (tx) => {
        await revokeSession(tx, req.sessionId!);
        await audit(tx, req.actor, {
          action: 'auth.logout',
          objectType: 'user',
          objectId: req.actor.userId!,
        });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { allowPasswordChange: true },
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: meSchema, ...errorResponses } },
    },
    async (req) => me(db, req.actor, req.sessionId!),
  );

  app.post(
    '/api/auth/password',
    {
      config: { allowPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: z.object({
          currentPassword: z.string().min(1, '请输入当前密码'),
          newPassword: z.string().min(1).max(128),
        }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { rows } = await db.query<{ username: string; password_hash: string }>(
        'SELECT username, password_hash FROM users WHERE id = $1',
        [req.actor.userId],
      );
      const user = rows[0]!;
      if (!(await verifyPassword(user.password_hash, req.body.currentPassword))) {
        await audit(db, req.actor, {
          action: 'user.password.change',
          objectType: 'user',
          objectId: req.actor.userId!,
          outcome: 'failure',
          summary: { reason: 'wrong current password' },
        });
        throw new AppError('VALIDATION', '当前密码不正确', {
          errors: [{ field: 'currentPassword', message: '当前密码不正确' }],
        });
      }
      const why = passwordProblem(req.body.newPassword, deps.config.passwordPolicy, user.username);
      if (why) throw new AppError('VALIDATION', why, { errors: [{ field: 'newPassword', message: why }] });
      if (req.body.newPassword === req.body.currentPassword) {
        throw new AppError('VALIDATION', '新密码不能与当前密码相同', {
          errors: [{ field: 'newPassword', message: '新密码不能与当前密码相同' }],
        });
      }
      if (await passwordUsedBefore(db, req.actor.userId!, req.body.newPassword)) {
        const message = `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`;
        throw new AppError('VALIDATION', message, { errors: [{ field: 'newPassword', message }] });
      }
      const hash = await hashPassword(req.body.newPassword);
      await withTx(db, async (tx) => {
        await retireAndSetPassword(tx, req.actor.userId!, hash, { mustChange: false });
        await revokeUserSessions(tx, req.actor.userId!, req.sessionId!);
        await audit(tx, req.actor, {
          action: 'user.password.change',
          objectType: 'user',
          objectId: req.actor.userId!,
        });
      });
      return reply.code(204).send();
    },
  );
}
