import { BulbOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useApi } from '../../app/useApi.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { formatDate, todayVn } from '../../i18n/format.ts';
import { clean, FormModal } from './FormModal.tsx';
import { fmt, useStrings } from './strings.ts';
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, labelOf, optionsOf, RECOGNITION_LEVELS, type InitiativeDto, type Page } from './types.ts';

const STATUS_COLOR: Record<string, string> = { registered: 'blue', recognised: 'green', not_recognised: 'default' };

/** Emulation: models, initiatives and solutions; evaluation and recognition; application in practice. */
export default function InitiativesPage() {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [unitId, setUnitId] = useState<string>();
  const [applied, setApplied] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [evaluating, setEvaluating] = useState<InitiativeDto | null>(null);
  const [applying, setApplying] = useState<InitiativeDto | null>(null);
  const { data, error, loading, reload } = useApi<Page<InitiativeDto>>('/api/v1/initiatives', { unitId, applied: applied ? 'true' : undefined, page, pageSize: 20 });
  const done = (close: () => void) => {
    close();
    message.success(s.common.saved);
    reload();
  };
  return (
    <>
      <PageHeader title={s.initiatives.title} intro={s.initiatives.intro} extra={can('reform.write') && <Button type="primary" icon={<BulbOutlined />} onClick={() => setCreating(true)}>{s.initiatives.register}</Button>} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 280 }}><UnitSelect value={unitId} onChange={(v) => setUnitId(v ?? undefined)} aria-label={s.common.unit} /></div>
        <Checkbox checked={applied} onChange={(e) => { setApplied(e.target.checked); setPage(1); }}>{s.initiatives.onlyApplied}</Checkbox>
        <Typography.Text type="secondary">{fmt(s.common.total, { count: data?.total ?? 0 })}</Typography.Text>
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { key: 'kind', title: s.initiatives.kind, width: 130, render: (_, r) => labelOf(INITIATIVE_KINDS, r.kind, lang) },
          { key: 'title', title: s.initiatives.name, render: (_, r) => <><div>{r.title}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.authors} · {r.unitName}</Typography.Text></> },
          { key: 'reg', title: s.initiatives.registeredOn, width: 120, render: (_, r) => formatDate(r.registeredOn) },
          { key: 'status', title: s.common.status, width: 180, render: (_, r) => <Space wrap><Tag color={STATUS_COLOR[r.status]}>{labelOf(INITIATIVE_STATUSES, r.status, lang)}</Tag>{r.recognitionRef && <Typography.Text type="secondary">{r.recognitionRef}</Typography.Text>}</Space> },
          { key: 'applied', title: s.initiatives.applied, width: 150, render: (_, r) => (r.applied ? <Tag color="green">{formatDate(r.appliedFrom)}</Tag> : '—') },
          {
            key: 'act',
            title: s.common.actions,
            width: 220,
            render: (_, r) =>
              can('reform.write') ? (
                <Space wrap>
                  {r.status === 'registered' && <Button size="small" onClick={() => setEvaluating(r)}>{s.initiatives.evaluate}</Button>}
                  {!r.applied && <Button size="small" onClick={() => setApplying(r)}>{s.initiatives.markApplied}</Button>}
                </Space>
              ) : null,
          },
        ]}
      />
      {creating && (
        <FormModal<Record<string, string>>
          title={s.initiatives.register}
          initialValues={{ kind: 'initiative', registeredOn: todayVn() }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            await api.post('/api/v1/initiatives', clean(v), { 'idempotency-key': newIdempotencyKey() });
            done(() => setCreating(false));
          }}
        >
          <Form.Item name="unitId" label={s.common.unit} rules={[{ required: true, message: t('common.requiredSelect') }]}><UnitSelect /></Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={s.initiatives.kind}><Select options={optionsOf(INITIATIVE_KINDS, lang)} style={{ width: 180 }} /></Form.Item>
            <Form.Item name="registeredOn" label={s.initiatives.registeredOn} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
          </Flex>
          <Form.Item name="title" label={s.initiatives.name} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="authors" label={s.initiatives.authors} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="field" label={s.initiatives.field}><Input maxLength={200} /></Form.Item>
          <Form.Item name="description" label={s.initiatives.description} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input.TextArea autoSize={{ minRows: 3 }} maxLength={8000} /></Form.Item>
        </FormModal>
      )}
      {evaluating && (
        <FormModal<{ result: string; evaluatedOn: string; score?: number; decisionRef?: string; level?: string; note?: string }>
          title={`${s.initiatives.evaluate} — ${evaluating.title}`}
          initialValues={{ result: 'recognised', evaluatedOn: todayVn(), level: 'unit' }}
          onClose={() => setEvaluating(null)}
          onSubmit={async (v) => {
            await api.post(`/api/v1/initiatives/${evaluating.id}/evaluation`, { version: evaluating.version, ...clean(v) });
            done(() => setEvaluating(null));
          }}
        >
          <Form.Item name="result" label={s.initiatives.result}><Radio.Group options={[{ value: 'recognised', label: INITIATIVE_STATUSES.recognised[lang] }, { value: 'not_recognised', label: INITIATIVE_STATUSES.not_recognised[lang] }]} /></Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="evaluatedOn" label={s.initiatives.evaluatedOn} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
            <Form.Item name="score" label={s.initiatives.score}><InputNumber min={0} max={100} /></Form.Item>
            <Form.Item name="level" label={s.initiatives.level}><Select options={optionsOf(RECOGNITION_LEVELS, lang)} style={{ width: 160 }} /></Form.Item>
          </Flex>
          <Form.Item name="decisionRef" label={s.initiatives.decisionRef}><Input maxLength={300} /></Form.Item>
          <Form.Item name="note" label={s.common.note}><Input.TextArea autoSize maxLength={4000} /></Form.Item>
        </FormModal>
      )}
      {applying && (
        <FormModal<{ appliedFrom: string; applicationNote?: string }>
          title={`${s.initiatives.markApplied} — ${applying.title}`}
          initialValues={{ appliedFrom: todayVn() }}
          onClose={() => setApplying(null)}
          onSubmit={async (v) => {
            await api.patch(`/api/v1/initiatives/${applying.id}`, { version: applying.version, applied: true, appliedFrom: v.appliedFrom, applicationNote: v.applicationNote?.trim() || null });
            done(() => setApplying(null));
          }}
        >
          <Form.Item name="appliedFrom" label={s.initiatives.appliedFrom} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
          <Form.Item name="applicationNote" label={s.common.note}><Input.TextArea autoSize maxLength={4000} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}
