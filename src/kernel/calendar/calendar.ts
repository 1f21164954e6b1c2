/**
 * Working-day calendar and legal period computation (民法典第二百零一条至第二百零三条,
 * 民事诉讼法第八十五条). Official notices decide their years; years without one fall back to a
 * provisional calendar, and every result says whether it leaned on such a year.
 */
import { addDays, compareDates, daysInMonth, isWeekend, parseDate, yearOf } from './dates.ts';
import { LEAD_IN_DAYS, loadOfficialCalendars, validateYearCalendar, type YearCalendar } from './holidays.ts';
import { provisionalYearCalendar } from './provisional.ts';

export const MIN_YEAR = 2023;
export const MAX_YEAR = 2035;

export class CalendarRangeError extends RangeError {
  constructor(detail: string) {
    super(`日历只覆盖${MIN_YEAR}–${MAX_YEAR}年：${detail}`);
    this.name = 'CalendarRangeError';
  }
}

export interface PeriodResult {
  due: string;
  /** True when any day the result depended on lies in a year without an official notice. */
  provisional: boolean;
}

export interface WorkingDayCount {
  count: number;
  provisional: boolean;
}

interface YearIndex {
  provisional: boolean;
  holidayByDate: Map<string, string>;
  workdays: Set<string>;
}

interface DayStatus {
  working: boolean;
  provisional: boolean;
  holiday: string | null;
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`期间长度必须是非负整数：${n}`);
}

export class WorkingCalendar {
  private readonly official: ReadonlyMap<number, YearCalendar>;
  private readonly index = new Map<number, YearIndex>();
  /** Each day's status, worked out once: a period walks day by day, and loading a district walks thousands. */
  private readonly days = new Map<string, DayStatus>();

  constructor(calendars: readonly YearCalendar[] = []) {
    const official = new Map<number, YearCalendar>();
    for (const cal of calendars) {
      const checked = validateYearCalendar(cal);
      if (!checked.ok) throw new Error(`${cal.year}年节假日通知无效：${checked.errors.join('；')}`);
      if (checked.value.provisional)
        throw new Error(`${cal.year}年：只能载入国务院办公厅的正式通知，不能载入暂定日历`);
      if (official.has(cal.year)) throw new Error(`${cal.year}年节假日通知重复`);
      if (cal.year < MIN_YEAR || cal.year > MAX_YEAR)
        throw new CalendarRangeError(`不能载入${cal.year}年的通知`);
      official.set(cal.year, checked.value);
    }
    this.official = official;
  }

  /** A new calendar with this year's notice added or replaced; this one stays unchanged for in-flight work. */
  withYear(cal: YearCalendar): WorkingCalendar {
    return new WorkingCalendar([...[...this.official.values()].filter((c) => c.year !== cal.year), cal]);
  }

  officialYears(): number[] {
    return [...this.official.keys()].sort((a, b) => a - b);
  }

  /** The notice that governs a year, or the provisional stand-in when none has been loaded. */
  yearCalendar(year: number): YearCalendar {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
      throw new CalendarRangeError(`不支持${year}年`);
    return this.official.get(year) ?? provisionalYearCalendar(year);
  }

  isWorkingDay(date: string): boolean {
    return this.status(date).working;
  }

  isProvisional(date: string): boolean {
    return this.status(date).provisional;
  }

  holidayName(date: string): string | null {
    return this.status(date).holiday;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): PeriodResult {
    return this.rollForward(addDays(parseDate(date), 1));
  }

  /** The Nth working day after `start`; the start day itself is never counted (民法典第二百零一条). */
  addWorkingDays(start: string, n: number): PeriodResult {
    checkCount(n);
    let day = parseDate(start);
    let provisional = false;
    for (let left = n; left > 0; ) {
      day = addDays(day, 1);
      const s = this.status(day);
      provisional ||= s.provisional;
      if (s.working) left--;
    }
    return { due: day, provisional };
  }

  /**
   * `start` + n days; a last day that is not a working day moves to the next working day
   * (民法典第二百零三条, 民事诉讼法第八十五条). An adjusted working Saturday is a working day and stays.
   */
  addCalendarDays(start: string, n: number): PeriodResult {
    checkCount(n);
    return this.rollForward(addDays(parseDate(start), n));
  }

  /** 民法典第二百零二条: the same-numbered day of the end month, or its last day if it has none; then rolled forward. */
  addMonths(start: string, n: number): PeriodResult {
    checkCount(n);
    return this.rollForward(monthEnd(parseDate(start), n));
  }

  /** The latest day to act when something must be done N working days before `event` (event day excluded). */
  subtractWorkingDays(event: string, n: number): PeriodResult {
    checkCount(n);
    let day = parseDate(event);
    let provisional = false;
    for (let left = n; left > 0; ) {
      day = addDays(day, -1);
      const s = this.status(day);
      provisional ||= s.provisional;
      if (s.working) left--;
    }
    return { due: day, provisional };
  }

  /** Working days in (a, b]; negative when b is before a, so that it inverts addWorkingDays. */
  workingDaysBetween(a: string, b: string): WorkingDayCount {
    const from = parseDate(a);
    const to = parseDate(b);
    if (compareDates(to, from) < 0) {
      const r = this.workingDaysBetween(to, from);
      return { count: -r.count, provisional: r.provisional };
    }
    let count = 0;
    let provisional = false;
    for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) {
      const s = this.status(day);
      provisional ||= s.provisional;
      if (s.working) count++;
    }
    return { count, provisional };
  }

  /** `date` itself when it is a working day, otherwise the next one. */
  private rollForward(date: string): PeriodResult {
    let day = date;
    let provisional = false;
    for (;;) {
      const s = this.status(day);
      provisional ||= s.provisional;
      if (s.working) return { due: day, provisional };
      day = addDays(day, 1);
    }
  }

  private status(date: string): DayStatus {
    const known = this.days.get(date);
    if (known) return known;
    const d = parseDate(date);
    const year = yearOf(d);
    if (year < MIN_YEAR || year > MAX_YEAR) throw new CalendarRangeError(`无法判断${d}是否为工作日`);
    const own = this.yearIndex(year);
    // The last days of December are also decided by the next year's notice (its 元旦 range or
    // 调休 may reach back), so until that notice exists they are only provisionally known.
    const tail = compareDates(d, addDays(`${year + 1}-01-01`, -LEAD_IN_DAYS)) >= 0;
    const next = tail && year + 1 <= MAX_YEAR ? this.yearIndex(year + 1) : null;
    const holiday = own.holidayByDate.get(d) ?? next?.holidayByDate.get(d) ?? null;
    const listedWorkday = own.workdays.has(d) || (next?.workdays.has(d) ?? false);
    const working = listedWorkday || (holiday === null && !isWeekend(d));
    const provisional = own.provisional || (tail && (next === null || next.provisional));
    const status = { working, provisional, holiday };
    this.days.set(date, status);
    return status;
  }

  private yearIndex(year: number): YearIndex {
    let idx = this.index.get(year);
    if (!idx) {
      const cal = this.yearCalendar(year);
      const holidayByDate = new Map<string, string>();
      for (const h of cal.holidays) {
        for (let day = h.start; compareDates(day, h.end) <= 0; day = addDays(day, 1))
          holidayByDate.set(day, h.name);
      }
      idx = { provisional: cal.provisional, holidayByDate, workdays: new Set(cal.workdays) };
      this.index.set(year, idx);
    }
    return idx;
  }
}

/** The end-month day for a month-based period, before any roll-forward. */
export function monthEnd(start: string, months: number): string {
  const d = parseDate(start);
  const total = Number(d.slice(0, 4)) * 12 + (Number(d.slice(5, 7)) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(d.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type PeriodUnit = 'working' | 'calendar' | 'months';

export interface PeriodRequest {
  start: string;
  days?: number;
  months?: number;
  unit: PeriodUnit;
}

export interface PeriodDue extends PeriodResult {
  unit: PeriodUnit;
  /** How the period was counted, in words a case officer can paste into a file note. */
  counted: string;
}

export function periodDue(cal: WorkingCalendar, req: PeriodRequest): PeriodDue {
  const start = parseDate(req.start);
  const amount = req.unit === 'months' ? req.months : req.days;
  if (amount === undefined) {
    throw new RangeError(
      req.unit === 'months' ? '按月计算的期间必须提供 months' : '按日计算的期间必须提供 days',
    );
  }
  checkCount(amount);
  let result: PeriodResult;
  let counted: string;
  if (req.unit === 'working') {
    result = cal.addWorkingDays(start, amount);
    counted = `自${start}次日起算${amount}个工作日`;
  } else {
    const nominal = req.unit === 'months' ? monthEnd(start, amount) : addDays(start, amount);
    result = req.unit === 'months' ? cal.addMonths(start, amount) : cal.addCalendarDays(start, amount);
    counted = req.unit === 'months' ? `自${start}次日起算${amount}个月` : `自${start}次日起算${amount}日`;
    if (req.unit === 'months' && Number(nominal.slice(8)) !== Number(start.slice(8))) {
      counted += `，到期月没有对应日，以月末${nominal}为期间最后一日`;
    }
    if (nominal !== result.due) {
      const name = cal.holidayName(nominal);
      counted += `，${nominal}为${name ? `${name}假期` : '休息日'}，顺延至${result.due}`;
    }
  }
  if (result.provisional) counted += '（涉及尚未公布放假通知的年份，按暂定日历计算，待通知公布后复核）';
  return { ...result, unit: req.unit, counted };
}

let cached: WorkingCalendar | undefined;

/** The calendar built from reference/cn-holidays.json, read once per process. */
export function defaultCalendar(): WorkingCalendar {
  cached ??= new WorkingCalendar(loadOfficialCalendars());
  return cached;
}
