// Shows a generated password exactly once, with a copy button; it is never stored by the client.
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  username: string;
  password: string;
  onClose(): void;
}

export function OneTimePasswordModal({ open, title, username, password, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      void message.success(t('common.copied'));
    } catch {
      void message.error(t('common.copyFailed'));
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="initial-password-close">
          {t('common.close')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('users.passwordFor', { username })}</Typography.Paragraph>
      <div style={{ display: 'flex', gap: 8, marginBottom: 16 }}>
        <div className="otp-box" data-testid="initial-password">
          {password}
        </div>
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="initial-password-copy">
          {t('common.copy')}
        </Button>
      </div>
      <Alert type="warning" showIcon title={t('users.mustChangeNote')} />
    </Modal>
  );
}
