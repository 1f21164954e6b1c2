// A field whose choices come from the server (`x-widget: lookup`, `x-lookup: { url, params }`): e.g. the mediator
// picker, which lists the mediators a case may be given with the conflict check's result beside each. The server
// is asked with the matter's id (inside an action form) and the values of the sibling fields `params` names
// (e.g. the committee chosen above); an option it reports a conflict for is shown with it and cannot be chosen.
import { Form, Select, Space, Tag, Typography } from 'antd';
import { createContext, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../api.ts';

export interface Lookup {
  url: string;
  /** Query parameter → sibling field whose value it takes. */
  params?: Record<string, string>;
}

interface LookupOption {
  value: number;
  label: string;
  note: string;
  conflict: string | null;
  checked: string | null;
}

/** The matter an action form acts on: lookups ask about it (its organisation, its parties). */
export const FormMatterContext = createContext<number | null>(null);

export function LookupSelect({
  lookup,
  multiple,
  parent,
  testId,
  allowClear,
  value,
  onChange,
}: {
  lookup: Lookup;
  multiple: boolean;
  /** The absolute path of the object holding the field: where the `params` siblings are read. */
  parent: (string | number)[];
  testId: string;
  allowClear: boolean;
  value?: number | number[];
  onChange?: (v: number | number[] | undefined) => void;
}) {
  const { t } = useTranslation();
  const matterId = useContext(FormMatterContext);
  const form = Form.useFormInstance();
  // The selector returns a string, so the field re-renders only when a parameter it reads changes.
  const key =
    Form.useWatch((values: Record<string | number, unknown>) => {
      let siblings: unknown = values;
      for (const k of parent) siblings = (siblings as Record<string | number, unknown> | undefined)?.[k];
      const query: Record<string, string | number> = {};
      if (matterId != null) query.matterId = matterId;
      for (const [param, field] of Object.entries(lookup.params ?? {})) {
        const v = (siblings as Record<string, unknown> | undefined)?.[field];
        if (typeof v === 'string' || typeof v === 'number') query[param] = v;
      }
      return JSON.stringify(query);
    }, form) ?? '{}';
  // Asked once every sibling it names has a value (the quick registration's mediators wait for the committee).
  const ready = Object.keys(lookup.params ?? {}).every((p) => p in JSON.parse(key));
  const [options, setOptions] = useState<LookupOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!ready) {
      setOptions([]);
      return;
    }
    let live = true;
    setOptions(null);
    api
      .get<LookupOption[]>(lookup.url, JSON.parse(key))
      .then((rows) => {
        if (!live) return;
        setOptions(rows);
        setError(null);
      })
      .catch((err) => {
        if (!live) return;
        setOptions([]);
        setError(errorMessage(err));
      });
    return () => {
      live = false;
    };
  }, [lookup.url, key, ready]);

  return (
    <>
      <Select<number | number[]>
        mode={multiple ? 'multiple' : undefined}
        allowClear={allowClear}
        value={value}
        onChange={(v) => onChange?.(v)}
        loading={options === null}
        placeholder={ready ? t('form.choose') : t('form.lookupNeeds')}
        showSearch={{ optionFilterProp: 'title' }}
        optionLabelProp="title"
        options={(options ?? []).map((o) => ({
          value: o.value,
          title: o.label,
          disabled: o.conflict != null,
          label: (
            <Space size={4} wrap data-testid={`${testId}-option-${o.value}`}>
              <span>{o.label}</span>
              <Typography.Text type="secondary">{o.note}</Typography.Text>
              {o.conflict ? (
                <Tag color="error">{o.conflict}</Tag>
              ) : (
                o.checked && <Tag color="success">{o.checked}</Tag>
              )}
            </Space>
          ),
        }))}
        data-testid={testId}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </>
  );
}
