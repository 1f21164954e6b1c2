// The dashboard's panels. Every number is a link to the records behind it (an indicator's drill-down, the matter
// list of an office's overdue matters, a department's risk page); a click on a chart opens the same page.
import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Dashboard } from '../../kernel/types.ts';
import { PRIMARY } from '../../theme.ts';
import { Chart } from './Chart.tsx';

type Figure = Dashboard['lines'][number]['figures'][number];
const RED = '#cf1322';
const AMBER = '#d48806';
const GREY = '#b8c4d9';

const num = (v: number) => v.toLocaleString('zh-CN');

function FigureBlock({ f }: { f: Figure }) {
  const { t } = useTranslation();
  const tone = f.yoy === null ? '' : f.yoy > 0 ? 'dash-up' : f.yoy < 0 ? 'dash-down' : '';
  return (
    <div className="dash-figure" data-testid={`dash-fig-${f.id}`}>
      <div className="dash-figure-name" title={f.name}>
        {f.name}
      </div>
      <Link to={f.link} className="dash-figure-value" data-testid={`dash-link-${f.id}`}>
        {num(f.value)}
        <span className="dash-unit">{f.unit}</span>
      </Link>
      <div className="dash-figure-yoy">
        {t('dashboard.lastYear', { value: num(f.previous), unit: f.unit })}
        {f.yoy !== null && (
          <span className={tone}>
            {' · '}
            {f.yoy > 0 ? '▲' : f.yoy < 0 ? '▼' : ''} {Math.abs(f.yoy).toFixed(1)}%
          </span>
        )}
      </div>
    </div>
  );
}

export function LineCards({ lines }: { lines: Dashboard['lines'] }) {
  return (
    <Row gutter={[12, 12]}>
      {lines.map((l) => (
        <Col key={l.line} xs={24} md={12} xl={8} className="dash-col">
          <Card size="small" title={l.label} className="dash-card" data-testid={`dash-line-${l.line}`}>
            <div className="dash-figures">
              {l.figures.map((f) => (
                <FigureBlock key={f.id} f={f} />
              ))}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);

function MonthlyChart({ m, year }: { m: Dashboard['monthly'][number]; year: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      color: [PRIMARY, GREY],
      tooltip: { trigger: 'axis' },
      legend: { top: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
      grid: { left: 4, right: 12, top: 26, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: months.map((month) => t('dashboard.month', { month })) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'line', name: t('dashboard.thisYear', { year }), data: m.months, symbolSize: 6 },
        {
          type: 'line',
          name: t('dashboard.thisYear', { year: year - 1 }),
          data: m.previous,
          symbolSize: 4,
          lineStyle: { type: 'dashed' },
        },
      ],
    }),
    [m, year, t],
  );
  return (
    <div className="dash-monthly">
      <Link to={m.link} className="dash-monthly-title">
        {m.name}（{m.unit}）
      </Link>
      <Chart option={option} height={190} testId={`dash-monthly-${m.id}`} onPick={() => navigate(m.link)} />
    </div>
  );
}

export function MonthlyPanel({ monthly, year }: { monthly: Dashboard['monthly']; year: number }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dashboard.monthly')} className="dash-card" data-testid="dash-monthly">
      <Row gutter={[12, 8]}>
        {monthly.map((m) => (
          <Col key={m.id} xs={24} md={12} xl={monthly.length > 2 ? 6 : 12} className="dash-col">
            <MonthlyChart m={m} year={year} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export function DeadlinesPanel({ deadlines }: { deadlines: Dashboard['deadlines'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const top = deadlines.offices.slice(0, 10);
  const option = useMemo(
    () => ({
      color: [RED, AMBER],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 4, right: 16, top: 26, bottom: 4, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: top.map((o) => o.orgName),
        axisLabel: { width: 190, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          stack: 'n',
          name: t('dashboard.overdue'),
          data: top.map((o) => o.overdue),
          barMaxWidth: 18,
        },
        {
          type: 'bar',
          stack: 'n',
          name: t('dashboard.dueSoon'),
          data: top.map((o) => o.dueSoon),
          barMaxWidth: 18,
        },
      ],
    }),
    [top, t],
  );
  return (
    <Card size="small" title={t('dashboard.deadlines')} className="dash-card" data-testid="dash-deadlines">
      <Typography.Text type="secondary" className="dash-help">
        {t('dashboard.deadlinesHelp', { date: deadlines.soonCutoff })}
      </Typography.Text>
      {top.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noDeadlines')} />
      ) : (
        <>
          <Chart
            option={option}
            height={48 + 26 * top.length}
            testId="dash-deadlines-chart"
            onPick={(i, s) => {
              const o = top[i];
              if (o) void navigate(s === 0 ? o.overdueLink : o.dueSoonLink);
            }}
          />
          <Table
            size="small"
            rowKey="orgId"
            pagination={false}
            dataSource={deadlines.offices}
            columns={[
              { title: t('dashboard.office'), dataIndex: 'orgName' },
              {
                title: t('dashboard.overdue'),
                align: 'right',
                render: (_, o) => (
                  <Link
                    to={o.overdueLink}
                    className="dash-num dash-down"
                    data-testid={`dash-overdue-${o.orgId}`}
                  >
                    {o.overdue}
                  </Link>
                ),
              },
              {
                title: t('dashboard.dueSoon'),
                align: 'right',
                render: (_, o) => (
                  <Link to={o.dueSoonLink} className="dash-num">
                    {o.dueSoon}
                  </Link>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

export function RankingPanel({ ranking }: { ranking: Dashboard['ranking'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dashboard.ranking')} className="dash-card" data-testid="dash-ranking">
      {!ranking ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noRanking')} />
      ) : (
        <Table
          size="small"
          rowKey="town"
          pagination={false}
          dataSource={ranking}
          rowClassName={(r) => (r.current ? 'dash-current' : '')}
          columns={[
            { title: t('dashboard.rank'), dataIndex: 'rank', width: 60, align: 'center' },
            {
              title: t('dashboard.town'),
              render: (_, r) => <Link to={r.link}>{r.name}</Link>,
            },
            {
              title: t('dashboard.score'),
              dataIndex: 'total',
              align: 'right',
              render: (v: number) => v.toFixed(1),
            },
            {
              title: t('dashboard.tier'),
              dataIndex: 'tier',
              align: 'center',
              render: (v: string) => (
                <Tag color={v === '第一档' ? 'green' : v === '第二档' ? 'blue' : 'default'}>{v}</Tag>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}

export function CoveragePanel({ coverage }: { coverage: NonNullable<Dashboard['coverage']> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo(
    () => ({
      color: [PRIMARY, GREY],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 4, right: 12, top: 26, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        data: coverage.byTown.map((b) => b.town),
        axisLabel: { interval: 0, rotate: coverage.byTown.length > 6 ? 30 : 0, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          stack: 'v',
          name: t('dashboard.coveredSeries'),
          data: coverage.byTown.map((b) => b.covered),
        },
        {
          type: 'bar',
          stack: 'v',
          name: t('dashboard.uncovered'),
          data: coverage.byTown.map((b) => b.villages - b.covered),
        },
      ],
    }),
    [coverage, t],
  );
  const rate = coverage.villages ? ((coverage.covered / coverage.villages) * 100).toFixed(1) : null;
  return (
    <Card
      size="small"
      title={t('dashboard.coverage')}
      className="dash-card"
      data-testid="dash-coverage"
      extra={<Link to={coverage.mapLink}>{t('dashboard.coverageMap')}</Link>}
    >
      <div className="dash-figures dash-figures-3">
        <div className="dash-figure">
          <div className="dash-figure-name">{t('dashboard.covered')}</div>
          <Link to={coverage.coveredLink} className="dash-figure-value" data-testid="dash-covered">
            {num(coverage.covered)}
            {rate && <span className="dash-unit">（{rate}%）</span>}
          </Link>
        </div>
        <div className="dash-figure">
          <div className="dash-figure-name">{t('dashboard.villages')}</div>
          <Link to={coverage.villagesLink} className="dash-figure-value">
            {num(coverage.villages)}
          </Link>
        </div>
        <div className="dash-figure">
          <div className="dash-figure-name">{t('dashboard.uncovered')}</div>
          <Link to={coverage.mapLink} className="dash-figure-value dash-down">
            {num(coverage.uncovered)}
          </Link>
        </div>
      </div>
      {coverage.byTown.length > 1 && (
        <Chart
          option={option}
          height={200}
          testId="dash-coverage-chart"
          onPick={() => navigate(coverage.coveredLink)}
        />
      )}
    </Card>
  );
}

export function RisksPanel({ risks }: { risks: Dashboard['risks'] }) {
  const { t } = useTranslation();
  type Risk = Dashboard['risks'][number];
  const cell = (k: keyof Risk, danger = false) => ({
    title: t(`dashboard.${k}`),
    align: 'right' as const,
    render: (_: unknown, r: Risk) =>
      r.link ? (
        <Link to={r.link} className={`dash-num${danger && Number(r[k]) > 0 ? ' dash-down' : ''}`}>
          {String(r[k])}
        </Link>
      ) : (
        String(r[k])
      ),
  });
  return (
    <Card size="small" title={t('dashboard.risks')} className="dash-card" data-testid="dash-risks">
      {risks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noRisks')} />
      ) : (
        <Table
          size="small"
          rowKey="department"
          pagination={false}
          dataSource={risks}
          columns={[
            {
              title: t('dashboard.department'),
              ellipsis: true,
              width: '36%',
              render: (_, r) => (
                <span title={r.department}>
                  {r.link ? <Link to={r.link}>{r.shortName}</Link> : r.shortName}
                </span>
              ),
            },
            cell('received'),
            cell('corrected', true),
            cell('suitsLost', true),
            cell('findings'),
            cell('findingsOverdue', true),
          ]}
        />
      )}
    </Card>
  );
}
