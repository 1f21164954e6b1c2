// 本机关设置: the bureau profile, grouped (机关名称, 复议机关与机构, then per template 文号前缀/发文机关/落款/印章
// and per kind 案号前缀, as the server lists them for the registered lines). A change is proposed with a reason and
// takes effect when another district-level administrator confirms it; the history shows every version's diff.
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  Form,
  Input,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../api.ts';
import { ChangeDiff, PendingChanges } from '../components/PendingChanges.tsx';
import type { PendingChange, ProfileEntry, ProfileVersionList, ProfileView } from '../kernel/types.ts';

type Values = Record<string, string | boolean | null>;

function EntryField({
  e,
  value,
  error,
  onChange,
}: {
  e: ProfileEntry;
  value: string | boolean | null;
  error?: string;
  onChange: (v: string | boolean | null) => void;
}) {
  const { t } = useTranslation();
  if (e.kind === 'flag')
    return (
      <Form.Item label={e.label} validateStatus={error ? 'error' : undefined} help={error ?? e.hint}>
        <Checkbox
          checked={value === true}
          onChange={(ev) => onChange(ev.target.checked)}
          data-testid={`profile-${e.key}`}
        >
          {t('profile.yes')}
        </Checkbox>
      </Form.Item>
    );
  return (
    <Form.Item
      label={e.label}
      validateStatus={error ? 'error' : undefined}
      help={error ?? (e.hint ? `${e.hint}。${e.defaultText}` : e.defaultText)}
    >
      <Input
        value={typeof value === 'string' ? value : ''}
        maxLength={e.max}
        allowClear
        placeholder={String(e.effective)}
        onChange={(ev) => onChange(ev.target.value)}
        data-testid={`profile-${e.key}`}
      />
    </Form.Item>
  );
}

function Settings({ view, onProposed }: { view: ProfileView; onProposed: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const initial = useCallback(
    () => Object.fromEntries(view.groups.flatMap((g) => g.entries.map((e) => [e.key, e.value]))) as Values,
    [view],
  );
  const [values, setValues] = useState<Values>(initial);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(initial()), [initial]);

  const submit = async () => {
    setBusy(true);
    setErrors({});
    setProblem(null);
    try {
      await api.put<PendingChange>('/api/profile', { values, reason });
      void message.success(t('profile.proposed'));
      setReason('');
      onProposed();
    } catch (err) {
      if (err instanceof ApiError && err.errors.length)
        setErrors(Object.fromEntries(err.errors.map((e) => [e.field.replace(/^body\./, ''), e.message])));
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  // The first two groups (names, the reconsideration organs) open; one panel per template and kind below.
  const [main, rest] = [view.groups.slice(0, 2), view.groups.slice(2)];
  const fields = (g: ProfileView['groups'][number]) =>
    g.entries.map((e) => (
      <EntryField
        key={e.key}
        e={e}
        value={values[e.key] ?? null}
        error={errors[e.key]}
        onChange={(v) => setValues((old) => ({ ...old, [e.key]: v }))}
      />
    ));
  return (
    <Form layout="vertical" style={{ maxWidth: 860 }}>
      {view.pending && (
        <Alert type="info" showIcon title={t('profile.pendingExists')} style={{ marginBottom: 12 }} />
      )}
      {main.map((g) => (
        <Card key={g.id} size="small" title={g.title} style={{ marginBottom: 12 }}>
          {fields(g)}
        </Card>
      ))}
      <Collapse
        style={{ marginBottom: 12 }}
        items={rest.map((g) => ({ key: g.id, label: g.title, children: fields(g) }))}
      />
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 12 }}
          data-testid="profile-error"
        />
      )}
      <Form.Item label={t('profile.reason')} required>
        <Input.TextArea
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('profile.reasonPlaceholder')}
          data-testid="profile-reason"
        />
      </Form.Item>
      <Button
        type="primary"
        loading={busy}
        disabled={!reason.trim() || Boolean(view.pending)}
        onClick={() => void submit()}
        data-testid="profile-submit"
      >
        {t('profile.propose')}
      </Button>
    </Form>
  );
}

function History({ versions }: { versions: ProfileVersionList }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="version"
      dataSource={versions}
      pagination={{ pageSize: 20 }}
      expandable={{
        rowExpandable: (v) => v.changes.length > 0,
        expandedRowRender: (v) => <ChangeDiff changes={v.changes} />,
      }}
      columns={[
        {
          title: t('profile.versionCol'),
          render: (_, v) => t('profile.version', { version: v.version }),
        },
        { title: t('profile.at'), render: (_, v) => new Date(v.createdAt).toLocaleString() },
        { title: t('profile.proposedBy'), render: (_, v) => v.proposedBy ?? '—' },
        { title: t('profile.confirmedBy'), render: (_, v) => v.confirmedBy ?? '—' },
        { title: t('changes.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const [view, setView] = useState<ProfileView | null>(null);
  const [versions, setVersions] = useState<ProfileVersionList>([]);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);

  const load = useCallback(async () => {
    try {
      const [v, h] = await Promise.all([
        api.get<ProfileView>('/api/profile'),
        api.get<ProfileVersionList>('/api/profile/versions'),
      ]);
      setView(v);
      setVersions(h);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card size="small" title={t('menu.profile')}>
      <Typography.Paragraph type="secondary">{t('profile.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {view && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary" data-testid="profile-version">
            {t('profile.versionInfo', {
              version: view.version,
              who: view.confirmedBy ?? '—',
              at: new Date(view.createdAt).toLocaleString(),
              reason: view.reason,
            })}
          </Typography.Text>
          <Tabs
            items={[
              {
                key: 'settings',
                label: t('profile.tabSettings'),
                children: (
                  <Settings
                    view={view}
                    onProposed={() => {
                      setReloadKey((k) => k + 1);
                      void load();
                    }}
                  />
                ),
              },
              {
                key: 'pending',
                label: t('profile.tabPending'),
                children: (
                  <PendingChanges kind="profile" reloadKey={reloadKey} onDecided={() => void load()} />
                ),
              },
              { key: 'history', label: t('profile.tabHistory'), children: <History versions={versions} /> },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
