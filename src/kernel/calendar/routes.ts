import { z } from 'zod';
import { assertDistrictLevel } from '../../platform/access/actor.ts';
import type { Db } from '../../platform/db/pool.ts';
import type { App } from '../../platform/http/app.ts';
import { errorResponses } from '../../platform/http/contracts.ts';
import { calendarStatus, loadHolidayNotice } from './admin.ts';
import { calendarStatus as calendarStatusBody, holidayNoticeLoaded } from './contracts.ts';
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
        summary: '载入国务院办公厅节假日安排通知，并重算所有计算中的期限',
        params: z.object({ year: z.coerce.number().int() }),
        body: z.object({
          notice: z.string().min(1, '请填写通知名称及文号').max(200, '通知名称及文号最多 200 字'),
          source: z.string().max(500, '来源最多 500 字').default(''),
          holidays: z
            .array(z.object({ start: z.string().max(10), end: z.string().max(10), name: z.string().max(20) }))
            .max(20, '节假日最多 20 段'),
          workdays: z.array(z.string().max(10)).max(20, '调休上班日最多 20 天'),
        }),
        response: { 200: holidayNoticeLoaded, ...errorResponses },
      },
    },
    async (req) => {
      // A notice moves every running deadline of the district: township administrators may not load one.
      await assertDistrictLevel(db, req.actor, 'calendar.manage', '载入节假日安排通知');
      return loadHolidayNotice(db, req.actor, { ...req.body, year: req.params.year, provisional: false });
    },
  );
}
