// Administrative divisions (district → towns → villages) as a tree for the indicator scope picker.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { Region } from '../types.ts';

export interface RegionNode {
  value: string;
  title: string;
  children: RegionNode[];
}

export function useRegionTree(): RegionNode[] {
  const [tree, setTree] = useState<RegionNode[]>([]);
  useEffect(() => {
    api
      .get<Region[]>('/api/regions')
      .then((regions) => {
        const nodes = new Map(
          regions.map((r) => [r.code, { value: r.code, title: r.name, children: [] as RegionNode[] }]),
        );
        const roots: RegionNode[] = [];
        for (const r of regions) {
          const node = nodes.get(r.code)!;
          const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
          (parent ? parent.children : roots).push(node);
        }
        setTree(roots);
      })
      .catch(() => setTree([])); // the picker then offers only the default district
  }, []);
  return tree;
}
