import ExcelJS from 'exceljs';

/**
 * A cell value that a spreadsheet will never run: text that starts like a formula (= + - @, tab, CR) gets a
 * leading apostrophe (OWASP CSV/formula injection). Numbers stay numbers.
 */
export function inertCell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export async function tableToXlsx(sheetName: string, header: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(inertCell));
  ws.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
