// Full user record (including the unmasked phone). Opening it is itself an audited action on the server.
import { Alert, Descriptions, Drawer, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../api.ts';
import type { User } from '../types.ts';
import { formatShanghai, useLabels } from './labels.ts';
import { UserStatusTags } from './UserStatusTags.tsx';

export function UserDetailDrawer({ userId, onClose }: { userId: number | null; onClose(): void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setUser(null);
    setError(null);
    if (userId == null) return;
    api.get<User>(`/api/users/${userId}`).then(setUser, (err: unknown) => setError(errorMessage(err)));
  }, [userId]);

  return (
    <Drawer open={userId != null} onClose={onClose} title={t('users.detailTitle')} size={560} destroyOnHidden>
      <Alert
        type="info"
        showIcon
        title={t('users.detailAudited')}
        style={{ marginBottom: 16 }}
        data-testid="user-detail-audited"
      />
      {error && <Alert type="error" showIcon title={error} />}
      {!user && !error && <Spin />}
      {user && (
        <Descriptions size="small" bordered column={1} data-testid="user-detail">
          <Descriptions.Item label={t('users.field.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('users.field.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('users.field.phone')}>
            <span data-testid="user-detail-phone">{user.phone ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('users.field.memberships')}>
            {user.memberships.map((m) => (
              <Tag key={`${m.orgId}-${m.role}`} color="blue" style={{ marginBottom: 4 }}>
                {m.orgName} · {labels.role(m.role)}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.field.status')}>
            <UserStatusTags user={user} />
          </Descriptions.Item>
          <Descriptions.Item label={t('users.field.createdAt')}>
            {formatShanghai(user.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.field.version')}>{user.version}</Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
