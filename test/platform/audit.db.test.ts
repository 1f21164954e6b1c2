import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/access/actor.ts';
import { audit, verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { withTx } from '../../src/platform/db/pool.ts';
import type { App } from '../../src/platform/http/app.ts';
import { type Client, signIn, testApp } from '../support/app.ts';
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

describe('the audit trail', () => {
  it('cannot be updated, deleted or truncated by the application', async () => {
    await expect(t.db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('records a write in the same transaction: a rolled-back action leaves no audit row', async () => {
    const before = (await t.db.query('SELECT max(seq) AS m FROM audit_log')).rows[0].m;
    await expect(
      withTx(t.db, async (tx) => {
        await audit(tx, systemActor, { action: 'test.rolledBack' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await t.db.query('SELECT max(seq) AS m FROM audit_log')).rows[0].m).toBe(before);
  });

  it('chains rows by hash, also under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit(t.db, systemActor, { action: 'test.concurrent', summary: { i } }),
      ),
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const { rows } = await t.db.query(
      'SELECT count(DISTINCT seq)::int AS d, max(seq) - min(seq) + 1 AS span FROM audit_log',
    );
    expect(rows[0].d).toBe(rows[0].span);
  });

  it('holds the chain for the commit alone: a writer that appended first does not hold back one that commits first', async () => {
    const head = async () => Number((await t.db.query('SELECT seq FROM audit_head')).rows[0].seq);
    const before = await head();
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((r) => {
      releaseFirst = r;
    });
    let firstAppended!: () => void;
    const appended = new Promise<void>((r) => {
      firstAppended = r;
    });
    const first = withTx(t.db, async (tx) => {
      await audit(tx, systemActor, { action: 'test.first', summary: { n: 1 } });
      await audit(tx, systemActor, { action: 'test.first', summary: { n: 2 } });
      firstAppended();
      await firstMayCommit;
    });
    await appended;
    // The first transaction is open with two entries queued; the second appends and commits past it.
    await withTx(t.db, (tx) => audit(tx, systemActor, { action: 'test.second' }));
    expect(await head()).toBe(before + 1);
    releaseFirst();
    await first;
    const { rows } = await t.db.query(
      `SELECT seq::int, action, summary FROM audit_log WHERE seq > $1 ORDER BY seq`,
      [before],
    );
    // Sealed in commit order, and within a transaction in the order appended.
    expect(rows).toEqual([
      { seq: before + 1, action: 'test.second', summary: null },
      { seq: before + 2, action: 'test.first', summary: { n: 1 } },
      { seq: before + 3, action: 'test.first', summary: { n: 2 } },
    ]);
    expect((await t.db.query('SELECT count(*)::int AS n FROM audit_pending')).rows[0].n).toBe(0);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('lists with filters and keyset pagination for an admin', async () => {
    const page1 = (await admin.get('/api/audit?limit=3')).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (await admin.get(`/api/audit?limit=3&before=${page1.nextBefore}`)).json();
    expect(page2.items[0].seq).toBeLessThan(page1.items[2].seq);
    const logins = (await admin.get('/api/audit?action=auth.login&outcome=success')).json();
    expect(logins.items.every((r: { action: string }) => r.action === 'auth.login')).toBe(true);
  });

  it('reports the first broken link when a row was tampered with behind the application', async () => {
    const seq = (await t.db.query(`SELECT min(seq) AS s FROM audit_log WHERE action = 'test.concurrent'`))
      .rows[0].s;
    // Only a database superuser who disables the trigger can do this; the chain still tells.
    await withTx(t.db, async (tx) => {
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await tx.query(`UPDATE audit_log SET summary = '{"i": 999}' WHERE seq = $1`, [seq]);
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    });
    const res = (await admin.get('/api/audit/verify')).json();
    expect(res).toMatchObject({ ok: false, brokenSeq: seq, reason: 'row content does not match its hash' });
  });
});
