import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { setKeyRing } from '../../src/kernel/personal-data/keyring.ts';
import { createPool, type Db } from '../../src/platform/db/pool.ts';

// Tests seal personal data under a fixed key, as a deployment does under its own.
setKeyRing({ active: 'test', keys: { test: Buffer.alloc(32, 7) } });

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export interface TestDb {
  db: Db;
  url: string;
  name: string;
  close(): Promise<void>;
}

/** A fresh database for one test file, cloned from the migrated and seeded template. */
export async function createTestDb(): Promise<TestDb> {
  const adminUrl = inject('adminUrl');
  const template = inject('templateDb');
  const name = `${template.replace('tpl', 't')}_${randomBytes(4).toString('hex')}`;
  const admin = createPool(adminUrl, 1);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        // A test database is dropped after its file: commits need not wait for the disk (the machine's server in
        // CI included, where fsync stays on for everything else).
        await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
        break;
      } catch (err) {
        // Two files cloning the template at the same instant: PostgreSQL lets only one copy at a time.
        if (attempt > 50 || !String(err).includes('being accessed by other users')) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const db = createPool(url, 5);
  return {
    db,
    url,
    name,
    async close() {
      await db.end();
      const a = createPool(adminUrl, 1);
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
