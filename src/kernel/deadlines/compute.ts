import { addDays, monthEnd, type PeriodResult, type WorkingCalendar } from '../calendar/index.ts';
import type { Rule } from '../rules/rules.ts';

export type CountUnit = 'working' | 'calendar' | 'months';

export class UncountableRuleError extends Error {}

/**
 * The counting unit of a date-based rule; hour-based rules are not dates and are not tracked as deadlines. A rule
 * that gives no count of its own (the period the organ sets in its order) counts when the step sets one (`count`).
 */
export function countUnitOf(rule: Rule, count?: number): CountUnit {
  if (rule.unit === 'hours' || (rule.count === null && count === undefined)) {
    throw new UncountableRuleError(`规则 ${rule.id} 不是按日或按月计算的期限`);
  }
  return rule.unit;
}

/**
 * The period's last day as counted, BEFORE a non-working last day moves to the next working day (民法典第二百零一条、
 * 第二百零二条; 民事诉讼法第八十五条第二款): `count` units from the day after `from`. A working-day count already
 * ends on a working day; a calendar-day or month count may end on a Saturday or a holiday. Suspension and
 * extension count from this day, never from the rolled one (民事诉讼法第八十五条第三款 only moves the day on which
 * the period ends; it does not lengthen the period that later arithmetic builds on).
 * A negative count (a period paused after its unextended last day, see unitsLeft) counts back.
 */
export function lastDayFrom(
  cal: WorkingCalendar,
  from: string,
  count: number,
  unit: CountUnit,
  backwards = false,
): PeriodResult {
  const provisional = (day: string) => ({ due: day, provisional: cal.isProvisional(day) });
  if (backwards) {
    if (unit === 'working') return cal.subtractWorkingDays(from, count);
    return provisional(addDays(from, -count));
  }
  if (unit === 'working')
    return count >= 0 ? cal.addWorkingDays(from, count) : cal.subtractWorkingDays(from, -count);
  if (unit === 'months') return provisional(monthEnd(from, count));
  return provisional(addDays(from, count));
}

/** A last day moved off a weekend or holiday to the next working day (民法典第二百零三条, 民事诉讼法第八十五条第三款). */
export function rollToWorkingDay(cal: WorkingCalendar, last: PeriodResult): PeriodResult {
  const rolled = cal.addCalendarDays(last.due, 0);
  return { due: rolled.due, provisional: last.provisional || rolled.provisional };
}

/**
 * The due date of `count` units counted from the day after `from`, as the law counts: working days skip
 * weekends and holidays and count adjusted working days; calendar days and months that end on a non-working
 * day move to the next working day. A rule counted backwards (before an event) subtracts instead.
 */
export function countFrom(
  cal: WorkingCalendar,
  from: string,
  count: number,
  unit: CountUnit,
  backwards = false,
): PeriodResult {
  const last = lastDayFrom(cal, from, count, unit, backwards);
  return backwards ? last : rollToWorkingDay(cal, last);
}

/**
 * The due date of a period whose unextended, unrolled last day is `lastDay`, with an approved extension of
 * `days` calendar days: the extension is added to that last day and only the result moves off a non-working day.
 * Example: 60 days from Wed 2025-03-05 end on Sun 2025-05-04 (a 劳动节 holiday), shown as due Tue 2025-05-06; 30
 * days of extension end on Tue 2025-06-03, counted from 4 May, not on Thu 2025-06-05 counted from 6 May.
 */
export function extend(cal: WorkingCalendar, lastDay: string, days: number): PeriodResult {
  return rollToWorkingDay(cal, { due: addDays(lastDay, days), provisional: cal.isProvisional(lastDay) });
}

/**
 * The units left between `on` (a pause) and the unrolled last day `lastDay`: what a resumed period counts again.
 * Negative when the pause comes after that day (inside an approved extension, or on the day the period was rolled
 * to): the resumed period then ends that many units before the resumption, plus its extension.
 */
export function unitsLeft(cal: WorkingCalendar, on: string, lastDay: string, unit: CountUnit): number {
  if (unit === 'working') return cal.workingDaysBetween(on, lastDay).count;
  const ms = Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

export function ruleDue(cal: WorkingCalendar, rule: Rule, start: string): PeriodResult {
  return countFrom(cal, start, rule.count!, countUnitOf(rule), rule.kind === 'beforeEvent');
}
