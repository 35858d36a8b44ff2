import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Flex, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { useAuth, useMe } from '../../app/auth.tsx';
import { useApi } from '../../app/useApi.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { formatDate, todayVn } from '../../i18n/format.ts';
import { clean, FormModal } from './FormModal.tsx';
import { fmt, useStrings } from './strings.ts';
import { ATTENDANCE_RESULTS, COURSE_LOCATIONS, labelOf, OFFICIAL_LEVELS, optionsOf, type ClassDetailDto, type ClassDto, type ExternalDto, type Page } from './types.ts';
import { XlsxImportModal } from './XlsxImportModal.tsx';

function ClassDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const { s, lang } = useStrings();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const { data, error, reload } = useApi<ClassDetailDto>(`/api/v1/training/classes/${id}`);
  const [importing, setImporting] = useState(false);
  return (
    <Drawer open onClose={onClose} title={data?.title ?? ''} size="large">
      {error && <ProblemAlert error={error} />}
      {data && (
        <>
          <Typography.Paragraph>
            {data.organiser} · {formatDate(data.startOn)} – {formatDate(data.endOn)} · {labelOf(OFFICIAL_LEVELS, data.level, lang)} · {s.training.trainees}: <strong>{data.trainees}</strong>
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            {can('reform.write') && <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>{s.training.importAttendance}</Button>}
            <Button icon={<DownloadOutlined />} href={data.attendanceCount ? `/api/v1/training/classes/${id}/attendance.xlsx` : '/api/v1/training/attendance-template.xlsx'}>{data.attendanceCount ? s.common.exportExcel : s.common.template}</Button>
          </Space>
          <Table rowKey="id" size="small" dataSource={data.attendance} pagination={{ pageSize: 50, hideOnSinglePage: true }} columns={[
            { key: 'name', title: s.training.fullName, dataIndex: 'fullName' },
            { key: 'pos', title: s.training.position, dataIndex: 'position' },
            { key: 'unit', title: s.training.workUnit, dataIndex: 'workUnit' },
            { key: 'year', title: s.training.birthYear, dataIndex: 'birthYear', width: 90 },
            { key: 'result', title: s.training.result, width: 110, render: (_, a) => (a.result ? <Tag color={a.result === 'passed' ? 'green' : a.result === 'absent' ? 'default' : 'red'}>{labelOf(ATTENDANCE_RESULTS, a.result, lang)}</Tag> : '—') },
          ]} />
          {importing && (
            <XlsxImportModal<{ imported: number }>
              title={s.training.importAttendance}
              help={s.training.importAttendanceHelp}
              url={(dryRun) => `/api/v1/training/classes/${id}/attendance?version=${data.version}&replace=true&dryRun=${dryRun}`}
              rowsOf={(r) => r.imported}
              onClose={() => setImporting(false)}
              onImported={() => {
                setImporting(false);
                message.success(s.common.saved);
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

function ClassesTab() {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const { message } = AntApp.useApp();
  const [unitId, setUnitId] = useState<string>();
  const [year, setYear] = useState<number>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApi<Page<ClassDto>>('/api/v1/training/classes', { unitId, year, page, pageSize: 20 });
  const statsUnit = unitId ?? me.grants.find((g) => g.unitId)?.unitId ?? undefined;
  const stats = useApi<{ classes: number; trainees: number; sentToCourses: number }>(statsUnit ? '/api/v1/training/stats' : null, { unitId: statsUnit, from: year ? `${year}-01-01` : undefined, to: year ? `${year}-12-31` : undefined });
  const thisYear = new Date().getFullYear();
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 280 }}><UnitSelect value={unitId} onChange={(v) => { setUnitId(v ?? undefined); setPage(1); }} aria-label={s.common.unit} /></div>
        <Select allowClear placeholder={s.common.year} aria-label={s.common.year} value={year} onChange={(v) => { setYear(v); setPage(1); }} options={Array.from({ length: 8 }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))} style={{ width: 120 }} />
        {stats.data && <Typography.Text data-testid="training-stats">{fmt(s.training.stats, { classes: stats.data.classes, trainees: stats.data.trainees, sent: stats.data.sentToCourses })}</Typography.Text>}
        {can('reform.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginInlineStart: 'auto' }}>{s.training.newClass}</Button>}
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        scroll={{ x: 900 }}
        columns={[
          { key: 'date', title: s.training.startOn, width: 120, render: (_, c) => formatDate(c.startOn) },
          { key: 'title', title: s.training.classTitle, dataIndex: 'title' },
          { key: 'org', title: s.training.organiser, dataIndex: 'organiser', width: 220 },
          { key: 'level', title: s.training.level, width: 160, render: (_, c) => labelOf(OFFICIAL_LEVELS, c.level, lang) },
          { key: 'n', title: s.training.trainees, width: 110, align: 'right', render: (_, c) => <Space>{c.trainees}{c.attendanceCount > 0 && <Tag>{s.training.attendance}</Tag>}</Space> },
        ]}
      />
      {open && <ClassDrawer id={open} onClose={() => setOpen(null)} onChanged={() => { reload(); stats.reload(); }} />}
      {creating && (
        <FormModal<Record<string, string | number | undefined>>
          title={s.training.newClass}
          initialValues={{ level: 'commune', startOn: todayVn(), endOn: todayVn() }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            await api.post('/api/v1/training/classes', clean(v), { 'idempotency-key': newIdempotencyKey() });
            setCreating(false);
            message.success(s.common.saved);
            reload();
            stats.reload();
          }}
        >
          <Form.Item name="unitId" label={s.common.unit} rules={[{ required: true, message: t('common.requiredSelect') }]}><UnitSelect /></Form.Item>
          <Form.Item name="title" label={s.training.classTitle} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="organiser" label={s.training.organiser} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={300} /></Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="level" label={s.training.level}><Select options={optionsOf(OFFICIAL_LEVELS, lang)} style={{ width: 240 }} /></Form.Item>
            <Form.Item name="startOn" label={s.training.startOn} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
            <Form.Item name="endOn" label={s.training.endOn} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
          </Flex>
          <Flex gap={12} wrap>
            <Form.Item name="location" label={s.training.location} style={{ flex: 1 }}><Input maxLength={300} /></Form.Item>
            <Form.Item name="reportedParticipants" label={s.training.reported}><InputNumber min={0} max={100000} /></Form.Item>
          </Flex>
        </FormModal>
      )}
    </>
  );
}

function ExternalTab() {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApi<Page<ExternalDto>>('/api/v1/training/external', { page, pageSize: 20 });
  return (
    <>
      <Flex justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{fmt(s.common.total, { count: data?.total ?? 0 })}</Typography.Text>
        {can('reform.write') && <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>{s.training.newExternal}</Button>}
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table rowKey="id" loading={loading} dataSource={data?.items ?? []} pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }} scroll={{ x: 900 }} columns={[
        { key: 'name', title: s.training.fullName, render: (_, e) => <><div>{e.fullName}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.position} · {e.unitName}</Typography.Text></> },
        { key: 'course', title: s.training.course, dataIndex: 'course' },
        { key: 'org', title: s.training.organiser, dataIndex: 'organiser', width: 220 },
        { key: 'loc', title: s.training.location2, width: 140, render: (_, e) => labelOf(COURSE_LOCATIONS, e.location, lang) },
        { key: 'date', title: s.training.startOn, width: 120, render: (_, e) => formatDate(e.startOn) },
      ]} />
      {creating && (
        <FormModal<Record<string, string | undefined>>
          title={s.training.newExternal}
          initialValues={{ location: 'in_province', startOn: todayVn() }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            await api.post('/api/v1/training/external', clean(v), { 'idempotency-key': newIdempotencyKey() });
            setCreating(false);
            message.success(s.common.saved);
            reload();
          }}
        >
          <Form.Item name="unitId" label={s.common.unit} rules={[{ required: true, message: t('common.requiredSelect') }]}><UnitSelect /></Form.Item>
          <Form.Item name="fullName" label={s.training.fullName} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="position" label={s.training.position}><Input maxLength={200} /></Form.Item>
          <Form.Item name="course" label={s.training.course} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="organiser" label={s.training.organiser} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={300} /></Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="location" label={s.training.location2}><Select options={optionsOf(COURSE_LOCATIONS, lang)} style={{ width: 180 }} /></Form.Item>
            <Form.Item name="startOn" label={s.training.startOn} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
            <Form.Item name="endOn" label={s.training.endOn}><IsoDatePicker /></Form.Item>
          </Flex>
          <Form.Item name="decisionRef" label={s.training.decisionRef}><Input maxLength={300} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** Officials' training: classes with their attendance lists, and officials sent to external courses. */
export default function TrainingPage() {
  const { s } = useStrings();
  return (
    <>
      <PageHeader title={s.training.title} intro={s.training.intro} />
      <Tabs items={[{ key: 'classes', label: s.training.classes, children: <ClassesTab /> }, { key: 'external', label: s.training.external, children: <ExternalTab /> }]} />
    </>
  );
}
