// 机构管理: org tree on the left; details and direct sub-organisations of the selection on the right.
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Input, Space, Table, Tag, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthContext.tsx';
import { useLabels } from '../components/labels.ts';
import { OrgFormModal } from '../components/OrgFormModal.tsx';
import { useOrgs } from '../components/OrgsContext.tsx';
import { buildOrgTree, keysToDepth, type OrgNode } from '../components/orgTree.tsx';
import type { Org } from '../types.ts';

/** Keeps matching nodes and the branches leading to them. */
function filterTree(nodes: OrgNode[], q: string): OrgNode[] {
  return nodes.flatMap((n) => {
    const children = filterTree(n.children, q);
    const hit = n.org.name.includes(q) || n.org.code.includes(q) || (n.org.shortName ?? '').includes(q);
    return hit || children.length ? [{ ...n, children }] : [];
  });
}

export default function OrgsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useLabels();
  const { orgs, byId, loading, error, reload } = useOrgs();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [modal, setModal] = useState<{ editing: Org | null; parent: Org | null } | null>(null);
  const manage = can('org.manage');

  const tree = useMemo(() => buildOrgTree(orgs, labels.kind), [orgs, labels.kind]);
  const shown = useMemo(() => (query.trim() ? filterTree(tree, query.trim()) : tree), [tree, query]);
  const selected = (selectedId != null ? byId.get(selectedId) : undefined) ?? tree[0]?.org ?? null;
  const children = useMemo(
    () => orgs.filter((o) => selected && o.parentId === selected.id),
    [orgs, selected],
  );
  const status = (o: Org) =>
    o.active ? <Tag color="green">{t('orgs.active')}</Tag> : <Tag>{t('orgs.inactive')}</Tag>;

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card
        size="small"
        title={t('orgs.tree')}
        style={{ width: 380, flexShrink: 0 }}
        extra={
          <Button
            size="small"
            type="text"
            icon={<ReloadOutlined />}
            onClick={() => void reload()}
            title={t('common.refresh')}
          />
        }
      >
        <Input.Search
          allowClear
          placeholder={t('orgs.filter')}
          onChange={(e) => setQuery(e.target.value)}
          style={{ marginBottom: 8 }}
        />
        {error && <Alert type="error" showIcon title={error} />}
        <div data-testid="orgs-tree" style={{ maxHeight: 'calc(100vh - 230px)', overflow: 'auto' }}>
          <Tree<OrgNode>
            key={query ? `q-${query}` : `all-${tree.length}`}
            treeData={shown}
            showLine
            blockNode
            defaultExpandedKeys={query ? undefined : keysToDepth(tree, 2)}
            defaultExpandAll={!!query}
            selectedKeys={selected ? [selected.id] : []}
            onSelect={(keys) => keys[0] != null && setSelectedId(Number(keys[0]))}
          />
        </div>
      </Card>
      <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 16 }}>
        <Card
          size="small"
          loading={loading && !orgs.length}
          title={selected ? selected.name : t('orgs.detail')}
          extra={
            manage && (
              <Space>
                {selected && (
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setModal({ editing: selected, parent: null })}
                    data-testid="org-edit"
                  >
                    {t('common.edit')}
                  </Button>
                )}
                <Button
                  size="small"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setModal({ editing: null, parent: selected })}
                  data-testid="org-create"
                >
                  {selected ? t('orgs.createChild') : t('orgs.create')}
                </Button>
              </Space>
            )
          }
        >
          {selected ? (
            <Descriptions size="small" bordered column={2} data-testid="org-detail">
              <Descriptions.Item label={t('orgs.field.name')}>{selected.name}</Descriptions.Item>
              <Descriptions.Item label={t('orgs.field.shortName')}>
                {selected.shortName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('orgs.field.code')}>{selected.code}</Descriptions.Item>
              <Descriptions.Item label={t('orgs.field.kind')}>{labels.kind(selected.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('orgs.field.parent')}>
                {selected.parentId != null
                  ? (byId.get(selected.parentId)?.name ?? `#${selected.parentId}`)
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('orgs.field.region')}>
                {t('orgs.regionWithCode', { name: selected.regionName, code: selected.regionCode })}
              </Descriptions.Item>
              <Descriptions.Item label={t('orgs.field.status')}>
                {status(selected)}
                {selected.isDemo && <Tag color="orange">{t('orgs.demo')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('orgs.field.version')}>{selected.version}</Descriptions.Item>
            </Descriptions>
          ) : (
            <Empty description={t('orgs.selectHint')} />
          )}
        </Card>
        {selected && (
          <Card size="small" title={t('orgs.childrenCount', { count: children.length })}>
            <Table<Org>
              size="small"
              rowKey="id"
              dataSource={children}
              pagination={false}
              onRow={(o) => ({ onClick: () => setSelectedId(o.id), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('orgs.field.name'), dataIndex: 'name' },
                {
                  title: t('orgs.field.kind'),
                  dataIndex: 'kind',
                  width: 140,
                  render: (k: string) => labels.kind(k),
                },
                { title: t('orgs.field.code'), dataIndex: 'code', width: 180 },
                { title: t('orgs.field.region'), dataIndex: 'regionName', width: 140 },
                { title: t('orgs.field.status'), width: 120, render: (_, o) => status(o) },
              ]}
            />
          </Card>
        )}
      </div>
      <OrgFormModal
        open={!!modal}
        editing={modal?.editing ?? null}
        defaultParent={modal?.parent}
        onClose={() => setModal(null)}
        onSaved={(o) => {
          setModal(null);
          setSelectedId(o.id);
        }}
      />
    </div>
  );
}
