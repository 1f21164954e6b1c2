/**
 * The import figure of `npm run bench`: a ledger of `rows` reconsideration applications (an XLSX made like a
 * clerk's, every row valid) uploaded, dry-run and imported through the kernel's import (createBatch + runImport,
 * the functions behind the HTTP routes), beside its floor: the same rows registered by a bare createMatter loop,
 * one transaction each, without the import machinery (no workbook, no sealing, no row bookkeeping).
 *
 * Standalone: `npx tsx bench/import.ts [rows] [--no-floor] [--workers=N] [--rows-per-tx=N]` starts an embedded
 * PostgreSQL of its own.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Pool } from 'pg';
import { getImport } from '../src/kernel/import/registry.ts';
import { checkRow, loadDirectory } from '../src/kernel/import/rows.ts';
import { runImport } from '../src/kernel/import/run.ts';
import { createBatch } from '../src/kernel/import/store.ts';
import { keyRing, setKeyRing } from '../src/kernel/personal-data/keyring.ts';
import { createMatter } from '../src/kernel/workflow/engine.ts';
import { registerLines } from '../src/lines/index.ts';
import type { Actor } from '../src/platform/access/actor.ts';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A distinct valid resident ID for each n (GB 11643 check character). */
function residentId(n: number) {
  const day = 1 + (n % 28);
  const body = `330211${1950 + (Math.floor(n / 28) % 50)}${String(1 + (Math.floor(n / 1400) % 12)).padStart(2, '0')}${String(day).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  return body + '10X98765432'[W.reduce((s, w, i) => s + w * Number(body[i]), 0) % 11];
}

/** Row n of a ledger; `respondent` is an organ's name in the directory. */
const ledgerRow = (n: number, respondent: string): Record<string, string> => ({
  收件日期: '2025-03-03',
  申请方式: '窗口递交',
  申请人姓名或名称: `基准申请人${n}`,
  证件号码: residentId(n),
  联系电话: `139${String(n).padStart(8, '0')}`,
  被申请人: respondent,
  行政行为类别: '行政处罚',
  被申请的行政行为: `行政处罚决定${n}`,
  行政行为文书编号: `基准罚〔2025〕${n}号`,
  行政行为作出日期: '2025-02-20',
  知道该行政行为的日期: '2025-02-24',
  行政复议请求: '撤销被申请人作出的行政处罚决定',
});

async function ledgerXlsx(rows: Record<string, string>[]): Promise<Buffer> {
  const { def } = getImport('reconsideration', 'application');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(def.columns.map((c) => c.header));
  for (const r of rows) ws.addRow(def.columns.map((c) => r[c.header] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function benchImport(
  db: Pool,
  actor: Actor,
  rows = 10_000,
  /** `floor: false` skips the floor (NaN); `workers`/`rowsPerTx` try other settings of runImport. */
  opts: { floor?: boolean; workers?: number; rowsPerTx?: number } = {},
): Promise<{ seconds: number; rowsPerSecond: number; floorSeconds: number; dryRunSeconds: number }> {
  registerLines();
  try {
    keyRing();
  } catch {
    setKeyRing({ active: 'bench', keys: { bench: randomBytes(32) } });
  }
  const office = (
    await db.query<{ id: number }>(
      `SELECT id FROM orgs WHERE code = 'sec-reconsideration'
       UNION ALL (SELECT id FROM orgs WHERE kind = 'bureau' ORDER BY id LIMIT 1) LIMIT 1`,
    )
  ).rows[0]!.id;
  const respondent = (
    await db.query<{ name: string }>(
      `SELECT name FROM orgs WHERE kind IN ('department', 'bureau') AND active ORDER BY kind DESC, id LIMIT 1`,
    )
  ).rows[0]!.name;
  // Distinct people per run, so the duplicate-application check never refuses a row of a second run.
  const base = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM parties')).rows[0]!.n);
  const today = '2025-06-30';

  const file = await ledgerXlsx(Array.from({ length: rows }, (_, i) => ledgerRow(base + i, respondent)));
  let t = performance.now();
  const id = await createBatch(db, actor, {
    line: 'reconsideration',
    kind: 'application',
    orgId: office,
    fileName: 'bench.xlsx',
    bytes: file,
    today,
  });
  const dryRunSeconds = (performance.now() - t) / 1000;
  while (
    !(await runImport(db, actor, id, { today, workers: opts.workers, rowsPerTx: opts.rowsPerTx })).finished
  );
  const seconds = (performance.now() - t) / 1000;
  const { rows: counts } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM import_rows WHERE batch_id = $1 AND status = 'imported'`,
    [id],
  );
  if (counts[0]!.n !== rows) throw new Error(`import bench: ${counts[0]!.n} of ${rows} rows imported`);

  if (opts.floor === false)
    return { seconds, rowsPerSecond: rows / seconds, floorSeconds: Number.NaN, dryRunSeconds };
  // Floor: the payloads of the same kind of rows (new people) through the bare engine, one transaction each.
  const imp = getImport('reconsideration', 'application');
  const dir = await loadDirectory(db);
  const payloads = Array.from({ length: rows }, (_, i) => {
    const cells = Object.fromEntries(
      imp.def.columns.map((c) => [c.field, ledgerRow(base + rows + i, respondent)[c.header] ?? '']),
    );
    for (const k of Object.keys(cells)) if (cells[k] === '') delete cells[k];
    return checkRow(imp.def, imp.kind, { rowNo: i + 2, cells, problems: {} }, dir, today).payload;
  });
  t = performance.now();
  for (const p of payloads) await createMatter(db, actor, 'reconsideration', 'application', p, { today });
  const floorSeconds = (performance.now() - t) / 1000;
  return { seconds, rowsPerSecond: rows / seconds, floorSeconds, dryRunSeconds };
}

// Standalone run: its own embedded PostgreSQL, migrated and seeded with the demo organs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { startEmbedded } = await import('../src/platform/db/embedded.ts');
  const { migrate } = await import('../src/platform/db/migrate.ts');
  const { createPool } = await import('../src/platform/db/pool.ts');
  const { seed } = await import('../src/platform/seed/seed.ts');
  const rows = Number(process.argv[2] ?? 10_000);
  const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const runOpts = {
    floor: !process.argv.includes('--no-floor'),
    workers: flag('workers') ? Number(flag('workers')) : undefined,
    rowsPerTx: flag('rows-per-tx') ? Number(flag('rows-per-tx')) : undefined,
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-import-'));
  const e = await startEmbedded(dir);
  const db = createPool(e.url, 8);
  try {
    await migrate(db);
    await seed(db, { demo: true, adminPassword: 'Bench-Admin-Pass-1' });
    const org = (await db.query<{ id: number }>(`SELECT id FROM orgs WHERE code = 'sec-reconsideration'`))
      .rows[0]!.id;
    const actor: Actor = { userId: 1, name: 'bench', memberships: [{ orgId: org, role: 'sectionStaff' }] };
    const r = await benchImport(db, actor, rows, runOpts);
    console.log(
      `(d) import: ${rows.toLocaleString()} rows in ${r.seconds.toFixed(1)} s (${r.rowsPerSecond.toFixed(0)} rows/s; upload + dry run ${r.dryRunSeconds.toFixed(1)} s) | floor (bare createMatter loop) ${r.floorSeconds.toFixed(1)} s | ratio ${(r.seconds / r.floorSeconds).toFixed(2)}×`,
    );
  } finally {
    await db.end();
    await e.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
