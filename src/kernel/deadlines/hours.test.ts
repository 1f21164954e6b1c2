import { describe, expect, it } from 'vitest';
import { ruleInForce } from '../rules/rules.ts';
import { countUnitOf, UncountableRuleError } from './compute.ts';
import { HourPeriodError, hoursAndMinutes, hoursDue, minutesPast } from './hours.ts';

// 法律援助法 第三十九条第一款: 二十四小时内转交 (the shipped table's rule and the line's own, with its 款).
const forward = ruleInForce('flyz.detained.forward', '2025-03-07');
const forwardClock = ruleInForce('flyz.detained.forward.clock', '2025-03-07');

describe('periods counted in clock hours', () => {
  it('reads the 24 hours of 第三十九条 as an hour rule', () => {
    expect([forward.unit, forward.count]).toEqual(['hours', 24]);
    expect([forwardClock.unit, forwardClock.count, forwardClock.citation.article]).toEqual([
      'hours',
      24,
      '第三十九条第一款',
    ]);
  });

  it('ends 24 hours after the start, on a Saturday as on any day (not moved to Monday)', () => {
    // Fri 7 March 2025 17:30 → Sat 8 March 17:30.
    expect(hoursDue(forwardClock, '2025-03-07 17:30')).toBe('2025-03-08 17:30');
    expect(hoursDue(forward, '2025-03-07T17:30')).toBe('2025-03-08 17:30');
  });

  it('runs through holidays, month ends and a leap day', () => {
    expect(hoursDue(forwardClock, '2025-09-30 23:59')).toBe('2025-10-01 23:59');
    expect(hoursDue(forwardClock, '2024-02-28 08:05')).toBe('2024-02-29 08:05');
    expect(hoursDue(forwardClock, '2025-02-28 08:05')).toBe('2025-03-01 08:05');
    expect(hoursDue(forwardClock, '2025-12-31 12:00')).toBe('2026-01-01 12:00');
  });

  it('measures lateness in minutes from the due moment', () => {
    expect(minutesPast('2025-03-08 17:30', '2025-03-09 09:00')).toBe(930);
    expect(minutesPast('2025-03-08 17:30', '2025-03-08 17:30')).toBe(0);
    expect(minutesPast('2025-03-08 17:30', '2025-03-08 17:29')).toBe(-1);
    expect(hoursAndMinutes(930)).toBe('15小时30分钟');
    expect(hoursAndMinutes(120)).toBe('2小时');
    expect(hoursAndMinutes(45)).toBe('45分钟');
    expect(hoursAndMinutes(0)).toBe('0分钟');
  });

  it('refuses a day rule and an impossible moment, and day periods still refuse hour rules', () => {
    expect(() => hoursDue(ruleInForce('flyz.review', '2025-03-07'), '2025-03-07 17:30')).toThrow(
      HourPeriodError,
    );
    expect(() => hoursDue(forwardClock, '2025-02-29 10:00')).toThrow('不是有效的时间：2025-02-29 10:00');
    expect(() => hoursDue(forwardClock, '2025-03-07 24:00')).toThrow(HourPeriodError);
    expect(() => hoursDue(forwardClock, '2025-03-07')).toThrow('时间格式应为 YYYY-MM-DD HH:mm：2025-03-07');
    expect(() => countUnitOf(forwardClock)).toThrow(UncountableRuleError);
  });
});
