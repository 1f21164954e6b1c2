// The server's business date (Asia/Shanghai, or the date a test or demo fixes), so "days left" and default
// years agree with the server's badges; the browser's own Beijing date is used until it arrives.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { todayInBeijing } from './dates.ts';
import type { CalendarStatus } from './types.ts';

let cached: Promise<string> | null = null;

export function useToday(): string {
  const [today, setToday] = useState(todayInBeijing);
  useEffect(() => {
    let live = true;
    cached ??= api
      .get<CalendarStatus>('/api/calendar/years')
      .then((s) => s.today)
      .catch(() => {
        cached = null;
        return todayInBeijing();
      });
    void cached.then((d) => live && setToday(d));
    return () => {
      live = false;
    };
  }, []);
  return today;
}
