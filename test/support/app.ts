import type { LightMyRequestResponse } from 'fastify';
import { systemActor } from '../../src/platform/access/actor.ts';
import type { Role } from '../../src/platform/access/roles.ts';
import type { Db } from '../../src/platform/db/pool.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import { type App, buildApp } from '../../src/platform/http/app.ts';
import { insertUser } from '../../src/platform/users/queries.ts';
import { allRoutes } from '../../src/routes.ts';
import { TEST_ADMIN_PASSWORD, TEST_USER_PASSWORD } from './constants.ts';
import { registerToyLine } from './toy-line.ts';

export const testConfig = {
  passwordPolicy: { minLength: 10, minClasses: 3 },
  trustProxy: false,
  logLevel: (process.env.TEST_LOG ?? 'silent') as 'silent',
};

export async function testApp(db: Db, opts: { toy?: boolean; today?: string } = {}): Promise<App> {
  if (opts.toy) registerToyLine();
  const today = opts.today ? () => opts.today! : undefined;
  const app = await buildApp({
    db,
    config: testConfig,
    routes: allRoutes({ db, config: testConfig, today }),
  });
  await app.ready();
  return app;
}

export async function orgId(db: Db, code: string): Promise<number> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM orgs WHERE code = $1', [code]);
  if (!rows[0]) throw new Error(`no org ${code}`);
  return rows[0].id;
}

/** A user with a known password who need not change it, holding `role` in the org with `orgCode`. */
export async function makeUser(db: Db, username: string, memberships: { org: string; role: Role }[]) {
  const ms = await Promise.all(
    memberships.map(async (m) => ({ orgId: await orgId(db, m.org), role: m.role })),
  );
  return withTx(db, (tx) =>
    insertUser(tx, systemActor, {
      username,
      displayName: username,
      password: TEST_USER_PASSWORD,
      mustChange: false,
      memberships: ms,
    }),
  );
}

type Body = Record<string, unknown> | unknown[];

/** A signed-in HTTP client over app.inject(): carries the session cookie and the CSRF token. */
export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: Body, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: Body): Promise<LightMyRequestResponse>;
  put(url: string, body: Body): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
  cookie: string;
  csrf: string;
}

export async function signIn(
  app: App,
  username: string,
  password = username === 'admin' ? TEST_ADMIN_PASSWORD : TEST_USER_PASSWORD,
): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().csrfToken as string;
  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ) => app.inject({ method, url, payload: body, headers: { cookie, 'x-csrf-token': csrf, ...headers } });
  return {
    cookie,
    csrf,
    get: (url) => send('GET', url),
    post: (url, body, headers) => send('POST', url, body ?? {}, headers),
    patch: (url, body) => send('PATCH', url, body),
    put: (url, body) => send('PUT', url, body),
    del: (url) => send('DELETE', url),
  };
}
