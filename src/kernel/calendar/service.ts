import { named, type Queryable } from '../../platform/db/pool.ts';
import { defaultCalendar, type WorkingCalendar } from './calendar.ts';
import type { YearCalendar } from './holidays.ts';

/**
 * SQL expression: the version of the loaded notices. A statement the caller runs anyway can carry it (the engine's
 * INSERT of a new matter does) and hand it to currentCalendar, which then needs no query of its own.
 */
export const CALENDAR_STAMP = `(SELECT coalesce(max(loaded_at)::text, '') || ':' || count(*) FROM holiday_calendars)`;

let cached: { stamp: string; calendar: WorkingCalendar } | undefined;

/** The calendar this process built last, with the stamp it was built on: a query may select CALENDAR_STAMP and compare. */
export const lastCalendarBuilt = () => cached;

/**
 * The calendar in force: the shipped notices plus any an administrator loaded into holiday_calendars.
 * One cheap query per call (none when the caller brings the stamp from a statement it ran) tells whether the loaded
 * notices changed since the cached build, so every process of a deployment sees a newly loaded notice at once.
 */
export async function currentCalendar(db: Queryable, knownStamp?: string): Promise<WorkingCalendar> {
  const stamp =
    knownStamp ??
    (await db.query<{ stamp: string }>(named(`SELECT ${CALENDAR_STAMP} AS stamp`, []))).rows[0]!.stamp;
  if (cached?.stamp === stamp) return cached.calendar;
  const loaded = await db.query<{ notice: YearCalendar }>(
    'SELECT notice FROM holiday_calendars ORDER BY year',
  );
  const calendar = loaded.rows.reduce((cal, r) => cal.withYear(r.notice), defaultCalendar());
  cached = { stamp, calendar };
  return calendar;
}
