/**
 * `BENCH_ONLY=mediation npm run bench`: only the mediation figures (e), (f), without the million toy matters and
 * the other parts. With BENCH_KEEP=<dir> the embedded PostgreSQL lives in that directory and is kept: the first
 * run builds the 120,000 cases, later runs find them and measure at once (migrations still run, so a new index is
 * there). Results go to bench/results/<timestamp>-mediation.json.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setKeyRing } from '../src/kernel/personal-data/keyring.ts';
import { registerLines } from '../src/lines/index.ts';
import { startEmbedded } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createPool } from '../src/platform/db/pool.ts';
import { seed } from '../src/platform/seed/seed.ts';
import { mediationBench, PER_YEAR } from './mediation.ts';

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function timeEach(n: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return { median: pct(times, 50), p95: pct(times, 95) };
}

export async function mediationOnly() {
  setKeyRing({ active: 'bench', keys: { bench: randomBytes(32) } });
  registerLines();
  const keep = process.env.BENCH_KEEP;
  const dir = keep ? path.resolve(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const e = await startEmbedded(dir, () => {}, { throwaway: true });
  const admin = createPool(e.url, 1);
  const dbName = 'fazhi_bench_mediation';
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${dbName}`);
  const u = new URL(e.url);
  u.pathname = `/${dbName}`;
  const db = createPool(u.toString(), 8);
  try {
    await migrate(db);
    let generate = true;
    if (exists) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM matters WHERE line = 'mediation'`,
      );
      generate = rows[0]!.n < PER_YEAR * 10;
      if (generate) throw new Error(`${dir} holds an unfinished dataset: remove it and run again`);
    } else await seed(db, { demo: true, adminPassword: 'Bench-Admin-Pass-1' });
    const mediation = await mediationBench(db, timeEach, { generate });
    const at = new Date().toISOString();
    fs.mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    fs.writeFileSync(
      new URL(`./results/${at.replace(/[:.]/g, '-')}-mediation.json`, import.meta.url),
      JSON.stringify({ at, database: 'embedded', kept: !!keep, mediation }, null, 2),
    );
  } finally {
    await db.end();
    await admin.end();
    await e.stop();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}
