import { z } from 'zod';
import { assertCan } from '../access/actor.ts';
import { audit } from '../audit/audit.ts';
import type { Db } from '../db/pool.ts';
import { withTx } from '../db/pool.ts';
import type { App } from '../http/app.ts';
import { errorResponses } from '../http/contracts.ts';
import { orgDirectoryEntry, orgSchema, region } from './contracts.ts';
import { createOrg, getOrg, listOrgDirectory, listOrgs, orgKinds, updateOrg } from './queries.ts';

const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });
const regionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码应为6、9或12位数字');

export async function orgRoutes(app: App, { db }: { db: Db }) {
  app.get(
    '/api/orgs',
    {
      schema: {
        tags: ['orgs'],
        summary: '机构列表（权限范围内）',
        querystring: z.object({ kind: z.enum(orgKinds).optional(), q: z.string().max(50).optional() }),
        response: { 200: z.array(orgSchema), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listOrgs(db, req.actor, req.query);
    },
  );

  app.get(
    '/api/orgs/directory',
    {
      schema: {
        tags: ['orgs'],
        summary: '机构名录（全区在用机构名称，供选择被申请人、收文机关等）',
        querystring: z.object({
          kind: z
            .union([z.enum(orgKinds), z.array(z.enum(orgKinds))])
            .optional()
            .transform((k) => (k === undefined ? [] : Array.isArray(k) ? k : [k])),
        }),
        response: { 200: z.array(orgDirectoryEntry), ...errorResponses },
      },
    },
    async (req) => listOrgDirectory(db, req.query.kind),
  );

  app.get(
    '/api/orgs/:id',
    {
      schema: {
        tags: ['orgs'],
        summary: '机构详情',
        params: idParams,
        response: { 200: orgSchema, ...errorResponses },
      },
    },
    async (req) => getOrg(db, req.actor, req.params.id),
  );

  app.post(
    '/api/orgs',
    {
      schema: {
        tags: ['orgs'],
        summary: '新建机构',
        body: z.object({
          code: z
            .string()
            .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, '机构代码只能用小写字母、数字、点、横线，2–63位'),
          name: z.string().trim().min(2).max(100),
          shortName: z.string().trim().max(30).nullish(),
          kind: z.enum(orgKinds).exclude(['district']),
          parentId: z.number().int().positive(),
          regionCode,
        }),
        response: { 201: orgSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'org.manage');
      const id = await withTx(db, async (tx) => {
        const id = await createOrg(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'org.create',
          objectType: 'org',
          objectId: id,
          summary: req.body,
        });
        return id;
      });
      return reply.code(201).send(await getOrg(db, req.actor, id));
    },
  );

  app.patch(
    '/api/orgs/:id',
    {
      schema: {
        tags: ['orgs'],
        summary: '修改机构（需带版本号）',
        params: idParams,
        body: z.object({
          name: z.string().trim().min(2).max(100).optional(),
          shortName: z.string().trim().max(30).nullish(),
          regionCode: regionCode.optional(),
          parentId: z.number().int().positive().optional(),
          active: z.boolean().optional(),
          address: z.string().trim().max(200, '住所不超过 200 字').nullish(),
          legalRepresentative: z.string().trim().max(100, '法定代表人不超过 100 字').nullish(),
          version: z.number().int().positive(),
        }),
        response: { 200: orgSchema, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.manage');
      await withTx(db, async (tx) => {
        const { before } = await updateOrg(tx, req.actor, req.params.id, req.body);
        const { version: _v, ...changes } = req.body;
        await audit(tx, req.actor, {
          action: 'org.update',
          objectType: 'org',
          objectId: req.params.id,
          summary: {
            changes,
            before: Object.fromEntries(
              Object.keys(changes).map((k) => [k, before[k as keyof typeof before]]),
            ),
          },
        });
      });
      return getOrg(db, req.actor, req.params.id);
    },
  );

  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['orgs'],
        summary: '行政区划（镇街、村社区）',
        querystring: z.object({ parent: z.string().max(12).optional() }),
        response: { 200: z.array(region), ...errorResponses },
      },
    },
    async (req) => {
      const { rows } = await db.query(
        `SELECT code, name, level, kind, parent_code AS "parentCode" FROM regions
         WHERE ($1::text IS NULL OR parent_code = $1) ORDER BY code`,
        [req.query.parent ?? null],
      );
      return rows;
    },
  );
}
