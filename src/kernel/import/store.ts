/**
 * Uploaded ledgers and their rows: the dry run written at upload, the page's view of it (personal numbers
 * masked), and the fixes a clerk makes (edit a row's cells, skip a row), each re-checked by the intake schema.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeParam } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db, Queryable, Tx } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { maskIdNumber, maskPhone } from '../identifiers/identifiers.ts';
import { open, seal } from '../personal-data/cipher.ts';
import { rolesOver } from '../workflow/access.ts';
import { FORMULA_START } from './cells.ts';
import { readLedger } from './ledger.ts';
import { type DeclaredImport, getImport } from './registry.ts';
import {
  checkRow,
  type Directory,
  type LedgerRow,
  loadDirectory,
  type RowError,
  rowErrorText,
} from './rows.ts';

export type RowStatus = 'ok' | 'bad' | 'skipped' | 'imported' | 'failed' | 'already';

export const sealRow = (r: LedgerRow) => seal(JSON.stringify({ cells: r.cells, problems: r.problems }));
export function openRow(rowNo: number, b: Buffer): LedgerRow {
  const { cells, problems } = JSON.parse(open(b)) as Pick<LedgerRow, 'cells' | 'problems'>;
  return { rowNo, cells, problems };
}

/** The importer must be allowed to register the kind in the office (its create roles over that office). */
export async function assertMayImport(db: Queryable, actor: Actor, imp: DeclaredImport, orgId: number) {
  const roles = await rolesOver(db, actor, orgId);
  if (!imp.kind.create.roles.some((r) => roles.has(r)))
    throw new AppError('FORBIDDEN', `您无权在该机构登记「${imp.kind.label}」，不能导入该台账`);
}

interface BatchRow {
  id: number;
  line: string;
  kind: string;
  org_id: number;
  file_sha256: string;
  finished_at: Date | null;
}

/** A batch within the actor's scope (the office's subtree), locked for the caller's transaction when asked. */
export async function loadBatch(db: Queryable, actor: Actor, id: number, lock = false): Promise<BatchRow> {
  const { rows } = await db.query<BatchRow>(
    `SELECT b.id, b.line, b.kind, b.org_id, b.file_sha256, b.finished_at FROM import_batches b
     WHERE b.id = $1 AND ${inScope('b.org_id', 2)} ${lock ? 'FOR UPDATE' : ''}`,
    [id, scopeParam(actor, 'matter.write')],
  );
  if (!rows[0]) throw new AppError('NOT_FOUND', '导入批次不存在或不在您的权限范围内');
  return rows[0];
}

/** Upload and dry run: every row read, checked and stored sealed; rows this file already gave are marked so. */
export async function createBatch(
  db: Db,
  actor: Actor,
  args: { line: string; kind: string; orgId: number; fileName: string; bytes: Buffer; today: string },
): Promise<number> {
  const imp = getImport(args.line, args.kind);
  await assertMayImport(db, actor, imp, args.orgId);
  const rows = await readLedger(args.bytes, imp.def);
  const sha = createHash('sha256').update(args.bytes).digest('hex');
  const dir = await loadDirectory(db);
  return withTx(db, async (tx) => {
    const { rows: batch } = await tx.query<{ id: number }>(
      `INSERT INTO import_batches (line, kind, org_id, file_name, file_sha256, total_rows, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [args.line, args.kind, args.orgId, args.fileName, sha, rows.length, actor.userId],
    );
    const id = batch[0]!.id;
    const { rows: before } = await tx.query<{ row_no: number; matter_id: number }>(
      'SELECT row_no, matter_id FROM imported_rows WHERE line = $1 AND kind = $2 AND file_sha256 = $3',
      [args.line, args.kind, sha],
    );
    const done = new Map(before.map((r) => [r.row_no, r.matter_id]));
    const out = rows.map((r) => {
      const matter = done.get(r.rowNo);
      if (matter) return { rowNo: r.rowNo, status: 'already' as const, cells: null, errors: [], matter };
      const { errors } = checkRow(imp.def, imp.kind, r, dir, args.today);
      return {
        rowNo: r.rowNo,
        status: errors.length ? 'bad' : 'ok',
        cells: sealRow(r),
        errors,
        matter: null,
      };
    });
    await tx.query(
      `INSERT INTO import_rows (batch_id, row_no, status, cells, errors, matter_id)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::bytea[], $5::jsonb[], $6::bigint[])`,
      [
        id,
        out.map((r) => r.rowNo),
        out.map((r) => r.status),
        out.map((r) => r.cells),
        out.map((r) => JSON.stringify(r.errors)),
        out.map((r) => r.matter),
      ],
    );
    await audit(tx, actor, {
      action: 'import.upload',
      objectType: 'import',
      objectId: id,
      summary: {
        line: args.line,
        kind: args.kind,
        orgId: args.orgId,
        fileName: args.fileName,
        sha256: sha,
        rows: rows.length,
        bad: out.filter((r) => r.status === 'bad').length,
        already: done.size,
      },
    });
    return id;
  });
}

const maskCell = (personal: 'idNumber' | 'phone' | undefined, v: string) =>
  personal === 'idNumber' ? (maskIdNumber(v) ?? '') : personal === 'phone' ? (maskPhone(v) ?? '') : v;

/** A row as the page shows it: its cells (identity and phone numbers masked) and its problems. */
function rowView(
  imp: DeclaredImport,
  r: { row_no: number; status: RowStatus; cells: Buffer | null; errors: RowError[] },
) {
  const row = r.cells ? openRow(r.row_no, r.cells) : null;
  return {
    rowNo: r.row_no,
    status: r.status,
    cells: imp.def.columns.map((c) => ({
      field: c.field,
      header: c.header,
      value: row ? maskCell(c.personal, row.cells[c.field] ?? '') : '',
    })),
    errors: r.errors.map((e) => ({ ...e, text: rowErrorText(r.row_no, e) })),
  };
}

/** Rows listed on the page: those needing a decision (bad, failed) and those skipped, at most this many. */
export const LISTED_ROWS = 500;

export async function batchView(db: Queryable, actor: Actor, id: number) {
  const b = await loadBatch(db, actor, id);
  const imp = getImport(b.line, b.kind);
  const { rows } = await db.query<{
    file_name: string;
    total_rows: number;
    created_at: Date;
    org_name: string;
    counts: Record<RowStatus, number>;
  }>(
    `SELECT b.file_name, b.total_rows, b.created_at, o.name AS org_name,
            (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM import_rows
              WHERE batch_id = b.id GROUP BY status) s) AS counts
     FROM import_batches b JOIN orgs o ON o.id = b.org_id WHERE b.id = $1`,
    [id],
  );
  const head = rows[0]!;
  const { rows: listed } = await db.query<{
    row_no: number;
    status: RowStatus;
    cells: Buffer | null;
    errors: RowError[];
  }>(
    `SELECT row_no, status, cells, errors FROM import_rows
     WHERE batch_id = $1 AND status IN ('bad', 'failed', 'skipped') ORDER BY row_no LIMIT ${LISTED_ROWS}`,
    [id],
  );
  const c = head.counts ?? {};
  return {
    id,
    line: b.line,
    kind: b.kind,
    label: imp.def.label,
    orgId: b.org_id,
    orgName: head.org_name,
    fileName: head.file_name,
    sha256: b.file_sha256,
    totalRows: head.total_rows,
    createdAt: head.created_at,
    finished: b.finished_at !== null,
    counts: {
      ok: c.ok ?? 0,
      bad: c.bad ?? 0,
      skipped: c.skipped ?? 0,
      imported: c.imported ?? 0,
      failed: c.failed ?? 0,
      already: c.already ?? 0,
    },
    rows: listed.map((r) => rowView(imp, r)),
  };
}

async function lockedRow(tx: Tx, actor: Actor, id: number, rowNo: number) {
  const b = await loadBatch(tx, actor, id, true);
  const imp = getImport(b.line, b.kind);
  await assertMayImport(tx, actor, imp, b.org_id);
  const { rows } = await tx.query<{ status: RowStatus; cells: Buffer | null }>(
    // Locked: a row being imported right now is read once its import committed (and then refused as imported).
    'SELECT status, cells FROM import_rows WHERE batch_id = $1 AND row_no = $2 FOR UPDATE',
    [id, rowNo],
  );
  const r = rows[0];
  if (!r) throw new AppError('NOT_FOUND', `该台账没有第${rowNo}行`);
  if (r.status === 'imported' || r.status === 'already' || !r.cells)
    throw new AppError('CONFLICT', `第${rowNo}行已导入，不能再修改`);
  return { imp, row: openRow(rowNo, r.cells), status: r.status };
}

async function saveRow(
  tx: Tx,
  id: number,
  imp: DeclaredImport,
  row: LedgerRow,
  status: RowStatus,
  errors: RowError[],
) {
  const { rows } = await tx.query<{ row_no: number; status: RowStatus; cells: Buffer; errors: RowError[] }>(
    `UPDATE import_rows SET status = $3, cells = $4, errors = $5 WHERE batch_id = $1 AND row_no = $2
     RETURNING row_no, status, cells, errors`,
    [id, row.rowNo, status, sealRow(row), JSON.stringify(errors)],
  );
  // A row made importable again reopens a batch that had finished.
  if (status === 'ok') await tx.query('UPDATE import_batches SET finished_at = NULL WHERE id = $1', [id]);
  return rowView(imp, rows[0]!);
}

/**
 * A fix typed on the page: the given cells replace the row's (an empty value clears a cell), the row is checked
 * again and becomes importable or stays bad with its new problems.
 */
export async function editRow(
  db: Db,
  actor: Actor,
  id: number,
  rowNo: number,
  values: Record<string, string>,
  today: string,
  dir?: Directory,
) {
  return withTx(db, async (tx) => {
    const { imp, row } = await lockedRow(tx, actor, id, rowNo);
    const fields = new Set(imp.def.columns.map((c) => c.field));
    for (const [field, raw] of Object.entries(values)) {
      if (!fields.has(field)) throw new AppError('VALIDATION', `该台账没有列 ${field}`);
      const v = raw.trim();
      delete row.problems[field];
      if (FORMULA_START.test(raw) || FORMULA_START.test(v))
        row.problems[field] = `以“${v[0] ?? ''}”开头，可能是公式，请删除开头的符号`;
      if (v === '' || row.problems[field]) delete row.cells[field];
      else row.cells[field] = v;
    }
    const { errors } = checkRow(imp.def, imp.kind, row, dir ?? (await loadDirectory(tx)), today);
    const view = await saveRow(tx, id, imp, row, errors.length ? 'bad' : 'ok', errors);
    await audit(tx, actor, {
      action: 'import.row.edit',
      objectType: 'import',
      objectId: id,
      summary: { row: rowNo, fields: Object.keys(values), ok: !errors.length },
    });
    return view;
  });
}

/** Skips a row (it is not imported and the report says so), or takes a skipped row back, checked again. */
export async function skipRow(db: Db, actor: Actor, id: number, rowNo: number, skip: boolean, today: string) {
  return withTx(db, async (tx) => {
    const { imp, row } = await lockedRow(tx, actor, id, rowNo);
    const { errors } = checkRow(imp.def, imp.kind, row, await loadDirectory(tx), today);
    const status: RowStatus = skip ? 'skipped' : errors.length ? 'bad' : 'ok';
    const view = await saveRow(tx, id, imp, row, status, errors);
    await audit(tx, actor, {
      action: skip ? 'import.row.skip' : 'import.row.unskip',
      objectType: 'import',
      objectId: id,
      summary: { row: rowNo },
    });
    return view;
  });
}
