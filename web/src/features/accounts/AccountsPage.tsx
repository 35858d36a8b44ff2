import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { ROLES, type AccountDto, type Role } from '../../app/types.ts';
import { useApi } from '../../app/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { AccountDrawer } from './AccountDrawer.tsx';
import { AccountStatus } from './AccountStatus.tsx';
import { CreateAccountModal } from './AccountForms.tsx';

/** /tai-khoan: accounts in the caller's units, with search (?q=) and a role filter (?vai-tro=). */
export default function AccountsPage() {
  const { t } = useTranslation();
  const { can, roleLabel } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const roleParam = params.get('vai-tro');
  const role = (ROLES as readonly string[]).includes(roleParam ?? '') ? (roleParam as Role) : undefined;
  const [qInput, setQInput] = useState(q);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useApi<AccountDto[]>('/api/v1/accounts', { q: q || undefined, role, limit: 500 });
  const mayWrite = can('accounts.write');

  useEffect(() => setQInput(q), [q]);
  const setParam = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<AccountDto> = [
    {
      key: 'name',
      title: t('accounts.fullName'),
      render: (_, a) => (
        <Flex vertical>
          <Button type="link" onClick={() => setOpenId(a.id)} style={{ padding: 0, height: 'auto', alignSelf: 'flex-start', justifyContent: 'flex-start', textAlign: 'start', whiteSpace: 'normal', fontWeight: 500 }}>
            {a.fullName}
          </Button>
          <Flex gap={8} align="center">
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {a.username}
            </Typography.Text>
            {a.isDemo && <Tag color="gold">{t('common.demo')}</Tag>}
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'grants',
      title: t('accounts.rolesAndUnits'),
      render: (_, a) =>
        a.grants.length === 0 ? (
          <Typography.Text type="secondary">{t('accounts.noGrants')}</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {a.grants.map((g) => (
              <span key={g.id}>
                <Tag color="blue">{roleLabel(g.role)}</Tag>
                <Typography.Text style={{ fontSize: 13 }}>{g.unitName ?? t('common.wholeSystem')}</Typography.Text>
              </span>
            ))}
          </Flex>
        ),
    },
    { key: 'status', title: t('accounts.status'), render: (_, a) => <AccountStatus account={a} />, responsive: ['md'] },
    {
      key: 'lastLogin',
      title: t('accounts.lastLogin'),
      render: (_, a) => (a.lastLoginAt ? formatDateTime(a.lastLoginAt, { seconds: false }) : <Typography.Text type="secondary">{t('accounts.never')}</Typography.Text>),
      responsive: ['lg'],
    },
    {
      key: 'actions',
      title: <span className="sr-only">{t('common.actions')}</span>,
      align: 'end',
      render: (_, a) => (
        <Button size="small" onClick={() => setOpenId(a.id)} aria-label={`${mayWrite ? t('accounts.manage') : t('accounts.view')}: ${a.fullName}`}>
          {mayWrite ? t('accounts.manage') : t('accounts.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        intro={t('accounts.intro')}
        extra={
          mayWrite && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('accounts.create')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" colon={false} style={{ rowGap: 12 }} onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('accounts.search')} htmlFor="accounts-search" style={{ flex: '1 1 300px' }}>
            <Input.Search
              id="accounts-search"
              value={qInput}
              onChange={(e) => {
                setQInput(e.target.value);
                if (!e.target.value) setParam('q', null);
              }}
              onSearch={(v) => setParam('q', v.trim())}
              placeholder={t('accounts.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
            />
          </Form.Item>
          <Form.Item label={t('accounts.roleFilter')} htmlFor="accounts-role">
            <Select<Role>
              id="accounts-role"
              value={role}
              onChange={(v) => setParam('vai-tro', v)}
              allowClear
              placeholder={t('accounts.allRoles')}
              options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
              style={{ minWidth: 220 }}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card>
        {list.error && <ProblemAlert error={list.error} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary" aria-live="polite">
          {list.data ? t('accounts.count', { count: list.data.length }) : ' '}
        </Typography.Paragraph>
        <Table<AccountDto>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('accounts.empty') }}
          size="middle"
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <AccountDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
      {creating && (
        <CreateAccountModal
          onClose={() => setCreating(false)}
          onCreated={(a) => {
            setCreating(false);
            list.reload();
            setOpenId(a.id);
          }}
        />
      )}
    </>
  );
}
