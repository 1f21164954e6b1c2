// 当事人档案: one person or organisation of the parties registry, with numbers masked, and every matter of any line
// the viewer may read in which they are a party. The full identity or phone number shows only when asked for, and
// the server audits each such read.
import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, errorMessage } from '../api.ts';
import type { PartyPage as Page } from '../kernel/types.ts';
import { useLines } from '../kernel/useLines.ts';

type Revealed = { idNumber?: string | null; phone?: string | null };

export default function PartyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id } = useParams();
  const lines = useLines();
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<{ status: number; text: string } | null>(null);
  const [revealed, setRevealed] = useState<Revealed>({});

  useEffect(() => {
    let live = true;
    setPage(null);
    setRevealed({});
    api
      .get<Page>(`/api/parties/${id}`)
      .then((p) => live && setPage(p))
      .catch(
        (err: unknown) =>
          live && setError({ status: err instanceof ApiError ? err.status : 0, text: errorMessage(err) }),
      );
    return () => {
      live = false;
    };
  }, [id]);

  const reveal = async (field: 'idNumber' | 'phone') => {
    try {
      const r = await api.post<{ value: string | null }>(`/api/parties/${id}/reveal`, { field });
      setRevealed((v) => ({ ...v, [field]: r.value }));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  if (error)
    return (
      <Result
        status={error.status === 404 ? '404' : 'error'}
        title={error.text}
        extra={<Button onClick={() => navigate(-1)}>{t('common.back')}</Button>}
      />
    );
  if (!page) return <Spin style={{ margin: 48 }} />;
  const { party } = page;
  const person = party.partyType === 'person';
  const number = (field: 'idNumber' | 'phone', masked: string | null) =>
    masked && (
      <Space>
        <span data-testid={`party-${field}`}>{revealed[field] ?? masked}</span>
        {revealed[field] === undefined && (
          <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void reveal(field)}>
            {t('party.reveal')}
          </Button>
        )}
      </Space>
    );

  return (
    <>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Space wrap>
            <Button
              type="text"
              size="small"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label={t('common.back')}
            />
            <span data-testid="party-name">{party.name}</span>
            <Tag>{t(person ? 'party.person' : 'party.organisation')}</Tag>
          </Space>
        }
      >
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'id', label: t('party.idNumber'), children: number('idNumber', party.idNumberMasked) },
            { key: 'credit', label: t('party.creditCode'), children: party.creditCode },
            { key: 'phone', label: t('party.phone'), children: number('phone', party.phoneMasked) },
            { key: 'birth', label: t('party.birthDate'), children: party.birthDate },
            { key: 'sex', label: t('party.sex'), children: party.sex && t(`party.sexes.${party.sex}`) },
            { key: 'rep', label: t('party.legalRepresentative'), children: party.legalRepresentative },
            { key: 'address', label: t('party.address'), children: party.address },
          ].filter((i) => i.children)}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('party.revealNote')}
        </Typography.Paragraph>
      </Card>
      {page.restrictedLines.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('party.restricted', { lines: page.restrictedLines.join('、') })}
          data-testid="party-restricted"
        />
      )}
      <Card size="small" title={t('party.matters', { count: page.matters.length })}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={page.matters}
          data-testid="party-matters"
          locale={{ emptyText: t('party.noMatters') }}
          columns={[
            {
              title: t('matters.refNo'),
              render: (_, m) => <Link to={`/matters/${m.id}`}>{m.refNo}</Link>,
            },
            { title: t('matters.title'), dataIndex: 'title' },
            { title: t('matters.line'), render: (_, m) => lines.lineLabel(m.line) },
            {
              title: t('party.roles'),
              render: (_, m) => m.roles.map((r) => t(`party.role.${r}`, { defaultValue: r })).join('、'),
            },
            { title: t('matters.state'), render: (_, m) => lines.stateLabel(m.line, m.kind, m.state) },
            { title: t('matters.openedOn'), dataIndex: 'openedOn' },
          ]}
        />
      </Card>
    </>
  );
}
