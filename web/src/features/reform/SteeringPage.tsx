import { FileAddOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, List, Progress, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
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
import { DOCUMENT_KINDS, labelOf, optionsOf, TASK_STATUSES, type DocumentDto, type Page, type TaskDetailDto, type TaskDto } from './types.ts';

const TASK_COLOR: Record<string, string> = { not_started: 'default', in_progress: 'blue', done: 'green', cancelled: 'default' };

function DocumentsTab() {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [unitId, setUnitId] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [taskFor, setTaskFor] = useState<DocumentDto | null>(null);
  const { data, error, loading, reload } = useApi<Page<DocumentDto>>('/api/v1/reform-documents', { unitId, q, page, pageSize: 20 });
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 280 }}>
          <UnitSelect value={unitId} onChange={(v) => setUnitId(v ?? undefined)} aria-label={s.common.unit} />
        </div>
        <Input.Search allowClear placeholder={s.steering.search} aria-label={s.steering.search} onSearch={(v) => { setQ(v); setPage(1); }} style={{ maxWidth: 320 }} />
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>{fmt(s.common.total, { count: data?.total ?? 0 })}</Typography.Text>
        {can('reform.write') && (
          <Button type="primary" icon={<FileAddOutlined />} onClick={() => setCreating(true)} style={{ marginInlineStart: 'auto' }}>
            {s.steering.newDocument}
          </Button>
        )}
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { key: 'number', title: s.steering.number, dataIndex: 'number', width: 140 },
          { key: 'date', title: s.steering.issuedOn, width: 120, render: (_, d) => formatDate(d.issuedOn) },
          { key: 'kind', title: s.steering.kind, width: 120, render: (_, d) => labelOf(DOCUMENT_KINDS, d.kind, lang) },
          { key: 'summary', title: s.steering.summary, render: (_, d) => (d.fileUrl ? <a href={d.fileUrl} target="_blank" rel="noreferrer">{d.summary}</a> : d.summary) },
          { key: 'issuer', title: s.steering.issuer, dataIndex: 'issuer', width: 200 },
          { key: 'tasks', title: s.steering.taskCount, dataIndex: 'taskCount', width: 90, align: 'right' },
          { key: 'act', title: s.common.actions, width: 150, render: (_, d) => (can('reform.write') ? <Button size="small" onClick={() => setTaskFor(d)}>{s.steering.newTask}</Button> : null) },
        ]}
      />
      {creating && (
        <FormModal<Record<string, string>>
          title={s.steering.newDocument}
          initialValues={{ kind: 'plan', issuedOn: todayVn() }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            await api.post('/api/v1/reform-documents', clean(v), { 'idempotency-key': newIdempotencyKey() });
            setCreating(false);
            message.success(s.common.saved);
            reload();
          }}
        >
          <Form.Item name="unitId" label={s.common.unit} rules={[{ required: true, message: t('common.requiredSelect') }]}><UnitSelect /></Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={s.steering.kind} rules={[{ required: true }]}><Select options={optionsOf(DOCUMENT_KINDS, lang)} style={{ width: 180 }} /></Form.Item>
            <Form.Item name="number" label={s.steering.number} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={100} /></Form.Item>
            <Form.Item name="issuedOn" label={s.steering.issuedOn} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
          </Flex>
          <Form.Item name="issuer" label={s.steering.issuer} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={300} /></Form.Item>
          <Form.Item name="signer" label={s.steering.signer}><Input maxLength={200} /></Form.Item>
          <Form.Item name="summary" label={s.steering.summary} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} /></Form.Item>
          <Form.Item name="fileUrl" label={s.steering.fileUrl}><Input placeholder="https://" /></Form.Item>
        </FormModal>
      )}
      {taskFor && (
        <FormModal<Record<string, string>>
          title={`${s.steering.newTask} — ${taskFor.number}`}
          onClose={() => setTaskFor(null)}
          onSubmit={async (v) => {
            await api.post('/api/v1/reform-tasks', { ...clean(v), documentId: taskFor.id }, { 'idempotency-key': newIdempotencyKey() });
            setTaskFor(null);
            message.success(s.common.saved);
            reload();
          }}
        >
          <Form.Item name="title" label={s.steering.task} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input.TextArea autoSize maxLength={1000} /></Form.Item>
          <Form.Item name="assigneeUnitId" label={s.steering.assignee} rules={[{ required: true, message: t('common.requiredSelect') }]}><UnitSelect /></Form.Item>
          <Form.Item name="deadline" label={s.steering.deadline} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
          <Form.Item name="description" label={s.steering.description}><Input.TextArea autoSize maxLength={4000} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}

function TaskDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { data, error, reload } = useApi<TaskDetailDto>(`/api/v1/reform-tasks/${id}`);
  const [reporting, setReporting] = useState(false);
  return (
    <Drawer open onClose={onClose} title={data?.title ?? ''} size="large">
      {error && <ProblemAlert error={error} />}
      {data && (
        <>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>{s.steering.owner}: {data.unitName}</Typography.Text>
            <Typography.Text>{s.steering.assignee}: {data.assigneeUnitName}</Typography.Text>
            <Typography.Text>{s.steering.deadline}: {formatDate(data.deadline)} {data.overdue && <Tag color="red">{fmt(s.common.overdueDays, { days: data.daysOverdue })}</Tag>}</Typography.Text>
            <Progress percent={data.progress} />
            {(data.status === 'not_started' || data.status === 'in_progress') && <Button type="primary" onClick={() => setReporting(true)}>{s.steering.report}</Button>}
          </Space>
          <List
            style={{ marginTop: 16 }}
            dataSource={data.reports}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta title={`${formatDate(r.reportedOn)} · ${r.progress}% · ${labelOf(TASK_STATUSES, r.status, lang)}`} description={<>{r.note}{r.reportedBy && <Typography.Text type="secondary"> — {r.reportedBy}</Typography.Text>}</>} />
              </List.Item>
            )}
          />
          {reporting && (
            <FormModal<{ progress: number; done: boolean; note: string; reportedOn: string; evidenceUrl?: string }>
              title={s.steering.report}
              initialValues={{ progress: data.progress, done: false, reportedOn: todayVn() }}
              onClose={() => setReporting(false)}
              onSubmit={async (v) => {
                await api.post(`/api/v1/reform-tasks/${id}/reports`, { version: data.version, progress: v.progress, done: v.done, note: v.note.trim(), reportedOn: v.reportedOn, evidenceUrl: v.evidenceUrl?.trim() || null });
                setReporting(false);
                message.success(s.common.saved);
                reload();
                onChanged();
              }}
            >
              <Flex gap={12} wrap>
                <Form.Item name="progress" label={s.steering.progress}><InputNumber min={0} max={100} suffix="%" /></Form.Item>
                <Form.Item name="reportedOn" label={s.common.date}><IsoDatePicker /></Form.Item>
                <Form.Item name="done" label={s.steering.done} valuePropName="checked"><Switch /></Form.Item>
              </Flex>
              <Form.Item name="note" label={s.steering.reportNote} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} /></Form.Item>
              <Form.Item name="evidenceUrl" label={s.common.link}><Input placeholder="https://" /></Form.Item>
            </FormModal>
          )}
        </>
      )}
    </Drawer>
  );
}

function TasksTab() {
  const { s, lang } = useStrings();
  const [unitId, setUnitId] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const { data, error, loading, reload } = useApi<Page<TaskDto>>('/api/v1/reform-tasks', { assigneeUnitId: unitId, overdue: overdue ? 'true' : undefined, page, pageSize: 20 });
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 280 }}>
          <UnitSelect value={unitId} onChange={(v) => setUnitId(v ?? undefined)} aria-label={s.steering.assignee} placeholder={s.steering.assignee} />
        </div>
        <Checkbox checked={overdue} onChange={(e) => { setOverdue(e.target.checked); setPage(1); }}>{s.steering.onlyOverdue}</Checkbox>
        <Typography.Text type="secondary">{fmt(s.common.total, { count: data?.total ?? 0 })}</Typography.Text>
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { key: 'title', title: s.steering.task, dataIndex: 'title' },
          { key: 'doc', title: s.steering.document, dataIndex: 'documentNumber', width: 130 },
          { key: 'assignee', title: s.steering.assignee, dataIndex: 'assigneeUnitName', width: 200 },
          { key: 'deadline', title: s.steering.deadline, width: 170, render: (_, r) => <Space wrap>{formatDate(r.deadline)}{r.overdue && <Tag color="red">{s.common.overdue}</Tag>}{r.completedLate && <Tag color="orange">{s.steering.completedLate}</Tag>}</Space> },
          { key: 'status', title: s.common.status, width: 140, render: (_, r) => <Tag color={TASK_COLOR[r.status]}>{labelOf(TASK_STATUSES, r.status, lang)}</Tag> },
          { key: 'progress', title: s.steering.progress, width: 140, render: (_, r) => <Progress percent={r.progress} size="small" /> },
        ]}
      />
      {open && <TaskDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />}
    </>
  );
}

/** Steering documents and the reform plan tasks they assign. */
export default function SteeringPage() {
  const { s } = useStrings();
  return (
    <>
      <PageHeader title={s.steering.title} intro={s.steering.intro} />
      <Tabs items={[{ key: 'docs', label: s.steering.documents, children: <DocumentsTab /> }, { key: 'tasks', label: s.steering.tasks, children: <TasksTab /> }]} />
    </>
  );
}
