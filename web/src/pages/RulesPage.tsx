// 期限规则: every statutory period the platform counts, with its legal basis, kind, length, whether the
// wording was checked against the statute, and when it is in force.
import { Alert, Card, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import { CitationLink } from '../components/DeadlineBadge.tsx';
import type { Rule } from '../kernel/types.ts';

export default function RulesPage() {
  const { t } = useTranslation();
  const [rules, setRules] = useState<Rule[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [line, setLine] = useState<string | undefined>();
  const [q, setQ] = useState('');

  useEffect(() => {
    api
      .get<Rule[]>('/api/rules')
      .then(setRules)
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setLoading(false));
  }, []);

  const lineOptions = useMemo(
    () =>
      [...new Map(rules.map((r) => [r.line, r.lineName])).entries()].map(([value, label]) => ({
        value,
        label,
      })),
    [rules],
  );
  const shown = rules.filter(
    (r) =>
      (!line || r.line === line) &&
      (!q || `${r.id} ${r.event} ${r.citation.law} ${r.citation.text}`.includes(q.trim())),
  );

  const columns: ColumnsType<Rule> = [
    { title: t('rules.line'), dataIndex: 'lineName', width: 100 },
    {
      title: t('rules.event'),
      width: 300,
      render: (_, r) => (
        <>
          <div>{r.event}</div>
          <Typography.Text type="secondary" className="mono">
            {r.id}
          </Typography.Text>
        </>
      ),
    },
    { title: t('rules.kind'), dataIndex: 'kindLabel', width: 96, render: (v: string) => <Tag>{v}</Tag> },
    {
      title: t('rules.period'),
      width: 110,
      render: (_, r) =>
        r.count != null
          ? t(`deadline.count.${r.unit}`, { count: r.count, defaultValue: `${r.count} ${r.unit}` })
          : '—',
    },
    {
      title: t('deadline.basis'),
      render: (_, r) => <CitationLink citation={r.citation} verified={r.verified} />,
    },
    {
      title: t('rules.verified'),
      width: 90,
      render: (_, r) =>
        r.verified ? (
          <Tag color="green">{t('rules.yes')}</Tag>
        ) : (
          <Tag color="warning">{t('deadline.unverified')}</Tag>
        ),
    },
    {
      title: t('rules.inForce'),
      width: 180,
      render: (_, r) => t('rules.inForceRange', { from: r.inForceFrom, to: r.inForceTo ?? t('rules.now') }),
    },
  ];

  return (
    <Card size="small" title={t('menu.rules')}>
      <div className="page-toolbar">
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('rules.line')}
          value={line}
          options={lineOptions}
          onChange={(v?: string) => setLine(v)}
        />
        <Input.Search allowClear style={{ width: 260 }} placeholder={t('rules.search')} onSearch={setQ} />
        <span className="spacer" />
        <Typography.Text type="secondary">{t('common.total', { count: shown.length })}</Typography.Text>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Rule>
        size="small"
        bordered
        rowKey={(r) => `${r.id}@${r.version}`}
        tableLayout="fixed"
        loading={loading}
        columns={columns}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        expandable={{
          rowExpandable: (r) => !!r.notes || !!r.onExpiry,
          expandedRowRender: (r) => (
            <>
              {r.onExpiry && <div>{t('deadline.onExpiry', { text: r.onExpiry })}</div>}
              {r.notes && <div className="muted">{r.notes}</div>}
            </>
          ),
        }}
        data-testid="rules-table"
      />
    </Card>
  );
}
