import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Flex, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useApi } from '../../app/useApi.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { formatDate } from '../../i18n/format.ts';
import { clean, FormModal } from './FormModal.tsx';
import { fmt, useStrings } from './strings.ts';
import { labelOf, OFFICIAL_LEVELS, optionsOf, SANCTIONS, type DisciplineDto, type Page } from './types.ts';

/** Confidential discipline records: shown to `discipline.read` only; the server audits every list and record read. */
export default function DisciplinePage() {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [unitId, setUnitId] = useState<string>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApi<Page<DisciplineDto>>('/api/v1/discipline-records', { unitId, page, pageSize: 20 });
  return (
    <>
      <PageHeader title={s.discipline.title} intro={s.discipline.intro} extra={can('discipline.write') && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>{s.discipline.add}</Button>} />
      <Alert type="warning" showIcon icon={<LockOutlined />} title={s.discipline.confidential} style={{ marginBottom: 12 }} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 280 }}><UnitSelect value={unitId} onChange={(v) => { setUnitId(v ?? undefined); setPage(1); }} aria-label={s.common.unit} /></div>
        <Typography.Text type="secondary">{fmt(s.common.total, { count: data?.total ?? 0 })}</Typography.Text>
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }} scroll={{ x: 900 }} columns={[
        { key: 'date', title: s.discipline.decidedOn, width: 120, render: (_, r) => formatDate(r.decidedOn) },
        { key: 'name', title: s.discipline.fullName, render: (_, r) => <><div>{r.fullName}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.position} · {r.unitName}</Typography.Text></> },
        { key: 'level', title: s.discipline.level, width: 120, render: (_, r) => labelOf(OFFICIAL_LEVELS, r.level, lang) },
        { key: 'sanction', title: s.discipline.sanction, width: 150, render: (_, r) => labelOf(SANCTIONS, r.sanction, lang) },
        { key: 'ref', title: s.discipline.decisionRef, dataIndex: 'decisionRef', width: 150 },
        { key: 'reason', title: s.discipline.reason, dataIndex: 'reason' },
      ]} />
      {creating && (
        <FormModal<Record<string, string | undefined>>
          title={s.discipline.add}
          initialValues={{ level: 'commune', sanction: 'reprimand' }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            await api.post('/api/v1/discipline-records', clean(v), { 'idempotency-key': newIdempotencyKey() });
            setCreating(false);
            message.success(s.common.saved);
            reload();
          }}
        >
          <Form.Item name="unitId" label={s.common.unit} rules={[{ required: true, message: t('common.requiredSelect') }]}><UnitSelect /></Form.Item>
          <Form.Item name="fullName" label={s.discipline.fullName} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="position" label={s.discipline.position}><Input maxLength={200} /></Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="level" label={s.discipline.level}><Select options={optionsOf(OFFICIAL_LEVELS, lang)} style={{ width: 220 }} /></Form.Item>
            <Form.Item name="sanction" label={s.discipline.sanction}><Select options={optionsOf(SANCTIONS, lang)} style={{ width: 200 }} /></Form.Item>
          </Flex>
          <Flex gap={12} wrap>
            <Form.Item name="decidedOn" label={s.discipline.decidedOn} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
            <Form.Item name="decisionRef" label={s.discipline.decisionRef} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={300} /></Form.Item>
          </Flex>
          <Form.Item name="reason" label={s.discipline.reason}><Input.TextArea autoSize maxLength={4000} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}
