// 指标详情: one figure for a year and region — value, last year, 同比, written definition — its breakdown by
// each dimension (chart and table), and the drill-down list of the records it counts, each linked to its matter.
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../api.ts';
import { BarChart } from '../components/BarChart.tsx';
import { IndicatorScope, useIndicatorScope } from '../components/IndicatorScope.tsx';
import type { BreakdownRow, IndicatorRecords, IndicatorValue } from '../kernel/types.ts';
import { useLines } from '../kernel/useLines.ts';

const PAGE = 20;

function Breakdown({
  id,
  dim,
  year,
  region,
  org,
  unit,
}: {
  id: string;
  dim: string;
  year: number;
  region: string;
  org: number | undefined;
  unit: string;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<BreakdownRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .get<BreakdownRow[]>(`/api/indicators/${id}/breakdown`, { dim, year, region, org })
      .then((r) => {
        setRows(r);
        setError(null);
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [id, dim, year, region, org]);
  const series = useMemo(
    () => [
      { name: t('indicators.yearOption', { year }), values: rows.map((r) => r.value) },
      { name: t('indicators.yearOption', { year: year - 1 }), values: rows.map((r) => r.previous) },
    ],
    [rows, year, t],
  );
  const categories = useMemo(() => rows.map((r) => r.key), [rows]);
  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        {rows.length > 0 && (
          <BarChart categories={categories} series={series} testId={`breakdown-chart-${dim}`} />
        )}
      </Col>
      <Col xs={24} lg={10}>
        <Table<BreakdownRow>
          size="small"
          bordered
          rowKey="key"
          pagination={false}
          dataSource={rows}
          data-testid={`breakdown-table-${dim}`}
          columns={[
            { title: t('indicators.group'), dataIndex: 'key' },
            {
              title: t('indicators.valueOf', { year }),
              dataIndex: 'value',
              align: 'right',
              render: (v: number) => `${v} ${unit}`,
            },
            { title: t('indicators.valueOf', { year: year - 1 }), dataIndex: 'previous', align: 'right' },
            {
              title: t('indicators.yoy'),
              dataIndex: 'yoy',
              align: 'right',
              render: (v: number | null) => (v === null ? '—' : `${v > 0 ? '+' : ''}${v}%`),
            },
          ]}
        />
      </Col>
    </Row>
  );
}

function Records({
  id,
  year,
  region,
  org,
}: {
  id: string;
  year: number;
  region: string;
  org: number | undefined;
}) {
  const { t } = useTranslation();
  const lines = useLines();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<IndicatorRecords | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setLoading(true);
    api
      .get<IndicatorRecords>(`/api/indicators/${id}/records`, {
        year,
        region,
        org,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setLoading(false));
  }, [id, year, region, org, page]);
  if (error) return <Alert type="info" showIcon title={error} />;
  return (
    <Table
      size="small"
      bordered
      rowKey={(r) => `${r.id}-${r.onDate}`}
      loading={loading}
      dataSource={data?.items ?? []}
      data-testid="indicator-records"
      pagination={{
        current: page,
        pageSize: PAGE,
        total: data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: setPage,
      }}
      columns={[
        {
          title: t('matters.refNo'),
          dataIndex: 'refNo',
          width: 170,
          render: (v: string, r) => (
            <Link to={`/matters/${r.id}`} data-testid={`record-matter-${r.id}`}>
              {v}
            </Link>
          ),
        },
        { title: t('matters.title'), dataIndex: 'title', ellipsis: true },
        {
          title: t('matters.state'),
          width: 110,
          render: (_, r) => lines.stateLabel(r.line, r.kind, r.state),
        },
        { title: t('matters.ownerOrg'), dataIndex: 'ownerOrgName', width: 180, ellipsis: true },
        { title: t('indicators.countedOn'), dataIndex: 'onDate', width: 110 },
        { title: t('indicators.counts'), dataIndex: 'value', width: 80, align: 'right' },
      ]}
    />
  );
}

export default function IndicatorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const scope = useIndicatorScope();
  const { year, region, org } = scope;
  const [v, setV] = useState<IndicatorValue | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<IndicatorValue>(`/api/indicators/${id}`, { year, region, org })
      .then((r) => {
        setV(r);
        setError(null);
      })
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [id, year, region, org]);

  const exportXlsx = async () => {
    try {
      await api.download('/api/indicators/export.xlsx', { year, region, org, ids: id }, `${id}_${year}.xlsx`);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <>
      <Card
        size="small"
        title={
          <Space>
            <Button
              type="text"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(`/indicators?${scope.search}`)}
              aria-label={t('menu.indicators')}
            />
            <span data-testid="indicator-name">{v?.name ?? id}</span>
          </Space>
        }
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportXlsx()}
            data-testid="indicator-export"
          >
            {t('indicators.export')}
          </Button>
        }
      >
        <div className="page-toolbar">
          <IndicatorScope scope={scope} />
        </div>
        {error && <Alert type="error" showIcon title={error} />}
        {v && (
          <>
            <Row gutter={48}>
              <Col>
                <Statistic
                  title={t('indicators.valueOf', { year })}
                  value={v.value}
                  suffix={v.unit}
                  data-testid="indicator-value"
                />
              </Col>
              <Col>
                <Statistic
                  title={t('indicators.valueOf', { year: year - 1 })}
                  value={v.previous}
                  suffix={v.unit}
                />
              </Col>
              <Col>
                <Statistic
                  title={t('indicators.yoy')}
                  value={v.yoyText}
                  styles={{
                    content: {
                      fontSize: 20,
                      color: v.yoy == null ? undefined : v.yoy >= 0 ? '#cf1322' : '#3f8600',
                    },
                  }}
                  data-testid="indicator-yoy"
                />
              </Col>
            </Row>
            <div className="indicator-definition" data-testid="indicator-definition">
              <Typography.Text strong>{t('indicators.definition')}</Typography.Text>
              <div>{v.definition}</div>
            </div>
          </>
        )}
      </Card>
      {v && v.dimensions.length > 0 && (
        <Card size="small" title={t('indicators.breakdown')}>
          <Tabs
            items={v.dimensions.map((d) => ({
              key: d.id,
              label: t('indicators.by', { dim: d.label }),
              children: <Breakdown id={id} dim={d.id} year={year} region={region} org={org} unit={v.unit} />,
            }))}
          />
        </Card>
      )}
      {v && (
        <Card size="small" title={t('indicators.records', { year })}>
          <Typography.Paragraph type="secondary">{t('indicators.recordsHelp')}</Typography.Paragraph>
          <Records id={id} year={year} region={region} org={org} />
        </Card>
      )}
    </>
  );
}
