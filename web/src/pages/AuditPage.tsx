// 审计日志: newest first, keyset paging ("load more" with nextBefore), filters, and a hash-chain check.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import { formatShanghai, useLabels } from '../components/labels.ts';
import type { AuditEntry, AuditOutcome, AuditPage as AuditPageData, AuditVerify } from '../types.ts';

interface Filters {
  action?: string;
  actor?: string;
  outcome?: AuditOutcome;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE = 50;
const outcomeColour: Record<AuditOutcome, string> = { success: 'green', failure: 'red', denied: 'orange' };

function toQuery(f: Filters) {
  return {
    action: f.action?.trim(),
    actor: f.actor?.trim(),
    outcome: f.outcome,
    // The server reads these as Beijing-time calendar days, "to" inclusive.
    from: f.range?.[0]?.format('YYYY-MM-DD'),
    to: f.range?.[1]?.format('YYYY-MM-DD'),
  };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [verifying, setVerifying] = useState(false);

  const fetchPage = useCallback(
    async (before: number | null) => {
      setLoading(true);
      try {
        const page = await api.get<AuditPageData>('/api/audit', { ...toQuery(filters), before, limit: PAGE });
        setRows((prev) => (before == null ? page.items : [...prev, ...page.items]));
        setNextBefore(page.nextBefore);
        setError(null);
      } catch (err) {
        setError(errorMessage(err));
      } finally {
        setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    void fetchPage(null);
  }, [fetchPage]);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.get<AuditVerify>('/api/audit/verify'));
    } catch (err) {
      setVerify(null);
      setError(errorMessage(err));
    } finally {
      setVerifying(false);
    }
  };

  const actionOptions = useMemo(() => {
    const known = t('audit.actions', { returnObjects: true }) as Record<string, string>;
    const prefixes = [...new Set(Object.keys(known).map((k) => `${k.split('.')[0]}.`))];
    return [
      ...prefixes.map((p) => ({ value: p, label: p })),
      ...Object.entries(known).map(([k, v]) => ({ value: k, label: `${k}  ${v}` })),
    ];
  }, [t]);

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatShanghai(v) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 180,
      ellipsis: true,
      render: (name: string | null, r) => (
        <>
          {name ?? '—'}
          {r.actorId != null && <Typography.Text type="secondary"> #{r.actorId}</Typography.Text>}
        </>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 240,
      ellipsis: true,
      render: (a: string) => (
        <span title={a} style={{ whiteSpace: 'nowrap' }}>
          {labels.action(a)}
          {labels.action(a) !== a && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              {a}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('audit.object'),
      width: 130,
      render: (_, r) => (r.objectType ? `${r.objectType}${r.objectId ? ` #${r.objectId}` : ''}` : '—'),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (o: AuditOutcome) => (
        <Tag color={outcomeColour[o] ?? 'default'}>{t(`audit.outcomes.${o}`, { defaultValue: o })}</Tag>
      ),
    },
    {
      title: t('audit.summary'),
      dataIndex: 'summary',
      ellipsis: true,
      render: (s: unknown) =>
        s == null ? '' : <Typography.Text type="secondary">{JSON.stringify(s)}</Typography.Text>,
    },
  ];

  return (
    <Card
      size="small"
      title={t('menu.audit')}
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verifying}
          onClick={() => void runVerify()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {verify && (
        <Alert
          closable={{ onClose: () => setVerify(null) }}
          showIcon
          type={verify.ok ? 'success' : 'error'}
          title={
            verify.ok
              ? t('audit.verifyOk', { rows: verify.rows })
              : t('audit.verifyBroken', {
                  seq: verify.brokenSeq ?? '?',
                  rows: verify.rows,
                  reason: verify.reason ?? '',
                })
          }
          style={{ marginBottom: 12 }}
          data-testid="audit-verify-result"
        />
      )}
      <Form<Filters>
        form={form}
        layout="inline"
        className="page-toolbar"
        onFinish={(v) => setFilters({ ...v })}
      >
        <Form.Item name="action">
          <AutoComplete
            options={actionOptions}
            style={{ width: 220 }}
            placeholder={t('audit.actionFilter')}
            allowClear
          >
            <Input data-testid="audit-filter-action" />
          </AutoComplete>
        </Form.Item>
        <Form.Item name="actor">
          <Input
            style={{ width: 150 }}
            placeholder={t('audit.actorFilter')}
            allowClear
            data-testid="audit-filter-actor"
          />
        </Form.Item>
        <Form.Item name="outcome">
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('audit.outcomeFilter')}
            options={(['success', 'failure', 'denied'] as const).map((o) => ({
              value: o,
              label: t(`audit.outcomes.${o}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setFilters({});
          }}
        >
          {t('common.reset')}
        </Button>
        <span className="spacer" />
        <Typography.Text type="secondary">{t('audit.timeZone')}</Typography.Text>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<AuditEntry>
        size="small"
        bordered
        rowKey="seq"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="audit-table"
        expandable={{
          rowExpandable: (r) => r.summary != null || r.requestId != null,
          expandedRowRender: (r) => (
            <>
              {r.requestId && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
                  {t('audit.requestId')}: {r.requestId}
                </Typography.Paragraph>
              )}
              <pre className="summary-json">
                {r.summary == null ? t('audit.noSummary') : JSON.stringify(r.summary, null, 2)}
              </pre>
            </>
          ),
        }}
      />
      <div style={{ textAlign: 'center', marginTop: 12 }}>
        <Typography.Text type="secondary" style={{ marginInlineEnd: 12 }}>
          {t('audit.loaded', { count: rows.length })}
        </Typography.Text>
        {nextBefore != null ? (
          <Button onClick={() => void fetchPage(nextBefore)} loading={loading} data-testid="audit-load-more">
            {t('audit.loadMore')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('audit.allLoaded')}</Typography.Text>
        )}
      </div>
    </Card>
  );
}
