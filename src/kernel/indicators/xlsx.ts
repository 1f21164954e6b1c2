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

/**
 * A table as XLSX. `watermark` (who exported it and when) is printed in every page's header and footer and kept in
 * the file's properties, without touching the table's rows, so a leaked copy names its exporter.
 */
export async function tableToXlsx(
  sheetName: string,
  header: string[],
  rows: unknown[][],
  opts: { watermark?: string } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fazhi';
  if (opts.watermark) {
    wb.lastModifiedBy = opts.watermark;
    wb.description = opts.watermark;
  }
  const ws = wb.addWorksheet(sheetName.slice(0, 31));
  if (opts.watermark) {
    const mark = opts.watermark.replace(/&/g, '&&');
    ws.headerFooter.oddHeader = `&C${mark}`;
    ws.headerFooter.oddFooter = `&C${mark}`;
  }
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(inertCell));
  ws.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
