import type { WorkingCalendar } from '../calendar/index.ts';
import { ruleKindLabels, ruleVersion } from '../rules/rules.ts';

/** The statuses deadline_status() (migration 0010) returns: the one definition of what a deadline shows. */
export type DeadlineBadge =
  | 'running'
  | 'dueSoon'
  | 'overdue'
  | 'lapsed'
  | 'partyPeriod'
  | 'guideline'
  | 'elapsed'
  | 'paused'
  | 'met'
  | 'metLate'
  | 'stopped'
  | 'notStarted'
  | 'stoppedLate';

export const DUE_SOON_WORKING_DAYS = 3;

export const badgeLabels: Record<DeadlineBadge, string> = {
  running: '计算中',
  dueSoon: '即将到期',
  overdue: '已超期',
  lapsed: '期满',
  partyPeriod: '当事人期间',
  guideline: '不计超期',
  elapsed: '已满最短期限',
  paused: '已中止计算',
  met: '已按期办结',
  metLate: '超期办结',
  stopped: '已停止',
  notStarted: '未开始（待送达）',
  stoppedLate: '超期后停止',
};

/** The label of a status; a lapse names its consequence (期满视为受理). */
export const badgeLabel = (badge: DeadlineBadge, onExpiry: string | null) =>
  badge === 'lapsed' ? `期满${onExpiry ?? ''}` : badgeLabels[badge];

/** The business day and the last day that counts as due soon: what deadline_status() needs besides the row. */
export function statusDates(cal: WorkingCalendar, today: string) {
  return { today, soon: cal.addWorkingDays(today, DUE_SOON_WORKING_DAYS).due };
}

/**
 * The SQL of the status of deadline row `d` (an alias of deadlines) on business day `today`, with `soon` the
 * due-soon cutoff: SQL expressions, e.g. parameters '$6' and '$7' filled from statusDates().
 */
export const deadlineStatusSql = (d: string, today: string, soon: string) =>
  `deadline_status(${d}.status, ${d}.kind, ${d}.due_on, ${d}.ended_on, ${d}.on_expiry, ${today}::date, ${soon}::date)`;

/**
 * The kinds of period the office lists as its own (matter list, deadlines page): a party's period and a minimum
 * are shown on the matter only.
 */
export const officeKindsSql = `('deadline', 'beforeEvent', 'guideline', 'duration', 'recurring')`;

interface DeadlineRow {
  ruleId: string;
  ruleVersion: string;
  status: string;
  /** deadline_status() of the row, selected with deadlineStatusSql(). */
  badge: DeadlineBadge;
  onExpiry: string | null;
  dueOn: string | null;
  countUnit: 'working' | 'calendar' | 'months';
  /** While paused: the units left at the pause, to the unextended last day. */
  remaining: number | null;
  extendedDays?: number;
}

type DayUnit = 'working' | 'calendar';

/**
 * Days left until a running period's due date (negative once past it), in working days for a period counted in
 * working days, otherwise in calendar days; for a paused period, the days it had left at the pause.
 */
export function daysLeft(
  cal: WorkingCalendar,
  today: string,
  d: Pick<DeadlineRow, 'status' | 'dueOn' | 'countUnit' | 'remaining' | 'extendedDays'>,
): { daysLeft: number; dayUnit: DayUnit } | null {
  const dayUnit: DayUnit = d.countUnit === 'working' ? 'working' : 'calendar';
  // A paused period shows what it had left at the pause, its approved extension (calendar days) included.
  if (d.status === 'paused')
    return d.remaining === null
      ? null
      : { daysLeft: d.remaining + (dayUnit === 'calendar' ? (d.extendedDays ?? 0) : 0), dayUnit };
  if (d.status !== 'running' || !d.dueOn) return null;
  if (dayUnit === 'working') return { daysLeft: cal.workingDaysBetween(today, d.dueOn).count, dayUnit };
  const ms = Date.parse(`${d.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return { daysLeft: Math.round(ms / 86_400_000), dayUnit };
}

/** 剩 3 个工作日 · 今日到期 · 已超期 2 个工作日 · 期满后 5 天 · 中止时尚余 54 天. */
export function remainingText(
  badge: DeadlineBadge,
  left: { daysLeft: number; dayUnit: DayUnit } | null,
): string | null {
  if (!left) return null;
  const unit = left.dayUnit === 'working' ? '个工作日' : '天';
  const n = left.daysLeft;
  if (badge === 'paused') return `中止时尚余 ${n} ${unit}`;
  if (n > 0) return `剩 ${n} ${unit}`;
  if (n === 0) return '今日到期';
  return badge === 'overdue' ? `已超期 ${-n} ${unit}` : `期满后 ${-n} ${unit}`;
}

export const UNCOUNTED_LABEL = '未计算（该年度不在节假日日历范围内）';

/**
 * A deadline as the UI shows it: the status computed by SQL with its label, the days left, and the rule's
 * citation so the UI shows the law wherever a deadline appears.
 */
export function describeDeadline<T extends DeadlineRow>(d: T, today: string, cal: WorkingCalendar) {
  const rule = ruleVersion(d.ruleId, d.ruleVersion);
  const left = daysLeft(cal, today, d);
  return {
    ...d,
    // A period of a year before the calendar's first cannot be counted: it is kept, and says so.
    badgeLabel: d.status === 'running' && !d.dueOn ? UNCOUNTED_LABEL : badgeLabel(d.badge, d.onExpiry),
    daysLeft: left?.daysLeft ?? null,
    dayUnit: left?.dayUnit ?? null,
    remainingText: remainingText(d.badge, left),
    rule: {
      id: rule.id,
      event: rule.event,
      kind: rule.kind,
      kindLabel: ruleKindLabels[rule.kind],
      count: rule.count,
      unit: rule.unit,
      citation: rule.citation,
      verified: rule.verified,
      onExpiry: rule.onExpiry,
    },
  };
}
