// 法治督察与评价: the township rule-of-law evaluation (scores, ranks, tiers; each item drills down to the records
// behind it), a department's risk page (the records of every line about it), the observation posts and the
// recorded external results (最佳实践, 考评档次, 荣誉). Everything is computed by the server from the records.
import { Alert, Card, InputNumber, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, errorMessage } from '../api.ts';
import { useOrgs } from '../components/OrgsContext.tsx';
import { useToday } from '../kernel/useToday.ts';
import type {
  DepartmentRisk,
  EvaluationItem,
  Recognition,
  SupervisionPost,
  TownEvaluation,
} from '../types.ts';

const recognitionKinds: Record<string, string> = {
  bestPractice: '“最佳实践”培育项目',
  landmark: '标志性成果培育项目',
  assessmentTier: '法治建设年度考评档次',
  honour: '荣誉',
  exchange: '经验交流',
};

export default function SupervisionPage() {
  const { t } = useTranslation();
  const today = useToday();
  const { directory, wantDirectory } = useOrgs();
  // The year is in the address (?year=2024), so a drill-down's back button returns to the same ranking.
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(today.slice(0, 4)) - 1;
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  const [towns, setTowns] = useState<TownEvaluation[]>([]);
  const [posts, setPosts] = useState<SupervisionPost[]>([]);
  const [recognitions, setRecognitions] = useState<Recognition[]>([]);
  // A department's risk opens from a link (?dept=12: the leaders' dashboard).
  const [dept, setDept] = useState<number | null>(Number(params.get('dept')) || null);
  const [risk, setRisk] = useState<DepartmentRisk | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => wantDirectory(), [wantDirectory]);
  useEffect(() => {
    api
      .get<{ towns: TownEvaluation[] }>('/api/lines/supervision/evaluation', { year })
      .then((r) => setTowns(r.towns))
      .catch((err: unknown) => setError(errorMessage(err)));
    api
      .get<Recognition[]>('/api/lines/supervision/recognitions', { year })
      .then(setRecognitions)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [year]);
  useEffect(() => {
    api
      .get<SupervisionPost[]>('/api/lines/supervision/posts')
      .then(setPosts)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(() => {
    if (!dept) return;
    api
      .get<DepartmentRisk>(`/api/lines/supervision/departments/${dept}/risk`, { year })
      .then(setRisk)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [dept, year]);

  const townColumns: ColumnsType<TownEvaluation> = [
    { title: t('supervision.rank'), dataIndex: 'rank', width: 70 },
    { title: t('supervision.town'), dataIndex: 'name' },
    { title: t('supervision.total'), dataIndex: 'total', width: 100, align: 'right' },
    { title: t('supervision.tier'), dataIndex: 'tier', width: 100, render: (x: string) => <Tag>{x}</Tag> },
  ];
  const itemColumns: ColumnsType<EvaluationItem> = [
    { title: t('supervision.item'), dataIndex: 'label' },
    { title: t('supervision.weight'), dataIndex: 'weight', width: 80, align: 'right' },
    {
      title: t('supervision.value'),
      width: 140,
      render: (_, i) =>
        i.available ? (
          <Link to={i.drillDown ?? '#'}>
            {i.value}
            {i.unit}
          </Link>
        ) : (
          <span className="muted">{t('supervision.notAvailable')}</span>
        ),
    },
    {
      title: t('supervision.score'),
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (s: number | null) => s ?? '—',
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" message={error} showIcon />}
      <Card
        title={t('supervision.evaluation')}
        extra={
          <Space>
            {t('supervision.year')}
            <InputNumber
              min={2023}
              max={Number(today.slice(0, 4))}
              value={year}
              onChange={(v) => v && setYear(v)}
            />
          </Space>
        }
      >
        <p className="muted">{t('supervision.evaluationNote')}</p>
        <Table
          data-testid="evaluation-table"
          rowKey="town"
          size="small"
          columns={townColumns}
          dataSource={towns}
          pagination={false}
          expandable={{
            expandedRowRender: (town) => (
              <Table
                rowKey="code"
                size="small"
                columns={itemColumns}
                dataSource={town.items}
                pagination={false}
              />
            ),
          }}
        />
      </Card>
      <Card title={t('supervision.risk')}>
        <Select
          data-testid="risk-department"
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 320 }}
          placeholder={t('supervision.pickDepartment')}
          value={dept ?? undefined}
          onChange={setDept}
          options={(directory ?? [])
            .filter((o) => o.kind === 'department' || o.kind === 'government')
            .map((o) => ({ value: o.id, label: o.name }))}
        />
        {risk && (
          <Table
            data-testid="risk-table"
            rowKey="label"
            size="small"
            style={{ marginTop: 16 }}
            pagination={false}
            dataSource={risk.signals}
            columns={[
              { title: t('supervision.signal'), dataIndex: 'label', width: 200 },
              { title: t('supervision.count'), dataIndex: 'count', width: 80, align: 'right' },
              {
                title: t('supervision.records'),
                render: (_, s) => (
                  <Space wrap>
                    {s.records.map((r) => (
                      <Link key={r.id} to={`/matters/${r.id}`} title={r.title}>
                        {r.refNo}
                      </Link>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('supervision.posts')}>
        <Table
          rowKey="id"
          size="small"
          dataSource={posts}
          pagination={false}
          columns={[
            { title: t('supervision.name'), dataIndex: 'name' },
            { title: t('supervision.host'), dataIndex: 'host', responsive: ['md'] },
            { title: t('supervision.liaison'), dataIndex: 'liaison', responsive: ['lg'] },
            { title: t('supervision.setUp'), dataIndex: 'setUpOn', width: 110, responsive: ['md'] },
            {
              title: t('supervision.selection'),
              render: (_, p) => (p.selection ? `${p.selection}（${p.selectedOn}）` : '—'),
            },
          ]}
        />
      </Card>
      <Card title={t('supervision.recognitions')}>
        <Table
          rowKey="id"
          size="small"
          dataSource={recognitions}
          pagination={false}
          columns={[
            {
              title: t('supervision.kind'),
              dataIndex: 'kind',
              width: 170,
              render: (k: string) => recognitionKinds[k] ?? k,
            },
            { title: t('supervision.name'), dataIndex: 'title' },
            { title: t('supervision.holder'), dataIndex: 'holder', responsive: ['lg'] },
            { title: t('supervision.result'), dataIndex: 'result' },
            { title: t('supervision.recorded'), dataIndex: 'recordedOn', width: 110, responsive: ['md'] },
          ]}
        />
      </Card>
    </Space>
  );
}
