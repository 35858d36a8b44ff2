import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Checkbox, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { ROLES, type AccountDto, type Role } from '../../app/types.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { passwordRules } from '../auth/passwordRules.ts';

const orNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

interface GrantValues {
  role: Role;
  unitId: string | null;
  validFrom?: string | null;
}

/** Role options: citizens are not staff and get their accounts through the portal, not here. */
function useRoleOptions() {
  const { roleLabel } = useAuth();
  return ROLES.filter((r) => r !== 'citizen').map((r) => ({ value: r, label: roleLabel(r) }));
}

/** A unit is required, except that an installation-wide administrator may grant a role on the whole installation (null). */
function unitRule(t: ReturnType<typeof useTranslation>['t']) {
  return { validator: (_: unknown, v: string | null | undefined) => (v === undefined ? Promise.reject(new Error(t('common.requiredSelect'))) : Promise.resolve()) };
}

interface CreateValues {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
  mustChangePassword: boolean;
  grants: GrantValues[];
}

/** Creates an account with its first roles (POST with an Idempotency-Key kept for the life of the form). */
export function CreateAccountModal({ onClose, onCreated }: { onClose(): void; onCreated(a: AccountDto): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { canEverywhere } = useAuth();
  const roleOptions = useRoleOptions();
  const [form] = Form.useForm<CreateValues>();
  const problem = useFormProblem(form);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const global = canEverywhere('accounts.write');

  const submit = (v: CreateValues) =>
    problem.run(async () => {
      const created = await api.post<AccountDto>(
        '/api/v1/accounts',
        {
          username: v.username.trim().toLowerCase(),
          fullName: v.fullName.trim(),
          email: orNull(v.email),
          phone: orNull(v.phone),
          password: v.password,
          mustChangePassword: v.mustChangePassword,
          grants: (v.grants ?? []).map((g) => ({ role: g.role, unitId: g.unitId, ...(g.validFrom ? { validFrom: g.validFrom } : {}) })),
        },
        { 'idempotency-key': idempotencyKey },
      );
      message.success(t('accounts.created', { username: created.username }));
      onCreated(created);
    });

  return (
    <Modal open title={t('accounts.createTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={problem.busy} width={720} destroyOnHidden mask={{ closable: false }}>
      {problem.alert}
      <Form<CreateValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ mustChangePassword: true, grants: [{ role: undefined, unitId: undefined }] }}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item name="username" label={t('accounts.username')} extra={t('accounts.usernameHelp')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={64} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="fullName" label={t('accounts.fullName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input autoComplete="off" maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="email" label={`${t('accounts.email')} ${t('common.optional')}`}>
              <Input type="email" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={`${t('accounts.phone')} ${t('common.optional')}`}>
              <Input type="tel" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="password" label={t('accounts.password')} extra={t('password.rule')} rules={passwordRules(t)}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="mustChangePassword" valuePropName="checked" label=" " colon={false}>
              <Checkbox>{t('accounts.mustChangePassword')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('accounts.rolesAndUnits')}
        </Typography.Title>
        <Form.List name="grants">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Row key={field.key} gutter={8} align="top" wrap={false}>
                  <Col flex="200px">
                    <Form.Item name={[field.name, 'role']} label={i === 0 ? t('accounts.role') : undefined} rules={[{ required: true, message: t('common.requiredSelect') }]}>
                      <Select options={roleOptions} aria-label={t('accounts.role')} />
                    </Form.Item>
                  </Col>
                  <Col flex="auto" style={{ minWidth: 0 }}>
                    <Form.Item name={[field.name, 'unitId']} label={i === 0 ? t('accounts.unit') : undefined} required rules={[unitRule(t)]}>
                      <UnitSelect allowWholeSystem={global} aria-label={t('accounts.unit')} />
                    </Form.Item>
                  </Col>
                  <Col flex="none" style={{ paddingTop: i === 0 ? 30 : 0 }}>
                    <Button type="text" icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label={t('accounts.removeGrantRow')} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ role: undefined, unitId: undefined })}>
                {t('accounts.addGrantRow')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

interface EditValues {
  fullName: string;
  email?: string | null;
  phone?: string | null;
}

/** Edits name, e-mail and phone (PATCH with the version read). */
export function EditAccountModal({ account, onClose, onSaved }: { account: AccountDto; onClose(): void; onSaved(a: AccountDto): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EditValues>();
  const problem = useFormProblem(form);

  const submit = (v: EditValues) =>
    problem.run(async () => {
      const saved = await api.patch<AccountDto>(`/api/v1/accounts/${account.id}`, { version: account.version, fullName: v.fullName.trim(), email: orNull(v.email), phone: orNull(v.phone) });
      message.success(t('accounts.updated'));
      onSaved(saved);
    });

  return (
    <Modal open title={t('accounts.editTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={problem.busy} destroyOnHidden mask={{ closable: false }}>
      {problem.alert}
      <Form<EditValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ fullName: account.fullName, email: account.email, phone: account.phone }}>
        <Form.Item name="fullName" label={t('accounts.fullName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={120} autoFocus />
        </Form.Item>
        <Form.Item name="email" label={`${t('accounts.email')} ${t('common.optional')}`}>
          <Input type="email" />
        </Form.Item>
        <Form.Item name="phone" label={`${t('accounts.phone')} ${t('common.optional')}`}>
          <Input type="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ResetValues {
  newPassword: string;
  mustChangePassword: boolean;
}

/** Sets a new password for someone else; by default they must change it at their next sign-in. */
export function ResetPasswordModal({ account, onClose, onDone }: { account: AccountDto; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ResetValues>();
  const problem = useFormProblem(form);

  const submit = (v: ResetValues) =>
    problem.run(async () => {
      await api.post(`/api/v1/accounts/${account.id}/reset-password`, v);
      message.success(t('accounts.resetDone'));
      onDone();
    });

  return (
    <Modal open title={t('accounts.resetTitle', { username: account.username })} onCancel={onClose} onOk={() => form.submit()} okText={t('accounts.resetPassword')} cancelText={t('common.cancel')} confirmLoading={problem.busy} destroyOnHidden mask={{ closable: false }}>
      {problem.alert}
      <Form<ResetValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ mustChangePassword: true }}>
        <Form.Item name="newPassword" label={t('accounts.newPassword')} extra={t('password.rule')} rules={passwordRules(t)}>
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item name="mustChangePassword" valuePropName="checked">
          <Checkbox>{t('accounts.mustChangePassword')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Grants one more role on a unit (POST /accounts/:id/grants). */
export function AddGrantForm({ accountId, onAdded }: { accountId: string; onAdded(a: AccountDto): void }) {
  const { t } = useTranslation();
  const { canEverywhere } = useAuth();
  const roleOptions = useRoleOptions();
  const [form] = Form.useForm<GrantValues>();
  const problem = useFormProblem(form);

  const submit = (v: GrantValues) =>
    problem.run(async () => {
      const account = await api.post<AccountDto>(`/api/v1/accounts/${accountId}/grants`, { role: v.role, unitId: v.unitId, ...(v.validFrom ? { validFrom: v.validFrom } : {}) });
      form.resetFields();
      onAdded(account);
    });

  return (
    <Card size="small" title={t('accounts.addGrant')} style={{ marginTop: 16 }}>
      {problem.alert}
      <Form<GrantValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={problem.busy}>
        <Row gutter={8}>
          <Col xs={24} sm={10}>
            <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
              <Select options={roleOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="unitId" label={t('accounts.unit')} required rules={[unitRule(t)]}>
              <UnitSelect allowWholeSystem={canEverywhere('accounts.write')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="validFrom" label={`${t('accounts.grantValidFrom')} ${t('common.optional')}`}>
              <IsoDatePicker style={{ width: '100%' }} placeholder={t('common.dateFormatHint')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14} style={{ display: 'flex', alignItems: 'flex-end', paddingBottom: 24 }}>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={problem.busy}>
              {t('accounts.addGrant')}
            </Button>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
