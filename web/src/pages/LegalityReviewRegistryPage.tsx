// 合法性审查名册与目录: the reviewers of the centres in the user's scope with their year's assessment (法审员年度履职
// 考核, computed by the server from their items), and the year's catalogue of major decisions with each decision's
// procedural steps; a decision discussed without legality review is flagged.
import { Alert, Card, InputNumber, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api.ts';
import { useToday } from '../kernel/useToday.ts';
import type { LegalityAssessment, LegalityCatalogueRow, LegalityReviewer } from '../types.ts';

/** The reviewers' kinds, as the server labels them (src/lines/legality-review/labels.ts). */
const kindLabels: Record<string, string> = {
  reviewer: '法审员',
  governmentLawyer: '公职律师',
  legalAdviser: '法律顾问',
};
const tierColours: Record<string, string> = {
  优秀: 'success',
  合格: 'processing',
  基本合格: 'warning',
  不合格: 'error',
};

export default function LegalityReviewRegistryPage() {
  const { t } = useTranslation();
  const today = useToday();
  const [year, setYear] = useState<number | null>(null);
  const [sheet, setSheet] = useState<LegalityAssessment | null>(null);
  const [decisions, setDecisions] = useState<LegalityCatalogueRow[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const shown = year ?? Number(today.slice(0, 4));

  useEffect(() => {
    setLoading(true);
    Promise.all([
      api.get<LegalityAssessment>(`/api/lines/legalityReview/reviewers?year=${shown}`).then(setSheet),
      api.get<LegalityCatalogueRow[]>(`/api/lines/legalityReview/decisions?year=${shown}`).then(setDecisions),
    ])
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setLoading(false));
  }, [shown]);

  const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
  const reviewerColumns: ColumnsType<LegalityReviewer> = [
    { title: t('legalityReview.rank'), width: 60, render: (_, _r, i) => i + 1 },
    { title: t('legalityReview.name'), dataIndex: 'name', width: 100 },
    { title: t('legalityReview.org'), dataIndex: 'orgName', responsive: ['md'] },
    {
      title: t('legalityReview.kind'),
      dataIndex: 'reviewerKind',
      width: 90,
      render: (k: string) => kindLabels[k] ?? k,
      responsive: ['lg'],
    },
    { title: t('legalityReview.items'), dataIndex: 'items', width: 80, align: 'right' },
    {
      title: t('legalityReview.onTime'),
      width: 100,
      align: 'right',
      render: (_, r) => pct(r.onTime, r.items),
      responsive: ['md'],
    },
    {
      title: t('legalityReview.opinions'),
      dataIndex: 'opinions',
      width: 90,
      align: 'right',
      responsive: ['lg'],
    },
    {
      title: t('legalityReview.adoption'),
      width: 100,
      align: 'right',
      render: (_, r) => pct(r.adopted, r.feedback),
      responsive: ['md'],
    },
    {
      title: t('legalityReview.coReviewed'),
      dataIndex: 'coReviewed',
      width: 80,
      align: 'right',
      responsive: ['lg'],
    },
    {
      title: t('legalityReview.score'),
      dataIndex: 'score',
      width: 70,
      align: 'right',
      render: (s) => s ?? '—',
    },
    {
      title: t('legalityReview.tier'),
      dataIndex: 'tier',
      width: 90,
      render: (tier: string) => <Tag color={tierColours[tier] ?? 'default'}>{tier}</Tag>,
    },
    {
      title: t('legalityReview.sheet'),
      width: 90,
      render: (_, r) => (
        <a
          href={`/api/lines/legalityReview/reviewers/${r.id}/assessment.docx?year=${shown}`}
          data-testid={`assessment-docx-${r.id}`}
        >
          {t('legalityReview.sheetDocx')}
        </a>
      ),
    },
  ];
  const step = (d: string | null) => d ?? '—';
  const decisionColumns: ColumnsType<LegalityCatalogueRow> = [
    {
      title: t('legalityReview.decision'),
      render: (_, r) => <Link to={`/matters/${r.matterId}`}>{r.title}</Link>,
    },
    { title: t('legalityReview.decidingOrg'), dataIndex: 'decidingOrg', responsive: ['lg'] },
    { title: '公众参与', dataIndex: 'publicParticipationOn', render: step, responsive: ['md'] },
    { title: '专家论证', dataIndex: 'expertArgumentOn', render: step, responsive: ['lg'] },
    { title: '风险评估', dataIndex: 'riskAssessmentOn', render: step, responsive: ['lg'] },
    { title: '合法性审查', dataIndex: 'legalityReviewOn', render: step },
    { title: '集体讨论', dataIndex: 'collectiveDiscussionOn', render: step },
    {
      title: t('legalityReview.flag'),
      dataIndex: 'flag',
      render: (f: string | null) => (f ? <Tag color="error">{f}</Tag> : null),
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" message={error} showIcon />}
      <Space>
        <span>{t('legalityReview.year')}</span>
        <InputNumber min={2000} max={2100} value={shown} onChange={(v) => v && setYear(v)} />
      </Space>
      <Card
        title={t('legalityReview.assessment')}
        extra={
          <a href={`/api/lines/legalityReview/reviewers/assessment.xlsx?year=${shown}`}>
            {t('legalityReview.export')}
          </a>
        }
      >
        {/* The scoring rule under the title, not beside it: beside it, it pushed the card's title out of sight. */}
        <p className="muted">{sheet?.rule}</p>
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          columns={reviewerColumns}
          dataSource={sheet?.reviewers ?? []}
          pagination={{ pageSize: 30 }}
        />
      </Card>
      <Card title={t('legalityReview.catalogue')}>
        <Table
          rowKey="matterId"
          size="small"
          loading={loading}
          columns={decisionColumns}
          dataSource={decisions}
        />
      </Card>
    </Space>
  );
}
