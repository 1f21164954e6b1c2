import { z } from 'zod';
import { assertDistrictLevel } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { pendingChange } from '../changes/contracts.ts';
import { changeView } from '../changes/routes.ts';
import { propose } from '../changes/store.ts';
import { calendarStatus, checkedNotice } from './admin.ts';
import { calendarStatus as calendarStatusBody } from './contracts.ts';
import { todayInChina } from './dates.ts';

export async function calendarRoutes(app: App, { db, today }: { db: Db; today?: () => string }) {
  const todayOf = today ?? (() => todayInChina());
  app.get(
    '/api/calendar/years',
    {
      schema: {
        tags: ['calendar'],
        summary: '各年度节假日安排（正式通知或暂定）及提醒',
        response: { 200: calendarStatusBody, ...errorResponses },
      },
    },
    async () => calendarStatus(db, todayOf()),
  );

  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary:
          '提出载入国务院办公厅节假日安排通知：待另一位区级管理员确认后生效，并在确认时重算所有计算中的期限',
        params: z.object({ year: z.coerce.number().int() }),
        body: z.object({
          notice: z.string().min(1, '请填写通知名称及文号').max(200, '通知名称及文号最多 200 字'),
          source: z.string().max(500, '来源最多 500 字').default(''),
          holidays: z
            .array(z.object({ start: z.string().max(10), end: z.string().max(10), name: z.string().max(20) }))
            .max(20, '节假日最多 20 段'),
          workdays: z.array(z.string().max(10)).max(20, '调休上班日最多 20 天'),
          reason: z.string().trim().max(500, '理由最多 500 字').optional(),
        }),
        response: { 201: pendingChange, ...errorResponses },
      },
    },
    async (req, reply) => {
      // A notice moves every running deadline of the district: township administrators may not load one, and a
      // district administrator only proposes it; it takes effect when another confirms (kernel/changes).
      await assertDistrictLevel(db, req.actor, 'calendar.manage', '载入节假日安排通知');
      const { reason, ...body } = req.body;
      const notice = checkedNotice({ ...body, year: req.params.year, provisional: false });
      const id = await propose(db, req.actor, {
        kind: 'calendar',
        subject: String(notice.year),
        payload: notice,
        reason: reason || `载入${notice.notice}`.slice(0, 500),
      });
      return reply.code(201).send(await changeView(db, req.actor, id));
    },
  );
}
