// 领导驾驶舱: one page per scope (the district, a town, a department) and year, from one request
// (GET /api/dashboard): each line's key figures with last year's and the change, the monthly intake, overdue and
// due-soon matters by office, the township ranking, the legal service circle's coverage and the departments' risk
// profiles. Every figure links to its records; the page prints without the menu (dashboard.css).
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api.ts';
import {
  CoveragePanel,
  DeadlinesPanel,
  LineCards,
  MonthlyPanel,
  RankingPanel,
  RisksPanel,
} from '../components/dashboard/Panels.tsx';
import type { Dashboard } from '../kernel/types.ts';
import { useToday } from '../kernel/useToday.ts';
import '../components/dashboard/dashboard.css';

export default function DashboardPage() {
  const { t } = useTranslation();
  const today = useToday();
  // Scope and year live in the address, so a figure's back button returns to the same page.
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(today.slice(0, 4));
  const scope = params.get('scope') ?? undefined;
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .get<Dashboard>('/api/dashboard', { year, scope })
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [year, scope]);

  const go = (next: { year?: number; scope?: string }) =>
    setParams(
      {
        year: String(next.year ?? year),
        ...((next.scope ?? scope) ? { scope: next.scope ?? scope ?? '' } : {}),
      },
      { replace: false },
    );
  const thisYear = Number(today.slice(0, 4));
  const group = (kind: string) => (data?.scopes ?? []).filter((s) => s.kind === kind);
  const options = [
    ...group('district').map((s) => ({ value: s.value, label: `${t('dashboard.district')}（${s.label}）` })),
    ...(group('town').length
      ? [
          {
            label: t('dashboard.towns'),
            options: group('town').map((s) => ({ value: s.value, label: s.label })),
          },
        ]
      : []),
    ...(group('dept').length
      ? [
          {
            label: t('dashboard.depts'),
            options: group('dept').map((s) => ({ value: s.value, label: s.label })),
          },
        ]
      : []),
  ];

  return (
    <div className="dash-page" data-testid="dashboard">
      <div className="dash-head">
        <div>
          <Typography.Title level={3} className="dash-title">
            {t('dashboard.title')}
            {data && <span className="dash-scope-name"> · {data.scope.label}</span>}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary" data-testid="dash-subtitle">
              {t('dashboard.subtitle', { scope: data.scope.label, year: data.year, today: data.today })}
            </Typography.Text>
          )}
        </div>
        <Space wrap className="dash-controls">
          <Select
            data-testid="dashboard-scope"
            aria-label={t('dashboard.scope')}
            style={{ minWidth: 240 }}
            value={data?.scope.value}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(v: string) => go({ scope: v })}
          />
          <Select
            data-testid="dashboard-year"
            aria-label={t('dashboard.year')}
            value={year}
            options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({
              value: y,
              label: t('dashboard.yearOption', { year: y }),
            }))}
            onChange={(y: number) => go({ year: y })}
          />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="dashboard-print">
            {t('dashboard.print')}
          </Button>
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={error} className="dash-alert" />}
      {!data && loading && <Spin />}
      {data && (
        <Spin spinning={loading}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <LineCards lines={data.lines} />
            {data.monthly.length > 0 && <MonthlyPanel monthly={data.monthly} year={data.year} />}
            <Row gutter={[12, 12]}>
              <Col xs={24} xl={12} className="dash-col">
                <DeadlinesPanel deadlines={data.deadlines} />
              </Col>
              <Col xs={24} xl={12} className="dash-col">
                {data.scope.kind === 'dept' ? (
                  <RisksPanel risks={data.risks} />
                ) : (
                  <RankingPanel ranking={data.ranking} />
                )}
              </Col>
              {data.coverage && (
                <Col xs={24} xl={12} className="dash-col">
                  <CoveragePanel coverage={data.coverage} />
                </Col>
              )}
              {data.scope.kind !== 'dept' && (
                <Col xs={24} xl={12} className="dash-col">
                  <RisksPanel risks={data.risks} />
                </Col>
              )}
            </Row>
          </Space>
        </Spin>
      )}
    </div>
  );
}
