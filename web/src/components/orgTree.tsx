// Turns the flat org list (linked by parentId) into antd tree nodes, ordered by kind then id.
import { Tag } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { Org } from '../types.ts';
import { orgKinds } from '../types.ts';

export interface OrgNode extends DataNode {
  key: number;
  org: Org;
  children: OrgNode[];
}

const rank = (o: Org) => orgKinds.indexOf(o.kind);

export function buildOrgTree(orgs: Org[], kindLabel: (k: string) => string): OrgNode[] {
  const nodes = new Map<number, OrgNode>();
  for (const org of orgs) {
    nodes.set(org.id, {
      key: org.id,
      org,
      children: [],
      title: (
        <span>
          {org.name}
          <Tag bordered={false} style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px' }}>
            {kindLabel(org.kind)}
          </Tag>
        </span>
      ),
    });
  }
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    // A parent outside the user's scope is not returned, so its visible children become roots.
    const parent = node.org.parentId == null ? undefined : nodes.get(node.org.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort((a, b) => rank(a.org) - rank(b.org) || a.org.id - b.org.id);
    for (const n of list) {
      sort(n.children);
      if (n.children.length === 0) n.isLeaf = true;
    }
  };
  sort(roots);
  return roots;
}

/** Keys of nodes down to `depth` levels, to open the tree at a readable size. */
export function keysToDepth(nodes: OrgNode[], depth: number): number[] {
  if (depth <= 0) return [];
  return nodes.flatMap((n) => (n.children.length ? [n.key, ...keysToDepth(n.children, depth - 1)] : []));
}

/** The bureau's name from its own region onwards: "宁波市镇海区司法局" → "镇海区司法局". */
export function bureauName(orgs: Org[]): string | null {
  const bureau = orgs.find((o) => o.kind === 'bureau');
  if (!bureau) return null;
  const at = bureau.regionName ? bureau.name.indexOf(bureau.regionName) : -1;
  return at > 0 ? bureau.name.slice(at) : bureau.name;
}
