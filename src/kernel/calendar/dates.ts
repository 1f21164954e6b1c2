/**
 * Plain calendar dates as 'YYYY-MM-DD' strings. All arithmetic goes through UTC midnight so that the
 * server's local time zone (and any DST it has) can never shift a date by one.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export class InvalidDateError extends Error {
  constructor(input: unknown) {
    super(`无效日期：${String(input)}（应为 YYYY-MM-DD 格式的真实日期）`);
    this.name = 'InvalidDateError';
  }
}

/** True only for a well-formed date that exists (2025-02-30 and 2023-02-29 are refused). */
export function isValidDate(input: unknown): input is string {
  if (typeof input !== 'string') return false;
  const m = DATE_RE.exec(input);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Returns the input unchanged when valid, so callers can validate and assign in one step. */
export function parseDate(input: unknown): string {
  if (!isValidDate(input)) throw new InvalidDateError(input);
  return input;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the following month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01; the internal representation for fast comparisons and loops. */
export function toDayNumber(date: string): number {
  const d = parseDate(date);
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`天数必须是整数：${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday, as in Date#getUTCDay. */
export function weekday(date: string): number {
  return new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** Negative, zero or positive like a sort comparator. */
export function compareDates(a: string, b: string): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function yearOf(date: string): number {
  return Number(parseDate(date).slice(0, 4));
}

/**
 * Today's date in Beijing time. China has had a fixed UTC+8 offset without DST since 1991, so a plain
 * offset is exact and avoids depending on the ICU time-zone data shipped with Node.
 */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
