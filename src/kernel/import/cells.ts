/**
 * What a ledger cell says, as text: exceljs hands over strings, numbers, dates, rich text, hyperlinks, formulas
 * and errors. A formula (or text that a spreadsheet would run as one: = + - @) is refused rather than evaluated
 * or stored, since the result report and any export would hand it back to someone's Excel.
 */
import type { CellValue } from 'exceljs';
import type { ImportColumn } from './types.ts';

export type CellReading = { value: string } | { problem: string };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Text that starts like a formula (OWASP formula injection): refused, never stored. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function readCell(v: CellValue, col: ImportColumn): CellReading {
  if (v === null || v === undefined) return { value: '' };
  if (v instanceof Date) {
    // exceljs gives a date cell as UTC midnight of the calendar day Excel shows.
    return { value: ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) };
  }
  if (typeof v === 'number') {
    if (col.personal === 'idNumber' && !Number.isSafeInteger(v))
      return { problem: '被 Excel 存成了数字，末几位已经丢失，请把该列设为“文本”后重新填写号码' };
    return { value: String(v) };
  }
  if (typeof v === 'boolean') return { value: v ? '是' : '否' };
  if (typeof v === 'string') return textOf(v);
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v)
      return { problem: '是公式，导入只接受直接填写的值，请复制后“粘贴为数值”' };
    if ('error' in v) return { problem: '是 Excel 错误值，请填写正确的内容' };
    if ('richText' in v) return textOf(v.richText.map((r) => r.text).join(''));
    if ('text' in v && typeof v.text === 'string') return textOf(v.text);
  }
  return { problem: '内容无法识别，请直接填写文字' };
}

function textOf(raw: string): CellReading {
  const value = raw.trim();
  if (FORMULA_START.test(raw) || FORMULA_START.test(value))
    return {
      problem: `以“${value[0] === '\t' || value[0] === '\r' ? '制表符' : value[0]}”开头，可能是公式，请删除开头的符号`,
    };
  return { value };
}

/** A date typed as text in the ways clerks type it; anything else is passed on for the schema to refuse. */
export function normaliseDate(v: string): string {
  const m = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?$/.exec(v);
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : v;
}

/** A header as typed: without the template's required mark and spaces. */
export const headerKey = (h: string) => h.replace(/[*＊\s]/g, '');
