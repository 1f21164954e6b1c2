import { addDays, type PeriodResult, type WorkingCalendar } from '../calendar/index.ts';
import type { Rule } from '../rules/rules.ts';

export type CountUnit = 'working' | 'calendar' | 'months';

export class UncountableRuleError extends Error {}

/** The counting unit of a date-based rule; hour-based rules are not dates and are not tracked as deadlines. */
export function countUnitOf(rule: Rule): CountUnit {
  if (rule.unit === 'hours' || rule.count === null) {
    throw new UncountableRuleError(`规则 ${rule.id} 不是按日或按月计算的期限`);
  }
  return rule.unit;
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
  if (backwards) {
    if (unit === 'working') return cal.subtractWorkingDays(from, count);
    return { due: addDays(from, -count), provisional: cal.isProvisional(from) };
  }
  if (unit === 'working') return cal.addWorkingDays(from, count);
  if (unit === 'months') return cal.addMonths(from, count);
  return cal.addCalendarDays(from, count);
}

/** Adds an approved extension of calendar days to an unextended due date (then rolls forward). */
export function extend(cal: WorkingCalendar, baseDue: string, days: number): PeriodResult {
  return days
    ? cal.addCalendarDays(baseDue, days)
    : { due: baseDue, provisional: cal.isProvisional(baseDue) };
}

/** The units left between `on` (a pause) and `due`: what a resumed period counts again. */
export function unitsLeft(cal: WorkingCalendar, on: string, due: string, unit: CountUnit): number {
  if (unit === 'working') return Math.max(0, cal.workingDaysBetween(on, due).count);
  const ms = Date.parse(`${due}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000));
}

export function ruleDue(cal: WorkingCalendar, rule: Rule, start: string): PeriodResult {
  return countFrom(cal, start, rule.count!, countUnitOf(rule), rule.kind === 'beforeEvent');
}
