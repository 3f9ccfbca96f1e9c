import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/useT.ts';
import { useSession } from '../session/useSession.ts';

function toError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) });
}

/**
 * Login (登录): user name and password; a user with a one-time password sets a new one first;
 * then back to where the user came from (`?next=`).
 */
export function LoginPage() {
  const { t, pick } = useT();
  const { user, login, changePassword } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const next = new URLSearchParams(location.search).get('next') ?? '/';
  const target = next.startsWith('/') && !next.startsWith('//') ? next : '/';

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const signedIn = await login(values.username, values.password);
      if (!signedIn?.mustChangePassword) navigate(target);
    } catch (e) {
      setError(toError(e));
    } finally {
      setBusy(false);
    }
  };

  const change = async (values: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      navigate(target);
    } catch (e) {
      setError(toError(e));
    } finally {
      setBusy(false);
    }
  };

  const mustChange = user?.mustChangePassword === true;
  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={3}>
        {mustChange ? t('session.changeTitle') : t('session.loginTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {mustChange ? t('session.changeHint') : t('session.loginHint')}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={pick(error.text)}
          role="alert"
        />
      )}
      {mustChange ? (
        <Form layout="vertical" onFinish={change} requiredMark={false}>
          <Form.Item
            name="currentPassword"
            label={t('session.currentPassword')}
            rules={[{ required: true, message: t('session.currentPassword') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('session.newPassword')}
            rules={[{ required: true, min: 10, message: t('session.newPasswordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('common.save')}
          </Button>
        </Form>
      ) : (
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('session.username')}
            rules={[{ required: true, message: t('session.username') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('session.password')}
            rules={[{ required: true, message: t('session.password') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="login-submit">
            {t('session.login')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
