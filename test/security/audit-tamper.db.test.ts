import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/access/actor.ts';
import { audit, verifyAuditChain } from '../../src/platform/audit/audit.ts';
import {
  type AuditAnchor,
  loadAuditAnchor,
  verifyAuditTrail,
  writeCheckpoint,
} from '../../src/platform/audit/checkpoints.ts';
import type { Tx } from '../../src/platform/db/pool.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

/**
 * Issue 11, finding 6 (the tampering drill): with superuser access, a rewritten row with the chain recomputed,
 * a truncated tail with the head moved back, deleted checkpoints and a deleted head all pass the hash chain
 * alone — and are each caught by the signed checkpoints, whose key the database never sees.
 */
let t: TestDb;
let dir: string;
let anchor: AuditAnchor;

beforeAll(async () => {
  t = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-audit-'));
  anchor = { key: randomBytes(32), anchorFile: path.join(dir, 'audit-anchor.json') };
  for (let i = 1; i <= 6; i++) await audit(t.db, systemActor, { action: 'test.row', summary: { i } });
  expect(await writeCheckpoint(t.db, anchor)).toMatchObject({
    signature: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs a tampering step as a superuser inside a transaction that is rolled back afterwards. */
async function tampered(step: string, check: (tx: Tx) => Promise<void>) {
  const tx = await t.db.connect();
  try {
    await tx.query('BEGIN');
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await tx.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
    await tx.query(step);
    await check(tx);
  } finally {
    await tx.query('ROLLBACK');
    tx.release();
  }
}

/** Recomputes every hash from `seq` on with the database's own audit_digest() and moves the head. */
const rechain = (from: string) => `
  DO $$ DECLARE r record; prev text; BEGIN
    SELECT hash INTO prev FROM audit_log WHERE seq = (${from}) - 1;
    FOR r IN SELECT * FROM audit_log WHERE seq >= (${from}) ORDER BY seq LOOP
      UPDATE audit_log SET prev_hash = prev,
        hash = audit_digest(prev, r.seq, r.at, r.actor_id, r.actor_name, r.ip, r.request_id, r.action,
                            r.object_type, r.object_id, r.outcome, r.summary)
      WHERE seq = r.seq RETURNING hash INTO prev;
    END LOOP;
    UPDATE audit_head SET seq = (SELECT max(seq) FROM audit_log), hash = prev;
  END $$;`;

describe('the tampering drill', () => {
  it('an untouched trail verifies, with its checkpoint', async () => {
    const r = await verifyAuditTrail(t.db, anchor);
    expect(r).toMatchObject({ ok: true, checkpoints: 2 });
  });

  it('detects a rewritten row whose chain was recomputed', async () => {
    await tampered(
      `UPDATE audit_log SET summary = '{"i": 99}' WHERE seq = (SELECT max(seq) - 3 FROM audit_log);
       ${rechain('(SELECT max(seq) - 3 FROM audit_log)')}`,
      async (tx) => {
        expect(await verifyAuditChain(tx)).toMatchObject({ ok: true });
        const r = await verifyAuditTrail(tx, anchor);
        expect(r.ok).toBe(false);
        expect(!r.ok && r.reason).toMatch(/^第 \d+ 行的检查点与第 \d+ 行的哈希不符（日志被改写）$/);
      },
    );
  });

  it('detects a truncated tail with the head moved back, even with the checkpoints deleted', async () => {
    await tampered(
      `DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log);
       UPDATE audit_head SET (seq, hash) = (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1);
       DELETE FROM audit_checkpoints;`,
      async (tx) => {
        expect(await verifyAuditChain(tx)).toMatchObject({ ok: true });
        const r = await verifyAuditTrail(tx, anchor);
        expect(!r.ok && r.reason).toMatch(
          /^库外锚定文件中的检查点所指的第 \d+ 行已不存在（日志尾部被截断）$/,
        );
      },
    );
  });

  it('detects a deleted head', async () => {
    await tampered('DELETE FROM audit_head', async (tx) => {
      expect(await verifyAuditTrail(tx, anchor)).toMatchObject({
        ok: false,
        reason: '链头（audit_head）已被删除',
      });
    });
  });

  it('detects a checkpoint signed without the key', async () => {
    await tampered(
      `INSERT INTO audit_checkpoints (seq, hash, signature)
       SELECT seq, hash, repeat('ab', 32) FROM audit_log ORDER BY seq DESC LIMIT 1`,
      async (tx) => {
        const r = await verifyAuditTrail(tx, anchor);
        expect(!r.ok && r.reason).toMatch(/签名无效/);
      },
    );
  });

  it('refuses edits of checkpoints through the triggers', async () => {
    await expect(t.db.query('DELETE FROM audit_checkpoints')).rejects.toThrow(/append-only/);
  });

  it('keeps its key outside the database: FAZHI_AUDIT_KEY or a 0600 file in the data directory', () => {
    const a = loadAuditAnchor(dir, {});
    expect(fs.statSync(path.join(dir, 'audit-key')).mode & 0o777).toBe(0o600);
    expect(loadAuditAnchor(dir, {}).key.equals(a.key)).toBe(true);
    expect(loadAuditAnchor(dir, { FAZHI_AUDIT_KEY: 'ab'.repeat(32) }).key).toHaveLength(32);
    expect(() => loadAuditAnchor(dir, { FAZHI_AUDIT_KEY: 'short' })).toThrow(
      'FAZHI_AUDIT_KEY 应为至少 64 位十六进制字符（32 字节）',
    );
  });
});
