import type { Actor } from '../../platform/access/actor.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { Db, Queryable, Tx } from '../../platform/db/pool.ts';
import { withTx } from '../../platform/db/pool.ts';
import { AppError } from '../../platform/http/errors.ts';
import { recomputeRunningDeadlines } from '../deadlines/deadlines.ts';
import { MAX_YEAR, MIN_YEAR } from './calendar.ts';
import { validateYearCalendar, type YearCalendar } from './holidays.ts';
import { currentCalendar } from './service.ts';

/** A State Council notice as an administrator submits it, checked: a Chinese VALIDATION error otherwise. */
export function checkedNotice(input: unknown): YearCalendar {
  const checked = validateYearCalendar(input);
  if (!checked.ok) {
    throw new AppError('VALIDATION', checked.errors.join('；'), {
      errors: checked.errors.map((message) => ({ field: 'notice', message })),
    });
  }
  const notice = checked.value;
  if (notice.provisional) throw new AppError('VALIDATION', '只能载入国务院办公厅正式通知，不能载入暂定日历');
  if (notice.year < MIN_YEAR || notice.year > MAX_YEAR)
    throw new AppError('VALIDATION', `只能载入${MIN_YEAR}–${MAX_YEAR}年的通知`);
  return notice;
}

/**
 * Puts a checked notice in force (replacing a provisional calendar or an earlier load) and recomputes every running
 * deadline on the new calendar, in the caller's transaction, audited. On the web this runs when a second
 * administrator confirms the proposed load (kernel/changes).
 */
export async function applyHolidayNotice(tx: Tx, actor: Actor, notice: YearCalendar) {
  await tx.query('LOCK TABLE holiday_calendars IN EXCLUSIVE MODE');
  const before = await currentCalendar(tx);
  const calendar = before.withYear(notice);
  await tx.query(
    `INSERT INTO holiday_calendars (year, notice, loaded_by) VALUES ($1, $2, $3)
     ON CONFLICT (year) DO UPDATE SET notice = EXCLUDED.notice, loaded_by = EXCLUDED.loaded_by, loaded_at = now()`,
    [notice.year, JSON.stringify(notice), actor.userId],
  );
  const recomputed = await recomputeRunningDeadlines(tx, calendar);
  await audit(tx, actor, {
    action: 'calendar.load',
    objectType: 'calendar',
    objectId: notice.year,
    summary: { notice: notice.notice, ...recomputed },
  });
  return { year: notice.year, ...recomputed };
}

/** Loads a notice at once (the server operator's CLI `calendar:load`): checked, applied, audited. */
export async function loadHolidayNotice(db: Db, actor: Actor, input: unknown) {
  const notice = checkedNotice(input);
  return withTx(db, (tx) => applyHolidayNotice(tx, actor, notice));
}

/** Each year's calendar status, and whether admins should be warned that next year's notice is missing. */
export async function calendarStatus(db: Queryable, today: string) {
  const cal = await currentCalendar(db);
  const year = Number(today.slice(0, 4));
  const years = [];
  for (let y = Math.max(MIN_YEAR, year - 2); y <= Math.min(MAX_YEAR, year + 1); y++) {
    const c = cal.yearCalendar(y);
    years.push({
      year: y,
      official: !c.provisional,
      notice: c.notice,
      source: c.source,
      holidays: c.holidays,
      workdays: c.workdays,
    });
  }
  const nextOfficial = year + 1 > MAX_YEAR || !cal.yearCalendar(year + 1).provisional;
  return {
    today,
    years,
    nextYear: year + 1,
    nextYearLoaded: nextOfficial,
    // From 1 November the next year's notice is usually out; until it is loaded, deadlines into it are provisional.
    banner:
      !nextOfficial && today.slice(5) >= '11-01'
        ? `${year + 1}年节假日安排通知尚未载入：涉及${year + 1}年的期限按暂定日历计算，请在国务院办公厅通知发布后及时载入。`
        : null,
  };
}
