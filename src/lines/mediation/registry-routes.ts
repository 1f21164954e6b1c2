import { z } from 'zod';
import { todayInChina } from '../../kernel/calendar/index.ts';
import { choice, date, optionalText, text } from '../../kernel/fields/fields.ts';
import { assertCan } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, withTx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, noContent } from '../../platform/http/contracts.ts';
import { created, mediatorRow, organisationRow } from './contracts.ts';
import { employments, organisationKinds } from './labels.ts';
import { lookupRoutes } from './lookups.ts';
import {
  addMediator,
  createOrganisation,
  listMediators,
  listOrganisations,
  setMediatorStatus,
  updateOrganisation,
} from './registry.ts';
import { relationRoutes } from './relations.ts';

const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });
const tags = ['mediation'];

/** The registry of mediation organisations and the mediator pool, under /api/lines/mediation/. */
export async function registryRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const businessDay = () => (today ? today() : todayInChina());
  lookupRoutes(app, db);
  relationRoutes(app, db, today);

  app.get(
    '/api/lines/mediation/organisations',
    {
      schema: {
        tags,
        summary: '调解组织名录（权限范围内），含备案期限',
        response: { 200: z.array(organisationRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listOrganisations(db, req.actor, businessDay());
    },
  );

  app.post(
    '/api/lines/mediation/organisations',
    {
      schema: {
        tags,
        summary: '登记调解组织',
        body: z.object({
          code: z
            .string()
            .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, '机构代码只能用小写字母、数字、点、横线，2–63位'),
          name: text('名称', 100),
          orgKind: choice('类别', organisationKinds),
          parentId: z.number().int().positive().meta({ title: '上级机构（司法所或区司法局）' }),
          regionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码应为6、9或12位数字'),
          foundedOn: date('设立日期'),
          speciality: optionalText('专业领域', 50),
          filedOn: date('备案日期').optional(),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await createOrganisation(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'mediation.organisation.create',
          objectType: 'org',
          objectId: id,
          summary: req.body,
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );

  app.patch(
    '/api/lines/mediation/organisations/:id',
    {
      schema: {
        tags,
        summary: '登记调解组织备案或撤销',
        params: idParams,
        body: z.object({ filedOn: date('备案日期').optional(), dissolvedOn: date('撤销日期').optional() }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await withTx(db, async (tx) => {
        await updateOrganisation(tx, req.actor, req.params.id, req.body);
        await audit(tx, req.actor, {
          action: 'mediation.organisation.update',
          objectType: 'org',
          objectId: req.params.id,
          summary: req.body,
        });
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/lines/mediation/mediators',
    {
      schema: {
        tags,
        summary: '调解员名册与区级调解人才库（含办案量、调解成功率）',
        querystring: z.object({ pool: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(mediatorRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listMediators(db, req.actor, { poolOnly: req.query.pool === 'true' });
    },
  );

  app.post(
    '/api/lines/mediation/mediators',
    {
      schema: {
        tags,
        summary: '登记调解员',
        body: z.object({
          orgId: z.number().int().positive().meta({ title: '所属调解组织' }),
          name: text('姓名', 50),
          speciality: text('专长', 50),
          certificateNo: optionalText('证书编号', 50),
          employment: choice('专兼职', employments),
          inPool: z.boolean().default(false).meta({ title: '入选区级调解人才库' }),
          joinedOn: date('入库（聘任）日期'),
          partyId: z.number().int().positive().optional().meta({ title: '当事人档案（用于回避审查）' }),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await addMediator(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'mediation.mediator.create',
          objectType: 'mediator',
          objectId: id,
          summary: { orgId: req.body.orgId, inPool: req.body.inPool },
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/lines/mediation/mediators/:id/status',
    {
      schema: {
        tags,
        summary: '调解员暂停、退出或恢复',
        params: idParams,
        body: z.object({ status: z.enum(['active', 'suspended', 'left']), on: date('日期') }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await withTx(db, async (tx) => {
        await setMediatorStatus(tx, req.actor, req.params.id, req.body.status, req.body.on);
        await audit(tx, req.actor, {
          action: 'mediation.mediator.status',
          objectType: 'mediator',
          objectId: req.params.id,
          summary: req.body,
        });
      });
      return reply.code(204).send();
    },
  );
}
