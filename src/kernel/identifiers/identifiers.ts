import { z } from 'zod';
import { compareDates } from '../calendar/index.ts';

/**
 * Identifiers every line takes from the public: the resident identity number (GB 11643-1999, check digit
 * ISO 7064 MOD 11-2) and the unified social credit code (GB 32100-2015, check character MOD 31). Each check
 * returns a Chinese reason, or null when the value is valid, so forms can say exactly what is wrong.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Province-level codes in use (GB/T 2260), the first two digits of a resident ID. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);

/** The GB 11643 check character of the first 17 digits of a resident ID. */
export function residentIdCheckChar(body17: string): string {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(body17[i]), 0);
  return ID_CHECK[sum % 11]!;
}

export function residentIdProblem(raw: string, today?: string): string | null {
  const v = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return '公民身份号码应为18位，前17位为数字，最后一位为数字或X';
  if (!PROVINCES.has(Number(v.slice(0, 2))))
    return `公民身份号码前两位（${v.slice(0, 2)}）不是有效的省级行政区划代码`;
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (!z.iso.date().safeParse(birth).success || birth < '1800-01-01')
    return `公民身份号码中的出生日期（${birth}）无效`;
  if (today && compareDates(birth, today) > 0) return `公民身份号码中的出生日期（${birth}）晚于今天`;
  const expected = residentIdCheckChar(v);
  if (v[17] !== expected) return `公民身份号码校验位错误（按 GB 11643 应为 ${expected}），请核对号码`;
  return null;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(body17: string): string {
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC_CHARS.indexOf(body17[i]!), 0);
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export function creditCodeProblem(raw: string): string | null {
  const v = raw.trim().toUpperCase();
  if (v.length !== 18) return '统一社会信用代码应为18位';
  if (![...v].every((c) => USCC_CHARS.includes(c)))
    return '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）';
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}/.test(v)) return '统一社会信用代码第3至8位应为行政区划代码（数字）';
  const expected = creditCodeCheckChar(v);
  if (v[17] !== expected) return `统一社会信用代码校验码错误（按 GB 32100 应为 ${expected}），请核对代码`;
  return null;
}

/** Zod fields with the checks above; values are normalised to upper case. */
export const residentIdNumber = () =>
  z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .superRefine((v, ctx) => {
      const problem = residentIdProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export const creditCode = () =>
  z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .superRefine((v, ctx) => {
      const problem = creditCodeProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** 330211********123X: enough to tell people apart in a list, not enough to misuse. */
export const maskIdNumber = (v: string | null) =>
  v && v.length > 10 ? `${v.slice(0, 6)}********${v.slice(-4)}` : v;

/** 138****5678; a landline keeps its area code and last four digits. */
export function maskPhone(v: string | null): string | null {
  if (!v) return v;
  const digits = v.replace(/-/g, '');
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return digits.length > 8 ? `${digits.slice(0, 4)}****${digits.slice(-4)}` : '****';
}
