/**
 * The data keys that protect personal data at rest (identity and phone numbers). They are kept outside the
 * database: `FAZHI_DATA_KEY` (base64 of 32 random bytes), or a key ring file `<dataDir>/data-key.json` (mode 0600)
 * created on first start, as the embedded database's password is. A dump or a stolen disk image of the database
 * alone shows ciphertext and keyed blind indexes only.
 *
 * The ring names its keys (kid); every ciphertext records the kid it was made with, so `keys:rotate` can add a new
 * active key, re-encrypt, and only then drop the old one.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface KeyRing {
  active: string;
  keys: Record<string, Buffer>;
}

interface RingFile {
  active: string;
  keys: Record<string, string>;
}

let ring: KeyRing | undefined;

const KID = /^[a-z0-9]{1,16}$/;

function parseKey(b64: string, where: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32) throw new Error(`${where}：数据密钥应为 32 字节随机数的 base64 编码`);
  return key;
}

export const ringFile = (dataDir: string) => path.join(dataDir, 'data-key.json');

export function readRingFile(file: string): KeyRing {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RingFile;
  if (!KID.test(raw.active) || !raw.keys[raw.active]) throw new Error(`${file}：缺少当前数据密钥`);
  return {
    active: raw.active,
    keys: Object.fromEntries(Object.entries(raw.keys).map(([k, v]) => [k, parseKey(v, file)])),
  };
}

/** Writes the ring atomically (a crash leaves the old file or the new one, never half of one). */
export function writeRingFile(file: string, r: KeyRing) {
  const body: RingFile = {
    active: r.active,
    keys: Object.fromEntries(Object.entries(r.keys).map(([k, v]) => [k, v.toString('base64')])),
  };
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(body), { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export const newKid = () => randomBytes(4).toString('hex');

/**
 * Loads the ring once at start: FAZHI_DATA_KEY when set (one key, kid "env"), else the ring file in the data
 * directory, created with a fresh random key the first time.
 */
export function loadKeyRing(opts: { envKey?: string | undefined; dataDir: string }): KeyRing {
  if (opts.envKey) ring = { active: 'env', keys: { env: parseKey(opts.envKey, 'FAZHI_DATA_KEY') } };
  else {
    const file = ringFile(opts.dataDir);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
      const kid = newKid();
      writeRingFile(file, { active: kid, keys: { [kid]: randomBytes(32) } });
    }
    ring = readRingFile(file);
  }
  return ring;
}

/** Replaces the ring in memory (key rotation, tests). */
export function setKeyRing(r: KeyRing) {
  ring = r;
}

export function keyRing(): KeyRing {
  // A process that never loaded a ring (a script, a test) uses FAZHI_DATA_KEY when it is set.
  if (!ring && process.env.FAZHI_DATA_KEY)
    ring = { active: 'env', keys: { env: parseKey(process.env.FAZHI_DATA_KEY, 'FAZHI_DATA_KEY') } };
  if (!ring) throw new Error('数据密钥未载入（personal-data key ring not loaded）');
  return ring;
}
