// 指标: every named indicator grouped by business line, with this year's value, last year's and the
// year-on-year phrase for the chosen year and region; each links to its definition, breakdown and records.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api.ts';
import { IndicatorScope, useIndicatorScope } from '../components/IndicatorScope.tsx';
import type { IndicatorDef, IndicatorValue } from '../kernel/types.ts';
import { useLines } from '../kernel/useLines.ts';

type Row = IndicatorDef & { v?: IndicatorValue; failed?: string };

export default function IndicatorsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lines = useLines();
  const scope = useIndicatorScope();
  const { year, region, org } = scope;
  const [rows, setRows] = useState<Row[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    void (async () => {
      try {
        const defs = await api.get<IndicatorDef[]>('/api/indicators');
        const values = await Promise.all(
          defs.map((d) =>
            api
              .get<IndicatorValue>(`/api/indicators/${d.id}`, { year, region, org })
              .then((v): Row => ({ ...d, v }))
              .catch((err: unknown): Row => ({ ...d, failed: errorMessage(err) })),
          ),
        );
        if (live) {
          setRows(values);
          setError(null);
        }
      } catch (err) {
        if (live) setError(errorMessage(err));
      } finally {
        if (live) setLoading(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [year, region, org]);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await api.download('/api/indicators/export.xlsx', { year, region, org }, `indicators_${year}.xlsx`);
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const byLine = new Map<string, Row[]>();
  for (const r of rows) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);

  const columns: ColumnsType<Row> = [
    {
      title: t('indicators.name'),
      render: (_, r) => (
        <Link to={`/indicators/${r.id}?${scope.search}`} data-testid={`indicator-link-${r.id}`}>
          {r.name}
        </Link>
      ),
    },
    {
      title: t('indicators.valueOf', { year }),
      width: 140,
      align: 'right',
      render: (_, r) =>
        r.v ? (
          <Typography.Text strong>
            {r.v.value} {r.unit}
          </Typography.Text>
        ) : (
          <Typography.Text type="danger">{r.failed}</Typography.Text>
        ),
    },
    {
      title: t('indicators.valueOf', { year: year - 1 }),
      width: 140,
      align: 'right',
      render: (_, r) => (r.v ? `${r.v.previous} ${r.unit}` : '—'),
    },
    { title: t('indicators.yoy'), width: 190, render: (_, r) => r.v?.yoyText ?? '—' },
    {
      title: t('indicators.definition'),
      dataIndex: 'definition',
      ellipsis: { showTitle: false },
      render: (v: string) => (
        <Tooltip title={v} placement="topLeft">
          {v}
        </Tooltip>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('menu.indicators')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportXlsx()}
          data-testid="indicators-export"
        >
          {t('indicators.export')}
        </Button>
      }
    >
      <div className="page-toolbar">
        <IndicatorScope scope={scope} />
        <span className="spacer" />
        <Typography.Text type="secondary">{t('indicators.scopeNote')}</Typography.Text>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!loading && rows.length === 0 && !error && <Alert type="info" showIcon title={t('indicators.none')} />}
      {[...byLine].map(([line, list]) => (
        <div key={line} className="indicator-group" data-testid={`indicators-line-${line}`}>
          <Typography.Title level={5}>{lines.lineLabel(line)}</Typography.Title>
          <Table<Row>
            size="small"
            bordered
            rowKey="id"
            loading={loading}
            columns={columns}
            dataSource={list}
            pagination={false}
          />
        </div>
      ))}
    </Card>
  );
}
