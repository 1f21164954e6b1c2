// 用户管理: server-paged user list with search and org filter; account actions for user.manage holders.
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { formatShanghai, useLabels } from '../components/labels.ts';
import { OneTimePasswordModal } from '../components/OneTimePasswordModal.tsx';
import { useOrgs } from '../components/OrgsContext.tsx';
import { buildOrgTree, type OrgNode } from '../components/orgTree.tsx';
import { UserDetailDrawer } from '../components/UserDetailDrawer.tsx';
import { UserFormModal } from '../components/UserFormModal.tsx';
import { UserStatusTags } from '../components/UserStatusTags.tsx';
import type { AccountActionResult, User, UserPage } from '../types.ts';

type Action = 'disable' | 'enable' | 'unlock' | 'reset-password';

interface Shown {
  title: string;
  username: string;
  password: string;
}

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can, me } = useAuth();
  const labels = useLabels();
  const { orgs } = useOrgs();
  const manage = can('user.manage');

  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState<number | undefined>();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [data, setData] = useState<UserPage>({ total: 0, items: [] });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form, setForm] = useState<{ editing: User | null } | null>(null);
  const [detailId, setDetailId] = useState<number | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const offset = (page.current - 1) * page.pageSize;
      setData(await api.get<UserPage>('/api/users', { q: q.trim(), orgId, limit: page.pageSize, offset }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, [q, orgId, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const orgTree = useMemo(() => {
    const plain = (nodes: OrgNode[]): OrgNode[] =>
      nodes.map((n) => ({ ...n, title: n.org.name, value: n.key, children: plain(n.children) }));
    return plain(buildOrgTree(orgs, labels.kind));
  }, [orgs, labels.kind]);

  const act = async (user: User, action: Action) => {
    try {
      const res = await api.post<AccountActionResult>(`/api/users/${user.id}/${action}`);
      if (action === 'reset-password' && res.temporaryPassword) {
        setShown({ title: t('users.tempTitle'), username: user.username, password: res.temporaryPassword });
      } else {
        void message.success(
          t(
            action === 'disable'
              ? 'users.disabled'
              : action === 'enable'
                ? 'users.enabled'
                : 'users.unlocked',
          ),
        );
      }
      await load();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const confirm = (user: User, action: Action, key: string, label: string, danger = false) => (
    <Popconfirm
      title={t(key, { name: user.displayName })}
      onConfirm={() => act(user, action)}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
    >
      <Button type="link" size="small" danger={danger} data-testid={`user-${action}-${user.id}`}>
        {label}
      </Button>
    </Popconfirm>
  );

  const columns: ColumnsType<User> = [
    { title: t('users.field.username'), dataIndex: 'username', width: 130 },
    {
      title: t('users.field.displayName'),
      dataIndex: 'displayName',
      width: 150,
      render: (name: string, u) => (
        <>
          {name}
          {u.isDemo && <Tag style={{ marginInlineStart: 6 }}>{t('users.demo')}</Tag>}
        </>
      ),
    },
    { title: t('users.field.phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
    {
      title: t('users.field.memberships'),
      render: (_, u) =>
        u.memberships.map((m) => (
          <Tag key={`${m.orgId}-${m.role}`} color="blue" style={{ marginBlock: 2 }}>
            {m.orgName} · {labels.role(m.role)}
          </Tag>
        )),
    },
    { title: t('users.field.status'), width: 120, render: (_, u) => <UserStatusTags user={u} /> },
    {
      title: t('users.field.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatShanghai(v),
    },
    {
      title: t('common.actions'),
      width: manage ? 250 : 70,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => setDetailId(u.id)}
            data-testid={`user-view-${u.id}`}
          >
            {t('common.view')}
          </Button>
          {manage && (
            <>
              <Button
                type="link"
                size="small"
                onClick={() => setForm({ editing: u })}
                data-testid={`user-edit-${u.id}`}
              >
                {t('common.edit')}
              </Button>
              {u.id !== me?.id &&
                (u.disabled
                  ? confirm(u, 'enable', 'users.enableConfirm', t('users.enable'))
                  : confirm(u, 'disable', 'users.disableConfirm', t('users.disable'), true))}
              {u.locked && confirm(u, 'unlock', 'users.unlockConfirm', t('users.unlock'))}
              {confirm(u, 'reset-password', 'users.resetConfirm', t('users.resetPassword'), true)}
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title={t('menu.users')}>
      <div className="page-toolbar">
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('users.searchPlaceholder')}
          onSearch={(v) => {
            setQ(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          enterButton={t('common.search')}
          data-testid="user-search"
        />
        <TreeSelect
          allowClear
          style={{ width: 280 }}
          placeholder={t('users.orgFilter')}
          treeData={orgTree}
          value={orgId}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandedKeys={orgTree.map((n) => n.key)}
          onChange={(v: number | undefined) => {
            setOrgId(v);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          data-testid="user-org-filter"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {t('common.refresh')}
        </Button>
        <span className="spacer" />
        {manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({ editing: null })}
            data-testid="user-create"
          >
            {t('users.create')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<User>
        size="small"
        bordered
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        data-testid="users-table"
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
      />
      <UserFormModal
        open={!!form}
        editing={form?.editing ?? null}
        onClose={() => setForm(null)}
        onConflict={() => {
          setForm(null);
          void load();
        }}
        onSaved={(user, initialPassword) => {
          setForm(null);
          if (initialPassword)
            setShown({ title: t('users.initialTitle'), username: user.username, password: initialPassword });
          void load();
        }}
      />
      <UserDetailDrawer userId={detailId} onClose={() => setDetailId(null)} />
      <OneTimePasswordModal
        open={!!shown}
        title={shown?.title ?? ''}
        username={shown?.username ?? ''}
        password={shown?.password ?? ''}
        onClose={() => setShown(null)}
      />
    </Card>
  );
}
