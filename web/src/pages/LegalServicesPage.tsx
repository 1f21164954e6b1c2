// 公共法律服务圈: the station network by level and town, the 15-minute circle on an offline map with demand beside it,
// the villages outside the circle, and a quick visit log (来电来访) for the stations in the user's scope, whose
// visits guided to legal aid the centre turns into an application in one click (the form opens pre-filled).
import { Alert, Button, Card, Col, DatePicker, Form, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { CircleMap } from '../components/legal-services/CircleMap.tsx';
import type { Coverage, CoverageStation, CoverageVillage, LegalAidVisit } from '../types.ts';

/** Labels as the server's vocabularies give them (src/lines/legal-aid/labels.ts). */
const kinds: Record<string, string> = {
  station: '公共法律服务站点',
  workstation: '法律援助工作站',
  liaison: '法律援助联络点',
  practice: '新时代法治实践站点',
};
const channels = { window: '窗口', hotline: '12348热线', online: '网上', outreach: '上门' };
const topics = {
  marriage: '婚姻家庭',
  labour: '劳动',
  loan: '借贷',
  traffic: '交通事故',
  housing: '房产',
  enterprise: '涉企',
  other: '其他',
};
const services = {
  answer: '解答',
  drafting: '代写文书',
  aidApplication: '引导申请法律援助',
  mediation: '转调解',
  referral: '转其他部门',
};
/** The case type an application opens with, from the visit's topic (the clerk may change it). */
const caseTypeOfTopic: Record<string, string> = {
  labour: 'labour',
  marriage: 'civil',
  loan: 'civil',
  traffic: 'civil',
  housing: 'civil',
  enterprise: 'civil',
  other: 'other',
};
const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export default function LegalServicesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [data, setData] = useState<Coverage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [form] = Form.useForm();
  const canWrite = can('matter.write');
  const navigate = useNavigate();
  const [visits, setVisits] = useState<LegalAidVisit[]>([]);
  const [canApply, setCanApply] = useState(false);

  const load = useCallback(() => {
    api
      .get<Coverage>('/api/lines/legalAid/coverage')
      .then(setData)
      .catch((err: unknown) => setError(errorMessage(err)));
    api
      .get<LegalAidVisit[]>('/api/lines/legalAid/visits', { limit: 20 })
      .then(setVisits)
      .catch(() => setVisits([]));
  }, []);
  useEffect(load, [load]);
  // Only who may register an application (the centre) is offered the one click; the server checks again.
  useEffect(() => {
    if (!canWrite) return;
    api
      .get<{ line: string; kind: string }[]>('/api/matters/registrable')
      .then((rows) => setCanApply(rows.some((r) => r.line === 'legalAid' && r.kind === 'application')))
      .catch(() => setCanApply(false));
  }, [canWrite]);

  const toApplication = (v: LegalAidVisit) =>
    navigate('/matters?line=legalAid&kind=application&create=1', {
      state: {
        prefill: {
          receivedOn: v.visitedOn,
          source: 'application',
          stationOrgId: v.stationOrgId,
          visitId: v.id,
          caseType: caseTypeOfTopic[v.topic] ?? 'other',
          ...(v.partyId ? { applicant: { partyId: v.partyId, partyType: 'person', name: v.partyName } } : {}),
        },
      },
    });

  const byLevel = useMemo(() => {
    const count = (f: (s: CoverageStation) => boolean) => data?.stations.filter(f).length ?? 0;
    return [1, 2, 3].map((l) => count((s) => s.level === l));
  }, [data]);

  const stationColumns: ColumnsType<CoverageStation> = [
    { title: t('legalServices.station'), dataIndex: 'name' },
    {
      title: t('legalServices.level'),
      width: 150,
      render: (_, s) => (s.level ? t(`legalServices.level${s.level}`) : kinds[s.stationKind]),
      filters: [1, 2, 3].map((l) => ({ text: t(`legalServices.level${l}`), value: l })),
      onFilter: (v, s) => s.level === v,
    },
    { title: t('legalServices.town'), dataIndex: 'town', width: 110, responsive: ['md'] },
    { title: t('legalServices.place'), dataIndex: 'place', width: 130, responsive: ['lg'] },
    { title: t('legalServices.founded'), dataIndex: 'foundedOn', width: 110, responsive: ['md'] },
    {
      title: t('legalServices.position'),
      width: 90,
      responsive: ['lg'],
      render: (_, s) =>
        s.positionApprox ? (
          <Tag>{t('legalServices.approximate')}</Tag>
        ) : (
          <Tag color="green">{t('legalServices.surveyed')}</Tag>
        ),
    },
    { title: t('legalServices.visitsThisYear'), dataIndex: 'visitsThisYear', width: 100, align: 'right' },
  ];
  const visitColumns: ColumnsType<LegalAidVisit> = [
    { title: t('legalServices.date'), dataIndex: 'visitedOn', width: 110 },
    { title: t('legalServices.station'), dataIndex: 'station' },
    {
      title: t('legalServices.channel'),
      dataIndex: 'channel',
      width: 100,
      render: (c: string) => channels[c as keyof typeof channels] ?? c,
    },
    {
      title: t('legalServices.topic'),
      dataIndex: 'topic',
      width: 90,
      render: (c: string) => topics[c as keyof typeof topics] ?? c,
    },
    {
      title: t('legalServices.service'),
      dataIndex: 'service',
      width: 150,
      render: (c: string) => services[c as keyof typeof services] ?? c,
    },
    {
      title: t('legalServices.visitor'),
      dataIndex: 'partyName',
      width: 100,
      render: (n: string | null) => n ?? '—',
    },
    {
      title: '',
      width: 150,
      render: (_, v) =>
        v.matterId ? (
          <Link to={`/matters/${v.matterId}`}>{t('legalServices.application')}</Link>
        ) : canApply && v.service === 'aidApplication' ? (
          <Button
            size="small"
            type="primary"
            onClick={() => void toApplication(v)}
            data-testid={`visit-to-application-${v.id}`}
          >
            {t('legalServices.toApplication')}
          </Button>
        ) : null,
    },
  ];
  const villageColumns: ColumnsType<CoverageVillage> = [
    { title: t('legalServices.town'), dataIndex: 'town', width: 110 },
    { title: t('legalServices.village'), dataIndex: 'name' },
    { title: t('legalServices.nearest'), dataIndex: 'nearest', responsive: ['md'] },
    {
      title: t('legalServices.distance'),
      dataIndex: 'meters',
      width: 110,
      align: 'right',
      render: (m: number | null) => (m === null ? '—' : `${m} m`),
    },
    {
      title: t('legalServices.radius'),
      dataIndex: 'radius',
      width: 110,
      align: 'right',
      render: (r: number) => `${r} m`,
    },
    { title: t('legalServices.visits'), dataIndex: 'visits', width: 90, align: 'right' },
  ];

  const submit = async (v: {
    stationOrgId: number;
    visitedOn: dayjs.Dayjs;
    channel: string;
    topic: string;
    service: string;
  }) => {
    setSaved(null);
    try {
      await api.post('/api/lines/legalAid/visits', { ...v, visitedOn: v.visitedOn.format('YYYY-MM-DD') });
      setSaved(t('legalServices.saved'));
      form.resetFields(['topic', 'service']);
      load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const uncovered = data?.villages.filter((v) => !v.covered) ?? [];
  const approximate =
    data?.villages.some((v) => v.approximate) || data?.stations.some((s) => s.positionApprox);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" message={error} closable onClose={() => setError(null)} />}
      <Row gutter={16}>
        {[1, 2, 3].map((l) => (
          <Col key={l} xs={12} md={6}>
            <Statistic
              title={t(`legalServices.level${l}`)}
              value={byLevel[l - 1]}
              suffix={t('legalServices.unit')}
            />
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Statistic
            title={t('legalServices.coverage')}
            value={data ? `${data.covered} / ${data.total}` : '—'}
          />
        </Col>
      </Row>
      <Card title={t('legalServices.mapTitle')}>
        {approximate && (
          <Alert
            type="warning"
            showIcon
            message={t('legalServices.approximateNote')}
            style={{ marginBottom: 12 }}
          />
        )}
        {data && <CircleMap villages={data.villages} stations={data.stations} />}
        <p>{t('legalServices.legend')}</p>
      </Card>
      <Card title={`${t('legalServices.uncoveredTitle')}（${uncovered.length}）`}>
        <Table
          rowKey="code"
          size="small"
          columns={villageColumns}
          dataSource={uncovered}
          pagination={false}
        />
      </Card>
      {canWrite && data && (
        <Card title={t('legalServices.visitTitle')}>
          {saved && <Alert type="success" message={saved} style={{ marginBottom: 12 }} />}
          <Form
            form={form}
            layout="inline"
            onFinish={submit}
            initialValues={{ visitedOn: dayjs(data.on), channel: 'window' }}
          >
            <Form.Item name="stationOrgId" label={t('legalServices.station')} rules={[{ required: true }]}>
              <Select
                autoFocus
                showSearch
                optionFilterProp="label"
                style={{ width: 240 }}
                options={data.stations.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
            <Form.Item name="visitedOn" label={t('legalServices.date')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="channel" label={t('legalServices.channel')} rules={[{ required: true }]}>
              <Select style={{ width: 120 }} options={options(channels)} />
            </Form.Item>
            <Form.Item name="topic" label={t('legalServices.topic')} rules={[{ required: true }]}>
              <Select style={{ width: 120 }} options={options(topics)} />
            </Form.Item>
            <Form.Item name="service" label={t('legalServices.service')} rules={[{ required: true }]}>
              <Select style={{ width: 160 }} options={options(services)} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('legalServices.record')}
            </Button>
          </Form>
        </Card>
      )}
      {visits.length > 0 && (
        <Card title={t('legalServices.visitsTitle')}>
          <Table
            rowKey="id"
            size="small"
            columns={visitColumns}
            dataSource={visits}
            pagination={false}
            data-testid="visits-table"
          />
        </Card>
      )}
      <Card title={t('legalServices.stationsTitle')}>
        <Table
          rowKey="id"
          size="small"
          columns={stationColumns}
          dataSource={data?.stations ?? []}
          pagination={{ pageSize: 20 }}
        />
      </Card>
    </Space>
  );
}
