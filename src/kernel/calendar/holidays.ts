/**
 * The State Council's yearly holiday notices (国务院办公厅关于X年部分节假日安排的通知) as data,
 * with the validation an admin-loaded notice must pass before it can drive legal deadlines.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { addDays, compareDates, isValidDate, weekday, yearOf } from './dates.ts';

export interface HolidayRange {
  start: string;
  end: string;
  name: string;
}

export interface YearCalendar {
  year: number;
  notice: string;
  source: string;
  /** True when computed from the statutory rules because no notice has been published yet. */
  provisional: boolean;
  /** Official 放假 ranges, inclusive, including the weekend days inside them. */
  holidays: HolidayRange[];
  /** 调休上班: weekend days that are working days. */
  workdays: string[];
  notes?: string[];
}

/**
 * A notice may start its 元旦 range in the last days of the previous year (2023-12-30..2024-01-01
 * belongs to the 2024 notice); a week is the most any notice has reached back.
 */
export const LEAD_IN_DAYS = 7;

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const dateSchema = z.string().refine(isValidDate, {
  error: (iss) => `日期无效：${String(iss.input)}（应为 YYYY-MM-DD 格式的真实日期）`,
});

const holidayRangeSchema = z.object({
  start: dateSchema,
  end: dateSchema,
  name: z.string().trim().min(1, { error: '节假日名称不能为空' }),
});

export const yearCalendarSchema = z.object({
  year: z
    .int({ error: '年份必须是整数' })
    .min(1900, { error: '年份超出范围' })
    .max(2200, { error: '年份超出范围' }),
  notice: z.string().trim().min(1, { error: '通知名称不能为空' }),
  source: z.string(),
  provisional: z.boolean().default(false),
  holidays: z.array(holidayRangeSchema),
  workdays: z.array(dateSchema),
  notes: z.array(z.string()).optional(),
});

export type ValidationResult = { ok: true; value: YearCalendar } | { ok: false; errors: string[] };

/** Checks an admin-supplied notice; every problem is reported, not only the first. */
export function validateYearCalendar(input: unknown): ValidationResult {
  const parsed = yearCalendarSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) =>
        i.path.length ? `${i.path.join('.')}：${i.message}` : i.message,
      ),
    };
  }
  const value: YearCalendar = parsed.data;
  const errors = crossCheck(value);
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

function crossCheck(cal: YearCalendar): string[] {
  const errors: string[] = [];
  const { year } = cal;
  const first = addDays(`${year}-01-01`, -LEAD_IN_DAYS);
  const last = `${year}-12-31`;
  const inWindow = (d: string) => compareDates(d, first) >= 0 && compareDates(d, last) <= 0;
  const label = (h: HolidayRange) => `节假日“${h.name}”（${h.start}至${h.end}）`;

  const allDates = [...cal.holidays.flatMap((h) => [h.start, h.end]), ...cal.workdays];
  if (allDates.length > 0 && !allDates.some((d) => yearOf(d) === year)) {
    errors.push(`年份不符：声明为${year}年，但没有任何日期落在${year}年内`);
  }

  for (const h of cal.holidays) {
    if (compareDates(h.end, h.start) < 0) errors.push(`${label(h)}结束日期早于开始日期`);
    if (!inWindow(h.start) || !inWindow(h.end) || yearOf(h.end) !== year) {
      errors.push(`${label(h)}超出${year}年范围：须在${first}至${last}之间，且结束于${year}年内`);
    }
  }

  const sorted = [...cal.holidays].sort((a, b) => compareDates(a.start, b.start));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (compareDates(cur.start, prev.end) <= 0) errors.push(`${label(prev)}与${label(cur)}日期重叠`);
  }

  const seen = new Set<string>();
  for (const d of cal.workdays) {
    if (seen.has(d)) errors.push(`调休上班日 ${d} 重复列出`);
    seen.add(d);
    const w = weekday(d);
    if (w !== 0 && w !== 6)
      errors.push(`调休上班日 ${d} 是${WEEKDAY_NAMES[w]}，调休上班日只能是星期六或星期日`);
    if (!inWindow(d)) errors.push(`调休上班日 ${d} 超出${year}年范围：须在${first}至${last}之间`);
    const inside = cal.holidays.find((h) => compareDates(d, h.start) >= 0 && compareDates(d, h.end) <= 0);
    if (inside) errors.push(`调休上班日 ${d} 落在${label(inside)}之内，不能既放假又上班`);
  }
  return errors;
}

/** The shape of reference/cn-holidays.json: one entry per year, ranges as [start, end, name]. */
const noticeFileSchema = z.record(
  z.string().regex(/^\d{4}$/, { error: '年份键必须是四位数字' }),
  z.object({
    notice: z.string(),
    source: z.string(),
    holidays: z.array(z.tuple([z.string(), z.string(), z.string()])),
    holidayNotes: z.array(z.string()).optional(),
    workdays: z.array(z.string()),
  }),
);

/** Converts and validates a whole notice file; throws listing every problem, since bad data must never load. */
export function calendarsFromNoticeFile(raw: unknown): YearCalendar[] {
  const file = noticeFileSchema.safeParse(raw);
  if (!file.success)
    throw new Error(
      `节假日数据格式错误：${file.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
    );
  const result: YearCalendar[] = [];
  const errors: string[] = [];
  for (const [key, entry] of Object.entries(file.data)) {
    const checked = validateYearCalendar({
      year: Number(key),
      notice: entry.notice,
      source: entry.source,
      provisional: false,
      holidays: entry.holidays.map(([start, end, name]) => ({ start, end, name })),
      workdays: entry.workdays,
      ...(entry.holidayNotes ? { notes: entry.holidayNotes } : {}),
    });
    if (checked.ok) result.push(checked.value);
    else errors.push(...checked.errors.map((e) => `${key}年：${e}`));
  }
  if (errors.length) throw new Error(`节假日数据校验失败：${errors.join('；')}`);
  return result.sort((a, b) => a.year - b.year);
}

export function loadOfficialCalendars(): YearCalendar[] {
  const text = readFileSync(new URL('../../../reference/cn-holidays.json', import.meta.url), 'utf8');
  return calendarsFromNoticeFile(JSON.parse(text));
}
