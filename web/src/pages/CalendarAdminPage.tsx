// 节假日日历: for each year around today, whether the official State Council notice is loaded or the
// calendar is provisional, with its holidays and adjusted working days; administrators load new notices here.
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import { HolidayNoticeModal } from '../components/HolidayNoticeModal.tsx';
import { PendingChanges } from '../components/PendingChanges.tsx';
import type { CalendarStatus, CalendarYear } from '../kernel/types.ts';

/** A notice's source: addresses become links, the rest (e.g. "新华社全文转载") stays text. */
function SourceText({ text }: { text: string }) {
  // Keyed by position in the text: the same address may appear twice, and the parts never reorder.
  let at = 0;
  const parts = text.split(/(https?:\/\/\S+)/).map((part) => {
    const key = `${at}`;
    at += part.length;
    return { key, part };
  });
  return (
    <span>
      {parts.map(({ key, part }) =>
        /^https?:\/\//.test(part) ? (
          <Typography.Link key={key} href={part} target="_blank" rel="noreferrer">
            {part}
          </Typography.Link>
        ) : (
          <span key={key}>{part}</span>
        ),
      )}
    </span>
  );
}

function YearCard({ y }: { y: CalendarYear }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`calendar-year-${y.year}`}
      title={
        <Space>
          <span>{t('calendar.yearTitle', { year: y.year })}</span>
          {y.official ? (
            <Tag color="green" data-testid={`calendar-official-${y.year}`}>
              {t('calendar.official')}
            </Tag>
          ) : (
            <Tag color="gold" data-testid={`calendar-provisional-${y.year}`}>
              {t('calendar.provisional')}
            </Tag>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'notice', label: t('calendar.notice'), children: y.notice },
          ...(y.source
            ? [
                {
                  key: 'source',
                  label: t('calendar.source'),
                  children: <SourceText text={y.source} />,
                },
              ]
            : []),
          {
            key: 'workdays',
            label: t('calendar.workdays'),
            children: y.workdays.length ? y.workdays.join(t('common.listSep')) : t('common.none'),
          },
        ]}
      />
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(h) => `${h.name}-${h.start}`}
        dataSource={y.holidays}
        columns={[
          { title: t('calendar.holiday'), dataIndex: 'name', width: 140 },
          {
            title: t('calendar.range'),
            render: (_, h) => (h.start === h.end ? h.start : `${h.start} ~ ${h.end}`),
          },
        ]}
      />
    </Card>
  );
}

export default function CalendarAdminPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CalendarStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setOpen] = useState(false);
  const [proposed, setProposed] = useState(0);

  const load = useCallback(async () => {
    try {
      setStatus(await api.get<CalendarStatus>('/api/calendar/years'));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card
      size="small"
      title={t('menu.calendar')}
      extra={
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          onClick={() => setOpen(true)}
          data-testid="calendar-load"
        >
          {t('calendar.loadNotice')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {status?.banner && <Alert type="warning" showIcon title={status.banner} style={{ marginBottom: 12 }} />}
      <Card
        size="small"
        title={t('changes.title')}
        style={{ marginBottom: 12 }}
        data-testid="calendar-pending"
      >
        <Typography.Paragraph type="secondary">{t('changes.intro')}</Typography.Paragraph>
        <PendingChanges kind="calendar" reloadKey={proposed} onDecided={() => void load()} />
      </Card>
      <div className="calendar-years">
        {status?.years.map((y) => (
          <YearCard key={y.year} y={y} />
        ))}
      </div>
      <HolidayNoticeModal
        open={loading}
        defaultYear={status?.nextYear ?? new Date().getFullYear() + 1}
        onClose={() => setOpen(false)}
        onLoaded={() => setProposed((n) => n + 1)}
      />
    </Card>
  );
}
