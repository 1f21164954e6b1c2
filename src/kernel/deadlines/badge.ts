import { compareDates, type WorkingCalendar } from '../calendar/index.ts';
import { ruleKindLabels, ruleVersion } from '../rules/rules.ts';

export type DeadlineBadge =
  | 'running'
  | 'dueSoon'
  | 'overdue'
  | 'lapsed'
  | 'paused'
  | 'met'
  | 'metLate'
  | 'stopped';

export const DUE_SOON_WORKING_DAYS = 3;

export const badgeLabels: Record<DeadlineBadge, string> = {
  running: '计算中',
  dueSoon: '即将到期',
  overdue: '已超期',
  lapsed: '期满',
  paused: '已中止计算',
  met: '已按期办结',
  metLate: '超期办结',
  stopped: '已停止',
};

interface DeadlineRow {
  ruleId: string;
  ruleVersion: string;
  status: string;
  dueOn: string | null;
  endedOn: string | null;
}

/** The badge a deadline shows today, with the rule's citation so the UI shows the law wherever a deadline appears. */
export function describeDeadline<T extends DeadlineRow>(d: T, today: string, cal: WorkingCalendar) {
  const rule = ruleVersion(d.ruleId, d.ruleVersion);
  let badge: DeadlineBadge;
  if (d.status === 'paused') badge = 'paused';
  else if (d.status === 'stopped') badge = 'stopped';
  else if (d.status === 'met')
    badge = d.dueOn && d.endedOn && compareDates(d.endedOn, d.dueOn) > 0 ? 'metLate' : 'met';
  else if (d.dueOn && compareDates(d.dueOn, today) < 0) badge = 'overdue';
  else if (d.dueOn && compareDates(d.dueOn, cal.addWorkingDays(today, DUE_SOON_WORKING_DAYS).due) <= 0)
    badge = 'dueSoon';
  else badge = 'running';
  // A party's period is not the office's to miss: once it has run, it has simply lapsed.
  if (badge === 'overdue' && rule.kind === 'partyPeriod') badge = 'lapsed';
  // A guideline or a minimum is never "overdue" in the legal sense: say so rather than alarm.
  if (badge === 'overdue' && rule.kind !== 'deadline') badge = 'dueSoon';
  // Where the law attaches a consequence to the expiry (视为受理), the period has lapsed into it: say that.
  if (badge === 'overdue' && rule.onExpiry) badge = 'lapsed';
  return {
    ...d,
    badge,
    badgeLabel: badge === 'lapsed' ? `期满${rule.onExpiry ?? ''}` : badgeLabels[badge],
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
