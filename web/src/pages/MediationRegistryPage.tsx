// 调解组织与人才库: the mediation organisations in the user's scope with their filing with the bureau, and the
// mediators of those organisations plus the district pool, with workload and success rate from their cases.
import { Alert, Card, Checkbox, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import type { MediationOrganisation, Mediator } from '../types.ts';
import { MediatorRelations } from './MediatorRelations.tsx';

/** The registry's kinds of organisation, as the server labels them (src/lines/mediation/labels.ts). */
const kindLabels: Record<string, string> = {
  village: '村（社区）人民调解委员会',
  town: '镇（街道）人民调解委员会',
  enterprise: '企事业单位人民调解委员会',
  industry: '行业性专业性人民调解委员会',
  administrative: '行政调解组织',
  commercial: '商事调解中心',
  centre: '矛盾纠纷调处化解中心',
};

export default function MediationRegistryPage() {
  const { t } = useTranslation();
  const [orgs, setOrgs] = useState<MediationOrganisation[]>([]);
  const [mediators, setMediators] = useState<Mediator[]>([]);
  const [poolOnly, setPoolOnly] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .get<MediationOrganisation[]>('/api/lines/mediation/organisations')
      .then(setOrgs)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(() => {
    setLoading(true);
    api
      .get<Mediator[]>(`/api/lines/mediation/mediators${poolOnly ? '?pool=true' : ''}`)
      .then(setMediators)
      .catch((err: unknown) => setError(errorMessage(err)))
      .finally(() => setLoading(false));
  }, [poolOnly]);

  const orgColumns: ColumnsType<MediationOrganisation> = [
    { title: t('mediation.name'), dataIndex: 'name' },
    {
      title: t('mediation.kind'),
      dataIndex: 'orgKind',
      render: (k: string) => kindLabels[k] ?? k,
      responsive: ['md'],
    },
    { title: t('mediation.parent'), dataIndex: 'parentName', responsive: ['lg'] },
    { title: t('mediation.founded'), dataIndex: 'foundedOn', width: 110, responsive: ['md'] },
    {
      title: t('mediation.filed'),
      width: 170,
      render: (_, o) => (
        <Space size={4} wrap>
          <span>{o.filedOn ?? t('mediation.notFiled')}</span>
          {o.filingLate ? (
            <Tag color="error" title={`${t('mediation.filingDue')} ${o.filingDue ?? ''}`}>
              {t('mediation.filingLate')}
            </Tag>
          ) : (
            o.filedOn && <Tag color="success">{t('mediation.filingOk')}</Tag>
          )}
        </Space>
      ),
    },
    { title: t('mediation.cases'), dataIndex: 'cases', width: 90, align: 'right', responsive: ['md'] },
  ];
  const mediatorColumns: ColumnsType<Mediator> = [
    { title: t('mediation.mediator'), dataIndex: 'name', width: 110 },
    { title: t('mediation.org'), dataIndex: 'orgName', responsive: ['md'] },
    { title: t('mediation.speciality'), dataIndex: 'speciality', width: 110, responsive: ['lg'] },
    {
      title: t('mediation.employment'),
      dataIndex: 'employment',
      width: 90,
      render: (e: string) => t(`mediation.${e}`),
      responsive: ['lg'],
    },
    {
      title: t('mediation.inPool'),
      dataIndex: 'inPool',
      width: 80,
      render: (p: boolean) => (p ? <Tag color="blue">{t('mediation.inPool')}</Tag> : null),
    },
    { title: t('mediation.cases'), dataIndex: 'cases', width: 80, align: 'right', responsive: ['md'] },
    {
      title: t('mediation.openCases'),
      dataIndex: 'openCases',
      width: 80,
      align: 'right',
      responsive: ['md'],
    },
    {
      title: t('mediation.successRate'),
      dataIndex: 'successRate',
      width: 110,
      align: 'right',
      render: (r: number | null) => (r === null ? '—' : `${r.toFixed(1)}%`),
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" message={error} showIcon />}
      <Card
        title={t('mediation.organisations')}
        extra={<span className="muted">{t('mediation.filingBasis')}</span>}
      >
        <Table
          rowKey="id"
          size="small"
          columns={orgColumns}
          dataSource={orgs}
          pagination={{ pageSize: 20 }}
        />
      </Card>
      <Card
        title={t('mediation.pool')}
        extra={
          <Checkbox checked={poolOnly} onChange={(e) => setPoolOnly(e.target.checked)}>
            {t('mediation.poolOnly')}
          </Checkbox>
        }
      >
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          columns={mediatorColumns}
          dataSource={mediators}
          expandable={{ expandedRowRender: (m) => <MediatorRelations mediatorId={m.id} /> }}
          pagination={{ pageSize: 20 }}
        />
      </Card>
    </Space>
  );
}
