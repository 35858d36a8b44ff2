import { DeleteOutlined, EditOutlined, LockOutlined, StopOutlined, UnlockOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Descriptions, Drawer, Flex, Grid, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import type { AccountDto, GrantDto } from '../../app/types.ts';
import { useApi } from '../../app/useApi.ts';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { AccountStatus } from './AccountStatus.tsx';
import { AddGrantForm, EditAccountModal, ResetPasswordModal } from './AccountForms.tsx';

interface Props {
  id: string | null;
  onClose(): void;
  onChanged(): void;
}

/**
 * One account: its data and roles; for `accounts.write`, edit, disable or enable, unlock, reset the password,
 * grant and revoke roles. Every change sends the version read, and the drawer shows the server's answer.
 */
export function AccountDrawer({ id, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { can, roleLabel, me } = useAuth();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const { data, error, loading, reload } = useApi<AccountDto>(id ? `/api/v1/accounts/${id}` : null);
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [resetting, setResetting] = useState(false);
  const account = data && data.id === id ? data : undefined;
  const mayWrite = can('accounts.write');
  const isSelf = account?.id === me?.id;

  /** Runs one change, then refreshes the drawer and the table (also after a conflict, to show the current data). */
  const act = async (name: string, run: () => Promise<unknown>, done: string) => {
    setBusy(name);
    setActionError(undefined);
    try {
      await run();
      message.success(done);
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(null);
      reload();
      onChanged();
    }
  };

  const patch = (body: Record<string, unknown>) => api.patch<AccountDto>(`/api/v1/accounts/${account!.id}`, { version: account!.version, ...body });
  const unitOf = (g: GrantDto) => g.unitName ?? t('common.wholeSystem');

  return (
    <Drawer open={id !== null} onClose={onClose} size={screens.md === false ? '100%' : 640} title={account ? account.fullName : t('common.details')} destroyOnHidden>
      {error && <ProblemAlert error={error} />}
      {!account && loading && <Loading />}
      {account && (
        <>
          {actionError !== undefined && <ProblemAlert error={actionError} style={{ marginBottom: 16 }} />}
          {mayWrite && (
            <Flex wrap gap={8} style={{ marginBottom: 16 }}>
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              {account.status === 'active' ? (
                <Popconfirm
                  title={t('accounts.disableConfirm', { username: account.username })}
                  okText={t('accounts.disable')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => act('status', () => patch({ status: 'disabled' }), t('accounts.updated'))}
                  disabled={isSelf}
                >
                  <Button danger icon={<StopOutlined aria-hidden />} loading={busy === 'status'} disabled={isSelf}>
                    {t('accounts.disable')}
                  </Button>
                </Popconfirm>
              ) : (
                <Popconfirm
                  title={t('accounts.enableConfirm', { username: account.username })}
                  okText={t('accounts.enable')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => act('status', () => patch({ status: 'active' }), t('accounts.updated'))}
                >
                  <Button icon={<CheckCircleOutlined aria-hidden />} loading={busy === 'status'}>
                    {t('accounts.enable')}
                  </Button>
                </Popconfirm>
              )}
              {account.lockedUntil && (
                <Button icon={<UnlockOutlined aria-hidden />} loading={busy === 'unlock'} onClick={() => act('unlock', () => patch({ unlock: true }), t('accounts.unlocked'))}>
                  {t('accounts.unlock')}
                </Button>
              )}
              <Button icon={<LockOutlined aria-hidden />} onClick={() => setResetting(true)}>
                {t('accounts.resetPassword')}
              </Button>
            </Flex>
          )}
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 190 } }}
            items={[
              { key: 'username', label: t('accounts.username'), children: <code>{account.username}</code> },
              { key: 'fullName', label: t('accounts.fullName'), children: account.fullName },
              { key: 'email', label: t('accounts.email'), children: account.email ?? t('common.none') },
              { key: 'phone', label: t('accounts.phone'), children: account.phone ?? t('common.none') },
              { key: 'status', label: t('accounts.status'), children: <AccountStatus account={account} /> },
              { key: 'lastLogin', label: t('accounts.lastLogin'), children: account.lastLoginAt ? formatDateTime(account.lastLoginAt, { seconds: false }) : t('accounts.never') },
              ...(account.isDemo ? [{ key: 'demo', label: t('accounts.demoAccount'), children: t('common.yes') }] : []),
            ]}
          />

          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
            {t('accounts.grants')}
          </Typography.Title>
          {account.grants.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('accounts.noGrants')}</Typography.Paragraph>
          ) : (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="account-grants">
              {account.grants.map((g) => (
                <li key={g.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <div>
                      <Typography.Text strong>{t('accounts.grantLine', { role: roleLabel(g.role), unit: unitOf(g) })}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                          {g.validTo ? t('units.validRange', { from: formatDate(g.validFrom), to: formatDate(g.validTo) }) : t('home.since', { date: formatDate(g.validFrom) })}
                        </Typography.Text>
                      </div>
                    </div>
                    {mayWrite && (
                      <Popconfirm
                        title={t('accounts.revokeConfirm', { role: roleLabel(g.role), unit: unitOf(g) })}
                        okText={t('accounts.revoke')}
                        cancelText={t('common.cancel')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => act(`revoke-${g.id}`, () => api.delete(`/api/v1/accounts/${account.id}/grants/${g.id}`), t('accounts.revoked'))}
                      >
                        <Button size="small" danger icon={<DeleteOutlined aria-hidden />} loading={busy === `revoke-${g.id}`} aria-label={`${t('accounts.revoke')}: ${roleLabel(g.role)} — ${unitOf(g)}`}>
                          {t('accounts.revoke')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Flex>
                </li>
              ))}
            </ul>
          )}
          {mayWrite && (
            <AddGrantForm
              accountId={account.id}
              onAdded={() => {
                message.success(t('accounts.grantAdded'));
                reload();
                onChanged();
              }}
            />
          )}

          {editing && (
            <EditAccountModal
              account={account}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                reload();
                onChanged();
              }}
            />
          )}
          {resetting && (
            <ResetPasswordModal
              account={account}
              onClose={() => setResetting(false)}
              onDone={() => {
                setResetting(false);
                reload();
                onChanged();
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
