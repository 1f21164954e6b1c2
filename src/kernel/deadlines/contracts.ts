/** Response contracts of deadlines and notifications (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';
import { timestamp } from '../../platform/http/contracts.ts';
import { citation } from '../rules/contracts.ts';

/** The badge a deadline shows today (`describeDeadline`). */
export const deadlineBadge = z.enum([
  'running',
  'dueSoon',
  'overdue',
  /** The period ran out and the law attaches a consequence (e.g. 期满视为受理): not a fault, a legal effect. */
  'lapsed',
  /** A party's period still running (the applicant's time to sue): never the office's to miss. */
  'partyPeriod',
  /** A guideline, duration or recurring period: shown, never due soon nor overdue. */
  'guideline',
  /** A minimum period that has run: the office may now act. */
  'elapsed',
  'paused',
  'met',
  'metLate',
  'stopped',
  /** Counted from receipt (自收到…之日起) and no service recorded yet: no due date. */
  'notStarted',
  /** An office period stopped after its due date had passed. */
  'stoppedLate',
]);

/** The rule a deadline follows, in the version in force when it started, with its citation. */
export const deadlineRule = z.object({
  id: z.string(),
  event: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  count: z.number().nullable(),
  unit: z.string(),
  citation,
  verified: z.boolean(),
  onExpiry: z.string().nullable(),
});

/** A deadline's row, as both the matter page and the deadline list read it, with today's badge. */
const deadlineBase = z.object({
  id: z.number(),
  key: z.string(),
  ruleId: z.string(),
  ruleVersion: z.string(),
  kind: z.string(),
  startOn: z.string(),
  dueOn: z.string().nullable(),
  status: z.string(),
  provisional: z.boolean(),
  pausedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  /** The server's status of the deadline (deadline_status in SQL), the one definition of overdue. */
  badge: deadlineBadge,
  badgeLabel: z.string(),
  onExpiry: z.string().nullable(),
  /** Days to the due date (negative once past), in the rule's unit; for a paused period, the days it had left. */
  daysLeft: z.number().nullable(),
  dayUnit: z.enum(['working', 'calendar']).nullable(),
  /** The server's words for daysLeft: 剩 3 个工作日, 今日到期, 已超期 2 个工作日. */
  remainingText: z.string().nullable(),
  /** The rule's count unit, and the days a paused period had left. */
  countUnit: z.string(),
  remaining: z.number().nullable(),
  rule: deadlineRule,
});

/** A deadline on the matter page: also the working days left when paused, the extension and the count unit. */
export const deadline = deadlineBase.extend({
  extendedDays: z.number(),
  /** The count the step set for this matter (the review time a submitter offered); null: the rule's count. */
  setCount: z.number().nullable(),
});

/** A row of GET /api/deadlines: a deadline with the matter it belongs to. */
export const deadlineRow = deadlineBase.extend({
  matterId: z.number(),
  refNo: z.string(),
  title: z.string(),
  line: z.string(),
  matterKind: z.string(),
  state: z.string(),
});

export const deadlineList = z.object({
  today: z.string(),
  /** The last day counted as "due within N working days". */
  cutoff: z.string(),
  items: z.array(deadlineRow),
});

export const notification = z.object({
  id: z.number(),
  kind: z.string(),
  matterId: z.number().nullable(),
  title: z.string(),
  body: z.string(),
  createdOn: z.string(),
  readAt: timestamp.nullable(),
});
