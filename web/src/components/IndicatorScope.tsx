// Year, region and organisation pickers shared by the indicator pages; the choice lives in the URL
// (?year=&region=&org=) so a figure's address can be copied into a report and opened again with the same scope.
import { Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useRegionTree } from '../kernel/useRegions.ts';
import { useToday } from '../kernel/useToday.ts';
import { useOrgs } from './OrgsContext.tsx';
import { buildOrgTree, type OrgNode } from './orgTree.tsx';

export const DEFAULT_REGION = '330211';

/** `yearsBack`: the default year counted back from this one (the annual report is about last year). */
export function useIndicatorScope(yearsBack = 0) {
  const [params, setParams] = useSearchParams();
  const today = useToday();
  const year = Number(params.get('year')) || Number(today.slice(0, 4)) - yearsBack;
  const region = params.get('region') || DEFAULT_REGION;
  const org = Number(params.get('org')) || undefined;
  /** `org: null` clears the organisation (every organisation in the user's scope). */
  const set = (next: { year?: number; region?: string; org?: number | null }) => {
    const p = new URLSearchParams(params);
    p.set('year', String(next.year ?? year));
    p.set('region', next.region ?? region);
    const o = next.org === undefined ? org : next.org;
    if (o) p.set('org', String(o));
    else p.delete('org');
    setParams(p, { replace: true });
  };
  /** The scope as a query string for links between the indicator pages. */
  const search = `year=${year}&region=${region}${org ? `&org=${org}` : ''}`;
  return { year, region, org, search, set, thisYear: Number(today.slice(0, 4)) };
}

export function IndicatorScope({ scope }: { scope: ReturnType<typeof useIndicatorScope> }) {
  const { t } = useTranslation();
  const regions = useRegionTree();
  const { orgs } = useOrgs();
  const orgTree = useMemo(() => {
    interface Node {
      value: number;
      title: string;
      label: string;
      children: Node[];
    }
    const toNode = (n: OrgNode): Node => ({
      value: n.org.id,
      title: n.org.name,
      label: n.org.name,
      children: n.children.map(toNode),
    });
    return buildOrgTree(orgs, (k) => k).map(toNode);
  }, [orgs]);
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
      <TreeSelect<number>
        style={{ width: 240 }}
        allowClear
        placeholder={t('indicators.allOrgs')}
        popupMatchSelectWidth={360}
        value={scope.org}
        treeData={orgTree}
        showSearch={{ treeNodeFilterProp: 'label' }}
        treeDefaultExpandAll
        onChange={(o?: number) => scope.set({ org: o ?? null })}
        data-testid="indicator-org"
      />
    </>
  );
}
