// 律师事务所与律师: the firms in scope (a firm's administrator sees its own), their lawyers and government lawyers,
// and the annual revenue return that the industry's growth is computed from.
import { Alert, Button, Card, Form, Input, InputNumber, Modal, message, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';
import type { LawFirm, Lawyer } from '../../types.ts';

const lawyerTypes: Record<string, string> = {
  fullTime: '专职律师',
  partTime: '兼职律师',
  government: '公职律师',
  corporate: '公司律师',
  legalAid: '法律援助律师',
};

interface RevenueForm {
  year: number;
  revenue: number;
  filedOn: string;
}

export default function LawyersTab() {
  const { t } = useTranslation();
  const [firms, setFirms] = useState<LawFirm[]>([]);
  const [lawyers, setLawyers] = useState<Lawyer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [filing, setFiling] = useState<LawFirm | null>(null);
  const [form] = Form.useForm<RevenueForm>();
  const load = useCallback(() => {
    api
      .get<LawFirm[]>('/api/lines/lawyers/firms')
      .then(setFirms)
      .catch((e: unknown) => setError(errorMessage(e)));
    api
      .get<Lawyer[]>('/api/lines/lawyers/lawyers')
      .then(setLawyers)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const submit = async () => {
    if (!filing) return;
    const v = await form.validateFields();
    try {
      await api.put(`/api/lines/lawyers/firms/${filing.id}/revenue`, v);
      void message.success(t('business.saved'));
      setFiling(null);
      load();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const firmColumns: ColumnsType<LawFirm> = [
    { title: t('business.firms'), dataIndex: 'name' },
    { title: t('business.licenceNo'), dataIndex: 'licenceNo', responsive: ['lg'] },
    { title: t('business.settledOn'), dataIndex: 'settledOn', width: 110 },
    { title: t('business.lawyerCount'), dataIndex: 'lawyers', width: 90, align: 'right' },
    {
      title: t('business.lastRevenue'),
      width: 180,
      align: 'right',
      render: (_, f) => (f.lastRevenue ? `${f.lastRevenueYear}：${f.lastRevenue}` : '—'),
    },
    {
      title: '',
      width: 130,
      render: (_, f) => (
        <Button size="small" data-testid={`file-revenue-${f.id}`} onClick={() => setFiling(f)}>
          {t('business.fileRevenue')}
        </Button>
      ),
    },
  ];
  const lawyerColumns: ColumnsType<Lawyer> = [
    { title: t('business.subject'), dataIndex: 'name', width: 110 },
    { title: t('business.firms'), dataIndex: 'orgName', responsive: ['md'] },
    { title: t('business.certificateNo'), dataIndex: 'certificateNo', responsive: ['lg'] },
    {
      title: t('business.lawyerType'),
      dataIndex: 'lawyerType',
      width: 110,
      render: (k: string, l) => (
        <Space size={4}>
          <span>{lawyerTypes[k] ?? k}</span>
          {l.inPool && <Tag color="blue">人才库</Tag>}
        </Space>
      ),
    },
    { title: t('business.assignments'), dataIndex: 'assignments', width: 100, align: 'right' },
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" message={error} showIcon closable onClose={() => setError(null)} />}
      <Card title={t('business.firms')}>
        <Table
          rowKey="id"
          size="small"
          columns={firmColumns}
          dataSource={firms}
          pagination={{ pageSize: 20 }}
        />
      </Card>
      <Card title={t('business.lawyers')}>
        <Table
          rowKey="id"
          size="small"
          columns={lawyerColumns}
          dataSource={lawyers}
          pagination={{ pageSize: 20 }}
        />
      </Card>
      <Modal
        open={filing !== null}
        title={`${t('business.fileRevenue')}：${filing?.name ?? ''}`}
        onOk={submit}
        onCancel={() => setFiling(null)}
        okButtonProps={{ 'data-testid': 'revenue-submit' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="year" label={t('business.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} data-testid="revenue-year" />
          </Form.Item>
          <Form.Item name="revenue" label={t('business.revenue')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid="revenue-amount" />
          </Form.Item>
          <Form.Item name="filedOn" label={t('business.filedOn')} rules={[{ required: true }]}>
            <Input type="date" data-testid="revenue-filed" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
