// The list filters a business line declares besides the kernel's (纠纷类型 for mediation cases), one select each.
import { Select } from 'antd';
import type { LineDef } from '../kernel/types.ts';

export function LineListFilters({
  line,
  values,
  onChange,
}: {
  line: LineDef | undefined;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
}) {
  return (
    <>
      {(line?.listFilters ?? []).map((f) => (
        <Select
          key={f.id}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 170 }}
          placeholder={f.label}
          value={values[f.id]}
          options={f.options}
          onChange={(v?: string) => {
            const next = { ...values };
            if (v) next[f.id] = v;
            else delete next[f.id];
            onChange(next);
          }}
          data-testid={`matters-filter-${f.id}`}
        />
      ))}
    </>
  );
}
