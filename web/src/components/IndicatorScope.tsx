// Year and region pickers shared by the indicator pages; the choice lives in the URL (?year=&region=) so a
// figure's address can be copied into a report and opened again with the same scope.
import { Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useRegionTree } from '../kernel/useRegions.ts';
import { useToday } from '../kernel/useToday.ts';

export const DEFAULT_REGION = '330211';

/** `yearsBack`: the default year counted back from this one (the annual report is about last year). */
export function useIndicatorScope(yearsBack = 0) {
  const [params, setParams] = useSearchParams();
  const today = useToday();
  const year = Number(params.get('year')) || Number(today.slice(0, 4)) - yearsBack;
  const region = params.get('region') || DEFAULT_REGION;
  const set = (next: { year?: number; region?: string }) => {
    const p = new URLSearchParams(params);
    p.set('year', String(next.year ?? year));
    p.set('region', next.region ?? region);
    setParams(p, { replace: true });
  };
  return { year, region, set, thisYear: Number(today.slice(0, 4)) };
}

export function IndicatorScope({ scope }: { scope: ReturnType<typeof useIndicatorScope> }) {
  const { t } = useTranslation();
  const regions = useRegionTree();
  const years = Array.from({ length: 8 }, (_, i) => scope.thisYear - i);
  return (
    <>
      <Select
        style={{ width: 110 }}
        value={scope.year}
        options={years.map((y) => ({ value: y, label: t('indicators.yearOption', { year: y }) }))}
        onChange={(y: number) => scope.set({ year: y })}
        data-testid="indicator-year"
      />
      <TreeSelect
        style={{ width: 240 }}
        value={scope.region}
        treeData={regions.length ? regions : [{ value: DEFAULT_REGION, title: DEFAULT_REGION, children: [] }]}
        showSearch={{ treeNodeFilterProp: 'title' }}
        treeDefaultExpandedKeys={regions.map((r) => r.value)}
        onChange={(r: string) => scope.set({ region: r })}
        data-testid="indicator-region"
      />
    </>
  );
}
