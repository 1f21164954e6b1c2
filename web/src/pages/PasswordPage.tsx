// Change password. With `forced`, it is the only page reachable (initial or reset password).
import { LogoutOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { clearServerErrors, reportFormError } from '../components/formErrors.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refresh, logout, me } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.post('/api/auth/password', {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      void message.success(t('password.success'));
      form.resetFields();
      await refresh(); // clears mustChangePassword, which opens the rest of the app
      // When forced, the route table changes by itself and the user lands where they were headed.
      if (!forced) void navigate('/', { replace: true });
    } catch (err) {
      setProblem(reportFormError(form, err, ['currentPassword', 'newPassword']));
    } finally {
      setBusy(false);
    }
  };

  const card = (
    <Card title={t('password.title')} style={{ maxWidth: 520, width: '100%' }}>
      {forced && <Alert type="warning" showIcon title={t('password.forced')} style={{ marginBottom: 16 }} />}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
        />
      )}
      <Form<Values>
        form={form}
        onValuesChange={(changed) => clearServerErrors(form, changed)}
        layout="vertical"
        onFinish={(v) => void submit(v)}
      >
        {/* The username lets password managers attach the new password to the right account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={me?.username ?? ''}
          readOnly
          hidden
        />
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.policy')}
          rules={[{ required: true, message: t('password.newRequired') }]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );

  if (!forced) return card;
  return (
    <div className="login-bg">
      <div style={{ position: 'fixed', top: 12, right: 16, display: 'flex', gap: 8 }}>
        <LanguageSwitch variant="outlined" />
        <Button size="small" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
          {t('header.logout')}
        </Button>
      </div>
      <div className="login-head">
        <h1>{t('app.title', { bureau: t('app.genericBureau') })}</h1>
      </div>
      {card}
    </div>
  );
}
