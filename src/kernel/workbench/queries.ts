/**
 * The workbench's sections, one set-based query each, scoped in SQL (org_closure through inScope /
 * matterReadable) and judging every period by deadline_status() through deadlineStatusSql(): overdue and due soon
 * mean here exactly what they mean on the matter page, the deadlines page and the indicators.
 */
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, scopeParam } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/pool.ts';
import { orgKinds } from '../../platform/orgs/kinds.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import {
  badgeLabel,
  type DeadlineBadge,
  deadlineStatusSql,
  describeDeadline,
  officeKindsSql,
} from '../deadlines/badge.ts';
import { matterReadable, matterReadParam } from '../workflow/access.ts';
import { actionLabels, matterLabels, offerRows, writingMemberships } from './offers.ts';

/** The business day, the last day counted as due soon (deadline_status' soon_cutoff) and the working calendar. */
export interface BusinessDay {
  today: string;
  soon: string;
  cal: WorkingCalendar;
}

const urgencies = ['overdue', 'dueSoon', 'other'] as const;

/**
 * Matters in a state where one of the user's writing roles, held at the owning office or above it or named for the
 * user on the matter (matter_readers.role), may take a step (the engine's own test, rolesOnMatter + the action
 * table), ranked overdue → due within 3 working days → others by their most urgent running period of the office, at most `perBucket` of each. Preconditions that need the matter's
 * history (`requires`) are left to the matter page, which says why a step is not yet possible.
 */
export async function waitingForMe(db: Queryable, actor: Actor, day: BusinessDay, perBucket: number) {
  const status = deadlineStatusSql('dl', '$4', '$5');
  const { rows } = await db.query<{
    id: number;
    line: string;
    kind: string;
    refNo: string;
    title: string;
    state: string;
    ownerOrgName: string;
    actions: string[];
    dueOn: string | null;
    badge: DeadlineBadge | null;
    onExpiry: string | null;
    urgency: number;
    bucketTotal: number;
  }>(
    `WITH offer AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS o(line text, kind text, state text, role text, action text)),
          mine AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(org_id bigint, role text)),
          waiting AS (
            SELECT s.id, array_agg(DISTINCT s.action) AS actions FROM (
              SELECT m.id, o.action
              FROM matters m
              JOIN offer o ON o.line = m.line AND o.kind = m.kind AND o.state = m.state
              JOIN mine r ON r.role = o.role
              JOIN org_closure c ON c.ancestor_id = r.org_id AND c.descendant_id = m.owner_org_id
              WHERE ${matterReadable(3)}
              UNION ALL
              SELECT m.id, o.action
              FROM matter_readers mr JOIN matters m ON m.id = mr.matter_id
              JOIN offer o ON o.line = m.line AND o.kind = m.kind AND o.state = m.state AND o.role = mr.role
              WHERE mr.user_id = $7 AND mr.role IN (SELECT role FROM mine) AND ${matterReadable(3)}) s
            GROUP BY s.id),
          ranked AS (
            SELECT w.id, w.actions, d.due_on, d.badge, d.on_expiry,
                   CASE d.badge WHEN 'overdue' THEN 0 WHEN 'dueSoon' THEN 1 ELSE 2 END AS urgency
            FROM waiting w
            LEFT JOIN LATERAL (
              SELECT dl.due_on, dl.on_expiry, ${status} AS badge FROM deadlines dl
              WHERE dl.matter_id = w.id AND dl.status = 'running' AND dl.kind IN ${officeKindsSql}
              ORDER BY ${status} = 'overdue' DESC, ${status} = 'dueSoon' DESC, dl.due_on LIMIT 1
            ) d ON true),
          numbered AS (
            SELECT r.*, row_number() OVER (PARTITION BY r.urgency ORDER BY r.due_on NULLS LAST, r.id) AS rn,
                   count(*) OVER (PARTITION BY r.urgency)::int AS bucket_total
            FROM ranked r)
     SELECT m.id, m.line, m.kind, m.ref_no AS "refNo", m.title, m.state, o.name AS "ownerOrgName",
            n.actions, n.due_on AS "dueOn", n.badge, n.on_expiry AS "onExpiry", n.urgency,
            n.bucket_total AS "bucketTotal"
     FROM numbered n JOIN matters m ON m.id = n.id JOIN orgs o ON o.id = m.owner_org_id
     WHERE n.rn <= $6
     ORDER BY n.urgency, n.rn`,
    [
      JSON.stringify(offerRows()),
      JSON.stringify(writingMemberships(actor)),
      matterReadParam(actor),
      day.today,
      day.soon,
      perBucket,
      actor.userId,
    ],
  );
  const counts = { overdue: 0, dueSoon: 0, other: 0 };
  for (const r of rows) counts[urgencies[r.urgency]!] = r.bucketTotal;
  return {
    counts,
    perBucket,
    items: rows.map((r) => ({
      matterId: r.id,
      refNo: r.refNo,
      title: r.title,
      line: r.line,
      kind: r.kind,
      state: r.state,
      ownerOrgName: r.ownerOrgName,
      ...matterLabels(r.line, r.kind, r.state),
      urgency: urgencies[r.urgency]!,
      dueOn: r.dueOn,
      badge: r.badge,
      badgeLabel: r.badge ? badgeLabel(r.badge, r.onExpiry) : null,
      actions: actionLabels(r.line, r.kind, r.actions),
    })),
  };
}

/**
 * The office's running and paused periods (the matters the user may read, as the deadlines page's 本单位 lists
 * them): how many are overdue, due soon and paused, and the `limit` most pressing, overdue first.
 */
export async function officeDeadlines(db: Queryable, actor: Actor, day: BusinessDay, limit: number) {
  const status = deadlineStatusSql('d', '$2', '$3');
  const { rows } = await db.query(
    `WITH office AS (
       SELECT d.id, d.rule_id AS "ruleId", d.rule_version AS "ruleVersion", d.status, d.due_on AS "dueOn",
              d.on_expiry AS "onExpiry", d.count_unit AS "countUnit", d.remaining, ${status} AS badge,
              m.id AS "matterId", m.ref_no AS "refNo", m.title
       FROM deadlines d JOIN matters m ON m.id = d.matter_id
       WHERE ${matterReadable(1)} AND d.status IN ('running', 'paused') AND d.kind IN ${officeKindsSql})
     SELECT o.*, count(*) FILTER (WHERE badge = 'overdue') OVER ()::int AS "nOverdue",
            count(*) FILTER (WHERE badge = 'dueSoon') OVER ()::int AS "nDueSoon",
            count(*) FILTER (WHERE badge = 'paused') OVER ()::int AS "nPaused"
     FROM office o
     ORDER BY o.badge = 'overdue' DESC, o.badge = 'dueSoon' DESC, o.badge = 'paused', o."dueOn" NULLS LAST, o.id
     LIMIT $4`,
    [matterReadParam(actor), day.today, day.soon, limit],
  );
  const first = rows[0];
  return {
    counts: {
      overdue: first?.nOverdue ?? 0,
      dueSoon: first?.nDueSoon ?? 0,
      paused: first?.nPaused ?? 0,
    },
    items: rows.map((r) => {
      const d = describeDeadline(r, day.today, day.cal);
      return {
        id: r.id,
        matterId: r.matterId,
        refNo: r.refNo,
        title: r.title,
        event: d.rule.event,
        dueOn: r.dueOn,
        badge: r.badge,
        badgeLabel: d.badgeLabel,
        daysLeft: d.daysLeft,
        dayUnit: d.dayUnit,
        remainingText: d.remainingText,
      };
    }),
  };
}

/**
 * The matters the user last registered, acted on or opened, from their own audit rows (matter.create,
 * matter.<action>, matter.view), newest first; only those they may still read.
 */
export async function recentMatters(db: Queryable, actor: Actor, limit: number) {
  const { rows } = await db.query(
    `SELECT m.id, m.line, m.kind, m.ref_no AS "refNo", m.title, m.state, o.name AS "ownerOrgName", r.at
     FROM (SELECT a.object_id::bigint AS matter_id, max(a.seq) AS seq, max(a.at) AS at
           FROM (SELECT object_id, seq, at FROM audit_log
                 WHERE actor_id = $1 AND object_type = 'matter' AND object_id ~ '^[0-9]{1,18}$'
                 ORDER BY seq DESC LIMIT 500) a
           GROUP BY a.object_id) r
     JOIN matters m ON m.id = r.matter_id JOIN orgs o ON o.id = m.owner_org_id
     WHERE ${matterReadable(2)}
     ORDER BY r.seq DESC LIMIT $3`,
    [actor.userId, matterReadParam(actor), limit],
  );
  return rows.map((r) => ({
    matterId: r.id,
    refNo: r.refNo,
    title: r.title,
    line: r.line,
    kind: r.kind,
    state: r.state,
    ownerOrgName: r.ownerOrgName,
    ...matterLabels(r.line, r.kind, r.state),
    at: r.at,
  }));
}

/** The user's unread count and latest notifications, unread ones first. */
export async function latestNotifications(db: Queryable, actor: Actor, limit: number) {
  const { rows } = await db.query(
    `SELECT id, matter_id AS "matterId", title, body, created_on AS "createdOn", read_at IS NOT NULL AS read,
            (count(*) FILTER (WHERE read_at IS NULL) OVER ())::int AS unread
     FROM notifications WHERE user_id = $1
     ORDER BY read_at IS NULL DESC, id DESC LIMIT $2`,
    [actor.userId, limit],
  );
  return { unread: rows[0]?.unread ?? 0, latest: rows.map(({ unread: _u, ...n }) => n) };
}

/** Matters with an overdue period of the office, by owning office, inside the subtrees of `roots`. */
export async function overdueByOffice(db: Queryable, actor: Actor, roots: number[], day: BusinessDay) {
  const { rows } = await db.query(
    `SELECT o.id AS "orgId", o.name AS "orgName", count(DISTINCT m.id)::int AS overdue
     FROM deadlines dl JOIN matters m ON m.id = dl.matter_id JOIN orgs o ON o.id = m.owner_org_id
     WHERE dl.status = 'running' AND dl.kind IN ${officeKindsSql}
       AND ${deadlineStatusSql('dl', '$3', '$4')} = 'overdue'
       AND ${inScope('m.owner_org_id', 1)} AND ${matterReadable(2)}
     GROUP BY o.id, o.name ORDER BY 3 DESC, o.name`,
    [roots, matterReadParam(actor), day.today, day.soon],
  );
  return rows;
}

/** A township office's matters of every line, by kind and state, with how many have an overdue period. */
export async function townshipWork(db: Queryable, actor: Actor, offices: number[], day: BusinessDay) {
  const { rows } = await db.query<{
    line: string;
    kind: string;
    state: string;
    count: number;
    overdue: number;
  }>(
    `SELECT m.line, m.kind, m.state, count(*)::int AS count,
            (count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM deadlines dl WHERE dl.matter_id = m.id AND dl.status = 'running'
                 AND dl.kind IN ${officeKindsSql} AND ${deadlineStatusSql('dl', '$3', '$4')} = 'overdue')))::int AS overdue
     FROM matters m
     WHERE ${inScope('m.owner_org_id', 1)} AND ${matterReadable(2)}
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [offices, matterReadParam(actor), day.today, day.soon],
  );
  return rows.map((r) => {
    const { terminal, ...labels } = matterLabels(r.line, r.kind, r.state);
    return { ...r, ...labels, terminal };
  });
}

/**
 * The organisations and accounts an administrator manages: counts within their org.read / user.read scope, the
 * organisation kinds from the district down (the order of orgKinds).
 */
export async function adminOverview(db: Queryable, actor: Actor) {
  const { rows } = await db.query(
    `SELECT (SELECT coalesce(json_agg(k ORDER BY array_position($3::text[], k.kind), k.kind), '[]'::json)
             FROM (SELECT o.kind, count(*)::int AS count FROM orgs o WHERE ${inScope('o.id', 1)} GROUP BY o.kind) k) AS "byKind",
            (SELECT json_build_object(
                'total', count(*)::int,
                'disabled', (count(*) FILTER (WHERE u.disabled))::int,
                'locked', (count(*) FILTER (WHERE u.locked_until > now()))::int,
                'mustChangePassword', (count(*) FILTER (WHERE u.must_change_password AND NOT u.disabled))::int)
             FROM users u
             WHERE EXISTS (SELECT 1 FROM memberships vm WHERE vm.user_id = u.id AND ${inScope('vm.org_id', 2)})) AS users`,
    [scopeParam(actor, 'org.read'), scopeParam(actor, 'user.read'), orgKinds],
  );
  const byKind = rows[0].byKind as { kind: string; count: number }[];
  return {
    orgs: { total: byKind.reduce((s, k) => s + k.count, 0), byKind },
    users: rows[0].users as { total: number; disabled: number; locked: number; mustChangePassword: number },
  };
}

/** The organisations of the user's memberships: names, kinds and region codes. */
export async function membershipOrgs(db: Queryable, actor: Actor) {
  const { rows } = await db.query<{ id: number; name: string; kind: string; regionCode: string }>(
    `SELECT id::int, name, kind, region_code AS "regionCode" FROM orgs WHERE id = ANY($1::bigint[]) ORDER BY id`,
    [[...new Set(actor.memberships.map((m) => m.orgId))]],
  );
  return new Map(rows.map((r) => [Number(r.id), r]));
}
