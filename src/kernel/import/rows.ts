/**
 * One ledger row checked as the intake form is: cells mapped into the kind's create payload (labels to codes,
 * organ names to directory ids, dates to YYYY-MM-DD), then the kind's own zod schema; every problem is mapped back
 * to the row's Chinese column header.
 */
import type { Queryable } from '../../platform/db/pool.ts';
import { compareDates } from '../calendar/index.ts';
import type { MatterKindDef } from '../workflow/types.ts';
import { normaliseDate } from './cells.ts';
import type { ImportColumn, ImportDef } from './types.ts';

/** A row as read from the file (and as edited on the page): text by field, and cells refused on reading. */
export interface LedgerRow {
  rowNo: number;
  cells: Record<string, string>;
  problems: Record<string, string>;
}

export interface RowError {
  /** The column's field, or null for a problem of the whole row. */
  field: string | null;
  header: string | null;
  message: string;
}

/** 第12行「证件号码」：公民身份号码校验位错误（按 GB 11643 应为 X），请核对号码 */
export const rowErrorText = (rowNo: number, e: RowError) =>
  `第${rowNo}行${e.header ? `「${e.header}」` : ''}：${e.message}`;

/** The organ directory by full and short name, read once per pass over a ledger. */
export type Directory = Map<string, { id: number; kind: string }[]>;

export async function loadDirectory(db: Queryable): Promise<Directory> {
  const { rows } = await db.query<{ id: number; name: string; short_name: string | null; kind: string }>(
    'SELECT id, name, short_name, kind FROM orgs WHERE active ORDER BY id',
  );
  const dir: Directory = new Map();
  const add = (k: string, v: { id: number; kind: string }) => dir.set(k, [...(dir.get(k) ?? []), v]);
  for (const r of rows) {
    add(r.name, { id: r.id, kind: r.kind });
    if (r.short_name && r.short_name !== r.name) add(r.short_name, { id: r.id, kind: r.kind });
  }
  return dir;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let at: Record<string, unknown> = target;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      at[k] = value;
      return;
    }
    if (at[k] === undefined) at[k] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    at = at[k] as Record<string, unknown>;
  });
}

function getPath(source: unknown, path: readonly PropertyKey[]): unknown {
  let at = source;
  for (const k of path)
    at = at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[k] : undefined;
  return at;
}

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '×']);

function cellValue(col: ImportColumn, raw: string, dir: Directory): { value: unknown } | { problem: string } {
  if (col.cell === 'date') return { value: normaliseDate(raw) };
  if (col.cell === 'boolean') {
    const v = raw.toUpperCase();
    if (YES.has(v)) return { value: true };
    if (NO.has(v)) return { value: false };
    return { problem: '应填写“是”或“否”' };
  }
  if (col.cell === 'number') {
    // The schema takes a number (e.g. an amount in yuan); a ledger has it as typed, with separators or units.
    const v = raw
      .replace(/[\s,，]/g, '')
      .replace(/^[￥¥]/, '')
      .replace(/元$/, '');
    if (/^\d+(\.\d+)?$/.test(v)) return { value: Number(v) };
    return { problem: `“${raw}”不是数字，请只填写数字，如 3000 或 3000.50` };
  }
  if (col.labels) {
    const code = Object.entries(col.labels).find(([, label]) => label === raw)?.[0];
    if (code) return { value: code };
    return { problem: `“${raw}”不是可选的值，应为：${Object.values(col.labels).join('、')}` };
  }
  if (col.org) {
    const hit = (dir.get(raw) ?? []).find((o) => col.org!.includes(o.kind));
    if (hit) return { value: hit.id };
    return { problem: `“${raw}”不在机构名录中，请填写名录中的机关全称` };
  }
  return { value: raw };
}

/** The column an error about a payload path belongs to: the field itself, or the nearest declared one. */
function columnOf(def: ImportDef, path: string): ImportColumn | undefined {
  return (
    def.columns.find((c) => c.field === path) ??
    def.columns.find((c) => c.field.startsWith(`${path}.`)) ??
    def.columns.find((c) => path.startsWith(`${c.field}.`))
  );
}

/** The error of a payload field (from the schema, or a line's record check) as the ledger names it. */
export function errorAt(def: ImportDef, field: string | null, message: string): RowError {
  const col = field === null ? undefined : columnOf(def, field);
  return { field: col?.field ?? null, header: col?.header ?? null, message };
}

/**
 * The payload of a row and what is wrong with it (empty when it can be imported). `today` refuses a row dated
 * after the business date, as registering a matter does.
 */
export function checkRow<C>(
  def: ImportDef,
  kind: MatterKindDef<C>,
  row: LedgerRow,
  dir: Directory,
  today: string,
): { payload: Record<string, unknown>; errors: RowError[] } {
  const payload: Record<string, unknown> = structuredClone(def.fixed ?? {});
  const errors: RowError[] = [];
  for (const col of def.columns) {
    const problem = row.problems[col.field];
    if (problem) {
      errors.push({ field: col.field, header: col.header, message: problem });
      continue;
    }
    const raw = row.cells[col.field] ?? '';
    if (raw === '') continue;
    const v = cellValue(col, raw, dir);
    if ('problem' in v) errors.push({ field: col.field, header: col.header, message: v.problem });
    else setPath(payload, col.field, v.value);
  }
  const parsed = kind.create.schema.safeParse(payload);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const e = errorAt(def, issue.path.map(String).join('.'), issue.message);
      // A cell already refused (an unknown label) is not reported again as missing.
      if (errors.some((x) => x.field !== null && x.field === e.field)) continue;
      const value = getPath(payload, issue.path);
      const empty = value === undefined || value === '';
      // A missing value is "required", whatever check of its type (string, enum, date) noticed it first.
      if (empty && ['invalid_type', 'too_small', 'invalid_value', 'invalid_format'].includes(issue.code))
        e.message = '必填，不能为空';
      if (!errors.some((x) => x.field === e.field && x.message === e.message)) errors.push(e);
    }
  } else {
    const date = kind.create.date(parsed.data);
    if (compareDates(date, today) > 0)
      errors.push(
        errorAt(def, kind.create.dateField ?? null, `日期 ${date} 晚于今天（${today}），不能登记将来的事件`),
      );
  }
  // In the order of the ledger's columns, so the page and the report read left to right.
  const order = (e: RowError) => (e.field === null ? -1 : def.columns.findIndex((c) => c.field === e.field));
  errors.sort((a, b) => order(a) - order(b));
  return { payload, errors };
}
