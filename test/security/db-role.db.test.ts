import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/access/actor.ts';
import { audit } from '../../src/platform/audit/audit.ts';
import { createPool, type Db } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, signIn, testApp } from '../support/app.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * Issue 11, finding 6: the product's own database role (fazhi_app) runs the whole product, yet cannot rewrite the
 * audit trail — every tampering step of the probe is refused with its credentials.
 */
let t: TestDb;
let appDb: Db;
let app: App;
let admin: Client;

beforeAll(async () => {
  t = await createTestDb();
  appDb = createPool(t.url, 3);
  // Each connection acts as the product role (what the server's own login role inherits).
  appDb.on('connect', (c) => void c.query('SET ROLE fazhi_app'));
  app = await testApp(appDb);
  admin = await signIn(app, 'admin');
});
afterAll(async () => {
  await app?.close();
  await appDb?.end();
  await t?.close();
});

describe('the product role', () => {
  it('is the role the queries run as', async () => {
    expect((await appDb.query('SELECT current_user AS u')).rows[0].u).toBe('fazhi_app');
  });

  it.each([
    ['disable the audit trigger', 'ALTER TABLE audit_log DISABLE TRIGGER USER', /must be owner/],
    ['edit an audit row', `UPDATE audit_log SET action = 'x' WHERE seq = 1`, /permission denied/],
    ['delete audit rows', 'DELETE FROM audit_log WHERE seq > 1', /permission denied/],
    [
      'insert an audit row directly',
      `INSERT INTO audit_log SELECT * FROM audit_log WHERE false`,
      /permission denied/,
    ],
    ['move the head', 'UPDATE audit_head SET seq = 1', /permission denied/],
    ['delete the head', 'DELETE FROM audit_head', /permission denied/],
    ['delete checkpoints', 'DELETE FROM audit_checkpoints', /permission denied/],
    [
      'queue an entry past audit_append()',
      `INSERT INTO audit_pending (at, action, outcome) VALUES (now(), 'forged', 'success')`,
      /permission denied/,
    ],
    [
      'switch the sealing off',
      'SET CONSTRAINTS audit_pending_seal IMMEDIATE; ALTER TABLE audit_pending DISABLE TRIGGER ALL',
      /must be owner|permission denied/,
    ],
    [
      'replace audit_digest()',
      `CREATE OR REPLACE FUNCTION audit_digest(prev text, seq bigint, at timestamptz, actor_id bigint, actor_name text,
         ip text, request_id text, action text, object_type text, object_id text, outcome text, summary jsonb)
       RETURNS text LANGUAGE sql AS $$ SELECT '' $$`,
      /must be owner|permission denied for schema public/,
    ],
    ['truncate the audit trail', 'TRUNCATE audit_log', /permission denied/],
  ])('cannot %s', async (_what, sql, error) => {
    await expect(appDb.query(sql)).rejects.toThrow(error);
  });

  it('still appends to the audit trail and runs the product', async () => {
    const before = Number((await appDb.query('SELECT seq FROM audit_head')).rows[0].seq);
    await audit(appDb, systemActor, { action: 'test.appended' });
    // Sealed by its statement's own commit: the next link of the chain, nothing left queued.
    expect(
      (await appDb.query(`SELECT seq, action FROM audit_log ORDER BY seq DESC LIMIT 1`)).rows[0],
    ).toEqual({
      seq: before + 1,
      action: 'test.appended',
    });
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
    const created = await admin.post('/api/users', {
      username: 'role.check',
      displayName: '角色检查',
      memberships: [{ orgId: 1, role: 'auditor' }],
    });
    expect(created.statusCode).toBe(201);
    expect((await admin.get('/api/audit?action=user.create')).json().items[0].objectId).toBe(
      String(created.json().user.id),
    );
    expect((await admin.get('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
