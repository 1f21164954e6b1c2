/**
 * Importing the checked rows of a ledger through the workflow engine: each row becomes a matter by createMatter
 * (its event, deadlines, documents and audit row), in transactions of ROWS_PER_TX rows with the outcome of every
 * row committed alongside, so a crash loses at most the transaction in flight and the next call resumes after it.
 * Rows are claimed with FOR UPDATE SKIP LOCKED (a fix typed on the page meanwhile waits, and sees the row imported).
 * A row refused by the engine (a line's record check, e.g. a duplicate application) makes its transaction run
 * again with a savepoint per row: the row is reported, the others of its transaction stand.
 *
 * Idempotent by file and row: a row of a file (SHA-256) whose matter exists in imported_rows is never created
 * again — not by a second run, nor by the same file uploaded again, nor by two uploads running at once (an
 * advisory lock per file and row serialises them, the primary key is the last word).
 */
import { performance } from 'node:perf_hooks';
import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/pool.ts';
import { insideTransaction, withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type CreatedBatch, createMatter } from '../workflow/engine.ts';
import { finishCreated } from '../workflow/finish-created.ts';
import { type ReferenceCache, withReferenceCache } from './reference-cache.ts';
import { getImport } from './registry.ts';
import { checkRow, type Directory, errorAt, loadDirectory, type RowError } from './rows.ts';
import { assertMayImport, loadBatch, openRow, type RowStatus } from './store.ts';

/**
 * Rows per transaction. Every matter takes a number from its kind's counter, whose row stays locked until commit, and
 * the commit seals the transaction's audit entries under the chain's head: 100 rows (about half a second) keep a
 * registration at a desk waiting briefly, where one transaction per ledger would stall it.
 */
export const ROWS_PER_TX = 100;
/**
 * Transactions of one import running side by side. Each transaction creates its matters unnumbered and takes the
 * numbers, documents and audit entries of all of them in a few statements at its end (finishCreated), so the row
 * locks held to commit cover only that end and a second transaction does the rest of its work meanwhile. Measured
 * here under load (600 rows, the other core busy): 1 worker 20 rows/s, 2 workers 27 rows/s.
 */
export const WORKERS = 2;

export interface RunOptions {
  today: string;
  /** Stop starting new transactions after this long, so one HTTP request answers in time for the progress bar. */
  budgetMs?: number;
  rowsPerTx?: number;
  /** Transactions running side by side. */
  workers?: number;
}

interface Outcome {
  rowNo: number;
  status: RowStatus;
  matterId: number | null;
  errors: RowError[];
}

/**
 * A row refused in a transaction without savepoints: the transaction is rolled back and run again with a
 * savepoint per row. Rows were checked by the dry run, so refusals are rare and most transactions save the two
 * extra round trips per row.
 */
class RowRefused extends Error {}

/** SQLSTATE classes 22 (data exception) and 23 (integrity) refuse a row's data; anything else is a fault. */
const dataRefusal = (err: unknown) => /^2[23]/.test(String((err as { code?: unknown }).code ?? ''));

async function importRows(
  tx: Tx,
  actor: Actor,
  batch: { id: number; line: string; kind: string; file_sha256: string },
  rows: { row_no: number; cells: Buffer }[],
  dir: Directory,
  today: string,
  guarded: boolean,
  cache: ReferenceCache,
): Promise<Outcome[]> {
  const imp = getImport(batch.line, batch.kind);
  const { rows: before } = await tx.query<{ row_no: number; matter_id: number }>(
    `SELECT row_no, matter_id FROM imported_rows
     WHERE line = $1 AND kind = $2 AND file_sha256 = $3 AND row_no = ANY($4::int[])`,
    [batch.line, batch.kind, batch.file_sha256, rows.map((r) => r.row_no)],
  );
  const done = new Map(before.map((r) => [r.row_no, r.matter_id]));
  const inner = withReferenceCache(insideTransaction(tx), cache);
  const out: Outcome[] = [];
  const created: CreatedBatch = [];
  const placeholders = new Map<string, number>();
  for (const r of rows) {
    const already = done.get(r.row_no);
    if (already) {
      out.push({ rowNo: r.row_no, status: 'already', matterId: already, errors: [] });
      continue;
    }
    const row = openRow(r.row_no, r.cells);
    const { payload, errors } = checkRow(imp.def, imp.kind, row, dir, today);
    if (errors.length) {
      out.push({ rowNo: r.row_no, status: 'bad', matterId: null, errors });
      continue;
    }
    if (guarded) await tx.query('SAVEPOINT import_row');
    try {
      const matter = await createMatter(inner, actor, batch.line, batch.kind, payload, {
        today,
        batch: created,
      });
      if (guarded) await tx.query('RELEASE SAVEPOINT import_row');
      placeholders.set(matter.refNo, r.row_no);
      // The intake's warnings (e.g. an application that seems late) go to the report beside the row.
      const warnings = matter.warnings.map((w) => errorAt(imp.def, null, `提示：${w}`));
      out.push({ rowNo: r.row_no, status: 'imported', matterId: matter.id, errors: warnings });
    } catch (err) {
      if (!(err instanceof AppError) && !dataRefusal(err)) throw err;
      if (!guarded) throw new RowRefused();
      await tx.query('ROLLBACK TO SAVEPOINT import_row');
      // A check naming a matter this transaction created before (not yet numbered) names its row instead.
      const named = (text: string) =>
        text.replace(/~[0-9a-f-]{36}/g, (ref) => {
          const rowNo = placeholders.get(ref);
          return rowNo ? `本台账第${rowNo}行` : '本次导入的另一行';
        });
      const fields = (err instanceof AppError ? (err.extra.errors ?? []) : []).map((f) => ({
        ...f,
        message: named(f.message),
      }));
      const errors = fields.length
        ? fields.map((f) => errorAt(imp.def, f.field, f.message))
        : [
            errorAt(
              imp.def,
              null,
              err instanceof AppError ? named(err.detail ?? err.title) : '数据库拒绝了该行的数据',
            ),
          ];
      out.push({ rowNo: r.row_no, status: 'failed', matterId: null, errors });
    }
  }
  // Numbers, documents and audit of the transaction's matters, last: the row locks they take are held to commit.
  await withTx(inner, (t) => finishCreated(t, created));
  const imported = out.filter((o) => o.status === 'imported');
  await tx.query(
    `INSERT INTO imported_rows (line, kind, file_sha256, row_no, matter_id, batch_id)
     SELECT $1, $2, $3, u.row_no, u.matter_id, $4 FROM unnest($5::int[], $6::bigint[]) AS u(row_no, matter_id)`,
    [
      batch.line,
      batch.kind,
      batch.file_sha256,
      batch.id,
      imported.map((o) => o.rowNo),
      imported.map((o) => o.matterId),
    ],
  );
  // Imported rows give up their sealed cells: the matter holds the data now.
  await tx.query(
    `UPDATE import_rows r SET status = u.status, matter_id = u.matter_id, errors = u.errors,
            cells = CASE WHEN u.status IN ('imported', 'already') THEN NULL ELSE r.cells END
     FROM unnest($2::int[], $3::text[], $4::bigint[], $5::jsonb[]) AS u(row_no, status, matter_id, errors)
     WHERE r.batch_id = $1 AND r.row_no = u.row_no`,
    [
      batch.id,
      out.map((o) => o.rowNo),
      out.map((o) => o.status),
      out.map((o) => o.matterId),
      out.map((o) => JSON.stringify(o.errors)),
    ],
  );
  return out;
}

/**
 * Imports the batch's next rows for about `budgetMs`; the page calls it again until `finished` (its progress bar
 * is the batch's counts). Refused while rows with problems wait for a fix or a skip.
 */
export async function runImport(
  db: Db,
  actor: Actor,
  id: number,
  opts: RunOptions,
): Promise<{ finished: boolean }> {
  const started = performance.now();
  const budget = opts.budgetMs ?? 3000;
  const perTx = opts.rowsPerTx ?? ROWS_PER_TX;
  const b = await loadBatch(db, actor, id);
  const imp = getImport(b.line, b.kind);
  await assertMayImport(db, actor, imp, b.org_id);
  const { rows: bad } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM import_rows WHERE batch_id = $1 AND status = 'bad'`,
    [id],
  );
  if (bad[0]!.n) throw new AppError('CONFLICT', `还有 ${bad[0]!.n} 行有错误，请修正或跳过后再导入`);
  const dir = await loadDirectory(db);
  const cache: ReferenceCache = new Map();

  /** One transaction of a worker: its next rows, locked so no other worker or fix touches them meanwhile. */
  const rowsTx = (guarded: boolean) =>
    withTx(db, async (tx) => {
      const { rows } = await tx.query<{ row_no: number; cells: Buffer }>(
        `SELECT row_no, cells FROM import_rows WHERE batch_id = $1 AND status = 'ok'
         ORDER BY row_no LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [id, perTx],
      );
      if (!rows.length) return false;
      // The same row of the same file, in another batch being imported at this moment, waits for this one.
      await tx.query(
        `SELECT pg_advisory_xact_lock(hashtext($1 || r)) FROM unnest($2::int[]) AS r ORDER BY r`,
        [`import:${b.line}:${b.kind}:${b.file_sha256}:`, rows.map((r) => r.row_no)],
      );
      await importRows(tx, actor, b, rows, dir, opts.today, guarded, cache);
      return true;
    });
  // Workers wait for each other only where two rows may be the same matter (a line's duplicate check locks its
  // key); two such pairs crossing is a deadlock PostgreSQL breaks by failing one transaction, which runs again.
  const transient = (err: unknown) => ['40P01', '40001'].includes(String((err as { code?: unknown }).code));
  const attempt = async (guarded: boolean, tries = 3): Promise<boolean> =>
    rowsTx(guarded).catch((err) => {
      if (err instanceof RowRefused && !guarded) return attempt(true, tries);
      if (transient(err) && tries > 1) return attempt(guarded, tries - 1);
      throw err;
    });
  const worker = async () => {
    while (performance.now() - started <= budget) {
      const more = await attempt(false);
      if (!more) return;
    }
  };
  await Promise.all(Array.from({ length: opts.workers ?? WORKERS }, worker));

  return withTx(db, async (tx) => {
    const batch = await loadBatch(tx, actor, id, true);
    const { rows: counts } = await tx.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM import_rows WHERE batch_id = $1 GROUP BY status',
      [id],
    );
    if (counts.some((c) => c.status === 'ok')) return { finished: false };
    if (batch.finished_at) return { finished: true };
    await tx.query('UPDATE import_batches SET finished_at = now() WHERE id = $1', [id]);
    await audit(tx, actor, {
      action: 'import.finish',
      objectType: 'import',
      objectId: id,
      summary: {
        line: batch.line,
        kind: batch.kind,
        ...Object.fromEntries(counts.map((c) => [c.status, c.n])),
      },
    });
    return { finished: true };
  });
}
