// Sign-in page: centred card, one clear message per failure code, never any default credentials.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { takeLoginShell } from '../auth/login-shell.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

interface Values {
  username: string;
  password: string;
}

interface Failure {
  code: string;
  detail: string;
}

const knownCodes = [
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'RATE_LIMITED',
  'SESSION_EXPIRED',
  'VALIDATION',
];

export default function LoginPage() {
  const { t } = useTranslation();
  const { login, notice } = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  // The plain form of index.html showed first: keep what was typed there, and where.
  useEffect(() => {
    const carried = takeLoginShell();
    if (!carried) return;
    if (carried.username || carried.password)
      form.setFieldsValue({ username: carried.username, password: carried.password });
    if (carried.focus === 'password') form.getFieldInstance('password')?.focus();
  }, [form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      await login(v.username.trim(), v.password);
    } catch (err) {
      setFailure({ code: err instanceof ApiError ? err.code : 'other', detail: errorMessage(err) });
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  };

  const codeTitle = failure
    ? t(`login.error.${knownCodes.includes(failure.code) ? failure.code : 'other'}`)
    : '';
  // The server's detail usually restates the title with the specifics ("…再错 4 次…"); then one line says it all.
  const oneLine = !!failure && failure.detail.includes(codeTitle);
  const expired = !failure && notice && 'key' in notice && notice.key === 'login.sessionExpired';

  return (
    <div className="login-bg">
      <div style={{ position: 'fixed', top: 12, right: 16 }}>
        <LanguageSwitch variant="outlined" />
      </div>
      <div className="login-head">
        <span className="app-emblem" style={{ width: 48, height: 48, fontSize: 28 }}>
          {t('app.emblem')}
        </span>
        <h1>{t('app.title', { bureau: t('app.genericBureau') })}</h1>
        <div style={{ opacity: 0.9 }}>{t('app.loginSubtitle')}</div>
      </div>
      <Card style={{ width: 400, boxShadow: '0 4px 16px rgba(0,0,0,0.08)' }} title={t('login.title')}>
        {failure && (
          <Alert
            type="error"
            showIcon
            data-testid="login-error"
            data-code={failure.code}
            title={oneLine ? failure.detail : codeTitle}
            description={oneLine ? undefined : failure.detail}
            style={{ marginBottom: 16 }}
          />
        )}
        {expired && (
          <Alert
            type="warning"
            showIcon
            data-testid="login-error"
            data-code="SESSION_EXPIRED"
            title={t('login.sessionExpired')}
            style={{ marginBottom: 16 }}
          />
        )}
        {!failure && !expired && notice && (
          <Alert
            type={'key' in notice ? 'info' : 'error'}
            showIcon
            data-testid="login-notice"
            title={'key' in notice ? t(notice.key) : notice.text}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              maxLength={64}
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              maxLength={256}
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={busy}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('app.copyright')}
      </Typography.Text>
    </div>
  );
}
