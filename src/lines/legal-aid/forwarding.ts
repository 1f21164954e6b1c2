/**
 * A detained person's application forwarded by the 办案机关/监管场所 (法律援助法 第三十九条第一款): 24 clock hours from
 * the moment the organ received it, through nights, weekends and holidays, the same under both counting settings
 * (legalAid.counting moves only the periods counted in days). The duty is the organ's, so a late forwarding is
 * recorded on the case and searchable, never counted as the centre's own overdue.
 */
import { hoursAndMinutes, hoursDue, minutesPast } from '../../kernel/deadlines/hours.ts';
import { type Rule, ruleInForce } from '../../kernel/rules/rules.ts';
import type { ApplicationInput } from './schemas.ts';

export const FORWARD_RULE = 'flyz.detained.forward.clock';
/** The word a late forwarding puts in the matter's search text: the list's search finds every such case. */
export const LATE_FORWARD_TAG = '逾期转交';

export interface Forwarding {
  organ: string;
  receivedAt: string;
  arrivedAt: string;
  dueAt: string;
  /** Minutes from the due moment to the arrival: above 0 late. */
  lateMinutes: number;
  rule: Rule;
}

export function forwarding(d: ApplicationInput): Forwarding | null {
  if (d.source !== 'detained' || !d.detainedAppliedOn || !d.detainedAppliedTime || !d.receivedTime)
    return null;
  const receivedAt = `${d.detainedAppliedOn} ${d.detainedAppliedTime}`;
  const rule = ruleInForce(FORWARD_RULE, d.detainedAppliedOn);
  const dueAt = hoursDue(rule, receivedAt);
  const arrivedAt = `${d.receivedOn} ${d.receivedTime}`;
  return {
    organ: d.detentionPlace || '办案机关、监管场所',
    receivedAt,
    arrivedAt,
    dueAt,
    lateMinutes: minutesPast(dueAt, arrivedAt),
    rule,
  };
}

/** 逾期15小时30分钟 / 按时转交（届满前2小时）. */
export const forwardingVerdict = (lateMinutes: number) =>
  lateMinutes > 0
    ? `逾期${hoursAndMinutes(lateMinutes)}`
    : lateMinutes === 0
      ? '按时转交（届满时刻送达）'
      : `按时转交（届满前${hoursAndMinutes(-lateMinutes)}送达）`;

/** The intake's warning for a late forwarding, with the moments and the lateness. */
export const lateForwardingWarning = (f: Forwarding) =>
  `${f.organ}于${f.receivedAt}收到被羁押人员的法律援助申请，应当于${f.dueAt}前转交（法律援助法${f.rule.citation.article}），${f.arrivedAt}送达本机构，逾期${hoursAndMinutes(f.lateMinutes)}，已记录`;
