import { z } from 'zod';
import { calendarRoutes } from './kernel/calendar/routes.ts';
import { changeRoutes } from './kernel/changes/routes.ts';
import { dashboardRoutes } from './kernel/dashboard/routes.ts';
import { deadlineRoutes } from './kernel/deadlines/routes.ts';
import { importRoutes } from './kernel/import/routes.ts';
import { indicatorRoutes } from './kernel/indicators/routes.ts';
import { partyRoutes } from './kernel/parties/routes.ts';
import { profileRoutes } from './kernel/profile/routes.ts';
import { reportRoutes } from './kernel/reports/routes.ts';
import { ruleRoutes } from './kernel/rules/routes.ts';
import { workbenchRoutes } from './kernel/workbench/routes.ts';
import { correctionRoutes } from './kernel/workflow/correction-routes.ts';
import { fileRoutes } from './kernel/workflow/files-routes.ts';
import { allLines } from './kernel/workflow/registry.ts';
import { lineKindRoutes, matterRoutes } from './kernel/workflow/routes.ts';
import { demoState } from './lines/demo-status.ts';
import { registerLines } from './lines/index.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import type { Config } from './platform/config.ts';
import { migrationsApplied } from './platform/db/migrate.ts';
import type { Db } from './platform/db/pool.ts';
import type { App } from './platform/http/app.ts';
import { errorResponses } from './platform/http/contracts.ts';
import { AppError } from './platform/http/errors.ts';
import { orgRoutes } from './platform/orgs/routes.ts';
import { userRoutes } from './platform/users/routes.ts';

/** GET /api/demo/status. */
const demoStatus = z.object({ state: z.enum(['off', 'loading', 'loaded', 'failed']) });

export interface RouteDeps {
  db: Db;
  config: Pick<Config, 'passwordPolicy'>;
  /** Today's business date (Asia/Shanghai); tests fix it. */
  today?: () => string;
}

/** Every HTTP route of the product: platform, kernel, then each registered business line. */
export function allRoutes(deps: RouteDeps) {
  registerLines();
  return async (app: App) => {
    app.get(
      '/readyz',
      {
        config: { public: true },
        schema: {
          hide: true,
          response: { 200: z.object({ status: z.literal('ready') }), ...errorResponses },
        },
      },
      async () => {
        const ok = await migrationsApplied(deps.db).catch(() => false);
        if (!ok) throw new AppError('UNAVAILABLE', '数据库不可达或迁移未完成');
        return { status: 'ready' as const };
      },
    );
    app.get(
      '/api/demo/status',
      {
        schema: {
          tags: ['system'],
          summary: '演示数据载入状态（off 未启用 / loading 载入中 / loaded 已载入 / failed 失败）',
          response: { 200: demoStatus, ...errorResponses },
        },
      },
      async () => ({ state: demoState() }),
    );
    await authRoutes(app, deps);
    await orgRoutes(app, deps);
    await userRoutes(app, deps);
    await auditRoutes(app, deps);
    await ruleRoutes(app, deps);
    await calendarRoutes(app, deps);
    await changeRoutes(app, deps);
    await profileRoutes(app, deps);
    await deadlineRoutes(app, deps);
    await indicatorRoutes(app, deps);
    await reportRoutes(app, deps);
    await matterRoutes(app, deps);
    await fileRoutes(app, deps);
    await partyRoutes(app, deps);
    await correctionRoutes(app, deps);
    await workbenchRoutes(app, deps);
    await importRoutes(app, deps);
    await dashboardRoutes(app, deps);
    for (const line of allLines()) {
      await line.routes?.(app, deps);
      for (const kind of line.kinds) await lineKindRoutes(app, deps, line.id, kind.id);
    }
  };
}
