// 从当事人档案选取: picks an existing party of the registry for a party row of a form, found by the full
// identity number or credit code (exact) or by name (within the clerk's scope). Picking fills the row's name and
// type and keeps the registry id; the server then links the matter to that record instead of making a new one.
import { Form, Select } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';

interface PartyHit {
  id: number;
  partyType: 'person' | 'organisation';
  name: string;
  idNumberMasked: string | null;
  creditCode: string | null;
  phoneMasked: string | null;
}

type Path = (string | number)[];

export function PartyPick({
  abs,
  testId,
  value,
  onChange,
}: {
  abs: Path;
  testId: string;
  value?: number;
  onChange?: (v: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const [hits, setHits] = useState<PartyHit[]>([]);
  const [loading, setLoading] = useState(false);
  const asked = useRef(0);
  const row = abs.slice(0, -1);

  const search = async (q: string) => {
    const term = q.trim();
    if (term.length < 2) return setHits([]);
    const mine = ++asked.current;
    setLoading(true);
    try {
      const res = await api.get<{ items: PartyHit[] }>('/api/parties', { q: term });
      if (mine === asked.current) setHits(res.items);
    } catch {
      if (mine === asked.current) setHits([]);
    } finally {
      if (mine === asked.current) setLoading(false);
    }
  };

  const label = (p: PartyHit) =>
    [p.name, p.idNumberMasked ?? p.creditCode, p.phoneMasked].filter(Boolean).join('　');

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      allowClear
      value={value}
      loading={loading}
      placeholder={t('party.searchPlaceholder')}
      notFoundContent={t('party.notFound')}
      options={hits.map((p) => ({ value: p.id, label: label(p) }))}
      onChange={(id: number | undefined) => {
        onChange?.(id);
        const hit = hits.find((h) => h.id === id);
        if (hit) form.setFieldValue([...row, 'name'], hit.name);
        if (hit) form.setFieldValue([...row, 'partyType'], hit.partyType);
      }}
      data-testid={testId}
    />
  );
}
