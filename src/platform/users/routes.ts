import { z } from 'zod';
import { assertCan } from '../access/actor.ts';
import { roles } from '../access/roles.ts';
import { audit } from '../audit/audit.ts';
import { generatePassword, passwordProblem } from '../auth/passwords.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import type { App } from '../http/app.ts';
import { errorResponses } from '../http/contracts.ts';
import { AppError } from '../http/errors.ts';
import { accountActionResult, userCreated, userPage, userSchema } from './contracts.ts';
import { accountAction, getUser, insertUser, listUsers, updateUser } from './queries.ts';

const membership = z.object({ orgId: z.number().int().positive(), role: z.enum(roles) });
const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入11位手机号或带区号的固定电话');

const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });

export async function userRoutes(app: App, deps: { db: Db; config: Pick<Config, 'passwordPolicy'> }) {
  const { db } = deps;

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '用户列表（手机号脱敏）',
        querystring: z.object({
          q: z.string().max(50).optional(),
          orgId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: userPage, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'user.read');
      return listUsers(db, req.actor, req.query);
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '用户详情（查看完整手机号，记入审计）',
        params: idParams,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'user.read');
      return withTx(db, async (tx) => {
        const user = await getUser(tx, req.actor, req.params.id);
        await audit(tx, req.actor, { action: 'user.view', objectType: 'user', objectId: req.params.id });
        return user;
      });
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建用户（首次登录须改密码）',
        body: z.object({
          username: z
            .string()
            .trim()
            .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{2,31}$/, '用户名为3–32位字母、数字、点、横线或下划线'),
          displayName: z.string().trim().min(1).max(50),
          phone: phone.nullish(),
          password: z.string().max(128).optional(),
          memberships: z.array(membership).min(1, '至少指定一个所属机构和角色').max(20),
        }),
        response: { 201: userCreated, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'user.manage');
      const generated = req.body.password ? undefined : generatePassword();
      const password = req.body.password ?? generated!;
      const why = passwordProblem(password, deps.config.passwordPolicy, req.body.username);
      if (why) throw new AppError('VALIDATION', why, { errors: [{ field: 'password', message: why }] });
      const id = await withTx(db, async (tx) => {
        const id = await insertUser(tx, req.actor, { ...req.body, password, mustChange: true });
        const { password: _p, ...logged } = req.body;
        await audit(tx, req.actor, {
          action: 'user.create',
          objectType: 'user',
          objectId: id,
          summary: { ...logged, phone: logged.phone ? '***' : null },
        });
        return id;
      });
      return reply.code(201).send({ user: await getUser(db, req.actor, id), initialPassword: generated });
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户（需带版本号）',
        params: idParams,
        body: z.object({
          displayName: z.string().trim().min(1).max(50).optional(),
          phone: phone.nullish(),
          memberships: z.array(membership).min(1, '至少保留一个所属机构和角色').max(20).optional(),
          version: z.number().int().positive(),
        }),
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'user.manage');
      await withTx(db, async (tx) => {
        await updateUser(tx, req.actor, req.params.id, req.body);
        await audit(tx, req.actor, {
          action: 'user.update',
          objectType: 'user',
          objectId: req.params.id,
          summary: { ...req.body, phone: req.body.phone === undefined ? undefined : '***' },
        });
      });
      return getUser(db, req.actor, req.params.id);
    },
  );

  const actions = {
    disable: '停用账户',
    enable: '启用账户',
    unlock: '解除锁定',
    resetPassword: '重置密码',
  } as const;
  for (const [action, label] of Object.entries(actions) as [keyof typeof actions, string][]) {
    const path = action === 'resetPassword' ? 'reset-password' : action;
    app.post(
      `/api/users/:id/${path}`,
      {
        schema: {
          tags: ['users'],
          summary: label,
          params: idParams,
          response: { 200: accountActionResult, ...errorResponses },
        },
      },
      async (req) => {
        assertCan(req.actor, 'user.manage');
        const temporaryPassword = action === 'resetPassword' ? generatePassword() : undefined;
        await withTx(db, async (tx) => {
          await accountAction(tx, req.actor, req.params.id, action, temporaryPassword);
          await audit(tx, req.actor, {
            action: `user.${action}`,
            objectType: 'user',
            objectId: req.params.id,
          });
        });
        return { temporaryPassword };
      },
    );
  }
}
