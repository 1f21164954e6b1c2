/**
 * A stand-in calendar for years whose State Council notice is not out yet, computed from the
 * statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01, art. 2).
 *
 * Only the statutory days themselves are off. We deliberately do not guess 调休 (swapped working
 * weekends) nor the 补假 the State Council grants when a holiday falls on a weekend (art. 6): both are
 * decided notice by notice and have varied, and a wrong guess would silently move legal deadlines.
 * Every result that depends on such a year is flagged provisional instead, so that staff re-check it
 * once the notice is loaded.
 */
import { Lunar } from 'lunar-typescript';
import { addDays, compareDates, parseDate } from './dates.ts';
import type { HolidayRange, YearCalendar } from './holidays.ts';

export const PROVISIONAL_NOTICE = '暂定（据《全国年节及纪念日放假办法》推算，待国务院办公厅通知）';

function solarYmd(s: { getYear(): number; getMonth(): number; getDay(): number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return parseDate(`${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`);
}

/** 正月初一 of the lunar year that begins in this Gregorian year. */
export function springFestival(year: number): string {
  return solarYmd(Lunar.fromYmd(year, 1, 1).getSolar());
}

/** 除夕 is the last day of the lunar year: 腊月三十 or, in short years, 腊月二十九. */
export function lunarNewYearsEve(year: number): string {
  return addDays(springFestival(year), -1);
}

export function qingmingDay(year: number): string {
  // The lunar year starting in `year` spans its April, so its solar-term table holds that 清明.
  const solar = Lunar.fromYmd(year, 1, 1).getJieQiTable().清明;
  if (!solar) throw new Error(`无法计算${year}年清明日期`);
  const date = solarYmd(solar);
  if (!date.startsWith(`${year}-04-`)) throw new Error(`${year}年清明日期异常：${date}`);
  return date;
}

export function dragonBoatDay(year: number): string {
  return solarYmd(Lunar.fromYmd(year, 5, 5).getSolar());
}

export function midAutumnDay(year: number): string {
  return solarYmd(Lunar.fromYmd(year, 8, 15).getSolar());
}

/** The statutory holidays of one year, before any merging. */
export function statutoryHolidays(year: number): HolidayRange[] {
  const eve = lunarNewYearsEve(year);
  const single = (date: string, name: string): HolidayRange => ({ start: date, end: date, name });
  return [
    single(`${year}-01-01`, '元旦'),
    { start: eve, end: addDays(eve, 3), name: '春节' },
    single(qingmingDay(year), '清明节'),
    { start: `${year}-05-01`, end: `${year}-05-02`, name: '劳动节' },
    single(dragonBoatDay(year), '端午节'),
    single(midAutumnDay(year), '中秋节'),
    { start: `${year}-10-01`, end: `${year}-10-03`, name: '国庆节' },
  ];
}

/**
 * 中秋 can fall on 10-01..10-03 (as in 2028) and a notice never lists overlapping ranges, so
 * touching or overlapping statutory days are joined into one range carrying both names.
 */
function mergeRanges(ranges: HolidayRange[]): HolidayRange[] {
  const sorted = [...ranges].sort((a, b) => compareDates(a.start, b.start));
  const out: HolidayRange[] = [];
  for (const r of sorted) {
    const prev = out.at(-1);
    if (prev && compareDates(r.start, addDays(prev.end, 1)) <= 0) {
      if (compareDates(r.end, prev.end) > 0) prev.end = r.end;
      prev.name = `${prev.name}、${r.name}`;
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

export function provisionalYearCalendar(year: number): YearCalendar {
  return {
    year,
    notice: PROVISIONAL_NOTICE,
    source:
      '《全国年节及纪念日放假办法》（2024年11月10日修订，2025年1月1日起施行）第二条；农历与节气据 lunar-typescript 计算',
    provisional: true,
    holidays: mergeRanges(statutoryHolidays(year)),
    workdays: [],
  };
}
