/**
 * Form fields every line uses, as zod schemas whose metadata the web client renders (title, x-widget, x-enumLabels)
 * and whose messages are the Chinese a clerk reads. A line builds its intake and action schemas from these.
 */
import { z } from 'zod';

/** A business date, YYYY-MM-DD, shown as a date picker. */
export const date = (title: string, description?: string) =>
  z.iso
    .date('日期格式应为 YYYY-MM-DD')
    .meta({ title, format: 'date', ...(description ? { description } : {}) });

/** Required text; over 200 characters it is a text area. */
export const text = (title: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, `请填写${title}`)
    .max(max, `${title}不超过 ${max} 字`)
    .meta({ title, ...(max > 200 ? { 'x-widget': 'textarea' } : {}) });

/** Text that may be left empty (stored as ''). */
export const note = (title: string, max: number, description?: string) =>
  z
    .string()
    .trim()
    .max(max, `${title}不超过 ${max} 字`)
    .default('')
    .meta({
      title,
      ...(max > 200 ? { 'x-widget': 'textarea' } : {}),
      ...(description ? { description } : {}),
    });

/** Optional short text (undefined when not given). */
export const optionalText = (title: string, max: number, description?: string) =>
  z
    .string()
    .trim()
    .max(max, `${title}不超过 ${max} 字`)
    .optional()
    .meta({ title, ...(description ? { description } : {}) });

/** A mainland mobile number or a landline with its area code. */
export const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话')
  .optional()
  .meta({ title: '联系电话' });

/** A required organisation picked from the district's organ directory. */
export const orgPick = (title: string, kinds: readonly string[]) =>
  z
    .number({ error: `请选择${title}` })
    .int()
    .positive()
    .meta({ title, 'x-widget': 'org', 'x-orgKinds': [...kinds] });

/** The metadata of a choice: its title and the Chinese label of each value. */
export const enumMeta = (title: string, labels: Record<string, string>, description?: string) => ({
  title,
  'x-enumLabels': labels,
  ...(description ? { description } : {}),
});

/** The values of a code list as a non-empty tuple, for z.enum. */
export const keysOf = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** A choice from a code list, shown with its Chinese labels. */
export const choice = <T extends Record<string, string>>(title: string, labels: T, description?: string) =>
  z.enum(keysOf(labels)).meta(enumMeta(title, labels, description));
