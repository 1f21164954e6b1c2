/** Response contracts of the holiday calendar (see platform/http/contracts.ts on contract files). */
import { z } from 'zod';

export const calendarYear = z.object({
  year: z.number(),
  /** False while the year follows a provisional calendar computed from the statutory holiday rules. */
  official: z.boolean(),
  notice: z.string(),
  source: z.string(),
  holidays: z.array(z.object({ start: z.string(), end: z.string(), name: z.string() })),
  workdays: z.array(z.string()),
});

/** GET /api/calendar/years: the years around today and the reminder to load next year's notice. */
export const calendarStatus = z.object({
  today: z.string(),
  years: z.array(calendarYear),
  nextYear: z.number(),
  nextYearLoaded: z.boolean(),
  banner: z.string().nullable(),
});
