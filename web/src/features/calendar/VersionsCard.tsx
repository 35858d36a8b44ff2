import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import type { CalendarVersionDto } from './calendarTypes.ts';

const ACTIONS = ['seed', 'entry_add', 'entry_remove', 'settings_update', 'rules_update', 'import'] as const;

/** The calendar's versions, newest first: who changed what, why, and which dates moved. */
export function VersionsCard({ versions, loading, nationalName }: { versions: CalendarVersionDto[]; loading: boolean; nationalName: string }) {
  const { t } = useTranslation();
  const actionLabel = (a: string) => {
    const key = a.replace('.', '_') as (typeof ACTIONS)[number];
    return ACTIONS.includes(key) ? t(`calendar.actions.${key}`) : a;
  };
  const columns: TableColumnsType<CalendarVersionDto> = [
    { title: t('calendar.versionNumber'), dataIndex: 'number', width: 90 },
    { title: t('calendar.changedAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v, { seconds: false }) },
    { title: t('calendar.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? nationalName },
    { title: t('calendar.by'), dataIndex: 'actorLabel', width: 140 },
    {
      title: t('calendar.reason'),
      dataIndex: 'reason',
      render: (_: string, v) => (
        <>
          <Tag>{actionLabel(v.action)}</Tag> {v.reason}
          {v.recomputeOpenDeadlines && v.action !== 'seed' && <Tag color="blue">{t('calendar.recomputeOn')}</Tag>}
        </>
      ),
    },
    {
      title: t('calendar.changedDates'),
      dataIndex: 'changedDates',
      render: (_: string[], v) => (
        <Typography.Text>
          {v.changedDates.slice(0, 6).map(formatDate).join(', ')}
          {v.changedDateCount > 6 ? ` … (${v.changedDateCount})` : ''}
          {v.sessionsChanged ? <Tag style={{ marginInlineStart: 4 }}>{t('calendar.hoursChanged')}</Tag> : null}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Card title={t('calendar.versionsTitle')}>
      <Table<CalendarVersionDto> rowKey="number" size="small" columns={columns} dataSource={versions} loading={loading} pagination={{ pageSize: 10, hideOnSinglePage: true }} scroll={{ x: 800 }} />
    </Card>
  );
}
