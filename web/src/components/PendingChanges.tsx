// Changes awaiting a second district-level administrator (holiday notices, the bureau profile): who proposed what
// and why, with 确认 / 驳回 for another administrator and 撤回 for the proposer. The server refuses the proposer's
// own confirmation anyway; the buttons only follow it.
import { App, Button, Empty, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import type { EntryChange, PendingChange } from '../kernel/types.ts';

interface Props {
  kind: 'calendar' | 'profile';
  /** Called after a change was confirmed, so the page reloads what it shows. */
  onDecided?: () => void;
  /** Bumped by the page after it proposed a change, to reload the list. */
  reloadKey?: number;
}

const shown = (v: string | boolean, yes: string, no: string) => (typeof v === 'boolean' ? (v ? yes : no) : v);

/** A default follows later changes (of the entry it copies); a value set stays: the page says which. */
function Value({ v, isDefault, strong }: { v: string | boolean; isDefault: boolean; strong?: boolean }) {
  const { t } = useTranslation();
  const text = shown(v, t('profile.yes'), t('profile.no'));
  return (
    <Space size={4} wrap>
      {strong ? (
        <Typography.Text strong>{text}</Typography.Text>
      ) : (
        <Typography.Text delete>{text}</Typography.Text>
      )}
      {isDefault && <Tag>{t('profile.isDefault')}</Tag>}
    </Space>
  );
}

export function ChangeDiff({ changes }: { changes: EntryChange[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={changes}
      columns={[
        { title: t('profile.entry'), dataIndex: 'label' },
        {
          title: t('profile.before'),
          render: (_, c) => <Value v={c.before} isDefault={c.beforeIsDefault} />,
        },
        {
          title: t('profile.after'),
          render: (_, c) => <Value v={c.after} isDefault={c.afterIsDefault} strong />,
        },
      ]}
    />
  );
}

function Subject({ c }: { c: PendingChange }) {
  const { t } = useTranslation();
  if (c.kind === 'profile') return <ChangeDiff changes={c.changes} />;
  const p = c.payload as { year?: number; notice?: string; holidays?: unknown[] };
  return (
    <span>
      {t('changes.calendarSubject', { year: p.year, notice: p.notice })}
      <Typography.Text type="secondary">
        （{t('changes.holidays', { count: p.holidays?.length ?? 0 })}）
      </Typography.Text>
    </span>
  );
}

export function PendingChanges({ kind, onDecided, reloadKey }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<PendingChange[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setItems(await api.get<PendingChange[]>('/api/changes', { kind, state: 'pending' }));
    } catch (err) {
      void message.error(errorMessage(err));
    }
  }, [kind, message]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a reload on purpose
  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  const decide = async (c: PendingChange, decision: 'confirm' | 'reject' | 'withdraw') => {
    setBusy(c.id);
    try {
      const done = await api.post<PendingChange>(`/api/changes/${c.id}/${decision}`, note ? { note } : {});
      void message.success(t(`changes.${done.state}` as 'changes.confirmed'));
      setNote('');
      if (decision === 'confirm') onDecided?.();
      await load();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  if (!items.length) return <Empty description={t('changes.empty')} data-testid={`changes-empty-${kind}`} />;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      data-testid={`changes-${kind}`}
      columns={[
        { title: t('changes.subject'), render: (_, c) => <Subject c={c} /> },
        { title: t('changes.reason'), dataIndex: 'reason', width: 220 },
        {
          title: t('changes.proposedBy'),
          width: 170,
          render: (_, c) => (
            <span>
              {c.proposedBy}
              <br />
              <Typography.Text type="secondary">{new Date(c.proposedAt).toLocaleString()}</Typography.Text>
            </span>
          ),
        },
        {
          title: t('common.actions'),
          width: 220,
          render: (_, c) =>
            c.mine ? (
              <Space direction="vertical" size={4}>
                <Tag color="gold">{t('changes.mine')}</Tag>
                <Button size="small" loading={busy === c.id} onClick={() => void decide(c, 'withdraw')}>
                  {t('changes.withdraw')}
                </Button>
              </Space>
            ) : (
              <Space>
                <Popconfirm title={t('changes.confirmTitle')} onConfirm={() => decide(c, 'confirm')}>
                  <Button
                    type="primary"
                    size="small"
                    loading={busy === c.id}
                    data-testid={`change-confirm-${c.id}`}
                  >
                    {t('changes.confirm')}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t('changes.rejectTitle')}
                  description={
                    <Input.TextArea
                      maxLength={500}
                      value={note}
                      onChange={(e) => setNote(e.target.value)}
                      placeholder={t('changes.rejectPlaceholder')}
                    />
                  }
                  onConfirm={() => decide(c, 'reject')}
                >
                  <Button danger size="small" loading={busy === c.id}>
                    {t('changes.reject')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
        },
      ]}
    />
  );
}
