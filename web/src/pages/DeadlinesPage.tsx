// 期限一览: running and paused deadlines of my matters or of my whole office, filtered by "due within N
// working days", overdue or paused; each row shows the days left (or its status), the rule's basis and links to
// its matter.
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, InputNumber, Radio, Select, Space, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api.ts';
import { CitationLink, DeadlineStatus, ProvisionalTag } from '../components/DeadlineBadge.tsx';
import type { DeadlineRow } from '../kernel/types.ts';
import { useLines } from '../kernel/useLines.ts';

type Scope = 'mine' | 'office';
type Filter = 'dueWithin' | 'overdue' | 'paused' | 'all';

interface Page {
  today: string;
  cutoff: string;
  items: DeadlineRow[];
}

export default function DeadlinesPage() {
  const { t } = useTranslation();
  const lines = useLines();
  // The workbench's figures open this page on a scope and filter (?scope=office&filter=overdue&within=3).
  const [params] = useSearchParams();
  const [scope, setScope] = useState<Scope>(params.get('scope') === 'office' ? 'office' : 'mine');
  const [filter, setFilter] = useState<Filter>(() => {
    const f = params.get('filter');
    return f === 'overdue' || f === 'paused' || f === 'all' ? f : 'dueWithin';
  });
  const [within, setWithin] = useState(() => Number(params.get('within') ?? 5) || 0);
  const [line, setLine] = useState<string | undefined>();
  const [data, setData] = useState<Page | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api.get<Page>('/api/deadlines', { scope, filter, within, line, limit: 200 }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [scope, filter, within, line]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns: ColumnsType<DeadlineRow> = [
    {
      title: t('deadline.status'),
      width: 150,
      render: (_, d) => <DeadlineStatus d={d} testId={`deadlines-badge-${d.id}`} />,
    },
    {
      title: t('deadline.due'),
      width: 170,
      render: (_, d) => (
        <Space size={4}>
          <Typography.Text strong={d.badge === 'overdue' || d.badge === 'dueSoon'}>
            {d.status === 'paused'
              ? t('deadline.pausedSince', { date: d.pausedOn ?? '—' })
              : (d.dueOn ?? '—')}
          </Typography.Text>
          {d.provisional && <ProvisionalTag />}
        </Space>
      ),
    },
    {
      title: t('deadline.matter'),
      render: (_, d) => (
        <Link to={`/matters/${d.matterId}`} data-testid={`deadlines-matter-${d.matterId}`}>
          {d.refNo} {d.title}
        </Link>
      ),
    },
    {
      title: t('deadline.event'),
      width: 200,
      render: (_, d) => (
        <>
          {d.rule.event} <Typography.Text type="secondary">（{d.rule.kindLabel}）</Typography.Text>
        </>
      ),
    },
    {
      title: t('deadline.basis'),
      width: 280,
      render: (_, d) => <CitationLink citation={d.rule.citation} verified={d.rule.verified} />,
    },
    {
      title: t('deadline.matterState'),
      width: 100,
      render: (_, d) => lines.stateLabel(d.line, d.matterKind, d.state),
    },
  ];

  return (
    <Card size="small" title={t('menu.deadlines')}>
      <Tabs
        activeKey={scope}
        onChange={(k) => setScope(k as Scope)}
        items={[
          { key: 'mine', label: <span data-testid="deadlines-tab-mine">{t('deadline.mine')}</span> },
          { key: 'office', label: <span data-testid="deadlines-tab-office">{t('deadline.office')}</span> },
        ]}
      />
      <div className="page-toolbar">
        <Radio.Group
          value={filter}
          optionType="button"
          onChange={(e) => setFilter(e.target.value as Filter)}
          options={[
            { value: 'dueWithin', label: t('deadline.filter.dueWithin') },
            { value: 'overdue', label: t('deadline.filter.overdue') },
            { value: 'paused', label: t('deadline.filter.paused') },
            { value: 'all', label: t('deadline.filter.all') },
          ]}
          data-testid="deadlines-filter"
        />
        {filter === 'dueWithin' && (
          <Space size={4}>
            <InputNumber
              min={0}
              max={60}
              value={within}
              onChange={(v) => setWithin(v ?? 0)}
              style={{ width: 72 }}
              data-testid="deadlines-within"
            />
            <span>{t('deadline.workingDaysWithin')}</span>
          </Space>
        )}
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('matters.line')}
          value={line}
          options={lines.lines.map((l) => ({ value: l.id, label: l.label }))}
          onChange={(v?: string) => setLine(v)}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {t('common.refresh')}
        </Button>
        <span className="spacer" />
        {data && filter === 'dueWithin' && (
          <Typography.Text type="secondary">
            {t('deadline.cutoff', { today: data.today, cutoff: data.cutoff })}
          </Typography.Text>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<DeadlineRow>
        size="small"
        bordered
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowClassName={(d) => `deadline-row-${d.badge}`}
        locale={
          scope === 'mine'
            ? {
                // "Mine" is what this user registered; a newcomer (or a leader) has none, the office has many.
                emptyText: (
                  <Space orientation="vertical" size={4} style={{ padding: 16 }}>
                    <span>{t('deadline.mineEmpty')}</span>
                    <Button
                      size="small"
                      onClick={() => setScope('office')}
                      data-testid="deadlines-show-office"
                    >
                      {t('deadline.showOffice')}
                    </Button>
                  </Space>
                ),
              }
            : undefined
        }
        data-testid="deadlines-table"
      />
    </Card>
  );
}
