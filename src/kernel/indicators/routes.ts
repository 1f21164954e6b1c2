import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import { type Db, inParallel } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { binary, errorResponses, XLSX_TYPE } from '../../platform/http/contracts.ts';
import { indicatorBreakdown, indicatorRecords, indicatorValue } from './compute.ts';
import * as contract from './contracts.ts';
import { allIndicators } from './registry.ts';
import { tableToXlsx } from './xlsx.ts';

const period = z.object({
  year: z.coerce
    .number({ error: '年份必须是数字' })
    .int()
    .min(2000, '年份不能早于2000')
    .max(2100, '年份不能晚于2100'),
  region: z
    .string()
    .regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码应为6、9或12位数字')
    .default('330211'),
  /** Only this organisation and those under it (e.g. one township office); all in the user's scope when absent. */
  org: z.coerce.number().int('机构编号无效').positive('机构编号无效').optional(),
});
const idParam = z.object({ id: z.string().regex(/^[a-zA-Z0-9.]+$/, '指标编号无效') });

export async function indicatorRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  // The business date facts are judged on (tests fix it); undefined means today in Beijing.
  const asOf = () => ({ today: today?.() });
  app.get(
    '/api/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: '指标目录（名称、定义、单位）',
        response: { 200: z.array(contract.indicatorDef), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      return allIndicators().map(({ facts: _f, ...d }) => d);
    },
  );

  app.get(
    '/api/indicators/:id',
    {
      schema: {
        tags: ['indicators'],
        summary: '指标值、去年同期值与同比',
        params: idParam,
        querystring: period,
        response: { 200: contract.indicatorValue, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      return indicatorValue(db, req.actor, req.params.id, { ...req.query, ...asOf() });
    },
  );

  app.get(
    '/api/indicators/:id/breakdown',
    {
      schema: {
        tags: ['indicators'],
        summary: '指标按维度分组（如按被申请人、按行为类别）',
        params: idParam,
        querystring: period.extend({ dim: z.string().regex(/^[a-zA-Z_]+$/) }),
        response: { 200: z.array(contract.breakdownRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      return indicatorBreakdown(db, req.actor, req.params.id, req.query.dim, { ...req.query, ...asOf() });
    },
  );

  app.get(
    '/api/indicators/:id/records',
    {
      schema: {
        tags: ['indicators'],
        summary: '指标明细：构成该数值的记录（穿透查询）',
        params: idParam,
        querystring: period.extend({
          previousYear: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: contract.indicatorRecords, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      return indicatorRecords(db, req.actor, req.params.id, {
        ...req.query,
        ...asOf(),
        previousYear: req.query.previousYear === 'true',
      });
    },
  );

  app.get(
    '/api/indicators/export.xlsx',
    {
      schema: {
        tags: ['indicators'],
        summary: '导出指标表（XLSX，已防公式注入；记入审计）',
        querystring: period.extend({
          ids: z.string().max(2000).optional(),
          line: z.string().max(40).optional(),
        }),
        response: { 200: binary('指标表（XLSX）', XLSX_TYPE), ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'report.read');
      const wanted = req.query.ids?.split(',').filter(Boolean);
      const defs = allIndicators().filter(
        (d) => (!wanted || wanted.includes(d.id)) && (!req.query.line || d.line === req.query.line),
      );
      const values = await inParallel(
        db,
        defs.map((d) => () => indicatorValue(db, req.actor, d.id, { ...req.query, ...asOf() })),
      );
      const xlsx = await tableToXlsx(
        `${req.query.year}年指标`,
        ['指标编号', '指标名称', `${req.query.year}年`, `${req.query.year - 1}年`, '同比', '单位', '定义'],
        values.map((v) => [v.id, v.name, v.value, v.previous, v.yoyText, v.unit, v.definition]),
        // Exports are watermarked with the exporting user and time (restricted lines' figures among them).
        {
          watermark: `导出人：${req.actor.name}；导出时间：${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}；仅限工作使用，不得外传`,
        },
      );
      await audit(db, req.actor, {
        action: 'indicator.export',
        objectType: 'indicator',
        summary: {
          ids: defs.map((d) => d.id),
          year: req.query.year,
          region: req.query.region,
          org: req.query.org,
        },
      });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(`指标_${req.query.region}_${req.query.year}.xlsx`)}`,
      );
      return reply.send(xlsx);
    },
  );
}
