// 行政复议人员名册: who may hear reconsideration cases (行政复议法第六条: the 法律职业资格 for those who took up the
// work from 2018), registered by the 复议机构, with the cases each handles (expand a row).
import { Alert, Button, Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, errorMessage } from '../api.ts';
import type { ReconsiderationStaff, ReconsiderationStaffCase } from '../types.ts';

/** As the server labels them (src/lines/reconsideration/staff.ts). */
const qualifications: Record<string, string> = {
  legalProfession: '取得法律职业资格',
  before2018: '2018年1月1日前已从事行政复议工作',
};

function Cases({ staffId }: { staffId: number }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ReconsiderationStaffCase[] | null>(null);
  useEffect(() => {
    api
      .get<ReconsiderationStaffCase[]>(`/api/lines/reconsideration/staff/${staffId}/cases`)
      .then(setRows, () => setRows([]));
  }, [staffId]);
  return (
    <Table
      size="small"
      rowKey="matterId"
      loading={rows === null}
      dataSource={rows ?? []}
      pagination={false}
      columns={[
        {
          title: t('reconStaff.refNo'),
          render: (_, c) => <Link to={`/matters/${c.matterId}`}>{c.refNo}</Link>,
        },
        { title: t('reconStaff.case'), dataIndex: 'title' },
        {
          title: t('reconStaff.role'),
          dataIndex: 'role',
          render: (r: string) => (r === 'lead' ? '主办' : '协办'),
        },
        { title: t('reconStaff.openedOn'), dataIndex: 'openedOn', width: 110 },
        { title: t('reconStaff.closedOn'), dataIndex: 'closedOn', width: 110 },
      ]}
    />
  );
}

export default function ReconsiderationStaffPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [rows, setRows] = useState<ReconsiderationStaff[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .get<ReconsiderationStaff[]>('/api/lines/reconsideration/staff')
      .then(setRows, (err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(load, [load]);

  const add = async (v: { name: string; qualification: string; certificateNo?: string; since: Dayjs }) => {
    setError(null);
    try {
      await api.post('/api/lines/reconsideration/staff', { ...v, since: v.since.format('YYYY-MM-DD') });
      form.resetFields();
      load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const columns: ColumnsType<ReconsiderationStaff> = [
    { title: t('reconStaff.name'), dataIndex: 'name' },
    {
      title: t('reconStaff.qualification'),
      dataIndex: 'qualification',
      render: (q: string) => qualifications[q] ?? q,
    },
    { title: t('reconStaff.certificate'), dataIndex: 'certificateNo', responsive: ['md'] },
    { title: t('reconStaff.since'), dataIndex: 'since', width: 110, responsive: ['md'] },
    { title: t('reconStaff.cases'), dataIndex: 'cases', width: 90 },
    { title: t('reconStaff.open'), dataIndex: 'openCases', width: 90, responsive: ['md'] },
    { title: t('reconStaff.lead'), dataIndex: 'leadCases', width: 90, responsive: ['lg'] },
    { title: '', width: 80, render: (_, s) => (s.leftOn ? <Tag>{t('reconStaff.left')}</Tag> : null) },
  ];

  return (
    <Card title={t('reconStaff.title')} data-testid="recon-staff">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" onFinish={add} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="name" rules={[{ required: true, message: t('reconStaff.name') }]}>
          <Input placeholder={t('reconStaff.name')} maxLength={50} data-testid="recon-staff-name" />
        </Form.Item>
        <Form.Item name="qualification" rules={[{ required: true, message: t('reconStaff.qualification') }]}>
          <Select
            style={{ width: 260 }}
            placeholder={t('reconStaff.qualification')}
            options={Object.entries(qualifications).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="certificateNo">
          <Input placeholder={t('reconStaff.certificate')} maxLength={50} />
        </Form.Item>
        <Form.Item name="since" rules={[{ required: true, message: t('reconStaff.since') }]}>
          <DatePicker placeholder={t('reconStaff.since')} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('reconStaff.add')}
        </Button>
      </Form>
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        expandable={{ expandedRowRender: (s) => <Cases staffId={s.id} />, rowExpandable: (s) => s.cases > 0 }}
      />
    </Card>
  );
}
