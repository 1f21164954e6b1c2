import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * Issue 11: hostile values sent to every route, generated from the OpenAPI document (so a new route is fuzzed
 * without anyone remembering to): NUL, unpaired surrogates, right-to-left overrides and invisible text, year
 * 0000/9999 and historical dates, huge and fractional numbers, very long strings, deep nesting, hostile path
 * parameters. The product may refuse any of them (4xx) but must never answer 500.
 */
interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: unknown;
}
interface Operation {
  parameters?: { in: string; name: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface Mode {
  name: string;
  str?: string;
  date?: string;
  num?: number | string;
  enumToo?: boolean;
}

const modes: Mode[] = [
  { name: 'NUL', str: 'a\u0000b', enumToo: true },
  { name: 'lone surrogate', str: 'a\ud800b', enumToo: true },
  { name: 'RTL override', str: '\u202eexe.pdf' },
  { name: 'invisible only', str: '\u200b\u00ad' },
  { name: 'long string', str: '长'.repeat(100_000) },
  { name: 'SQL', str: "'; DROP TABLE users; --" },
  { name: 'year 0000', date: '0000-01-01' },
  { name: 'year 9999', date: '9999-12-31' },
  { name: 'historical', date: '2008-02-29' },
  { name: 'huge number', num: 1e308 },
  { name: 'negative huge', num: -1e308 },
  { name: 'beyond bigint', num: 2 ** 64 },
  { name: 'fraction', num: 0.5 },
  { name: 'negative', num: -1 },
];

const typeOf = (s: Schema): string | undefined =>
  Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;

/** A value of the schema's shape whose leaves carry the mode's hostile value (sane values elsewhere). */
function sample(s: Schema, mode: Mode, depth = 0): unknown {
  const option = s.anyOf ?? s.oneOf;
  if (option) return sample(option.find((o) => typeOf(o) !== 'null') ?? option[0]!, mode, depth);
  if (s.allOf) return sample(Object.assign({}, ...s.allOf), mode, depth);
  if (s.enum) return mode.enumToo ? mode.str : s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth < 6)
        for (const [k, p] of Object.entries(s.properties ?? {})) out[k] = sample(p, mode, depth + 1);
      return out;
    }
    case 'array':
      return depth < 6 && s.items ? [sample(s.items, mode, depth + 1)] : [];
    case 'string':
      if (s.format === 'date') return mode.date ?? mode.str ?? '2026-11-20';
      return mode.str ?? (mode.date ? mode.date : '测试');
    case 'integer':
    case 'number':
      return mode.num ?? 1;
    case 'boolean':
      return true;
    default:
      return mode.str ?? null;
  }
}

/** Percent-encodes, sending a lone surrogate as the invalid UTF-8 bytes a hostile client would send. */
const encode = (v: string) => v.split('\ud800').map(encodeURIComponent).join('%ED%A0%80');

function queryFor(op: Operation, mode: Mode): string {
  const parts = (op.parameters ?? [])
    .filter((p) => p.in === 'query')
    .map((p) => {
      const v = sample(p.schema, mode);
      return `${encode(p.name)}=${encode(String(Array.isArray(v) ? v[0] : v))}`;
    });
  return parts.length ? `?${parts.join('&')}` : '';
}

let t: TestDb;
let app: App;
let admin: Client;
let matterId: number;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { today: '2026-11-25' });
  admin = await signIn(app, 'admin');
  const market = (await t.db.query(`SELECT id FROM orgs WHERE code = 'dept-market'`)).rows[0].id;
  const res = await admin.post('/api/lines/reconsideration/application', {
    receivedOn: '2025-09-26',
    channel: 'window',
    applicants: [{ partyType: 'person', name: '张某', idNumber: '330211199001011236' }],
    respondentOrgId: Number(market),
    actKind: 'penalty',
    actTitle: '行政处罚决定',
    actDate: '2025-09-01',
    actKnownOn: '2025-09-03',
    request: '撤销',
  });
  expect(res.statusCode).toBe(201);
  matterId = res.json().id;
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('hostile values on every route', () => {
  it('never get a 500', { timeout: 600_000 }, async () => {
    const doc = (await app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const failures: string[] = [];
    const sessionLost: string[] = [];
    let sent = 0;
    const send = async (method: string, url: string, body: unknown, what: string, raw = false) => {
      const res = await app.inject({
        method: method as 'GET',
        url,
        // The hostile client has an address of its own, so its sign-in attempts do not rate-limit the admin's.
        remoteAddress: '192.0.2.1',
        ...(method === 'GET' ? {} : { payload: raw ? (body as string) : JSON.stringify(body ?? {}) }),
        headers: {
          cookie: admin.cookie,
          'x-csrf-token': admin.csrf,
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
        },
      });
      sent++;
      if (res.statusCode >= 500 && res.statusCode !== 503)
        failures.push(
          `${method} ${url.slice(0, 120)} [${what}] → ${res.statusCode} ${res.body.slice(0, 200)}`,
        );
      if (res.statusCode === 401 && !url.startsWith('/api/auth/login')) {
        // A request that ended the session (a password change, a reset): sign in again and say which one.
        sessionLost.push(`${method} ${url.slice(0, 80)} [${what}]`);
        admin = await signIn(app, 'admin').catch((err) => {
          failures.push(`could not sign in again: ${String(err).slice(0, 120)}`);
          return admin;
        });
      }
    };

    const validPath = (p: string) =>
      p.replace('{id}', String(matterId)).replace('{ruleId}', 'xzfy.accept.review').replace('{year}', '2035');
    const hostileIds = ['%00', '99999999999999999999999', '-1', '1.5', '%E2%80%AE1', '0'];

    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const method = m.toUpperCase();
        if (path === '/api/auth/logout') continue;
        const bodySchema = op.requestBody?.content['application/json']?.schema;
        for (const mode of modes) {
          const url = validPath(path) + queryFor(op, mode);
          await send(method, url, bodySchema ? sample(bodySchema, mode) : undefined, mode.name);
        }
        if (path.includes('{'))
          for (const id of hostileIds)
            await send(
              method,
              path.replace(/\{[^}]+\}/g, id),
              bodySchema ? sample(bodySchema, {} as Mode) : undefined,
              `path ${id}`,
            );
        if (method !== 'GET') {
          const deep = `${'{"a":['.repeat(3000)}1${']}'.repeat(3000)}`;
          await send(method, validPath(path), deep, 'deep nesting', true);
          await send(
            method,
            validPath(path),
            '{"version":1e999,"date":"2026-11-20","data":{}}',
            'number literal 1e999',
            true,
          );
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    expect(sessionLost).toEqual([]);
  });
});
