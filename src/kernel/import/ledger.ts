/** Reading an uploaded ledger (XLSX): the header row matched against the declaration, then every filled row. */
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/http/errors.ts';
import { headerKey, readCell } from './cells.ts';
import type { LedgerRow } from './rows.ts';
import type { ImportColumn, ImportDef } from './types.ts';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export async function readLedger(bytes: Buffer, def: ImportDef): Promise<LedgerRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', '无法读取该文件，请上传用下载的模板填写的 Excel（.xlsx）文件');
  }
  const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', '文件中没有工作表');
  const byHeader = new Map(def.columns.map((c) => [headerKey(c.header), c]));

  // The header row: the first of the first five rows that names any declared column.
  let headerRow = 0;
  const at = new Map<number, ImportColumn>();
  for (let r = 1; r <= Math.min(5, ws.rowCount) && !headerRow; r++) {
    ws.getRow(r).eachCell((cell, colNo) => {
      const col = typeof cell.value === 'string' ? byHeader.get(headerKey(cell.value)) : undefined;
      if (col) at.set(colNo, col);
    });
    if (at.size) headerRow = r;
  }
  if (!headerRow) throw new AppError('VALIDATION', '找不到表头行，请使用下载的模板填写（表头须在前五行）');
  const present = new Set([...at.values()].map((c) => c.field));
  const twice = [...at.values()].filter((c, i, all) => all.indexOf(c) !== i);
  if (twice.length)
    throw new AppError('VALIDATION', `表头中「${twice.map((c) => c.header).join('」「')}」出现了两次`);
  const missing = def.columns.filter((c) => c.required && !present.has(c.field));
  if (missing.length)
    throw new AppError(
      'VALIDATION',
      `台账缺少必填列：${missing.map((c) => `「${c.header}」`).join('、')}，请使用下载的模板填写`,
    );

  const rows: LedgerRow[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    const cells: Record<string, string> = {};
    const problems: Record<string, string> = {};
    for (const [colNo, col] of at) {
      const read = readCell(row.getCell(colNo).value, col);
      if ('problem' in read) problems[col.field] = read.problem;
      else if (read.value !== '') cells[col.field] = read.value;
    }
    if (!Object.keys(cells).length && !Object.keys(problems).length) continue;
    // The template's example row, left as it was, is not a record.
    if (!Object.keys(problems).length && [...at.values()].every((c) => (cells[c.field] ?? '') === c.example))
      continue;
    rows.push({ rowNo: r, cells, problems });
    if (rows.length > MAX_IMPORT_ROWS)
      throw new AppError('TOO_LARGE', `台账超过 ${MAX_IMPORT_ROWS} 行，请分成几个文件导入`);
  }
  if (!rows.length) throw new AppError('VALIDATION', '台账中没有填写任何数据行');
  return rows;
}
