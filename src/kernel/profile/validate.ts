/**
 * The profile's typed schema, built from the entry list: a zod object with one optional field per entry, each
 * with Chinese messages naming the entry. A value of null or '' means "not set": the entry takes its default.
 */
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.ts';
import { entryName, type ProfileEntry, profileEntries } from './entries.ts';

/** Settings key → value, only the entries the bureau has set. */
export type ProfileContent = Record<string, string | boolean>;

// A prefix precedes 〔年份〕序号号 in document and reference numbers: the year brackets, spaces and punctuation
// would make a number that reads wrongly, so only Han characters, letters, digits and round brackets pass.
const PREFIX = /^[\p{Script=Han}A-Za-z0-9（）()]+$/u;
// Names of organs and seals: Han characters, letters, digits, round brackets and the middle dot of names.
const NAME = /^[\p{Script=Han}A-Za-z0-9（）()·]+$/u;

function entrySchema(e: ProfileEntry): z.ZodType<string | boolean | undefined> {
  const n = entryName(e);
  if (e.kind === 'flag') return z.boolean({ error: `${n}须为“是”或“否”` }).optional();
  const text = z
    .string({ error: `${n}须为文字` })
    .max(e.max, `${n}最多 ${e.max} 个字`)
    .regex(
      e.kind === 'prefix' ? PREFIX : NAME,
      e.kind === 'prefix'
        ? `${n}只能包含汉字、字母、数字和圆括号，如“镇司复”`
        : `${n}只能包含汉字、字母、数字、圆括号和间隔号“·”`,
    );
  return (e.kind === 'name' ? text.min(2, `${n}至少 2 个字`) : text).optional();
}

/** The profile schema for the registered lines (built per call: lines register at start-up). */
export function profileSchema() {
  const entries = profileEntries();
  const shape = Object.fromEntries([...entries.values()].map((e) => [e.key, entrySchema(e)]));
  return z.strictObject(shape, {
    error: (i) => (i.code === 'unrecognized_keys' ? `没有设置项 ${i.keys.join('、')}` : undefined),
  });
}

/**
 * Checks a page's values and returns the content to store: trimmed, and without the entries left empty (those take
 * their default). Throws VALIDATION with one field error per bad entry.
 */
export function parseProfile(values: Record<string, string | boolean | null>): ProfileContent {
  const cleaned: Record<string, string | boolean> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === null) continue;
    const t = typeof v === 'string' ? v.trim() : v;
    if (t !== '') cleaned[k] = t;
  }
  const parsed = profileSchema().safeParse(cleaned);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({
      field: i.code === 'unrecognized_keys' ? i.keys.join(',') : i.path.join('.'),
      message: i.message,
    }));
    throw new AppError('VALIDATION', errors.map((e) => e.message).join('；'), { errors });
  }
  const out: ProfileContent = {};
  // An unticked flag is its default: stored as not set, so it never shows as a change.
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined && v !== false) out[k] = v;
  return out;
}
