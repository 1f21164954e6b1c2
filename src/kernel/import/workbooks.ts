/**
 * The two workbooks of an import: the template a clerk fills (header row with * on required columns, an example
 * row, drop-downs for vocabularies and organ names, number columns formatted as text so Excel keeps every digit
 * of an identity number) and the result report (every row: imported with its reference number, or why not).
 */
import ExcelJS from 'exceljs';
import type { Queryable } from '../../platform/db/pool.ts';
import { inertCell } from '../indicators/xlsx.ts';
import type { DeclaredImport } from './registry.ts';
import { type RowError, rowErrorText } from './rows.ts';
import type { RowStatus } from './store.ts';

/** Rows of the template that carry the drop-downs and formats. */
const TEMPLATE_ROWS = 5000;

const colName = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : colName(Math.floor((n - 1) / 26)) + colName(((n - 1) % 26) + 1);

export async function templateXlsx(db: Queryable, imp: DeclaredImport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const ws = wb.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('选项');
  const help = wb.addWorksheet('填写说明');
  const cols = imp.def.columns;
  ws.columns = cols.map((c) => ({
    header: `${c.header}${c.required ? '*' : ''}`,
    key: c.field,
    width: Math.max(12, Math.min(40, c.header.length * 2 + 6, c.example.length * 2 + 4)),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  const example = ws.addRow(cols.map((c) => c.example));
  example.font = { italic: true, color: { argb: 'FF808080' } };

  let listCol = 0;
  for (const [i, c] of cols.entries()) {
    const letter = colName(i + 1);
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    // Text format keeps the 18 digits of an identity number and the leading 0 of a landline.
    if (c.cell !== 'date' && !c.labels && !c.org) ws.getColumn(i + 1).numFmt = '@';
    if (c.cell === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    let options: string[] | null = null;
    if (c.labels) options = Object.values(c.labels);
    if (c.cell === 'boolean') options = ['是', '否'];
    if (c.org) {
      const { rows } = await db.query<{ name: string }>(
        'SELECT name FROM orgs WHERE active AND kind = ANY($1::text[]) ORDER BY name',
        [[...c.org]],
      );
      options = rows.map((r) => r.name);
    }
    if (options?.length) {
      listCol++;
      const l = colName(listCol);
      lists.getCell(`${l}1`).value = c.header;
      options.forEach((o, k) => {
        lists.getCell(`${l}${k + 2}`).value = o;
      });
      // exceljs keeps validations by address; a range address is written as one sqref (its typings omit it).
      (
        ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`'选项'!$${l}$2:$${l}$${options.length + 1}`],
        showErrorMessage: !c.org,
        errorStyle: 'warning',
        errorTitle: c.header,
        error: `请从下拉列表中选择${c.header}`,
      });
    }
  }
  lists.state = 'hidden';
  help.columns = [
    { header: '列', width: 24 },
    { header: '是否必填', width: 10 },
    { header: '示例', width: 30 },
    { header: '说明', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of cols) {
    const allowed = c.labels
      ? `可选：${Object.values(c.labels).join('、')}`
      : c.cell === 'boolean'
        ? '填写“是”或“否”'
        : c.cell === 'date'
          ? '日期，如 2025-03-03'
          : c.cell === 'number'
            ? '数字，不带单位，如 3000'
            : c.org
              ? '机构名录中的名称（见下拉列表）'
              : '';
    help.addRow([
      c.header,
      c.required ? '必填' : '',
      c.example,
      [allowed, c.note].filter(Boolean).join('；'),
    ]);
  }
  help.addRow([]);
  help.addRow(['第二行是示例：原样保留不会导入，也可以直接覆盖填写。每行登记一件，行号即 Excel 行号。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const statusLabels: Record<RowStatus, string> = {
  ok: '待导入',
  bad: '有错误，未导入',
  skipped: '已跳过',
  imported: '已导入',
  failed: '导入失败',
  already: '此前已导入（同一文件）',
};

export async function reportXlsx(
  fileName: string,
  rows: { row_no: number; status: RowStatus; ref_no: string | null; errors: RowError[] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const ws = wb.addWorksheet('导入结果');
  ws.columns = [
    { header: '行号', width: 8 },
    { header: '结果', width: 22 },
    { header: '案件编号', width: 26 },
    { header: '说明', width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    ws.addRow(
      [
        r.row_no,
        statusLabels[r.status],
        r.ref_no,
        r.errors.map((e) => rowErrorText(r.row_no, e)).join('；'),
      ].map(inertCell),
    );
  ws.addRow([]);
  ws.addRow([`台账文件：${fileName}`].map(inertCell));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
