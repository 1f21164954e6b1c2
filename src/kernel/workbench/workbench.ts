/**
 * The workbench (工作台): where a working day starts. Which sections a user gets follows from their memberships:
 * matter writers see what waits for them, readers their office's periods and their recent matters, leaders the key
 * figures of their scope, township offices (司法所) their work across lines, administrators the organisation
 * overview. Two rounds of queries: the calendar and the membership orgs, then every section at once.
 */
import type { Actor } from '../../platform/access/actor.ts';
import { can } from '../../platform/access/actor.ts';
import { inParallel, type Queryable } from '../../platform/db/pool.ts';
import { currentCalendar } from '../calendar/service.ts';
import { statusDates } from '../deadlines/badge.ts';
import { indicatorValue } from '../indicators/compute.ts';
import { allIndicators } from '../indicators/registry.ts';
import { creatableByMembership } from './offers.ts';
import {
  adminOverview,
  type BusinessDay,
  latestNotifications,
  membershipOrgs,
  officeDeadlines,
  overdueByOffice,
  recentMatters,
  townshipWork,
  waitingForMe,
} from './queries.ts';

/** How many matters of each urgency, periods, recent matters and notifications the page lists. */
export const WORKBENCH_LIMITS = { perBucket: 8, deadlines: 6, recent: 8, notifications: 5 } as const;

export async function loadWorkbench(db: Queryable, actor: Actor, today: string) {
  const [cal, orgs] = await inParallel(db, [() => currentCalendar(db), () => membershipOrgs(db, actor)]);
  const day: BusinessDay = { today, soon: statusDates(cal, today).soon, cal };
  const roles = new Set(actor.memberships.map((m) => m.role));
  const writes = can(actor, 'matter.write');
  const reads = can(actor, 'matter.read');

  // A leader's figures cover the subtree of their (first) leader membership, in the district of that office.
  const leaderOrg = orgs.get(actor.memberships.find((m) => m.role === 'leader')?.orgId ?? -1);
  const year = Number(today.slice(0, 4));
  const region = leaderOrg?.regionCode.slice(0, 6) ?? '';
  const keyIds = allIndicators()
    .filter((d) => d.key)
    .map((d) => d.id);
  const offices = [...orgs.values()].filter((o) => o.kind === 'justiceOffice');
  const none = async () => null;

  const [waiting, deadlines, recent, notifications, indicators, overdue, township, admin, creatable] =
    await inParallel(db, [
      () => (writes ? waitingForMe(db, actor, day, WORKBENCH_LIMITS.perBucket) : none()),
      () => (reads ? officeDeadlines(db, actor, day, WORKBENCH_LIMITS.deadlines) : none()),
      () => (reads ? recentMatters(db, actor, WORKBENCH_LIMITS.recent) : none()),
      () => latestNotifications(db, actor, WORKBENCH_LIMITS.notifications),
      () =>
        leaderOrg && can(actor, 'report.read')
          ? Promise.all(
              keyIds.map((id) => indicatorValue(db, actor, id, { year, region, org: leaderOrg.id, today })),
            )
          : none(),
      () => (leaderOrg ? overdueByOffice(db, actor, [leaderOrg.id], day) : none()),
      () =>
        offices.length && reads
          ? townshipWork(
              db,
              actor,
              offices.map((o) => o.id),
              day,
            )
          : none(),
      () => (roles.has('admin') ? adminOverview(db, actor) : none()),
      () => creatableByMembership(db, actor),
    ]);

  return {
    today,
    soonCutoff: day.soon,
    waiting,
    officeDeadlines: deadlines,
    recent,
    notifications,
    creatable: creatable.map((c) => ({ ...c, orgName: orgs.get(c.orgId)?.name ?? '' })),
    leader:
      leaderOrg && indicators && overdue
        ? {
            year,
            region,
            orgId: leaderOrg.id,
            orgName: leaderOrg.name,
            indicators: indicators.map((v) => ({
              id: v.id,
              name: v.name,
              unit: v.unit,
              value: v.value,
              previous: v.previous,
              yoy: v.yoy,
              yoyText: v.yoyText,
            })),
            overdueByOffice: overdue,
          }
        : null,
    township: township
      ? { offices: offices.map((o) => ({ orgId: o.id, orgName: o.name })), byState: township }
      : null,
    admin,
  };
}
