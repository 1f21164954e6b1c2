import { Lunar } from 'lunar-typescript';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  CalendarRangeError,
  defaultCalendar,
  isValidDate,
  lunarNewYearsEve,
  MAX_YEAR,
  PROVISIONAL_NOTICE,
  periodDue,
  provisionalYearCalendar,
  qingmingDay,
  todayInChina,
  validateYearCalendar,
  weekday,
  type YearCalendar,
} from './index.ts';

const cal = defaultCalendar();

describe('工作日期间：起算日不计入，节假日不计，调休上班日计入', () => {
  it('2025-09-26（周五）起5个工作日 → 2025-10-10（9月28日周日调休上班）', () => {
    expect(cal.isWorkingDay('2025-09-28')).toBe(true);
    expect(cal.addWorkingDays('2025-09-26', 5)).toEqual({ due: '2025-10-10', provisional: false });
  });

  it('2024-09-27起10个工作日 → 2024-10-16', () => {
    expect(cal.addWorkingDays('2024-09-27', 10)).toEqual({ due: '2024-10-16', provisional: false });
  });

  it('2026-02-12起5个工作日 → 2026-02-26（2月14日周六上班，2月15日至23日放假）', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = addDays(d, 1)) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.addWorkingDays('2026-02-12', 5)).toEqual({ due: '2026-02-26', provisional: false });
  });

  it('在某日之前N个工作日完成：事件当日不计', () => {
    expect(cal.subtractWorkingDays('2025-10-09', 3)).toEqual({ due: '2025-09-28', provisional: false });
    expect(cal.workingDaysBetween('2025-09-26', '2025-10-10')).toEqual({ count: 5, provisional: false });
    expect(cal.workingDaysBetween('2025-10-10', '2025-09-26').count).toBe(-5);
  });

  it('下一个工作日跳过整个假期', () => {
    expect(cal.nextWorkingDay('2025-09-30').due).toBe('2025-10-09');
    expect(cal.holidayName('2025-10-03')).toBe('国庆节、中秋节');
    expect(cal.holidayName('2025-10-09')).toBeNull();
  });

  it('元旦假期可以始于上一年年末（2023-12-30属于2024年通知）', () => {
    expect(cal.holidayName('2023-12-30')).toBe('元旦');
    expect(cal.isWorkingDay('2024-01-01')).toBe(false);
  });
});

describe('按日计算的期间：期间最后一日是法定休假日的，以其结束的次日为最后一日（民法典第二百零三条）', () => {
  it('2024-12-02起60日 → 2025-01-31在春节假期内 → 2025-02-05', () => {
    expect(cal.holidayName('2025-01-31')).toBe('春节');
    expect(cal.addCalendarDays('2024-12-02', 60)).toEqual({ due: '2025-02-05', provisional: false });
  });

  it('2025-08-09起60日 → 2025-10-08为假期 → 2025-10-09', () => {
    expect(cal.addCalendarDays('2025-08-09', 60)).toEqual({ due: '2025-10-09', provisional: false });
  });

  it('落在普通周六的顺延到周一，落在调休上班的周六不顺延', () => {
    expect(weekday('2025-03-08')).toBe(6);
    expect(cal.addCalendarDays('2025-03-01', 7).due).toBe('2025-03-10');
    expect(weekday('2026-02-14')).toBe(6);
    expect(cal.addCalendarDays('2026-02-04', 10).due).toBe('2026-02-14');
  });
});

describe('按月计算的期间：到期月对应日，无对应日以月末日为最后一日（民法典第二百零二条）', () => {
  it('2024-01-31起1个月 → 2024-02-29（闰年）', () => {
    expect(cal.addMonths('2024-01-31', 1)).toEqual({ due: '2024-02-29', provisional: false });
  });

  it('2023-01-31起1个月 → 2023-02-28', () => {
    expect(cal.addMonths('2023-01-31', 1)).toEqual({ due: '2023-02-28', provisional: false });
  });

  it('到期日为假期时同样顺延', () => {
    // 2025-09-01 + 1 month = 2025-10-01, inside 国庆 → 2025-10-09
    expect(cal.addMonths('2025-09-01', 1).due).toBe('2025-10-09');
  });
});

describe('periodDue 说明计算过程', () => {
  it('工作日', () => {
    expect(periodDue(cal, { start: '2025-09-26', days: 5, unit: 'working' })).toEqual({
      due: '2025-10-10',
      provisional: false,
      unit: 'working',
      counted: '自2025-09-26次日起算5个工作日',
    });
  });

  it('日历日并顺延', () => {
    const r = periodDue(cal, { start: '2024-12-02', days: 60, unit: 'calendar' });
    expect(r.due).toBe('2025-02-05');
    expect(r.counted).toBe('自2024-12-02次日起算60日，2025-01-31为春节假期，顺延至2025-02-05');
  });

  it('按月且无对应日', () => {
    const r = periodDue(cal, { start: '2023-01-31', months: 1, unit: 'months' });
    expect(r.due).toBe('2023-02-28');
    expect(r.counted).toContain('以月末2023-02-28为期间最后一日');
  });

  it('缺少长度时拒绝', () => {
    expect(() => periodDue(cal, { start: '2025-01-02', unit: 'months', days: 3 })).toThrow(/months/);
  });
});

describe('官方通知数据核对：全年工作日数', () => {
  const count = (y: number) => cal.workingDaysBetween(`${y - 1}-12-31`, `${y}-12-31`).count;
  it.each([
    [2023, 249],
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('%i年共%i个工作日', (year, expected) => {
    expect(count(year)).toBe(expected);
  });
});

describe('尚无通知的年份（2027）：按《全国年节及纪念日放假办法》暂定', () => {
  const eve = Lunar.fromYmd(2027, 1, 1).getSolar().next(-1).toYmd();

  it('lunar-typescript 确认2027年除夕为2月5日、清明为4月5日', () => {
    expect(eve).toBe('2027-02-05');
    expect(lunarNewYearsEve(2027)).toBe(eve);
    expect(Lunar.fromYmd(2027, 1, 1).getJieQiTable().清明?.toYmd()).toBe('2027-04-05');
    expect(qingmingDay(2027)).toBe('2027-04-05');
  });

  it('春节放假除夕至初三共4天，其后恢复上班', () => {
    for (let i = 0; i < 4; i++) expect(cal.isWorkingDay(addDays(eve, i))).toBe(false);
    expect(cal.isWorkingDay(addDays(eve, 4))).toBe(true);
    expect(cal.isWorkingDay(addDays(eve, -1))).toBe(true);
    expect(cal.isProvisional(eve)).toBe(true);
  });

  it('国庆10月1日至3日、清明当日、元旦、劳动节5月1日至2日放假', () => {
    for (const d of [
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
      '2027-04-05',
      '2027-01-01',
      '2027-05-01',
      '2027-05-02',
    ]) {
      expect(cal.isWorkingDay(d)).toBe(false);
    }
    expect(cal.isWorkingDay('2027-10-04')).toBe(true);
  });

  it('涉及2027年的期间标记为暂定', () => {
    const r = cal.addWorkingDays('2027-02-04', 3);
    expect(r).toEqual({ due: '2027-02-11', provisional: true });
    expect(periodDue(cal, { start: '2027-02-04', days: 3, unit: 'working' }).counted).toContain('暂定');
    expect(provisionalYearCalendar(2027).notice).toBe(PROVISIONAL_NOTICE);
  });

  it('2026年12月最后几天取决于2027年通知，因此也是暂定', () => {
    expect(cal.isProvisional('2026-12-24')).toBe(false);
    expect(cal.isProvisional('2026-12-28')).toBe(true);
  });

  it('中秋与国庆重合的年份（2028）合并为一段，暂定日历均能通过校验', () => {
    expect(provisionalYearCalendar(2028).holidays).toContainEqual({
      start: '2028-10-01',
      end: '2028-10-03',
      name: '国庆节、中秋节',
    });
    for (let y = 2027; y <= MAX_YEAR; y++)
      expect(validateYearCalendar(provisionalYearCalendar(y)).ok).toBe(true);
  });

  it('载入2027年正式通知后，到期日改变且不再是暂定', () => {
    const notice2027: YearCalendar = {
      year: 2027,
      notice: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
      source: 'test',
      provisional: false,
      holidays: [
        { start: '2027-01-01', end: '2027-01-03', name: '元旦' },
        { start: '2027-02-05', end: '2027-02-11', name: '春节' },
      ],
      workdays: ['2027-02-20'],
    };
    const updated = cal.withYear(notice2027);
    expect(updated.addWorkingDays('2027-02-04', 3)).toEqual({ due: '2027-02-16', provisional: false });
    expect(updated.isWorkingDay('2027-02-20')).toBe(true);
    expect(updated.isProvisional('2026-12-28')).toBe(false);
    // the original calendar is untouched
    expect(cal.addWorkingDays('2027-02-04', 3).provisional).toBe(true);
  });
});

describe('节假日通知校验：错误数据一律拒绝，并给出中文原因', () => {
  const base = (): YearCalendar => ({
    year: 2025,
    notice: '测试通知',
    source: 'test',
    provisional: false,
    holidays: [
      { start: '2025-01-01', end: '2025-01-01', name: '元旦' },
      { start: '2025-01-28', end: '2025-02-04', name: '春节' },
    ],
    workdays: ['2025-01-26'],
  });
  const errorsOf = (cal: unknown) => {
    const r = validateYearCalendar(cal);
    return r.ok ? [] : r.errors;
  };

  it('合格数据通过', () => {
    expect(validateYearCalendar(base()).ok).toBe(true);
  });

  it('节假日日期重叠', () => {
    const c = base();
    c.holidays.push({ start: '2025-02-03', end: '2025-02-05', name: '重叠' });
    expect(errorsOf(c).join()).toMatch(/重叠/);
  });

  it('调休上班日不是周六或周日', () => {
    const c = base();
    c.workdays.push('2025-09-29');
    expect(errorsOf(c).join()).toMatch(/2025-09-29 是星期一，调休上班日只能是星期六或星期日/);
  });

  it('结束日期早于开始日期', () => {
    const c = base();
    c.holidays.push({ start: '2025-05-05', end: '2025-05-01', name: '劳动节' });
    expect(errorsOf(c).join()).toMatch(/结束日期早于开始日期/);
  });

  it('不存在的日期', () => {
    const c = base();
    c.workdays.push('2025-02-30');
    expect(errorsOf(c).join()).toMatch(/日期无效：2025-02-30/);
    expect(isValidDate('2025-02-30')).toBe(false);
    expect(isValidDate('2024-02-29')).toBe(true);
  });

  it('调休上班日落在假期之内', () => {
    const c = base();
    c.workdays.push('2025-02-01');
    expect(errorsOf(c).join()).toMatch(/不能既放假又上班/);
  });

  it('超出年份范围，以及年份与日期不符', () => {
    const c = base();
    c.holidays.push({ start: '2024-12-20', end: '2025-01-01', name: '过早' });
    expect(errorsOf(c).join()).toMatch(/超出2025年范围/);
    expect(errorsOf({ ...base(), year: 2024 }).join()).toMatch(/年份不符/);
  });

  it('错误的数据不能载入日历', () => {
    expect(() => cal.withYear({ ...base(), workdays: ['2025-01-27'] })).toThrow(/节假日通知无效/);
  });
});

describe('日历覆盖范围与日期工具', () => {
  it('超出2023–2035年抛出 CalendarRangeError', () => {
    expect(() => cal.isWorkingDay('2036-01-02')).toThrow(CalendarRangeError);
    expect(() => cal.isWorkingDay('2022-06-01')).toThrow(/日历只覆盖2023–2035年/);
    expect(() => cal.addWorkingDays('2035-12-20', 30)).toThrow(CalendarRangeError);
  });

  it('北京时间的今天与服务器时区无关', () => {
    expect(todayInChina(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
    expect(todayInChina(new Date('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
  });
});
