import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormProblem } from '../../components/useFormProblem.tsx';

interface LoginForm {
  username: string;
  password: string;
}

/** /dang-nhap: username and password; the server's message (wrong password, locked for N minutes) is shown as is. */
export function LoginPage() {
  const { t } = useTranslation();
  const { me, login, sessionExpired } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginForm>();
  const problem = useFormProblem(form);
  const from = (location.state as { from?: string } | null)?.from;
  useDocumentTitle(t('auth.title'));

  if (me) return <Navigate to={me.mustChangePassword ? '/doi-mat-khau' : (from ?? '/')} replace />;

  const submit = async (values: LoginForm) => {
    const signedIn = await problem.run(async () => {
      const user = await login(values.username, values.password);
      navigate(user.mustChangePassword ? '/doi-mat-khau' : (from ?? '/'), { replace: true });
      return true;
    });
    // Refused: the problem is shown above the form and the password is typed again.
    if (!signedIn) form.setFieldValue('password', '');
  };

  return (
    <main className="login-page">
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 420, marginBottom: 8 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 420, boxShadow: '0 6px 24px rgba(29,79,145,0.10)' }} styles={{ body: { padding: 32 } }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Text strong style={{ fontSize: 18, color: '#1d4f91', marginTop: 8 }}>
            {t('app.name')}
          </Typography.Text>
          <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0 0' }}>
            {t('auth.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
        </Flex>
        {sessionExpired && !problem.error && <Alert type="info" showIcon title={t('auth.sessionExpired')} style={{ marginBottom: 16 }} />}
        {problem.alert}
        <Form<LoginForm> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} disabled={problem.busy}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={problem.busy}>
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, textAlign: 'center', maxWidth: 420 }}>
        {t('app.tagline')}
      </Typography.Text>
    </main>
  );
}
