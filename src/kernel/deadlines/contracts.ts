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
  'paused',
  'met',
  'metLate',
  'stopped',
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
  badge: deadlineBadge,
  badgeLabel: z.string(),
  rule: deadlineRule,
});

/** A deadline on the matter page: also the working days left when paused, the extension and the count unit. */
export const deadline = deadlineBase.extend({
  remaining: z.number().nullable(),
  extendedDays: z.number(),
  countUnit: z.string(),
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
