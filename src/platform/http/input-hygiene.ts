import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

/**
 * Hostile text is refused or normalised before any schema or query sees it:
 * - NUL (PostgreSQL cannot store it in text) and unpaired UTF-16 surrogates are refused with the field's name;
 * - bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make "x‮exe.pdf" read as
 *   "xfdp.exe", are removed, and text is put in Unicode NFC form;
 * - a value made only of invisible characters (zero-width space, soft hyphen, spaces) is refused: a name that
 *   shows as nothing is no name.
 * Passwords are left exactly as typed (they are compared, not shown).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{Zs}\u115f\u1160\u3164\uffa0\u2800]+$/u;
const VERBATIM = new Set(['password', 'currentPassword', 'newPassword']);
const MAX_DEPTH = 32;

export function cleanText(value: string): { value: string } | { problem: string } {
  if (NUL.test(value)) return { problem: '不能包含空字符（U+0000）' };
  if (LONE_SURROGATE.test(value)) return { problem: '包含无效的 Unicode 字符' };
  const cleaned = value.replace(BIDI_CONTROLS, '').normalize('NFC');
  if (value !== '' && (cleaned === '' || INVISIBLE_ONLY.test(cleaned)))
    return { problem: '不能只包含空白或不可见字符' };
  return { value: cleaned };
}

/** Cleans every string in `value` in place; returns the problems found, with dotted field paths. */
function walk(value: unknown, path: string[], errors: FieldError[], depth: number): unknown {
  if (depth > MAX_DEPTH) {
    errors.push({ field: path.join('.'), message: `嵌套层级过深（最多 ${MAX_DEPTH} 层）` });
    return value;
  }
  if (typeof value === 'string') {
    if (VERBATIM.has(path.at(-1) ?? '')) {
      if (NUL.test(value)) errors.push({ field: path.join('.'), message: '不能包含空字符（U+0000）' });
      return value;
    }
    const r = cleanText(value);
    if ('problem' in r) {
      errors.push({ field: path.join('.'), message: r.problem });
      return value;
    }
    return r.value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i], [...path, String(i)], errors, depth + 1);
    return value;
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const keyCheck = cleanText(key);
      if ('problem' in keyCheck)
        errors.push({ field: [...path, '(键名)'].join('.'), message: keyCheck.problem });
      obj[key] = walk(obj[key], [...path, key], errors, depth + 1);
    }
  }
  return value;
}

export function installInputHygiene(app: FastifyInstance) {
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const errors: FieldError[] = [];
    req.query = walk(req.query, ['querystring'], errors, 0) as typeof req.query;
    req.params = walk(req.params, ['params'], errors, 0) as typeof req.params;
    if (req.body !== undefined && !req.isMultipart())
      req.body = walk(req.body, ['body'], errors, 0) as typeof req.body;
    if (errors.length)
      throw new AppError('VALIDATION', errors.map((e) => `${e.field}：${e.message}`).join('；'), { errors });
  });
}
