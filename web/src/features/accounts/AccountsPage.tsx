import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { AccountPage } from '../../../../contracts/accounts.ts';
import { useAuth } from '../../app/auth.tsx';
import { ROLES, type AccountDto, type Role } from '../../app/types.ts';
import { useApi } from '../../app/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { AccountDrawer } from './AccountDrawer.tsx';
import { AccountStatus } from './AccountStatus.tsx';
import { CreateAccountModal } from './AccountForms.tsx';

type AccountPageDto = z.infer<typeof AccountPage>;

/** Rows per page; the server pages (a province may have thousands of officials). */
const PAGE = 20;

/**
 * /tai-khoan: accounts in the caller's units, a page at a time from the server, with search (?q=, accent-insensitive,
 * the server's), a role filter (?vai-tro=) and the page (?trang=) in the address.
 */
export default function AccountsPage() {
  const { t } = useTranslation();
  const { can, roleLabel } = useAuth();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const roleParam = params.get('vai-tro');
  const role = (ROLES as readonly string[]).includes(roleParam ?? '') ? (roleParam as Role) : undefined;
  // Within the offsets the server accepts (100 000); a page past the last is corrected below.
  const page = Math.min(Math.max(1, Math.floor(Number(params.get('trang') ?? 1)) || 1), 100_000 / PAGE);
  const [qInput, setQInput] = useState(q);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useApi<AccountPageDto>('/api/v1/accounts', { q: q || undefined, role, limit: PAGE, offset: (page - 1) * PAGE });
  const mayWrite = can('accounts.write');

  useEffect(() => setQInput(q), [q]);
  /** Sets one address parameter; a new search or filter starts again at the first page. */
  const setParam = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'trang') next.delete('trang');
    setParams(next, { replace: true });
  };
  // A page beyond the last (an old link, fewer matches now): show the last page instead.
  const lastPage = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE)) : page;
  useEffect(() => {
    if (!list.stale && page > lastPage) setParam('trang', lastPage > 1 ? String(lastPage) : null);
  });

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
          {list.data ? t('accounts.count', { count: list.data.total }) : ' '}
        </Typography.Paragraph>
        <Table<AccountDto>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: (p) => setParam('trang', p > 1 ? String(p) : null) }}
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
