import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './pool.ts';

export const SERVER_LOGIN = 'fazhi_server';

/**
 * The URL the server itself connects with: a login role that inherits fazhi_app (migration 0015) and owns
 * nothing, so neither a bug nor an attacker inside the server can disable the audit trail's triggers or rewrite
 * it. Migrations and seeding keep the owner's connection.
 * - `FAZHI_APP_DATABASE_URL` names it for an external server (create a login role `IN ROLE fazhi_app`).
 * - The embedded PostgreSQL gets `fazhi_server` with a generated password in `<data dir>/db-app-secret.json`.
 * - Otherwise (an external server without that variable, or no fazhi_app role) the owner's URL is used.
 */
export async function serverDatabaseUrl(
  owner: Db,
  ownerUrl: string,
  opts: { appUrl?: string; dataDir?: string },
): Promise<{ url: string; role: 'app' | 'owner' }> {
  if (opts.appUrl) return { url: opts.appUrl, role: 'app' };
  const { rowCount } = await owner.query(`SELECT 1 FROM pg_roles WHERE rolname = 'fazhi_app'`);
  if (!opts.dataDir || !rowCount) return { url: ownerUrl, role: 'owner' };
  const file = path.join(opts.dataDir, 'db-app-secret.json');
  if (!fs.existsSync(file))
    fs.writeFileSync(file, JSON.stringify({ password: randomBytes(24).toString('base64url') }), {
      mode: 0o600,
    });
  const { password } = JSON.parse(fs.readFileSync(file, 'utf8')) as { password: string };
  const exists = (await owner.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [SERVER_LOGIN])).rowCount;
  const { rows } = await owner.query<{ sql: string }>(
    exists
      ? `SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS sql`
      : `SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE fazhi_app', $1::text, $2::text) AS sql`,
    [SERVER_LOGIN, password],
  );
  await owner.query(rows[0]!.sql);
  const u = new URL(ownerUrl);
  u.username = SERVER_LOGIN;
  u.password = encodeURIComponent(password);
  return { url: u.toString(), role: 'app' };
}
