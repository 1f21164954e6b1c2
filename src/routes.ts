import type { Config } from './platform/config.ts';
import type { Db } from './platform/db/pool.ts';
import { migrationsApplied } from './platform/db/migrate.ts';
import type { App } from './platform/http/app.ts';
import { AppError } from './platform/http/errors.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { orgRoutes } from './platform/orgs/routes.ts';
import { userRoutes } from './platform/users/routes.ts';

export interface RouteDeps {
  db: Db;
  config: Pick<Config, 'passwordPolicy'>;
}

/** Every HTTP route of the product, platform first, then the kernel and the business lines. */
export function allRoutes(deps: RouteDeps) {
  return async (app: App) => {
    app.get('/readyz', { config: { public: true }, schema: { hide: true } }, async () => {
      const ok = await migrationsApplied(deps.db).catch(() => false);
      if (!ok) throw new AppError('UNAVAILABLE', '数据库不可达或迁移未完成');
      return { status: 'ready' };
    });
    await authRoutes(app, deps);
    await orgRoutes(app, deps);
    await userRoutes(app, deps);
    await auditRoutes(app, deps);
  };
}
