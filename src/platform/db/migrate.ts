import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Db } from './pool.ts';
import { withTx } from './pool.ts';

/**
 * Plain SQL migrations in `migrations/NNNN_name.sql`, applied in order, each in its own transaction,
 * under an advisory lock so two starting processes never race. Applied files are recorded with their
 * checksum; an edited, already-applied migration stops start-up.
 */
export const migrationsDir = new URL('../../../migrations/', import.meta.url);

export function listMigrations(): { name: string; sql: string; checksum: string }[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(new URL(name, migrationsDir), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const LOCK_ID = 7_400_211; // arbitrary, fixed: "fazhi migrations"

export async function migrate(db: Db): Promise<string[]> {
  const applied: string[] = [];
  await withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (
        await tx.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')
      ).rows.map((r) => [r.name, r.checksum]),
    );
    for (const m of listMigrations()) {
      const previous = done.get(m.name);
      if (previous && previous !== m.checksum) {
        throw new Error(`迁移文件 ${m.name} 在应用后被修改 (migration changed after it was applied)`);
      }
      if (previous) continue;
      await tx.query(m.sql);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
      applied.push(m.name);
    }
  });
  return applied;
}

/** True when every migration file has been applied (used by /readyz). */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const names = listMigrations().map((m) => m.name);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM schema_migrations WHERE name = ANY($1)`,
    [names],
  );
  return rows[0]?.n === names.length;
}
