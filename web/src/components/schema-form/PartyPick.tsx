// 从当事人档案选取: picks an existing party of the registry for a party row of a form, found by the full
// identity number or credit code (exact) or by name (within the clerk's scope). Picking fills the row's name and
// type and keeps the registry id; the server then links the matter to that record instead of making a new one.
import { Alert, Button, Form, Select, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
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
  const presetName = Form.useWatch([...row, 'name'], form) as string | undefined;

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

  const choose = (hit: PartyHit) => {
    setHits((h) => (h.some((x) => x.id === hit.id) ? h : [...h, hit]));
    onChange?.(hit.id);
    form.setFieldValue([...row, 'name'], hit.name);
    form.setFieldValue([...row, 'partyType'], hit.partyType);
  };

  return (
    <>
      <Select
        showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
        allowClear
        value={value}
        loading={loading}
        placeholder={t('party.searchPlaceholder')}
        notFoundContent={t('party.notFound')}
        options={[
          ...hits.map((p) => ({ value: p.id, label: label(p) })),
          // A record given with the form (a visit's visitor) is not among the hits: shown by the row's name, not its id.
          ...(value && !hits.some((h) => h.id === value)
            ? [{ value, label: presetName ?? String(value) }]
            : []),
        ]}
        onChange={(id: number | undefined) => {
          const hit = hits.find((h) => h.id === id);
          if (hit) choose(hit);
          else onChange?.(id);
        }}
        data-testid={testId}
      />
      {value ? null : <LikelyDuplicates row={row} onChoose={choose} testId={`${testId}-duplicates`} />}
    </>
  );
}

const label = (p: PartyHit) =>
  [p.name, p.idNumberMasked ?? p.creditCode, p.phoneMasked].filter(Boolean).join('　');

/** The birth date a complete resident ID carries, for the duplicate check (the server checks the number itself). */
const birthDateOf = (id: unknown) =>
  typeof id === 'string' && /^\d{17}[\dXx]$/.test(id.trim())
    ? `${id.trim().slice(6, 10)}-${id.trim().slice(10, 12)}-${id.trim().slice(12, 14)}`
    : undefined;

/**
 * Before a new record is made: registry records with the same name and phone, or the same name and birth date,
 * offered to pick instead (可能已在档案中) — so one person does not become two records by a typo in the number.
 */
function LikelyDuplicates({
  row,
  onChoose,
  testId,
}: {
  row: Path;
  onChoose: (p: PartyHit) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const name: unknown = Form.useWatch([...row, 'name'], form);
  const phone: unknown = Form.useWatch([...row, 'phone'], form);
  const idNumber: unknown = Form.useWatch([...row, 'idNumber'], form);
  const [found, setFound] = useState<PartyHit[]>([]);
  useEffect(() => {
    const n = typeof name === 'string' ? name.trim() : '';
    const p = typeof phone === 'string' && /^1\d{10}$/.test(phone.trim()) ? phone.trim() : undefined;
    const birthDate = birthDateOf(idNumber);
    if (n.length < 2 || (!p && !birthDate)) return setFound([]);
    let live = true;
    // Asked once typing pauses, not on every key.
    const timer = setTimeout(() => {
      api
        .post<{ items: PartyHit[] }>('/api/parties/duplicates', { name: n, phone: p, birthDate })
        .then((r) => live && setFound(r.items))
        .catch(() => live && setFound([]));
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [name, phone, idNumber]);
  if (found.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid={testId}
      title={t('party.maybeDuplicate')}
      description={
        <Space orientation="vertical" size={4}>
          {found.map((p) => (
            <Space key={p.id} wrap>
              <span>{label(p)}</span>
              <Button size="small" onClick={() => onChoose(p)} data-testid={`${testId}-use-${p.id}`}>
                {t('party.useRecord')}
              </Button>
            </Space>
          ))}
        </Space>
      }
    />
  );
}
