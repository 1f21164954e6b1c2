/** Response contract of the workbench (工作台), GET /api/workbench (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';
import { timestamp } from '../../platform/http/contracts.ts';
import { deadlineBadge } from '../deadlines/contracts.ts';

/** A matter as the workbench lists it: enough to recognise it and open its page. */
const matterRef = z.object({
  matterId: z.number(),
  line: z.string(),
  lineLabel: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  ownerOrgName: z.string(),
});

/** overdue: a period of the office has run out; dueSoon: one ends within 3 working days; other: the rest. */
export const urgency = z.enum(['overdue', 'dueSoon', 'other']);

/** A matter in a state where the user's roles may take a step, with its most urgent running period. */
export const waitingItem = matterRef.extend({
  urgency,
  /** The most urgent running period of the office (overdue first, then the nearest), if any. */
  dueOn: z.string().nullable(),
  badge: deadlineBadge.nullable(),
  badgeLabel: z.string().nullable(),
  /** Up to three steps the user's roles may take in this state: primary steps first, then those that move it on. */
  actions: z.array(z.string()),
});

/** A running or paused period of the office, with the server's words for it (剩 2 个工作日, 已超期 3 个工作日). */
export const officeDeadline = z.object({
  id: z.number(),
  matterId: z.number(),
  refNo: z.string(),
  title: z.string(),
  /** The event the period runs to, from its rule (作出行政复议决定). */
  event: z.string(),
  dueOn: z.string().nullable(),
  badge: deadlineBadge,
  badgeLabel: z.string(),
  /** Days to the due date (negative once past) in the rule's unit, for the client's own words; and the server's. */
  daysLeft: z.number().nullable(),
  dayUnit: z.enum(['working', 'calendar']).nullable(),
  remainingText: z.string().nullable(),
});

export const recentMatter = matterRef.extend({
  /** When the user last created, acted on or opened it (audit trail). */
  at: timestamp,
});

export const workbenchNotification = z.object({
  id: z.number(),
  matterId: z.number().nullable(),
  title: z.string(),
  body: z.string(),
  createdOn: z.string(),
  read: z.boolean(),
});

export const creatableKind = z.object({
  line: z.string(),
  lineLabel: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  /** The intake's label (登记行政复议申请). */
  createLabel: z.string(),
});

export const keyIndicator = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number(),
  previous: z.number(),
  yoy: z.number().nullable(),
  yoyText: z.string(),
});

export const workbench = z.object({
  /** The business date the figures are judged on, and the last day counted as due soon. */
  today: z.string(),
  soonCutoff: z.string(),
  /** Sections shown by the user's roles: null where they do not apply. */
  waiting: z
    .object({
      counts: z.object({ overdue: z.number(), dueSoon: z.number(), other: z.number() }),
      /** At most `perBucket` matters of each urgency, overdue first. */
      perBucket: z.number(),
      items: z.array(waitingItem),
    })
    .nullable(),
  officeDeadlines: z
    .object({
      counts: z.object({ overdue: z.number(), dueSoon: z.number(), paused: z.number() }),
      items: z.array(officeDeadline),
    })
    .nullable(),
  recent: z.array(recentMatter).nullable(),
  notifications: z.object({ unread: z.number(), latest: z.array(workbenchNotification) }),
  /** The kinds the user's roles may register, by the office of the membership that allows it. */
  creatable: z.array(z.object({ orgId: z.number(), orgName: z.string(), kinds: z.array(creatableKind) })),
  leader: z
    .object({
      year: z.number(),
      region: z.string(),
      /** The organisation whose subtree the figures cover (the leader's office). */
      orgId: z.number(),
      orgName: z.string(),
      indicators: z.array(keyIndicator),
      /** Matters with an overdue period, by owning office (offices with none are left out). */
      overdueByOffice: z.array(z.object({ orgId: z.number(), orgName: z.string(), overdue: z.number() })),
    })
    .nullable(),
  township: z
    .object({
      offices: z.array(z.object({ orgId: z.number(), orgName: z.string() })),
      /** The offices' matters of every line, by kind and state. */
      byState: z.array(
        z.object({
          line: z.string(),
          lineLabel: z.string(),
          kind: z.string(),
          kindLabel: z.string(),
          state: z.string(),
          stateLabel: z.string(),
          terminal: z.boolean(),
          count: z.number(),
          overdue: z.number(),
        }),
      ),
    })
    .nullable(),
  admin: z
    .object({
      orgs: z.object({
        total: z.number(),
        byKind: z.array(z.object({ kind: z.string(), count: z.number() })),
      }),
      users: z.object({
        total: z.number(),
        disabled: z.number(),
        locked: z.number(),
        mustChangePassword: z.number(),
      }),
    })
    .nullable(),
});
