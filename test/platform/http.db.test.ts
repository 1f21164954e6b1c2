import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDemoState } from '../../src/lines/demo-status.ts';
import { type App, buildApp } from '../../src/platform/http/app.ts';
import { allRoutes } from '../../src/routes.ts';
import { type Client, signIn, testApp, testConfig } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

let t: TestDb;
let app: App;
let admin: Client;

beforeAll(async () => {
  t = await createTestDb();
  app = await testApp(t.db);
  admin = await signIn(app, 'admin');
});
afterAll(async () => {
  await app?.close();
  await t?.close();
});

describe('the HTTP API', () => {
  it('answers health and readiness', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI document with every route', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/orgs', '/api/users', '/api/audit']),
    );
  });

  it('answers bad input with problem+json in Chinese and per-field errors, writing nothing', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM users')).rows[0].n;
    const res = await admin.post('/api/users', {
      username: '!',
      displayName: '',
      phone: '123',
      memberships: [],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ title: '输入有误', status: 400, code: 'VALIDATION' });
    const fields = body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.phone', 'body.memberships']));
    expect(body.errors.find((e: { field: string }) => e.field === 'body.phone').message).toBe(
      '请输入11位手机号或带区号的固定电话',
    );
    expect((await t.db.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(before);
  });

  it('never leaks SQL or a stack trace', async () => {
    const res = await admin.get('/api/orgs/99999999999999999999');
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/select|stack|at .*\.ts/i);
  });

  it('answers an unknown API path with a Chinese 404', async () => {
    const res = await admin.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().title).toBe('未找到');
  });

  it('serves the web client for deep links, dotted ones too, but 404s a missing asset', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-dist-'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>法治</title>');
    const web = await buildApp({
      db: t.db,
      config: testConfig,
      routes: allRoutes({ db: t.db, config: testConfig }),
      webDist: dist,
    });
    try {
      for (const url of ['/matters', '/indicators/reconsideration.received?year=2024', '/matters/12']) {
        const res = await web.inject(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body).toContain('<title>法治</title>');
      }
      expect((await web.inject('/assets/index-gone.js')).statusCode).toBe(404);
      expect((await web.inject('/api/nothing-here')).headers['content-type']).toMatch(/problem\+json/);
    } finally {
      await web.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it('tells signed-in users whether the demo district is still loading', async () => {
    expect((await admin.get('/api/demo/status')).json()).toEqual({ state: 'off' });
    setDemoState('loading');
    try {
      expect((await admin.get('/api/demo/status')).json()).toEqual({ state: 'loading' });
    } finally {
      setDemoState('off');
    }
    expect((await app.inject('/api/demo/status')).statusCode).toBe(401);
  });

  it('detects a concurrent edit of an org by its version', async () => {
    const org = (await admin.get('/api/orgs?kind=section')).json()[0];
    const first = await admin.patch(`/api/orgs/${org.id}`, {
      name: `${org.name}（一）`,
      version: org.version,
    });
    expect(first.statusCode).toBe(200);
    const stale = await admin.patch(`/api/orgs/${org.id}`, {
      name: `${org.name}（二）`,
      version: org.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('masks phone numbers in lists and logs the full view as a sensitive read', async () => {
    const created = await admin.post('/api/users', {
      username: 'phone.owner',
      displayName: '张三',
      phone: '13812345678',
      memberships: [
        { orgId: (await admin.get('/api/orgs?kind=justiceOffice')).json()[0].id, role: 'townshipStaff' },
      ],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().initialPassword).toBeTruthy();
    const id = created.json().user.id;
    const list = (await admin.get('/api/users?q=phone.owner')).json();
    expect(list.items[0].phone).toBe('138****5678');
    expect((await admin.get(`/api/users/${id}`)).json().phone).toBe('13812345678');
    const { rows } = await t.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'user.view' AND object_id = $1`,
      [String(id)],
    );
    expect(rows).toHaveLength(1);
  });

  it('moves an org with its subtree and refuses a cycle', async () => {
    const bureau = (await admin.get('/api/orgs?kind=bureau')).json()[0];
    const office = (await admin.get('/api/orgs?kind=justiceOffice')).json()[0];
    const created = (
      await admin.post('/api/orgs', {
        code: 'zb-committee',
        name: '某社区人民调解委员会',
        kind: 'mediationCommittee',
        parentId: office.id,
        regionCode: '330211001001',
      })
    ).json();
    const cycle = await admin.patch(`/api/orgs/${office.id}`, {
      parentId: created.id,
      version: office.version,
    });
    expect(cycle.statusCode).toBe(400);
    const moved = await admin.patch(`/api/orgs/${created.id}`, {
      parentId: bureau.id,
      version: created.version,
    });
    expect(moved.statusCode).toBe(200);
    const { rows } = await t.db.query(
      'SELECT ancestor_id FROM org_closure WHERE descendant_id = $1 ORDER BY depth',
      [created.id],
    );
    expect(rows.map((r) => r.ancestor_id)).toEqual([created.id, bureau.id, bureau.parentId]);
  });
});
