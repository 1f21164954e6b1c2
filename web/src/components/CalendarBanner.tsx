// For calendar administrators only: an app-wide warning when next year's holiday notice is not loaded (the
// server starts saying so on 1 November), because deadlines running into that year are only provisional.
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import type { CalendarStatus } from '../kernel/types.ts';

export function CalendarBanner() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const admin = can('calendar.manage');
  const [banner, setBanner] = useState<string | null>(null);

  useEffect(() => {
    if (!admin) return;
    api
      .get<CalendarStatus>('/api/calendar/years')
      .then((s) => setBanner(s.banner))
      .catch(() => setBanner(null)); // the calendar page itself reports load errors
  }, [admin]);

  if (!banner) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      title={banner}
      action={
        <Button size="small" onClick={() => navigate('/admin/calendar')}>
          {t('calendar.loadNotice')}
        </Button>
      }
      data-testid="calendar-banner"
    />
  );
}
