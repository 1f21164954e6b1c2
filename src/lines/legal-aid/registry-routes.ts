import { z } from 'zod';
import { todayInChina } from '../../kernel/calendar/index.ts';
import { choice, date, optionalText, text } from '../../kernel/fields/fields.ts';
import { assertCan } from '../../platform/access/actor.ts';
import { type Db, withTx } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { AppError } from '../../platform/http/errors.ts';
import { coverageBody, createdId, stationRow, visitRow } from './contracts.ts';
import { villageCoverage } from './coverage.ts';
import { stationKinds, visitChannels, visitServices, visitTopics } from './labels.ts';
import { createStation, listStations, listVisits, recordVisit } from './stations.ts';
import { workerRoutes } from './workers.ts';

const tags = ['legalAid'];

/** The station registry, the visits log and the 15-minute circle, under /api/lines/legalAid/. */
export async function registryRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const businessDay = () => (today ? today() : todayInChina());
  workerRoutes(app, db);

  app.get(
    '/api/lines/legalAid/stations',
    {
      schema: {
        tags,
        summary: '公共法律服务站点名录（权限范围内）',
        response: { 200: z.array(stationRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'org.read');
      return (await listStations(db, req.actor, businessDay())) as z.infer<typeof stationRow>[];
    },
  );

  app.post(
    '/api/lines/legalAid/stations',
    {
      schema: {
        tags,
        summary: '登记公共法律服务站点、法律援助工作站/联络点或法治实践站点',
        body: z.object({
          code: z
            .string()
            .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, '机构代码只能用小写字母、数字、点、横线，2–63位'),
          name: text('名称', 100),
          parentId: z.number().int().positive().meta({ title: '上级机构（司法所或区司法局）' }),
          stationKind: choice('类别', stationKinds),
          level: z
            .union([z.literal(1), z.literal(2), z.literal(3)])
            .optional()
            .meta({ title: '级别' }),
          regionCode: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '区划代码应为6、9或12位数字'),
          host: optionalText('依托单位', 100),
          address: text('地址', 200),
          lat: z.number().min(-90).max(90).optional(),
          lng: z.number().min(-180).max(180).optional(),
          positionApprox: z.boolean().default(true).meta({ title: '位置为近似值' }),
          openingHours: optionalText('开放时间', 100),
          staff: optionalText('工作人员', 200),
          dutyLawyers: optionalText('值班律师', 200),
          services: z.array(z.string().max(50)).max(20).default([]),
          foundedOn: date('设立日期'),
        }),
        response: { 201: createdId, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await withTx(db, (tx) => createStation(tx, req.actor, req.body));
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/api/lines/legalAid/visits',
    {
      schema: {
        tags,
        summary: '来电来访登记（权限范围内的站点）',
        querystring: z.object({
          stationOrgId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: z.array(visitRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return (await listVisits(db, req.actor, req.query)) as z.infer<typeof visitRow>[];
    },
  );

  app.post(
    '/api/lines/legalAid/visits',
    {
      schema: {
        tags,
        summary: '登记来电来访（一人次一条）',
        body: z.object({
          stationOrgId: z.number({ error: '请选择站点' }).int().positive().meta({ title: '站点' }),
          visitedOn: date('接待日期'),
          channel: choice('渠道', visitChannels),
          topic: choice('事项', visitTopics),
          service: choice('服务方式', visitServices),
          partyId: z.number().int().positive().optional(),
          villageCode: z
            .string()
            .regex(/^\d{12}$/, '村（社区）区划代码应为12位数字')
            .optional(),
          durationMin: z.number().int().min(0, '时长不能为负数').max(600, '时长不超过600分钟').optional(),
          note: optionalText('备注', 500),
        }),
        response: { 201: createdId, ...errorResponses },
      },
    },
    async (req, reply) => {
      assertCan(req.actor, 'matter.write');
      if (req.body.visitedOn > businessDay())
        throw new AppError('VALIDATION', `接待日期 ${req.body.visitedOn} 晚于今天，不能登记`, {
          errors: [{ field: 'visitedOn', message: '日期不能晚于今天' }],
        });
      const id = await withTx(db, (tx) => recordVisit(tx, req.actor, req.body));
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/api/lines/legalAid/coverage',
    {
      schema: {
        tags,
        summary: '15分钟公共法律服务圈：各村（社区）覆盖情况与站点',
        querystring: z.object({ on: z.iso.date().optional() }),
        response: { 200: coverageBody, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      const on = req.query.on ?? businessDay();
      const villages = await villageCoverage(db, on);
      const stations = (await listStations(db, req.actor, on)) as z.infer<typeof stationRow>[];
      return {
        on,
        villages,
        stations,
        covered: villages.filter((v) => v.covered).length,
        total: villages.length,
      };
    },
  );
}
