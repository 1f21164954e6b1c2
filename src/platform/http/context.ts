import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.ts';
import type { Role } from '../access/roles.ts';
import { CSRF_HEADER, SESSION_COOKIE, touchSession } from '../auth/sessions.ts';
import type { Db } from '../db/pool.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionId: string | null;
    mustChangePassword: boolean;
  }
  interface FastifyContextConfig {
    /** Route answers without a signed-in user (sign-in, health, public portal). */
    public?: boolean;
    /** Route stays open while the user must change their password. */
    allowPasswordChange?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function loadActor(
  db: Db,
  userId: number,
  req: FastifyRequest,
): Promise<Actor & { mustChange: boolean }> {
  const { rows } = await db.query<{
    display_name: string;
    must_change_password: boolean;
    memberships: Actor['memberships'];
  }>(
    `SELECT u.display_name, u.must_change_password,
            coalesce(json_agg(json_build_object('orgId', m.org_id, 'role', m.role))
                     FILTER (WHERE m.org_id IS NOT NULL), '[]') AS memberships
     FROM users u LEFT JOIN memberships m ON m.user_id = u.id
     WHERE u.id = $1 GROUP BY u.id`,
    [userId],
  );
  const row = rows[0]!;
  return {
    userId,
    name: row.display_name,
    memberships: row.memberships.map((m) => ({ orgId: Number(m.orgId), role: m.role as Role })),
    ip: req.ip,
    requestId: req.id,
    mustChange: row.must_change_password,
  };
}

/**
 * Resolves the signed-in user for every /api request, enforces CSRF on state-changing requests, and keeps
 * a user who must change their password away from everything else.
 */
export function installAuthContext(app: FastifyInstance, db: Db) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('mustChangePassword', false);

  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    req.actor = { userId: null, name: 'anonymous', memberships: [], ip: req.ip, requestId: req.id };
    if (!req.url.startsWith('/api/')) return;
    const unsafe = !SAFE_METHODS.has(req.method);
    if (unsafe) {
      // Cross-site forms cannot send JSON without a preflight; refusing other bodies closes that door.
      const type = req.headers['content-type'] ?? '';
      if (
        req.headers['content-length'] !== '0' &&
        type !== '' &&
        !/^(application\/json|multipart\/form-data)/.test(type)
      ) {
        throw new AppError('UNSUPPORTED_MEDIA', '请以 application/json 提交');
      }
    }
    const token = req.cookies[SESSION_COOKIE];
    const isPublic = req.routeOptions.config?.public === true;
    if (!token) {
      if (isPublic) return;
      throw new AppError('UNAUTHENTICATED');
    }
    const session = await touchSession(db, token);
    if (session.status !== 'valid') {
      if (isPublic) return;
      throw new AppError(
        session.status === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED',
        session.status === 'expired' ? '登录已过期，请重新登录' : undefined,
      );
    }
    if (unsafe && req.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('CSRF', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
    }
    const actor = await loadActor(db, session.userId, req);
    req.actor = actor;
    req.sessionId = session.sessionId;
    req.mustChangePassword = actor.mustChange;
    if (actor.mustChange && !isPublic && req.routeOptions.config?.allowPasswordChange !== true) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '请先修改密码');
    }
  });
}
