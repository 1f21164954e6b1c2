// 产业合规中心与涉外法律服务: the guidelines, and enterprise services — an appointment booked, confirmed with an
// adviser, its advice recorded.
import { Alert, Button, Card, Form, Input, Modal, message, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import { useOrgs } from '../../components/OrgsContext.tsx';
import type { ComplianceGuideline, EnterpriseService } from '../../types.ts';

const centres: Record<string, string> = {
  compliance: '产业合规中心',
  foreignRelated: '宁波国际法律服务中心镇海分中心',
};
const statuses: Record<string, string> = {
  requested: '已预约',
  confirmed: '已确认',
  done: '已办结',
  cancelled: '已取消',
};

interface Booking {
  centre: string;
  name: string;
  creditCode: string;
  topic: string;
  requestedOn: string;
}
type Step = { row: EnterpriseService; status: 'confirmed' | 'done' };

export default function ServicesTab() {
  const { t } = useTranslation();
  const { orgs } = useOrgs();
  const [guidelines, setGuidelines] = useState<ComplianceGuideline[]>([]);
  const [services, setServices] = useState<EnterpriseService[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  const [step, setStep] = useState<Step | null>(null);
  const [bookForm] = Form.useForm<Booking>();
  const [stepForm] = Form.useForm<{ adviser?: string; advice?: string; on: string }>();
  const owner =
    orgs.find((o) => o.code === 'sec-legal-services')?.id ?? orgs.find((o) => o.kind === 'bureau')?.id;
  const load = useCallback(() => {
    api
      .get<ComplianceGuideline[]>('/api/lines/compliance/guidelines')
      .then(setGuidelines)
      .catch((e: unknown) => setError(errorMessage(e)));
    api
      .get<EnterpriseService[]>('/api/lines/compliance/services')
      .then(setServices)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      void message.success(t('business.saved'));
      load();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };
  const book = async () => {
    const v = await bookForm.validateFields();
    const ok = await run(() =>
      api.post('/api/lines/compliance/services', {
        ownerOrgId: owner,
        centre: v.centre,
        service: v.centre === 'compliance' ? 'appointment' : 'consultation',
        enterprise: { partyType: 'organisation', name: v.name, creditCode: v.creditCode },
        topic: v.topic,
        requestedOn: v.requestedOn,
      }),
    );
    if (ok) setBooking(false);
  };
  const advance = async () => {
    if (!step) return;
    const v = await stepForm.validateFields();
    if (
      await run(() =>
        api.patch(`/api/lines/compliance/services/${step.row.id}`, { status: step.status, ...v }),
      )
    )
      setStep(null);
  };

  const serviceColumns: ColumnsType<EnterpriseService> = [
    { title: t('business.enterprise'), dataIndex: 'enterprise' },
    {
      title: t('business.centre'),
      dataIndex: 'centre',
      responsive: ['lg'],
      render: (c: string) => centres[c] ?? c,
    },
    { title: t('business.topic'), dataIndex: 'topic', responsive: ['md'] },
    { title: t('business.requestedOn'), dataIndex: 'requestedOn', width: 110 },
    { title: t('business.status'), dataIndex: 'status', width: 80, render: (s: string) => statuses[s] ?? s },
    { title: t('business.adviser'), dataIndex: 'adviser', width: 100, responsive: ['lg'] },
    {
      title: '',
      width: 200,
      render: (_, r) =>
        r.status === 'done' || r.status === 'cancelled' ? (
          r.advice
        ) : (
          <Space size={4}>
            {r.status === 'requested' && (
              <Button
                size="small"
                data-testid={`service-confirm-${r.id}`}
                onClick={() => setStep({ row: r, status: 'confirmed' })}
              >
                {t('business.confirm')}
              </Button>
            )}
            <Button
              size="small"
              type="primary"
              data-testid={`service-record-${r.id}`}
              onClick={() => setStep({ row: r, status: 'done' })}
            >
              {t('business.record')}
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" message={error} showIcon closable onClose={() => setError(null)} />}
      <Card title={t('business.guidelines')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={guidelines}
          columns={[
            { title: t('business.topic'), dataIndex: 'title' },
            { title: '版本', dataIndex: 'version', width: 70 },
            { title: t('business.filedOn'), dataIndex: 'publishedOn', width: 110 },
          ]}
        />
      </Card>
      <Card
        title={t('business.services')}
        extra={
          <Button data-testid="service-book" onClick={() => setBooking(true)}>
            {t('business.book')}
          </Button>
        }
      >
        <Table
          rowKey="id"
          size="small"
          columns={serviceColumns}
          dataSource={services}
          pagination={{ pageSize: 20 }}
        />
      </Card>
      <Modal
        open={booking}
        title={t('business.book')}
        onOk={book}
        onCancel={() => setBooking(false)}
        okButtonProps={{ 'data-testid': 'book-submit' }}
        destroyOnHidden
      >
        <Form form={bookForm} layout="vertical" initialValues={{ centre: 'compliance' }}>
          <Form.Item name="centre" label={t('business.centre')} rules={[{ required: true }]}>
            <Select options={Object.entries(centres).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="name" label={t('business.enterprise')} rules={[{ required: true }]}>
            <Input maxLength={100} data-testid="book-name" />
          </Form.Item>
          <Form.Item name="creditCode" label={t('business.creditCode')} rules={[{ required: true, len: 18 }]}>
            <Input maxLength={18} data-testid="book-code" />
          </Form.Item>
          <Form.Item name="topic" label={t('business.topic')} rules={[{ required: true }]}>
            <Input maxLength={200} data-testid="book-topic" />
          </Form.Item>
          <Form.Item name="requestedOn" label={t('business.requestedOn')} rules={[{ required: true }]}>
            <Input type="date" data-testid="book-date" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={step !== null}
        title={step ? t(step.status === 'done' ? 'business.record' : 'business.confirm') : ''}
        onOk={advance}
        onCancel={() => setStep(null)}
        okButtonProps={{ 'data-testid': 'step-submit' }}
        destroyOnHidden
      >
        <Form form={stepForm} layout="vertical">
          <Form.Item name="adviser" label={t('business.adviser')}>
            <Input maxLength={50} data-testid="step-adviser" />
          </Form.Item>
          {step?.status === 'done' && (
            <Form.Item name="advice" label={t('business.advice')} rules={[{ required: true }]}>
              <Input.TextArea maxLength={1000} rows={4} data-testid="step-advice" />
            </Form.Item>
          )}
          <Form.Item name="on" label={t('business.on')} rules={[{ required: true }]}>
            <Input type="date" data-testid="step-on" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
