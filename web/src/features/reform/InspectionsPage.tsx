import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Checkbox, Descriptions, Drawer, Flex, Form, Input, List, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
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
import { INSPECTION_KINDS, INSPECTION_STATUSES, labelOf, optionsOf, RECOMMENDATION_STATUSES, TEAM_ROLES, type InspectionDetailDto, type InspectionDto, type InspectionStatsDto, type Page, type PlanDto, type RecommendationDto } from './types.ts';

function RecommendationItem({ r, onChanged }: { r: RecommendationDto; onChanged(): void }) {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [mode, setMode] = useState<'follow' | 'close' | null>(null);
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="recommendation">
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Text strong>{r.content}</Typography.Text>
        <Space wrap>
          <Tag color={r.status === 'open' ? 'blue' : 'green'}>{labelOf(RECOMMENDATION_STATUSES, r.status, lang)}</Tag>
          {r.overdue && <Tag color="red">{fmt(s.common.overdueDays, { days: r.daysOverdue })}</Tag>}
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
        {s.inspections.responsible}: {r.responsibleUnitName} · {s.inspections.deadline}: {formatDate(r.deadline)} · {r.inspectionTitle}
      </Typography.Paragraph>
      {r.followUps.length > 0 && (
        <List size="small" header={s.inspections.followUps} dataSource={r.followUps} renderItem={(f) => <List.Item>{formatDate(f.reportedOn)} — {f.note}{f.reportedBy ? ` (${f.reportedBy})` : ''}</List.Item>} />
      )}
      {r.status === 'closed' && <Typography.Paragraph>{s.inspections.closeEvidence}: {r.closingEvidence} ({formatDate(r.closedOn)})</Typography.Paragraph>}
      {r.status === 'open' && (
        <Space>
          {can('reform.write') && <Button size="small" onClick={() => setMode('follow')}>{s.inspections.followUp}</Button>}
          {can('inspections.write') && <Button size="small" onClick={() => setMode('close')}>{s.inspections.close}</Button>}
        </Space>
      )}
      {mode === 'follow' && (
        <FormModal<{ note: string; evidenceUrl?: string; reportedOn: string }>
          title={s.inspections.followUp}
          initialValues={{ reportedOn: todayVn() }}
          onClose={() => setMode(null)}
          onSubmit={async (v) => {
            await api.post(`/api/v1/inspection-recommendations/${r.id}/follow-ups`, { ...clean(v), note: v.note.trim() });
            setMode(null);
            message.success(s.common.saved);
            onChanged();
          }}
        >
          <Form.Item name="reportedOn" label={s.common.date}><IsoDatePicker /></Form.Item>
          <Form.Item name="note" label={s.common.note} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} /></Form.Item>
          <Form.Item name="evidenceUrl" label={s.common.link}><Input placeholder="https://" /></Form.Item>
        </FormModal>
      )}
      {mode === 'close' && (
        <FormModal<{ evidence: string; evidenceUrl?: string; closedOn: string }>
          title={s.inspections.close}
          initialValues={{ closedOn: todayVn() }}
          onClose={() => setMode(null)}
          onSubmit={async (v) => {
            await api.post(`/api/v1/inspection-recommendations/${r.id}/close`, { version: r.version, closedOn: v.closedOn, evidence: v.evidence.trim(), evidenceUrl: v.evidenceUrl?.trim() || null });
            setMode(null);
            message.success(s.common.saved);
            onChanged();
          }}
        >
          <Form.Item name="closedOn" label={s.common.date}><IsoDatePicker /></Form.Item>
          <Form.Item name="evidence" label={s.inspections.closeEvidence} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} /></Form.Item>
          <Form.Item name="evidenceUrl" label={s.common.link}><Input placeholder="https://" /></Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

function InspectionDrawer({ id, onClose, onChanged }: { id: string; onClose(): void; onChanged(): void }) {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const { data, error, reload } = useApi<InspectionDetailDto>(`/api/v1/inspections/${id}`);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const refresh = () => {
    reload();
    onChanged();
  };
  return (
    <Drawer open onClose={onClose} title={data?.title ?? ''} size="large">
      {error && <ProblemAlert error={error} />}
      {data && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={s.inspections.kind}>{labelOf(INSPECTION_KINDS, data.kind, lang)}</Descriptions.Item>
            <Descriptions.Item label={s.inspections.inspector}>{data.unitName}</Descriptions.Item>
            <Descriptions.Item label={s.inspections.target}>{data.targetUnitName}</Descriptions.Item>
            <Descriptions.Item label={s.common.date}>{formatDate(data.startOn)}{data.endOn && data.endOn !== data.startOn ? ` – ${formatDate(data.endOn)}` : ''}</Descriptions.Item>
            <Descriptions.Item label={s.inspections.team}>{data.team.map((m) => `${m.name} (${labelOf(TEAM_ROLES, m.role, lang)})`).join('; ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={s.common.status}>{labelOf(INSPECTION_STATUSES, data.status, lang)}{data.conclusionRef ? ` · ${data.conclusionRef}` : ''}</Descriptions.Item>
            <Descriptions.Item label={s.inspections.findings}>{data.findings ?? '—'}</Descriptions.Item>
          </Descriptions>
          {can('inspections.write') && (
            <Space style={{ margin: '12px 0' }}>
              <Button onClick={() => setEditing(true)}>{s.inspections.findings}</Button>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>{s.inspections.addRecommendation}</Button>
            </Space>
          )}
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>{s.inspections.recommendations}</Typography.Title>
          {data.recommendationList.map((r) => <RecommendationItem key={r.id} r={r} onChanged={refresh} />)}
          {adding && (
            <FormModal<{ content: string; responsibleUnitId: string; deadline: string }>
              title={s.inspections.addRecommendation}
              initialValues={{ responsibleUnitId: data.targetUnitId }}
              onClose={() => setAdding(false)}
              onSubmit={async (v) => {
                await api.post(`/api/v1/inspections/${id}/recommendations`, { ...v, content: v.content.trim() }, { 'idempotency-key': newIdempotencyKey() });
                setAdding(false);
                message.success(s.common.saved);
                refresh();
              }}
            >
              <Form.Item name="content" label={s.inspections.content} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} /></Form.Item>
              <Form.Item name="responsibleUnitId" label={s.inspections.responsible} rules={[{ required: true }]}><UnitSelect /></Form.Item>
              <Form.Item name="deadline" label={s.inspections.deadline} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
            </FormModal>
          )}
          {editing && (
            <FormModal<{ findings?: string; status: string; conclusionRef?: string; concludedOn?: string }>
              title={s.inspections.findings}
              initialValues={{ findings: data.findings ?? '', status: data.status, conclusionRef: data.conclusionRef ?? '', concludedOn: data.concludedOn ?? undefined }}
              onClose={() => setEditing(false)}
              onSubmit={async (v) => {
                await api.patch(`/api/v1/inspections/${id}`, { version: data.version, ...clean(v) });
                setEditing(false);
                message.success(s.common.saved);
                refresh();
              }}
            >
              <Form.Item name="findings" label={s.inspections.findings}><Input.TextArea autoSize={{ minRows: 3 }} maxLength={20000} /></Form.Item>
              <Flex gap={12} wrap>
                <Form.Item name="status" label={s.common.status}><Select options={optionsOf(INSPECTION_STATUSES, lang)} style={{ width: 180 }} /></Form.Item>
                <Form.Item name="conclusionRef" label={s.inspections.conclusionRef}><Input maxLength={300} /></Form.Item>
                <Form.Item name="concludedOn" label={s.common.date}><IsoDatePicker /></Form.Item>
              </Flex>
            </FormModal>
          )}
        </>
      )}
    </Drawer>
  );
}

function InspectionsTab() {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const { message } = AntApp.useApp();
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApi<Page<InspectionDto>>('/api/v1/inspections', { year, page, pageSize: 20 });
  const myUnit = me.grants.find((g) => g.unitId)?.unitId ?? undefined;
  const stats = useApi<InspectionStatsDto>(myUnit ? '/api/v1/inspections/stats' : null, { unitId: myUnit });
  const plans = useApi<PlanDto[]>('/api/v1/inspection-plans');
  const thisYear = new Date().getFullYear();
  return (
    <>
      {stats.data && (
        <Card size="small" title={s.inspections.stats} style={{ marginBottom: 12 }}>
          <Flex gap={32} wrap>
            <Statistic title={s.inspections.integrated} value={stats.data.integrated} />
            <Statistic title={s.inspections.surprise} value={stats.data.surprise} />
            <Statistic title={s.inspections.open} value={stats.data.recommendations.open} />
            <Statistic title={s.common.overdue} value={stats.data.recommendations.overdue} styles={{ content: { color: stats.data.recommendations.overdue ? '#cf1322' : undefined } }} />
            <Typography.Text type="secondary">{stats.data.byYear.map((y) => `${y.year}: ${y.integrated} + ${y.surprise}`).join(' · ')}</Typography.Text>
          </Flex>
        </Card>
      )}
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={s.common.year} aria-label={s.common.year} value={year} onChange={(v) => { setYear(v); setPage(1); }} options={Array.from({ length: 8 }, (_, i) => ({ value: thisYear - i, label: String(thisYear - i) }))} style={{ width: 120 }} />
        {can('inspections.write') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginInlineStart: 'auto' }}>{s.inspections.newInspection}</Button>}
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
          { key: 'date', title: s.inspections.startOn, width: 120, render: (_, r) => formatDate(r.startOn) },
          { key: 'kind', title: s.inspections.kind, width: 170, render: (_, r) => <Tag color={r.kind === 'surprise' ? 'volcano' : 'geekblue'}>{labelOf(INSPECTION_KINDS, r.kind, lang)}</Tag> },
          { key: 'title', title: s.common.title, dataIndex: 'title' },
          { key: 'target', title: s.inspections.target, dataIndex: 'targetUnitName', width: 220 },
          { key: 'recs', title: s.inspections.recommendations, width: 200, render: (_, r) => (r.recommendations.total ? <Space wrap>{fmt(s.inspections.recCounts, { open: r.recommendations.open, overdue: r.recommendations.overdue })}{r.recommendations.overdue > 0 && <Tag color="red">{s.common.overdue}</Tag>}</Space> : '—') },
        ]}
      />
      {open && <InspectionDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />}
      {creating && (
        <FormModal<{ unitId: string; planId?: string; kind: string; targetUnitId: string; title: string; startOn: string; endOn?: string; head?: string; members?: string }>
          title={s.inspections.newInspection}
          width={720}
          initialValues={{ kind: 'integrated', startOn: todayVn(), unitId: myUnit }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            const team = [...(v.head?.trim() ? [{ name: v.head.trim(), role: 'head' }] : []), ...(v.members ?? '').split('\n').map((x) => x.trim()).filter(Boolean).map((name) => ({ name, role: 'member' }))];
            await api.post('/api/v1/inspections', { unitId: v.unitId, planId: v.planId ?? null, kind: v.kind, targetUnitId: v.targetUnitId, title: v.title.trim(), startOn: v.startOn, endOn: v.endOn ?? null, team }, { 'idempotency-key': newIdempotencyKey() });
            setCreating(false);
            message.success(s.common.saved);
            reload();
            stats.reload();
          }}
        >
          <Flex gap={12} wrap>
            <Form.Item name="unitId" label={s.inspections.inspector} rules={[{ required: true }]} style={{ minWidth: 260, flex: 1 }}><UnitSelect /></Form.Item>
            <Form.Item name="planId" label={s.inspections.plan} style={{ minWidth: 200 }}><Select allowClear options={(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.year} — ${p.unitName}` }))} /></Form.Item>
          </Flex>
          <Flex gap={12} wrap>
            <Form.Item name="kind" label={s.inspections.kind}><Select options={optionsOf(INSPECTION_KINDS, lang)} style={{ width: 220 }} /></Form.Item>
            <Form.Item name="startOn" label={s.inspections.startOn} rules={[{ required: true }]}><IsoDatePicker /></Form.Item>
            <Form.Item name="endOn" label={s.inspections.endOn}><IsoDatePicker /></Form.Item>
          </Flex>
          <Form.Item name="targetUnitId" label={s.inspections.target} rules={[{ required: true, message: t('common.requiredSelect') }]}><UnitSelect /></Form.Item>
          <Form.Item name="title" label={s.common.title} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="head" label={s.inspections.headName}><Input maxLength={200} /></Form.Item>
          <Form.Item name="members" label={s.inspections.members}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}

function RecommendationsTab() {
  const { s } = useStrings();
  const [status, setStatus] = useState<'open' | undefined>('open');
  const [overdue, setOverdue] = useState(false);
  const { data, error, loading, reload } = useApi<Page<RecommendationDto>>('/api/v1/inspection-recommendations', { status, overdue: overdue ? 'true' : undefined, pageSize: 100 });
  return (
    <>
      <Flex gap={16} wrap style={{ marginBottom: 12 }}>
        <Checkbox checked={status === 'open'} onChange={(e) => setStatus(e.target.checked ? 'open' : undefined)}>{s.inspections.onlyOpen}</Checkbox>
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>{s.inspections.onlyOverdue}</Checkbox>
        <Typography.Text type="secondary">{fmt(s.common.total, { count: data?.total ?? 0 })}</Typography.Text>
      </Flex>
      {error && <ProblemAlert error={error} />}
      {loading && !data ? null : (data?.items ?? []).map((r) => <RecommendationItem key={r.id} r={r} onChanged={reload} />)}
    </>
  );
}

function PlansTab() {
  const { s } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const { data, error, loading, reload } = useApi<PlanDto[]>('/api/v1/inspection-plans');
  const [creating, setCreating] = useState(false);
  return (
    <>
      {can('inspections.write') && <Flex justify="flex-end" style={{ marginBottom: 12 }}><Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>{s.inspections.newPlan}</Button></Flex>}
      {error && <ProblemAlert error={error} />}
      <Table rowKey="id" loading={loading} dataSource={data ?? []} pagination={false} columns={[
        { key: 'year', title: s.common.year, dataIndex: 'year', width: 80 },
        { key: 'title', title: s.common.title, dataIndex: 'title' },
        { key: 'unit', title: s.common.unit, dataIndex: 'unitName' },
        { key: 'ref', title: s.inspections.planRef, dataIndex: 'decisionRef', width: 140 },
        { key: 'n', title: `${s.inspections.integrated} / ${s.inspections.surprise}`, width: 180, render: (_, p) => `${p.inspections.integrated} / ${p.inspections.surprise}` },
      ]} />
      {creating && (
        <FormModal<{ unitId: string; year: number; title: string; decisionRef?: string; approvedOn?: string }>
          title={s.inspections.newPlan}
          initialValues={{ year: new Date().getFullYear() }}
          onClose={() => setCreating(false)}
          onSubmit={async (v) => {
            await api.post('/api/v1/inspection-plans', { ...clean(v), year: Number(v.year) }, { 'idempotency-key': newIdempotencyKey() });
            setCreating(false);
            message.success(s.common.saved);
            reload();
          }}
        >
          <Form.Item name="unitId" label={s.inspections.inspector} rules={[{ required: true }]}><UnitSelect /></Form.Item>
          <Form.Item name="year" label={s.common.year} rules={[{ required: true }]}><Input type="number" style={{ width: 120 }} /></Form.Item>
          <Form.Item name="title" label={s.common.title} rules={[{ required: true, whitespace: true, message: t('common.required') }]}><Input maxLength={500} /></Form.Item>
          <Form.Item name="decisionRef" label={s.inspections.planRef}><Input maxLength={300} /></Form.Item>
          <Form.Item name="approvedOn" label={s.common.date}><IsoDatePicker /></Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** Inspections: plans, inspections with their recommendations, and the follow-up until each is closed. */
export default function InspectionsPage() {
  const { s } = useStrings();
  return (
    <>
      <PageHeader title={s.inspections.title} intro={s.inspections.intro} />
      <Tabs items={[
        { key: 'insp', label: s.inspections.inspections, children: <InspectionsTab /> },
        { key: 'recs', label: s.inspections.recommendations, children: <RecommendationsTab /> },
        { key: 'plans', label: s.inspections.plans, children: <PlansTab /> },
      ]} />
    </>
  );
}
