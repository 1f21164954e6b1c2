import { z } from 'zod';
import { todayInChina } from '../../../kernel/calendar/index.ts';
import { assertCan } from '../../../platform/access/actor.ts';
import type { Db } from '../../../platform/db/pool.ts';
import type { App } from '../../../platform/http/app.ts';
import { errorResponses } from '../../../platform/http/contracts.ts';
import { proactiveRow } from './contracts.ts';
import { proactiveList } from './proactive.ts';

/** The credit-repair line's own reads besides its matters, under /api/lines/creditRepair/. */
export async function creditRepairRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const businessDay = () => (today ? today() : todayInChina());
  app.get(
    '/api/lines/creditRepair/proactive',
    {
      schema: {
        tags: ['creditRepair'],
        summary: '主动服务清单：当月可申请信用修复的失信信息（权限范围内）',
        querystring: z.object({
          month: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
            .optional(),
          unknown: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.array(proactiveRow), ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      return proactiveList(db, req.actor, req.query.month ?? businessDay().slice(0, 7), {
        unknown: req.query.unknown === 'true',
      });
    },
  );
}
