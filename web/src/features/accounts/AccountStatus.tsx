import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../app/types.ts';
import { formatDateTime } from '../../i18n/format.ts';

/** Active or disabled, locked until when, and whether a password change is pending. */
export function AccountStatus({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4}>
      {account.status === 'active' ? <Tag color="green">{t('accounts.active')}</Tag> : <Tag color="default">{t('accounts.disabled')}</Tag>}
      {account.lockedUntil && <Tag color="red">{t('accounts.lockedUntil', { time: formatDateTime(account.lockedUntil, { seconds: false }) })}</Tag>}
      {account.mustChangePassword && <Tag color="orange">{t('accounts.mustChangeTag')}</Tag>}
    </Flex>
  );
}
