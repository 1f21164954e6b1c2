import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../db/pool.ts';
import { verifyAuditChain } from './audit.ts';

/**
 * Signed checkpoints anchor the audit chain outside the database's reach. The hash chain alone proves nothing
 * to someone who can rewrite the table and recompute every hash (a superuser, a stolen owner password); a
 * checkpoint signed with a key the database never sees can be neither forged nor moved. The latest checkpoint
 * is also kept in a file beside the key, so deleting checkpoint rows (to hide a truncated tail) is detected.
 */
export interface AuditAnchor {
  key: Buffer;
  /** The file holding the latest checkpoint, outside the database (null: checkpoints in the database only). */
  anchorFile: string | null;
}

export interface Checkpoint {
  seq: number;
  hash: string;
  signature: string;
}

/** FAZHI_AUDIT_KEY (hex, 32 bytes or more) or `<dataDir>/audit-key`, created (mode 0600) on first use. */
export function loadAuditAnchor(dataDir: string, env: NodeJS.ProcessEnv = process.env): AuditAnchor {
  const anchorFile = path.join(dataDir, 'audit-anchor.json');
  if (env.FAZHI_AUDIT_KEY) {
    if (!/^[0-9a-fA-F]{64,}$/.test(env.FAZHI_AUDIT_KEY))
      throw new Error('FAZHI_AUDIT_KEY 应为至少 64 位十六进制字符（32 字节）');
    return { key: Buffer.from(env.FAZHI_AUDIT_KEY, 'hex'), anchorFile };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'audit-key');
  if (!fs.existsSync(file))
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  return { key: Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'), anchorFile };
}

const sign = (key: Buffer, seq: number, hash: string) =>
  createHmac('sha256', key).update(`fazhi-audit-checkpoint:${seq}:${hash}`).digest('hex');

const signatureValid = (key: Buffer, c: Checkpoint) => {
  const expected = Buffer.from(sign(key, Number(c.seq), c.hash), 'hex');
  const given = Buffer.from(c.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** Signs the chain's current head, stores the checkpoint and writes it to the anchor file. */
export async function writeCheckpoint(db: Queryable, anchor: AuditAnchor): Promise<Checkpoint | null> {
  const { rows } = await db.query<{ seq: string; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const last = rows[0];
  if (!last) return null;
  const c: Checkpoint = {
    seq: Number(last.seq),
    hash: last.hash,
    signature: sign(anchor.key, Number(last.seq), last.hash),
  };
  await db.query('INSERT INTO audit_checkpoints (seq, hash, signature) VALUES ($1, $2, $3)', [
    c.seq,
    c.hash,
    c.signature,
  ]);
  if (anchor.anchorFile) {
    const tmp = `${anchor.anchorFile}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(c), { mode: 0o600 });
    fs.renameSync(tmp, anchor.anchorFile);
  }
  return c;
}

export type AuditVerdict =
  | { ok: true; rows: number; checkpoints: number }
  | { ok: false; reason: string; rows: number };

/**
 * The chain links (audit_verify), then every checkpoint — its signature, and that the row it names still has the
 * hash it signed — then the anchor file's checkpoint, then the head row. Reasons are in Chinese for the CLI.
 */
export async function verifyAuditTrail(db: Queryable, anchor: AuditAnchor): Promise<AuditVerdict> {
  const chain = await verifyAuditChain(db);
  const rows = chain.rows;
  if (!chain.ok)
    return { ok: false, rows, reason: `哈希链在第 ${chain.brokenSeq} 行断开（${chain.reason}）` };
  const { rows: cps } = await db.query<Checkpoint & { found: string | null }>(
    `SELECT c.seq, c.hash, c.signature, a.hash AS found FROM audit_checkpoints c
     LEFT JOIN audit_log a ON a.seq = c.seq ORDER BY c.id`,
  );
  const fromFile =
    anchor.anchorFile && fs.existsSync(anchor.anchorFile)
      ? (JSON.parse(fs.readFileSync(anchor.anchorFile, 'utf8')) as Checkpoint)
      : null;
  const all: (Checkpoint & { found?: string | null; file?: boolean })[] = [...cps];
  if (fromFile) {
    const { rows: f } = await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [
      fromFile.seq,
    ]);
    all.push({ ...fromFile, found: f[0]?.hash ?? null, file: true });
  }
  for (const c of all) {
    const where = c.file ? '库外锚定文件中的检查点' : `第 ${c.seq} 行的检查点`;
    if (!signatureValid(anchor.key, c))
      return { ok: false, rows, reason: `${where}签名无效（检查点被伪造或密钥不符）` };
    if (c.found == null)
      return { ok: false, rows, reason: `${where}所指的第 ${c.seq} 行已不存在（日志尾部被截断）` };
    if (c.found !== c.hash)
      return { ok: false, rows, reason: `${where}与第 ${c.seq} 行的哈希不符（日志被改写）` };
  }
  const { rows: head } = await db.query<{
    seq: string;
    hash: string;
    last_seq: string | null;
    last_hash: string | null;
  }>(
    `SELECT h.seq, h.hash, l.seq AS last_seq, l.hash AS last_hash FROM (SELECT 1) one
     LEFT JOIN audit_head h ON h.id = 1
     LEFT JOIN LATERAL (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) l ON true`,
  );
  const h = head[0]!;
  if (h.seq == null) return { ok: false, rows, reason: '链头（audit_head）已被删除' };
  if (h.last_seq != null && (Number(h.seq) !== Number(h.last_seq) || h.hash !== h.last_hash))
    return { ok: false, rows, reason: '链头（audit_head）与最后一行不符' };
  return { ok: true, rows, checkpoints: all.length };
}
