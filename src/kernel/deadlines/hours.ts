/**
 * Periods the law counts in hours (二十四小时内): a due moment, not a due day. They are not rows of the deadlines
 * table (whose periods end on a day and roll off weekends and holidays); a line keeps the moments on its own records
 * and computes the due moment and the lateness here. Clock hours run through nights, weekends and holidays: nothing
 * in the calendar stops or moves them.
 *
 * Moments are local wall-clock times, 'YYYY-MM-DD HH:mm' (Asia/Shanghai, which has no daylight saving, so an hour is
 * always 60 minutes of wall clock and the arithmetic can be done on UTC without shifting).
 */
import type { Rule } from '../rules/rules.ts';

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

export class HourPeriodError extends Error {}

/** Minutes since the epoch of a local moment, read as if it were UTC (see above). */
function minutesOf(moment: string): number {
  const m = MOMENT.exec(moment);
  if (!m) throw new HourPeriodError(`时间格式应为 YYYY-MM-DD HH:mm：${moment}`);
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(ms);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59)
    throw new HourPeriodError(`不是有效的时间：${moment}`);
  return ms / 60_000;
}

function momentOf(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The due moment of an hour-counted rule started at `from`: `from` plus the rule's hours, never moved. */
export function hoursDue(rule: Rule, from: string): string {
  if (rule.unit !== 'hours' || rule.count === null)
    throw new HourPeriodError(`规则 ${rule.id} 不是按小时计算的期限`);
  return momentOf(minutesOf(from) + rule.count * 60);
}

/** Minutes from the due moment to the moment the act was done: positive when late, zero or negative in time. */
export function minutesPast(due: string, done: string): number {
  return minutesOf(done) - minutesOf(due);
}

/** A lateness as a clerk reads it: 15小时30分钟, 2小时, 45分钟. */
export function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h ? `${h}小时` : ''}${m || !h ? `${m}分钟` : ''}`;
}
