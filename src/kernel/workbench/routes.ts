import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { todayInChina } from '../calendar/index.ts';
import { workbench } from './contracts.ts';
import { loadWorkbench } from './workbench.ts';

export async function workbenchRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const todayOf = today ?? (() => todayInChina());
  app.get(
    '/api/workbench',
    {
      schema: {
        tags: ['workbench'],
        summary:
          '工作台：待我办理（超期、3个工作日内到期、其他）、本单位期限、最近办理、未读通知、可登记事项；领导看关键指标与各单位超期数，司法所看各条线工作，管理员看机构概况',
        response: { 200: workbench, ...errorResponses },
      },
    },
    // Every signed-in user has a workbench; each section checks its own permission and scope.
    async (req) => loadWorkbench(db, req.actor, todayOf()),
  );
}
