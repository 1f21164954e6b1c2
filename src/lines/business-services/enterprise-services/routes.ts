import { z } from 'zod';
import { choice, date, optionalText, text } from '../../../kernel/fields/fields.ts';
import { partyField } from '../../../kernel/fields/party.ts';
import { assertCan } from '../../../platform/access/actor.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { type Db, withTx } from '../../../platform/db/pool.ts';
import type { App } from '../../../platform/http/app.ts';
import { errorResponses, noContent } from '../../../platform/http/contracts.ts';
import { guidelineRow, serviceRow } from './contracts.ts';
import { addGuideline, bookService, listGuidelines, listServices, updateService } from './registry.ts';

const tags = ['compliance'];
const created = z.object({ id: z.number() });
const services = {
  appointment: '预约式指导',
  consultation: '法律咨询',
  riskCheck: '合规风险体检',
  training: '培训',
} as const;

/** Guidelines and enterprise services of the compliance and foreign-related centres, under /api/lines/compliance/. */
export async function complianceRoutes(app: App, { db }: { db: Db }) {
  app.get(
    '/api/lines/compliance/guidelines',
    {
      schema: { tags, summary: '产业合规指引', response: { 200: z.array(guidelineRow), ...errorResponses } },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listGuidelines(db, req.actor);
    },
  );
  app.post(
    '/api/lines/compliance/guidelines',
    {
      schema: {
        tags,
        summary: '发布产业合规指引（同一产业再次发布为新版本）',
        body: z.object({
          ownerOrgId: z.number().int().positive().meta({ title: '承办科室' }),
          industry: text('产业', 50),
          title: text('标题', 100),
          authors: text('编写单位及人员', 200),
          publishedOn: date('发布日期'),
          enterprisesReached: z.number().int().min(0).default(0).meta({ title: '覆盖企业数' }),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await addGuideline(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'compliance.guideline.create',
          objectType: 'guideline',
          objectId: id,
          summary: req.body,
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );
  app.get(
    '/api/lines/compliance/services',
    {
      schema: {
        tags,
        summary: '企业服务记录（合规中心、涉外法律服务分中心）',
        querystring: z.object({ centre: z.enum(['compliance', 'foreignRelated']).optional() }),
        response: { 200: z.array(serviceRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listServices(db, req.actor, req.query.centre);
    },
  );
  app.post(
    '/api/lines/compliance/services',
    {
      schema: {
        tags,
        summary: '登记企业预约或服务',
        body: z.object({
          ownerOrgId: z.number().int().positive().meta({ title: '承办科室' }),
          centre: choice('服务机构', {
            compliance: '产业合规中心',
            foreignRelated: '宁波国际法律服务中心镇海分中心',
          }),
          service: choice('服务类型', services),
          enterprise: partyField.meta({ title: '企业' }),
          topic: text('事项', 200),
          country: optionalText('国家或地区', 50),
          requestedOn: date('预约（申请）日期'),
          slotOn: date('预约时段日期').optional(),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await bookService(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'compliance.service.create',
          objectType: 'service',
          objectId: id,
          summary: { centre: req.body.centre, service: req.body.service },
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );
  app.patch(
    '/api/lines/compliance/services/:id',
    {
      schema: {
        tags,
        summary: '确认预约（指派人员）、记录指导意见办结或取消',
        params: z.object({ id: z.coerce.number().int().positive('编号无效') }),
        body: z.object({
          status: z.enum(['confirmed', 'done', 'cancelled']),
          adviser: optionalText('承办律师或工作人员', 50),
          advice: optionalText('指导意见及后续跟进', 1000),
          on: date('日期'),
        }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await withTx(db, async (tx) => {
        await updateService(tx, req.actor, req.params.id, req.body);
        await audit(tx, req.actor, {
          action: 'compliance.service.update',
          objectType: 'service',
          objectId: req.params.id,
          summary: { status: req.body.status },
        });
      });
      return reply.code(204).send();
    },
  );
}
