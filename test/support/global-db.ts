import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type EmbeddedDatabase, startEmbedded } from '../../src/platform/db/embedded.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { createPool } from '../../src/platform/db/pool.ts';
import { seed } from '../../src/platform/seed/seed.ts';
import { TEST_ADMIN_PASSWORD } from './constants.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTarget: 'embedded' | 'server';
    /** A connection URL whose database we may CREATE/DROP databases from. */
    adminUrl: string;
    /** A migrated, seeded database that each test file clones. */
    templateDb: string;
  }
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * Starts the database a project's test files share (embedded, or the machine's server from TEST_DATABASE_URL),
 * builds one migrated and seeded template database, and removes everything afterwards.
 */
export default async function setup(project: TestProject) {
  const target = project.config.provide?.dbTarget ?? 'embedded';
  let embedded: EmbeddedDatabase | undefined;
  let tmpDir: string | undefined;
  let adminUrl: string;
  if (target === 'server') {
    if (!process.env.TEST_DATABASE_URL)
      throw new Error('TEST_DATABASE_URL is required for the server project');
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-pg-'));
    embedded = await startEmbedded(tmpDir, undefined, { throwaway: true });
    adminUrl = embedded.url;
  }
  const templateDb = `fazhi_tpl_${randomBytes(4).toString('hex')}`;
  const admin = createPool(adminUrl, 1);
  await admin.query(`CREATE DATABASE ${templateDb}`);
  const tpl = createPool(withDatabase(adminUrl, templateDb), 2);
  await migrate(tpl);
  await seed(tpl, { demo: true, adminPassword: TEST_ADMIN_PASSWORD });
  await tpl.end();
  project.provide('adminUrl', adminUrl);
  project.provide('templateDb', templateDb);
  project.provide('dbTarget', target);

  return async () => {
    // Drop the template and any per-file database a crashed file left behind.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`,
      [templateDb, `${templateDb.replace('tpl', 't')}%`],
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}
