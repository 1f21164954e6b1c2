import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { todayInChina } from '../calendar/index.ts';
import { dashboard } from './contracts.ts';
import { loadDashboard } from './dashboard.ts';

export async function dashboardRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const todayOf = today ?? (() => todayInChina());
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['indicators'],
        summary:
          '领导驾驶舱：各条线关键指标与同比、月度趋势、各单位超期与临期、镇街考评排名、公共法律服务圈覆盖、部门风险画像（区、镇街或部门）',
        querystring: z.object({
          scope: z.string().max(40).optional(),
          year: z.coerce
            .number()
            .int()
            .min(2000, '年份不能早于2000')
            .max(2100, '年份不能晚于2100')
            .optional(),
        }),
        response: { 200: dashboard, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'report.read');
      const today = todayOf();
      return loadDashboard(db, req.actor, {
        scope: req.query.scope,
        year: req.query.year ?? Number(today.slice(0, 4)),
        today,
      });
    },
  );
}
