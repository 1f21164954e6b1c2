import { z } from 'zod';
import { todayInChina } from '../../../kernel/calendar/index.ts';
import { choice, date, optionalText, text } from '../../../kernel/fields/fields.ts';
import { assertCan } from '../../../platform/access/actor.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { type Db, withTx } from '../../../platform/db/pool.ts';
import type { App } from '../../../platform/http/app.ts';
import { errorResponses, noContent } from '../../../platform/http/contracts.ts';
import { assessmentRow, firmRow, lawyerRow } from './contracts.ts';
import { assessmentResults, firmForms, lawyerTypes } from './labels.ts';
import {
  addLawyer,
  assignGovernmentLawyer,
  createFirm,
  fileRevenue,
  listAssessments,
  listFirms,
  listLawyers,
  recordAssessment,
  recordFirmChange,
} from './registry.ts';

const tags = ['lawyers'];
const created = z.object({ id: z.number() });
const idParams = z.object({ id: z.coerce.number().int().positive('编号无效') });

/** The register of firms, lawyers, revenue returns and the government lawyer pool, under /api/lines/lawyers/. */
export async function lawyersRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const businessDay = () => (today ? today() : todayInChina());
  app.get(
    '/api/lines/lawyers/firms',
    {
      schema: {
        tags,
        summary: '律师事务所名录（权限范围内）',
        response: { 200: z.array(firmRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listFirms(db, req.actor, businessDay());
    },
  );
  app.post(
    '/api/lines/lawyers/firms',
    {
      schema: {
        tags,
        summary: '登记律师事务所（设立或迁入）',
        body: z.object({
          code: z
            .string()
            .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, '机构代码只能用小写字母、数字、点、横线，2–63位'),
          name: text('名称', 100),
          parentId: z.number().int().positive().meta({ title: '主管科室（律师工作科）' }),
          licenceNo: text('执业许可证号', 40),
          firmForm: choice('组织形式', firmForms),
          foundedOn: date('设立日期'),
          settledOn: date('落户本区日期'),
          partners: z
            .number()
            .int()
            .min(0, '合伙人数不能为负数')
            .max(1000)
            .default(0)
            .meta({ title: '合伙人数' }),
          address: optionalText('住所', 200),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await createFirm(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'lawyers.firm.create',
          objectType: 'org',
          objectId: id,
          summary: req.body,
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );
  app.post(
    '/api/lines/lawyers/firms/:id/changes',
    {
      schema: {
        tags,
        summary: '登记律师事务所住所、合伙人变更及备案',
        params: idParams,
        body: z.object({
          changedOn: date('变更日期'),
          partners: z.number().int().min(0).max(1000).optional().meta({ title: '变更后合伙人数' }),
          address: optionalText('变更后住所', 200),
          filedOn: date('备案日期').optional(),
        }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await withTx(db, async (tx) => {
        await recordFirmChange(tx, req.actor, req.params.id, req.body);
        await audit(tx, req.actor, {
          action: 'lawyers.firm.change',
          objectType: 'org',
          objectId: req.params.id,
          summary: req.body,
        });
      });
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/lines/lawyers/assessments',
    {
      schema: {
        tags,
        summary: '律师事务所年度检查考核和律师年度考核结果',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.array(assessmentRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listAssessments(db, req.actor, req.query.year);
    },
  );
  app.post(
    '/api/lines/lawyers/assessments',
    {
      schema: {
        tags,
        summary: '登记年度检查考核结果',
        body: z.object({
          orgId: z.number().int().positive().meta({ title: '律师事务所' }),
          lawyerId: z.number().int().positive().optional().meta({ title: '律师（考核律师时填写）' }),
          year: z.number().int().min(2000).max(2100).meta({ title: '年度' }),
          result: choice('考核结果', assessmentResults),
          decidedOn: date('考核日期'),
          note: optionalText('说明', 500),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await recordAssessment(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'lawyers.assessment.create',
          objectType: 'org',
          objectId: req.body.orgId,
          summary: { year: req.body.year, result: req.body.result, lawyerId: req.body.lawyerId ?? null },
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );
  app.get(
    '/api/lines/lawyers/lawyers',
    {
      schema: {
        tags,
        summary: '律师名册（本所律师；律师工作科另见公职律师人才库）',
        querystring: z.object({
          type: z.enum(['fullTime', 'partTime', 'government', 'corporate', 'legalAid']).optional(),
        }),
        response: { 200: z.array(lawyerRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return listLawyers(db, req.actor, { type: req.query.type });
    },
  );
  app.post(
    '/api/lines/lawyers/lawyers',
    {
      schema: {
        tags,
        summary: '登记执业律师或公职律师',
        body: z.object({
          orgId: z.number().int().positive().meta({ title: '律师事务所或所在机关' }),
          name: text('姓名', 50),
          idNumber: z
            .string()
            .trim()
            .regex(/^\d{17}[\dX]$/, '居民身份证号码应为18位')
            .meta({ title: '居民身份证号码' }),
          certificateNo: z
            .string()
            .trim()
            .regex(/^\d{17}$/, '律师执业证号应为17位数字')
            .meta({ title: '执业证号' }),
          lawyerType: choice('执业类别', lawyerTypes),
          licensedOn: date('执业（发证）日期'),
          foreignRelated: z.boolean().default(false).meta({ title: '涉外律师' }),
          inPool: z.boolean().default(false).meta({ title: '入选公职律师人才库' }),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await addLawyer(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'lawyers.lawyer.create',
          objectType: 'lawyer',
          objectId: id,
          summary: { orgId: req.body.orgId, lawyerType: req.body.lawyerType },
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );
  app.put(
    '/api/lines/lawyers/firms/:id/revenue',
    {
      schema: {
        tags,
        summary: '报送律师事务所年度创收',
        params: idParams,
        body: z.object({
          year: z.number().int().min(2000).max(2100).meta({ title: '年度' }),
          revenue: z.number().min(0, '创收不能为负数').max(1e11).meta({ title: '业务收入（元）' }),
          filedOn: date('报送日期'),
        }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await withTx(db, async (tx) => {
        await fileRevenue(tx, req.actor, req.params.id, req.body.year, req.body.revenue, req.body.filedOn);
        await audit(tx, req.actor, {
          action: 'lawyers.revenue.file',
          objectType: 'org',
          objectId: req.params.id,
          summary: { year: req.body.year },
        });
      });
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/lines/lawyers/assignments',
    {
      schema: {
        tags,
        summary: '跨部门调派公职律师',
        body: z.object({
          lawyerId: z.number().int().positive().meta({ title: '公职律师' }),
          toOrgId: z.number().int().positive().meta({ title: '服务部门' }),
          task: text('事项', 200),
          assignedOn: date('调派日期'),
        }),
        response: { 201: created, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, async (tx) => {
        const id = await assignGovernmentLawyer(tx, req.actor, req.body);
        await audit(tx, req.actor, {
          action: 'lawyers.assignment.create',
          objectType: 'lawyer',
          objectId: req.body.lawyerId,
          summary: req.body,
        });
        return id;
      });
      return reply.code(201).send({ id });
    },
  );
}
