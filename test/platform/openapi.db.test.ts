import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, makeUser, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

// The OpenAPI document is generated from the routes' zod schemas; a route without a response schema shows
// "Default Response" with no body, and its JSON is sent unchecked. These tests hold every route to a contract.

interface Schema {
  type?: string;
  format?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  anyOf?: Schema[];
  nullable?: boolean;
}
interface Response {
  description: string;
  content?: Record<string, { schema: Schema }>;
}
interface Operation {
  responses: Record<string, Response>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let t: TestDb;
let app: App;
let staff: Client;
let doc: Doc;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db, { toy: true, today: '2025-06-30' });
  await makeUser(t.db, 'recon.staff', [{ org: 'sec-reconsideration', role: 'sectionStaff' }]);
  staff = await signIn(app, 'recon.staff');
  doc = (await app.inject('/api/openapi.json')).json();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
  );

/** The JSON body schema of a route's success response. */
const body = (method: string, path: string, status = '200') =>
  doc.paths[path]![method]!.responses[status]!.content!['application/json']!.schema;
const keys = (s: Schema) => Object.keys(s.properties ?? {}).sort();

describe('the OpenAPI document', () => {
  it('declares for every route a success response with its body (or none for 204, or a file)', () => {
    const missing: string[] = [];
    for (const { route, op } of operations()) {
      const status = ['200', '201', '204'].find((s) => op.responses[s]);
      if (!status) {
        missing.push(`${route}: no 200/201/204`);
        continue;
      }
      const res = op.responses[status]!;
      if (status === '204') {
        if (res.content) missing.push(`${route}: a 204 with a body`);
        continue;
      }
      const media = Object.entries(res.content ?? {});
      if (!media.length) missing.push(`${route}: ${status} without content`);
      for (const [type, { schema }] of media) {
        const declared =
          type === 'application/json'
            ? Boolean(schema.type || schema.$ref || schema.anyOf)
            : schema.type === 'string' && schema.format === 'binary';
        if (!declared) missing.push(`${route}: ${status} ${type} without a schema`);
      }
    }
    expect(missing).toEqual([]);
    // Sanity: the walk saw the kernel's, the platform's and a line's routes.
    const routes = operations().map((o) => o.route);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/matters/{id}',
        'POST /api/lines/toy/request',
        'POST /api/lines/reconsideration/application/{id}/decide',
        'GET /api/users',
        'POST /api/notifications/read-all',
      ]),
    );
    expect(routes.length).toBeGreaterThan(60);
  });

  it('declares every error as a problem+json', () => {
    const missing = operations()
      .filter(
        ({ op }) =>
          op.responses['4XX']?.content?.['application/problem+json']?.schema.$ref !==
          '#/components/schemas/Problem',
      )
      .map((o) => o.route);
    expect(missing).toEqual([]);
    expect(doc.components.schemas.Problem!.required).toEqual([
      'type',
      'title',
      'status',
      'detail',
      'instance',
      'code',
    ]);
  });

  it('shows the matter page, the deadline list and a create response field by field', () => {
    const detail = body('get', '/api/matters/{id}');
    expect(keys(detail)).toEqual([
      'allowedActions',
      'attachments',
      'deadlines',
      'details',
      'documents',
      'events',
      'matter',
      'today',
    ]);
    expect(keys(detail.properties!.events!.items!)).toEqual([
      'action',
      'actorName',
      'fromState',
      'id',
      'label',
      'occurredOn',
      'payload',
      'recordedAt',
      'seq',
      'summary',
      'toState',
      'toStateLabel',
      'voidedBy',
    ]);
    expect(detail.properties!.events!.items!.properties!.recordedAt).toEqual({
      type: 'string',
      format: 'date-time',
    });
    const deadline = detail.properties!.deadlines!.items!;
    expect(deadline.properties!.badge!.type).toBe('string');
    expect(keys(deadline.properties!.rule!)).toEqual([
      'citation',
      'count',
      'event',
      'id',
      'kind',
      'kindLabel',
      'onExpiry',
      'unit',
      'verified',
    ]);

    expect(keys(body('get', '/api/deadlines').properties!.items!.items!)).toEqual([
      'badge',
      'badgeLabel',
      'countUnit',
      'dayUnit',
      'daysLeft',
      'dueOn',
      'endedOn',
      'id',
      'key',
      'kind',
      'line',
      'matterId',
      'matterKind',
      'onExpiry',
      'pausedOn',
      'provisional',
      'refNo',
      'remaining',
      'remainingText',
      'rule',
      'ruleId',
      'ruleVersion',
      'startOn',
      'state',
      'status',
      'title',
    ]);
    expect(keys(body('post', '/api/lines/toy/request', '201'))).toEqual([
      'documents',
      'id',
      'refNo',
      'state',
      'version',
      'warnings',
    ]);
    expect(keys(body('get', '/api/auth/me'))).toEqual([
      'csrfToken',
      'displayName',
      'id',
      'memberships',
      'mustChangePassword',
      'permissions',
      'username',
    ]);
  });

  it('declares downloads as files of their type', () => {
    const file = (path: string) => doc.paths[path]!.get!.responses['200']!.content;
    expect(file('/api/documents/{id}/docx')).toEqual({
      [DOCX]: { schema: { type: 'string', format: 'binary' } },
    });
    expect(Object.keys(file('/api/documents/{id}/pdf')!)).toEqual(['application/pdf']);
    expect(Object.keys(file('/api/indicators/export.xlsx')!)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(Object.keys(doc.paths['/api/reports/compose.docx']!.post!.responses['200']!.content!)).toEqual([
      DOCX,
    ]);
    expect(Object.keys(file('/api/attachments/{id}')!)).toContain('image/jpeg');
  });
});

describe('responses sent through their schemas', () => {
  it('send timestamps as ISO strings and keep the extension members of a problem', async () => {
    const created = await staff.post('/api/lines/toy/request', {
      subject: '甲某申请',
      receivedOn: '2025-06-02',
    });
    expect(created.statusCode).toBe(201);
    const { id, refNo, state, version, warnings, documents } = created.json();
    expect({ refNo, state, version, warnings, documents }).toEqual({
      refNo: '测〔2025〕1号',
      state: 'received',
      version: 1,
      warnings: [],
      documents: [],
    });
    const detail = (await staff.get(`/api/matters/${id}`)).json();
    expect(detail.events[0].recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(detail.matter).toMatchObject({ id, refNo, state: 'received', stateLabel: '已收到', version: 1 });

    // A step out of order: the 409 still carries the matter's state and the actions allowed now.
    const refused = await staff.post(`/api/lines/toy/request/${id}/decide`, {
      version: 1,
      date: '2025-06-03',
      data: { outcome: 'uphold' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(refused.json()).toMatchObject({
      code: 'ACTION_NOT_ALLOWED',
      current: { id, state: 'received', stateLabel: '已收到', version: 1 },
      allowedActions: [
        { action: 'accept', label: '受理', primary: true },
        { action: 'reject', label: '不予受理', primary: false },
      ],
    });
  });
});
