import { z } from 'zod';
import { assertCan } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses, noContent } from '../../platform/http/contracts.ts';
import { todayInChina } from '../calendar/index.ts';
import { currentCalendar } from '../calendar/service.ts';
import { matterReadable, matterReadParam } from '../workflow/access.ts';
import { deadlineStatusSql, describeDeadline, officeKindsSql, statusDates } from './badge.ts';
import { deadlineList, notification } from './contracts.ts';

export async function deadlineRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const todayOf = today ?? (() => todayInChina());

  app.get(
    '/api/deadlines',
    {
      schema: {
        tags: ['deadlines'],
        summary: '期限一览：我的 / 本单位（权限范围内）；超期、N个工作日内到期、已中止；每条附剩余天数',
        querystring: z.object({
          scope: z.enum(['mine', 'office']).default('mine'),
          filter: z.enum(['overdue', 'dueWithin', 'paused', 'all']).default('dueWithin'),
          within: z.coerce.number().int().min(0).max(60).default(5),
          line: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(100),
        }),
        response: { 200: deadlineList, ...errorResponses },
      },
    },
    async (req) => {
      assertCan(req.actor, 'matter.read');
      const q = req.query;
      const today = todayOf();
      const cal = await currentCalendar(db);
      const cutoff = cal.addWorkingDays(today, q.within).due;
      const status = deadlineStatusSql('d', '$6', '$9');
      const { rows } = await db.query(
        `SELECT d.id, d.key, d.rule_id AS "ruleId", d.rule_version AS "ruleVersion", d.kind, d.start_on AS "startOn",
                d.due_on AS "dueOn", d.status, d.provisional, d.paused_on AS "pausedOn", d.ended_on AS "endedOn",
                d.on_expiry AS "onExpiry", d.count_unit AS "countUnit", d.remaining, ${status} AS badge,
                m.id AS "matterId", m.ref_no AS "refNo", m.title, m.line, m.kind AS "matterKind", m.state
         FROM deadlines d JOIN matters m ON m.id = d.matter_id
         WHERE ${matterReadable(1)}
           AND d.status IN ('running', 'paused') AND d.kind IN ${officeKindsSql}
           AND ($2::text = 'office' OR m.created_by = $3)
           AND ($4::text IS NULL OR m.line = $4)
           AND CASE $5::text WHEN 'overdue' THEN ${status} = 'overdue'
                             WHEN 'dueWithin' THEN ${status} IN ('overdue', 'dueSoon', 'running', 'guideline')
                                                   AND d.due_on <= $7::date
                             WHEN 'paused' THEN d.status = 'paused'
                             ELSE true END
         ORDER BY d.due_on NULLS LAST, d.id LIMIT $8`,
        [
          matterReadParam(req.actor),
          q.scope,
          req.actor.userId,
          q.line ?? null,
          q.filter,
          today,
          cutoff,
          q.limit,
          statusDates(cal, today).soon,
        ],
      );
      return { today, cutoff, items: rows.map((d) => describeDeadline(d, today, cal)) };
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['deadlines'],
        summary: '站内通知（期限提醒与每日汇总）',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(notification), ...errorResponses },
      },
    },
    async (req) => {
      const { rows } = await db.query(
        `SELECT id, kind, matter_id AS "matterId", title, body, created_on AS "createdOn", read_at AS "readAt"
         FROM notifications WHERE user_id = $1 AND ($2::boolean IS NULL OR (read_at IS NULL) = $2)
         ORDER BY id DESC LIMIT 100`,
        [req.actor.userId, req.query.unread === undefined ? null : req.query.unread === 'true'],
      );
      return rows;
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['deadlines'],
        summary: '标记通知为已读',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await db.query(
        'UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL',
        [req.params.id, req.actor.userId],
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['deadlines'],
        summary: '全部标记为已读',
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await db.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [
        req.actor.userId,
      ]);
      return reply.code(204).send();
    },
  );
}
