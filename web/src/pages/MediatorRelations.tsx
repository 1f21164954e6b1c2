// 利害关系登记: a mediator's recorded relations to parties, shown under the mediator's row of the registry, and a
// small form to record one. The assignment of mediators and the mediator picker refuse a mediator related to a party
// of the case (src/lines/mediation/relations.ts); the server decides who may record.
import { Alert, Button, Form, Input, List, Select, Space, Tag } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';

interface Relation {
  id: number;
  partyId: number;
  partyName: string;
  relation: string;
  relationLabel: string;
  note: string | null;
  recordedOn: string;
}

interface PartyHit {
  id: number;
  name: string;
  idNumberMasked: string | null;
  creditCode: string | null;
}

const kinds = ['kin', 'colleague', 'agent', 'interest'] as const;

export function MediatorRelations({ mediatorId }: { mediatorId: number }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Relation[]>([]);
  const [hits, setHits] = useState<PartyHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const asked = useRef(0);
  const [form] = Form.useForm<{ partyId: number; relation: string; note?: string }>();
  const url = `/api/lines/mediation/mediators/${mediatorId}/relations`;

  const load = useCallback(() => {
    api
      .get<Relation[]>(url)
      .then(setRows)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [url]);
  useEffect(load, [load]);

  const search = async (q: string) => {
    const term = q.trim();
    if (term.length < 2) return setHits([]);
    const mine = ++asked.current;
    try {
      const res = await api.get<{ items: PartyHit[] }>('/api/parties', { q: term });
      if (mine === asked.current) setHits(res.items);
    } catch {
      if (mine === asked.current) setHits([]);
    }
  };

  const save = async (v: { partyId: number; relation: string; note?: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api.post(url, { partyId: v.partyId, relation: v.relation, ...(v.note ? { note: v.note } : {}) });
      form.resetFields();
      load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`relations-${mediatorId}`}>
      <strong>{t('mediation.relations')}</strong>
      {error && <Alert type="error" message={error} showIcon />}
      <List
        size="small"
        dataSource={rows}
        locale={{ emptyText: t('mediation.noRelations') }}
        renderItem={(r) => (
          <List.Item data-testid="relation-row">
            <Space wrap>
              <span>{r.partyName}</span>
              <Tag color="warning">{t(`mediation.relation.${r.relation}`)}</Tag>
              {r.note && <span className="muted">{r.note}</span>}
              <span className="muted">
                {t('mediation.recordedOn')} {r.recordedOn}
              </span>
            </Space>
          </List.Item>
        )}
      />
      <Form form={form} layout="inline" onFinish={(v) => void save(v)}>
        <Form.Item name="partyId" rules={[{ required: true, message: t('mediation.pickParty') }]}>
          <Select
            data-testid={`relation-party-${mediatorId}`}
            style={{ width: 240 }}
            showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
            placeholder={t('party.searchPlaceholder')}
            notFoundContent={t('party.notFound')}
            options={hits.map((p) => ({
              value: p.id,
              label: [p.name, p.idNumberMasked ?? p.creditCode].filter(Boolean).join(' '),
            }))}
          />
        </Form.Item>
        <Form.Item name="relation" rules={[{ required: true, message: t('mediation.pickRelation') }]}>
          <Select
            data-testid={`relation-kind-${mediatorId}`}
            style={{ width: 180 }}
            placeholder={t('mediation.relationKind')}
            options={kinds.map((k) => ({ value: k, label: t(`mediation.relation.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="note">
          <Input
            data-testid={`relation-note-${mediatorId}`}
            maxLength={200}
            placeholder={t('mediation.relationNote')}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Button htmlType="submit" loading={saving} data-testid={`relation-submit-${mediatorId}`}>
          {t('mediation.recordRelation')}
        </Button>
      </Form>
    </Space>
  );
}
