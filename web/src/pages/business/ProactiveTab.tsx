// 主动服务清单: the records that may be repaired from this month, so the bureau calls the enterprise first.
import { Alert, Checkbox, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../../api.ts';
import { useToday } from '../../kernel/useToday.ts';
import type { ProactiveRecord } from '../../types.ts';

const severities: Record<string, string> = { minor: '轻微', general: '一般', serious: '严重' };

export default function ProactiveTab() {
  const { t } = useTranslation();
  const today = useToday();
  const [picked, setMonth] = useState<string | null>(null);
  const month = picked ?? today.slice(0, 7);
  const [unknown, setUnknown] = useState(false);
  const [rows, setRows] = useState<ProactiveRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // A month changed quickly: only the list of the month now shown may land, never a late answer for another.
    let live = true;
    api
      .get<ProactiveRecord[]>('/api/lines/creditRepair/proactive', { month, unknown: String(unknown) })
      .then((r) => {
        if (!live) return;
        setRows(r);
        setError(null);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [month, unknown]);
  const columns: ColumnsType<ProactiveRecord> = [
    {
      title: t('business.subject'),
      dataIndex: 'subject',
      render: (s, r) => <Link to={`/matters/${r.matterId}`}>{s}</Link>,
    },
    { title: t('business.organ'), dataIndex: 'decidingOrgan', responsive: ['lg'] },
    { title: t('business.decidedOn'), dataIndex: 'decidedOn', width: 110 },
    {
      title: t('business.severity'),
      dataIndex: 'severity',
      width: 90,
      render: (s: string) => severities[s] ?? s,
    },
    { title: t('business.eligibleOn'), dataIndex: 'eligibleOn', width: 130, render: (d, r) => d ?? r.reason },
    {
      title: t('business.law'),
      dataIndex: 'law',
      responsive: ['xl'],
      render: (l: string, r) => (
        <Space size={4} wrap>
          <span>{l}</span>
          {!r.verified && <Tag color="warning">{t('business.unverified')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('business.guided'),
      dataIndex: 'guided',
      width: 80,
      render: (g: boolean) => (g ? <Tag color="success">✓</Tag> : null),
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {error && <Alert type="error" message={error} showIcon />}
      <span className="muted">{t('business.proactiveIntro')}</span>
      <Space wrap>
        <span>{t('business.month')}</span>
        <Input type="month" value={month} onChange={(e) => setMonth(e.target.value)} style={{ width: 160 }} />
        <Checkbox checked={unknown} onChange={(e) => setUnknown(e.target.checked)}>
          {t('business.showUnknown')}
        </Checkbox>
      </Space>
      <Table
        rowKey="matterId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
      />
    </Space>
  );
}
