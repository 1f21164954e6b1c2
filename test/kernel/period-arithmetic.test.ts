/**
 * The kernel's period arithmetic on the shipped calendar (reference/cn-holidays.json): the unrolled last day that
 * suspension and extension count from, and the single roll-over to a working day at the end.
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../src/kernel/calendar/index.ts';
import {
  countFrom,
  extend,
  lastDayFrom,
  rollToWorkingDay,
  unitsLeft,
} from '../../src/kernel/deadlines/compute.ts';

const cal = defaultCalendar();

describe('period arithmetic', () => {
  it('keeps the last day as counted apart from the day it moves to', () => {
    // 60 days from Mon 3 March 2025: Fri 2 May, inside 劳动节 (1–5 May) → Tue 6 May.
    expect(lastDayFrom(cal, '2025-03-03', 60, 'calendar').due).toBe('2025-05-02');
    expect(rollToWorkingDay(cal, lastDayFrom(cal, '2025-03-03', 60, 'calendar')).due).toBe('2025-05-06');
    expect(countFrom(cal, '2025-03-03', 60, 'calendar').due).toBe('2025-05-06');
    // Working days never roll: 5 from Fri 26 Sep 2025 (Sun 28 Sep worked) → Fri 10 October.
    expect(lastDayFrom(cal, '2025-09-26', 5, 'working').due).toBe('2025-10-10');
    // Months: 31 January + 1 month → 28 February 2025 (民法典第二百零二条), a Friday.
    expect(lastDayFrom(cal, '2025-01-31', 1, 'months').due).toBe('2025-02-28');
  });

  it('adds an extension to the unrolled last day and rolls once', () => {
    // Sun 4 May 2025 + 30 = Tue 3 June; from the rolled Tue 6 May it would be Thu 5 June.
    expect(extend(cal, '2025-05-04', 30).due).toBe('2025-06-03');
    expect(extend(cal, '2025-05-04', 0).due).toBe('2025-05-06');
  });

  it('counts the days left at a pause to the unrolled day, negative after it, and back again', () => {
    expect(unitsLeft(cal, '2025-09-30', '2025-10-03', 'calendar')).toBe(3);
    expect(unitsLeft(cal, '2025-05-12', '2025-05-04', 'calendar')).toBe(-8);
    expect(lastDayFrom(cal, '2025-05-19', -8, 'calendar').due).toBe('2025-05-11');
    // Working days after Tue 30 Sep up to Fri 10 Oct 2025: 9 and 10 Oct (1–8 Oct are off) = 2; counted back 2
    // working days from 10 Oct: 9 Oct, then 30 Sep.
    expect(unitsLeft(cal, '2025-09-30', '2025-10-10', 'working')).toBe(2);
    expect(lastDayFrom(cal, '2025-10-10', -2, 'working').due).toBe('2025-09-30');
  });
});
