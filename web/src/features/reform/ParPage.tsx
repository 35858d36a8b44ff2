import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Empty, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { useAuth, useMe } from '../../app/auth.tsx';
import { useApi } from '../../app/useApi.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { AssessmentView } from './AssessmentView.tsx';
import { fmt, useStrings } from './strings.ts';
import {
  formatPoints,
  labelOf,
  optionsOf,
  PAR_ASSESSMENT_STATUSES,
  PAR_FRAMEWORK_STATUSES,
  PAR_METHODS,
  PAR_TARGET_LEVELS,
  PAR_TIE_RULES,
  type AssessmentSummaryDto,
  type FrameworkDetailDto,
  type FrameworkDto,
  type RankingDto,
  type TrendDto,
} from './types.ts';
import { XlsxImportModal } from './XlsxImportModal.tsx';

const STATUS_COLOR: Record<string, string> = { draft: 'gold', submitted: 'blue', published: 'green' };
const frameworkLabel = (f: FrameworkDto) => `${f.year} — ${f.name}`;

function RankingTab({ framework }: { framework: FrameworkDto }) {
  const { s, lang } = useStrings();
  const { data, error, loading } = useApi<RankingDto>(`/api/v1/par/frameworks/${framework.id}/ranking`);
  if (error) return <ProblemAlert error={error} />;
  return (
    <>
      {data?.provisional && <Alert type="info" showIcon title={s.par.provisional} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        {s.par.tieRule}: {labelOf(PAR_TIE_RULES, framework.tieRule, lang)}
      </Typography.Paragraph>
      <div data-testid="par-ranking">
      <Table
        rowKey="assessmentId"
        size="middle"
        loading={loading}
        pagination={false}
        dataSource={data?.rows ?? []}
        columns={[
          { key: 'rank', title: s.par.rank, width: 110, render: (_, r) => <Space>{r.rank}{r.tied && <Tag color="purple">{s.par.tied}</Tag>}</Space> },
          { key: 'locality', title: s.par.locality, render: (_, r) => <Space wrap>{r.localityName}{r.illustrative && <Tag>{s.common.illustrative}</Tag>}</Space> },
          { key: 'points', title: s.par.points, align: 'right', render: (_, r) => formatPoints(r.finalPoints, lang) },
          { key: 'index', title: s.par.index, align: 'right', render: (_, r) => formatPoints(r.index, lang) },
          { key: 'class', title: s.par.classification, render: (_, r) => r.classification?.label[lang] ?? '—' },
          { key: 'status', title: s.common.status, render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{labelOf(PAR_ASSESSMENT_STATUSES, r.status, lang)}</Tag> },
        ]}
      />
      </div>
    </>
  );
}

function OpenAssessmentModal({ framework, onClose, onOpened }: { framework: FrameworkDto; onClose(): void; onOpened(id: string): void }) {
  const { s } = useStrings();
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<{ unitId: string }>();
  const problem = useFormProblem(form);
  const [key] = useState(newIdempotencyKey);
  const submit = (v: { unitId: string }) =>
    problem.run(async () => {
      const a = await api.post<AssessmentSummaryDto>(`/api/v1/par/frameworks/${framework.id}/assessments`, { unitId: v.unitId }, { 'idempotency-key': key });
      onOpened(a.id);
    });
  return (
    <Modal open title={s.par.openOwn} onCancel={onClose} onOk={() => form.submit()} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={problem.busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{s.par.openOwnHelp}</Typography.Paragraph>
      {problem.alert}
      <Form form={form} layout="vertical" initialValues={{ unitId: me.grants.find((g) => g.unitId)?.unitId ?? undefined }} onFinish={(v) => void submit(v)}>
        <Form.Item name="unitId" label={s.common.unit} rules={[{ required: true, message: t('common.requiredSelect') }]}>
          <UnitSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AssessmentsTab({ framework, onOpen }: { framework: FrameworkDto; onOpen(id: string): void }) {
  const { s, lang } = useStrings();
  const { can } = useAuth();
  const { data, error, loading } = useApi<AssessmentSummaryDto[]>('/api/v1/par/assessments', { frameworkId: framework.id });
  const [opening, setOpening] = useState(false);
  if (error) return <ProblemAlert error={error} />;
  return (
    <>
      {can('reform.write') && framework.status === 'published' && framework.criteriaCount > 0 && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button onClick={() => setOpening(true)}>{s.par.openOwn}</Button>
        </Flex>
      )}
      <Table
        rowKey="id"
        loading={loading}
        dataSource={data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: 'locality', title: s.par.locality, render: (_, a) => <Space wrap>{a.localityName}{a.illustrative && <Tag>{s.common.illustrative}</Tag>}</Space> },
          { key: 'status', title: s.common.status, render: (_, a) => <Tag color={STATUS_COLOR[a.status]}>{labelOf(PAR_ASSESSMENT_STATUSES, a.status, lang)}</Tag> },
          { key: 'points', title: s.par.finalPoints, align: 'right', render: (_, a) => formatPoints(a.totals.finalPoints, lang) },
          { key: 'rank', title: s.par.rank, render: (_, a) => (a.totals.rank ? fmt(s.par.rankOf, { rank: a.totals.rank, of: a.totals.of }) : '—') },
          {
            key: 'open',
            title: s.common.actions,
            render: (_, a) =>
              a.unitId && framework.criteriaCount > 0 ? (
                <Button size="small" onClick={() => onOpen(a.id)} aria-label={`${s.common.open} ${a.localityName}`}>
                  {s.common.open}
                </Button>
              ) : null,
          },
        ]}
      />
      {opening && <OpenAssessmentModal framework={framework} onClose={() => setOpening(false)} onOpened={(id) => onOpen(id)} />}
    </>
  );
}

interface ImportValues {
  provinceUnitId: string;
  year: number;
  targetLevel: string;
  name: string;
  maxPoints: number;
}

function ImportFrameworkModal({ onClose, onImported }: { onClose(): void; onImported(id: string): void }) {
  const { s, lang } = useStrings();
  const [form] = Form.useForm<ImportValues>();
  const values = Form.useWatch([], form) as Partial<ImportValues> | undefined;
  const ready = values?.provinceUnitId && values.year && values.targetLevel && values.name?.trim() && values.maxPoints;
  const url = (dryRun: boolean) =>
    ready ? `/api/v1/par/frameworks/import?${new URLSearchParams({ provinceUnitId: values!.provinceUnitId!, year: String(values!.year), targetLevel: values!.targetLevel!, name: values!.name!.trim(), maxPoints: String(values!.maxPoints), dryRun: String(dryRun) })}` : null;
  return (
    <XlsxImportModal<{ frameworkId: string | null; criteria: number }> title={s.par.import} help={s.par.importHelp} url={url} rowsOf={(r) => r.criteria} onClose={onClose} onImported={(r) => onImported(r.frameworkId!)}>
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear(), targetLevel: 'commune', maxPoints: 100 }}>
        <Flex gap={12} wrap>
          <Form.Item name="provinceUnitId" label={s.par.province} required style={{ minWidth: 260, flex: 1 }}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="year" label={s.common.year} required>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="targetLevel" label={s.par.targetLevel} required>
            <Select options={optionsOf(PAR_TARGET_LEVELS, lang)} style={{ minWidth: 200 }} />
          </Form.Item>
          <Form.Item name="maxPoints" label={s.par.maxPoints} required>
            <InputNumber min={1} max={1000} />
          </Form.Item>
        </Flex>
        <Form.Item name="name" label={s.par.name} required>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </XlsxImportModal>
  );
}

function CriteriaTab({ framework, onChanged }: { framework: FrameworkDto; onChanged(): void }) {
  const { s, lang } = useStrings();
  const { can } = useAuth();
  const { message, modal } = AntApp.useApp();
  const { data, error, loading, reload } = useApi<FrameworkDetailDto>(`/api/v1/par/frameworks/${framework.id}`);
  if (error) return <ProblemAlert error={error} />;
  if (!data) return <Loading />;
  const indent = { area: 0, criterion: 16, sub_criterion: 32 } as const;
  const issue = () =>
    modal.confirm({
      title: s.par.issue,
      okText: s.common.confirm,
      onOk: async () => {
        try {
          await api.patch(`/api/v1/par/frameworks/${data.id}`, { version: data.version, status: 'published' });
          message.success(s.common.saved);
          reload();
          onChanged();
        } catch (err) {
          modal.error({ title: s.par.issue, content: <ProblemAlert error={err} /> });
        }
      },
    });
  return (
    <>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Tag color={data.status === 'published' ? 'green' : 'gold'}>{labelOf(PAR_FRAMEWORK_STATUSES, data.status, lang)}</Tag>
          <Typography.Text>{data.criteriaCount ? fmt(s.par.criteriaCount, { count: data.criteriaCount, points: formatPoints(data.treeMaxPoints, lang) }) : s.par.resultsOnly}</Typography.Text>
          {data.decisionRef && <Typography.Text type="secondary">{data.decisionRef}</Typography.Text>}
        </Space>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={`/api/v1/par/frameworks/${data.id}/export`}>
            {s.common.exportExcel}
          </Button>
          {can('reform.appraise') && data.status === 'draft' && (
            <Button type="primary" onClick={issue}>
              {s.par.issue}
            </Button>
          )}
        </Space>
      </Flex>
      {data.notes && <Alert type="warning" showIcon title={data.notes} style={{ marginBottom: 12 }} />}
      <Card size="small" title={s.par.bands} style={{ marginBottom: 12 }}>
        <Space wrap>
          {data.bands.map((b) => (
            <Tag key={b.code}>
              {b.label[lang]} ≥ {formatPoints(b.minIndex, lang)}
            </Tag>
          ))}
          <Typography.Text type="secondary">
            · {s.par.tieRule}: {labelOf(PAR_TIE_RULES, data.tieRule, lang)}
          </Typography.Text>
        </Space>
      </Card>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data.criteria}
        locale={{ emptyText: <Empty description={s.par.resultsOnly} /> }}
        columns={[
          { key: 'code', title: s.par.code, dataIndex: 'code', width: 80 },
          { key: 'title', title: s.par.content, render: (_, c) => <div style={{ paddingInlineStart: indent[c.level], fontWeight: c.level === 'area' ? 600 : undefined }}>{c.title}</div> },
          { key: 'max', title: s.par.max, align: 'right', width: 80, render: (_, c) => formatPoints(c.maxPoints, lang) },
          { key: 'method', title: s.par.method, width: 170, render: (_, c) => labelOf(PAR_METHODS, c.method, lang) },
          { key: 'figure', title: s.par.liveFigure, width: 190, render: (_, c) => (c.liveFigureKey ? <code>{c.liveFigureKey}</code> : '') },
          { key: 'guidance', title: s.par.guidance, render: (_, c) => <Typography.Text type="secondary">{c.guidance}</Typography.Text> },
        ]}
      />
    </>
  );
}

function TrendTab() {
  const { s, lang } = useStrings();
  const me = useMe();
  const [unitId, setUnitId] = useState<string | undefined>(me.grants.find((g) => g.unitId)?.unitId ?? undefined);
  const [withPredecessors, setWithPredecessors] = useState(true);
  const { data, error, loading } = useApi<TrendDto>(unitId ? '/api/v1/par/trend' : null, { unitId, includePredecessors: String(withPredecessors) });
  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 300 }}>
          <UnitSelect value={unitId} onChange={(v) => setUnitId(v ?? undefined)} aria-label={s.par.trendUnit} />
        </div>
        <Checkbox checked={withPredecessors} onChange={(e) => setWithPredecessors(e.target.checked)}>
          {s.par.includePredecessors}
        </Checkbox>
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table
        rowKey={(p) => `${p.frameworkId}-${p.unitId}`}
        loading={loading}
        pagination={false}
        dataSource={data?.points ?? []}
        locale={{ emptyText: <Empty description={s.par.noTrend} /> }}
        columns={[
          { key: 'year', title: s.common.year, dataIndex: 'year', width: 80 },
          { key: 'locality', title: s.par.locality, dataIndex: 'localityName' },
          {
            key: 'points',
            title: s.par.points,
            render: (_, p) => (
              <Flex align="center" gap={8}>
                <div aria-hidden style={{ height: 10, width: `${Math.max(2, p.index * 2)}px`, background: p.status === 'published' ? '#1677ff' : '#d9d9d9', borderRadius: 2 }} />
                <span>{formatPoints(p.finalPoints, lang)}</span>
              </Flex>
            ),
          },
          { key: 'rank', title: s.par.rank, render: (_, p) => (p.rank ? `${p.rank}/${p.of}` : '—') },
          { key: 'class', title: s.par.classification, render: (_, p) => p.classification?.label[lang] ?? '—' },
          { key: 'status', title: s.common.status, render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{labelOf(PAR_ASSESSMENT_STATUSES, p.status, lang)}</Tag> },
        ]}
      />
    </>
  );
}

/** PAR index: pick a year's framework, then its ranking, the assessments, the criteria tree, or a unit's trend. */
export default function ParPage() {
  const { s } = useStrings();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const frameworks = useApi<FrameworkDto[]>('/api/v1/par/frameworks');
  const [importing, setImporting] = useState(false);
  const sorted = useMemo(() => [...(frameworks.data ?? [])].sort((a, b) => b.year - a.year || a.targetLevel.localeCompare(b.targetLevel)), [frameworks.data]);
  const fid = params.get('bo') ?? sorted[0]?.id;
  const framework = sorted.find((f) => f.id === fid);
  const tab = params.get('tab') ?? 'xep-hang';
  const assessmentId = params.get('danhgia');
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title={s.par.title}
        intro={s.par.intro}
        extra={
          can('reform.appraise') && (
            <>
              <Button icon={<DownloadOutlined />} href="/api/v1/par/frameworks/template.xlsx">
                {s.common.template}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {s.par.import}
              </Button>
            </>
          )
        }
      />
      {frameworks.error && <ProblemAlert error={frameworks.error} />}
      {frameworks.loading && !frameworks.data ? (
        <Loading />
      ) : !framework ? (
        <Empty description={s.par.noFramework} />
      ) : (
        <>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>{s.par.framework}</Typography.Text>
            <Select aria-label={s.par.framework} value={framework.id} onChange={(v) => set({ bo: v, danhgia: null })} options={sorted.map((f) => ({ value: f.id, label: frameworkLabel(f) }))} style={{ minWidth: 380 }} />
            {framework.isDemo && <Tag>{s.common.demo}</Tag>}
          </Flex>
          <Tabs
            destroyOnHidden
            activeKey={tab}
            onChange={(k) => set({ tab: k, danhgia: null })}
            items={[
              { key: 'xep-hang', label: s.par.tabs.ranking, children: <RankingTab key={framework.id} framework={framework} /> },
              {
                key: 'danh-gia',
                label: s.par.tabs.assessments,
                children: assessmentId ? <AssessmentView key={assessmentId} id={assessmentId} onBack={() => set({ danhgia: null })} /> : <AssessmentsTab key={framework.id} framework={framework} onOpen={(id) => set({ danhgia: id, tab: 'danh-gia' })} />,
              },
              { key: 'tieu-chi', label: s.par.tabs.criteria, children: <CriteriaTab key={framework.id} framework={framework} onChanged={frameworks.reload} /> },
              { key: 'xu-huong', label: s.par.tabs.trend, children: <TrendTab /> },
            ]}
          />
        </>
      )}
      {importing && (
        <ImportFrameworkModal
          onClose={() => setImporting(false)}
          onImported={(id) => {
            setImporting(false);
            message.success(s.common.saved);
            frameworks.reload();
            set({ bo: id, tab: 'tieu-chi', danhgia: null });
          }}
        />
      )}
    </>
  );
}
