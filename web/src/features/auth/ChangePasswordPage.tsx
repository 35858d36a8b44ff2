import { Alert, App as AntApp, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { passwordRules } from './passwordRules.ts';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** /doi-mat-khau: change one's own password (forced after a reset or on a new account). */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { me, refresh } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangeForm>();
  const problem = useFormProblem(form);
  useDocumentTitle(t('password.title'));

  const submit = ({ currentPassword, newPassword }: ChangeForm) =>
    problem.run(async () => {
      await api.post('/api/v1/auth/password', { currentPassword, newPassword });
      await refresh();
      message.success(t('password.changed'));
      navigate('/', { replace: true });
    });

  return (
    <div style={{ maxWidth: 520 }}>
      <PageHeader title={t('password.title')} />
      <Card>
        {me?.mustChangePassword && <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />}
        {problem.alert}
        <Form<ChangeForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={problem.busy}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rule')} rules={passwordRules(t)}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('common.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={problem.busy}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
