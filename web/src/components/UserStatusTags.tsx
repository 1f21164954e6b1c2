// Account state as tags; several can apply at once (e.g. locked and must change password).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../types.ts';

export function UserStatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  const tags = [
    user.disabled && (
      <Tag key="d" color="default">
        {t('users.status.disabled')}
      </Tag>
    ),
    user.locked && (
      <Tag key="l" color="red">
        {t('users.status.locked')}
      </Tag>
    ),
    user.mustChangePassword && (
      <Tag key="m" color="gold">
        {t('users.status.mustChange')}
      </Tag>
    ),
  ].filter(Boolean);
  return tags.length ? tags : <Tag color="green">{t('users.status.normal')}</Tag>;
}
