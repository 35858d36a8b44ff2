/**
 * The leaders' dashboard (bảng điều hành): figures of a unit with its subtree over a month, quarter, year or any
 * range, as the units were then or mapped onto today's units; every number opens the list of dossiers behind it;
 * every table exports to Excel; periodic reports (Excel/PDF) are generated in the background.
 * The period, unit and setting live in the address (?unitId&from&to&units), so a view can be shared or printed.
 */
import { DownloadOutlined, FilePdfOutlined, FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, DatePicker, Drawer, Flex, Radio, Segmented, Space, Statistic, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { useApi } from '../../app/useApi.ts';
import type { UnitDto } from '../../app/types.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { buildUnitTree, unitMatches, type UnitNode } from '../../components/unitTree.ts';
import { formatDate, formatDateTime, todayVn } from '../../i18n/format.ts';
import type { Dashboard, DrillMeasure, Figures, Index766, Report } from '../../../../contracts/dashboard.ts';
import { EChart, type EChartOption } from './EChart.tsx';
import { fmt, hours, num, pct, useStrings } from './strings.ts';
import './dashboard.css';

type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** First and last day of the month, quarter or year containing `d`. */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, d: Dayjs): { from: string; to: string } {
  const start = kind === 'month' ? d.startOf('month') : kind === 'year' ? d.startOf('year') : d.month(Math.floor(d.month() / 3) * 3).startOf('month');
  const end = kind === 'month' ? start.endOf('month') : kind === 'year' ? start.endOf('year') : start.add(2, 'month').endOf('month');
  return { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') };
}

interface TreeOption {
  value: string;
  title: string;
  unit: UnitDto;
  children: TreeOption[];
}
const toOptions = (nodes: UnitNode[]): TreeOption[] => nodes.map((n) => ({ value: n.unit.id, title: n.unit.name, unit: n.unit, children: toOptions(n.children) }));

/** Units valid on `asOf` (the period's end "as then", today otherwise). */
function UnitPicker({ value, onChange, asOf, label }: { value?: string; onChange(v: string): void; asOf: string; label: string }) {
  const { data, loading } = useApi<UnitDto[]>('/api/v1/units', { asOf });
  const treeData = useMemo(() => toOptions(buildUnitTree(data ?? [])), [data]);
  return (
    <TreeSelect
      aria-label={label}
      data-testid="dashboard-unit"
      showSearch={{ filterTreeNode: (input, node) => unitMatches((node as TreeOption).unit, input) }}
      loading={loading}
      treeData={treeData}
      value={value}
      onChange={(v: string) => onChange(v)}
      treeDefaultExpandedKeys={treeData.map((o) => o.value)}
      popupMatchSelectWidth={false}
      style={{ minWidth: 280 }}
    />
  );
}

const MEASURE_OF: Record<string, DrillMeasure> = {
  received: 'received', receivedCounter: 'received_counter', receivedOnline: 'received_online', receivedPost: 'received_post', finished: 'finished', early: 'early',
  onTime: 'on_time', late: 'late', apart: 'apart', openOnTrack: 'open_on_track', openDueSoon: 'open_due_soon', openOverdue: 'open_overdue',
};

function DrillDrawer({ measure, title, query, onClose }: { measure: DrillMeasure; title: string; query: Record<string, string>; onClose(): void }) {
  const { s, lang } = useStrings();
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const { data, error, loading } = useApi<{ total: number; items: Array<{ id: string; code: string; procedureName: string; applicantName: string; unitName: string; status: string; receivedAt: string; dueAt: string | null; finishedAt: string | null; outcome: string | null }> }>('/api/v1/dashboard/dossiers', { ...query, measure, limit: pageSize, offset: (page - 1) * pageSize });
  const exportUrl = `/api/v1/dashboard/export.xlsx?${new URLSearchParams({ ...query, table: 'dossiers', measure })}`;
  return (
    <Drawer open onClose={onClose} title={title} size="large" extra={<Button icon={<DownloadOutlined />} href={exportUrl} data-testid="drill-export">{s.exportExcel}</Button>}>
      {error && <ProblemAlert error={error} />}
      <Typography.Paragraph>
        {s.dossiersCount} <strong data-testid="drill-total">{num(data?.total, lang)}</strong>
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { key: 'code', title: s.dossierCode, render: (_, d) => (can('dossiers.read') ? <Link to={`/ho-so/${d.id}`}>{d.code}</Link> : d.code) },
          { key: 'proc', title: s.procedure, dataIndex: 'procedureName', ellipsis: true },
          { key: 'app', title: s.applicant, dataIndex: 'applicantName' },
          { key: 'unit', title: s.unit, dataIndex: 'unitName', ellipsis: true },
          { key: 'rec', title: s.receivedAt, render: (_, d) => formatDate(d.receivedAt.slice(0, 10)) },
          { key: 'due', title: s.dueAt, render: (_, d) => (d.dueAt ? formatDateTime(d.dueAt, { seconds: false }) : '—') },
          { key: 'fin', title: s.finishedAt, render: (_, d) => (d.finishedAt ? formatDateTime(d.finishedAt, { seconds: false }) : '—') },
        ]}
      />
    </Drawer>
  );
}

function ReportsCard({ query }: { query: { unitId: string; from: string; to: string; units: string } }) {
  const { s } = useStrings();
  const { message } = AntApp.useApp();
  const { data, reload } = useApi<{ items: Report[] }>('/api/v1/dashboard/reports');
  const request = async (format: 'xlsx' | 'pdf') => {
    try {
      await api.post('/api/v1/dashboard/reports', { ...query, format });
      message.success(s.reportQueued);
      reload();
      window.setTimeout(reload, 4000);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card title={s.report} size="small" className="dashboard-noprint" extra={<Button size="small" onClick={reload}>↻</Button>}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button icon={<FileExcelOutlined />} onClick={() => request('xlsx')}>{s.reportXlsx}</Button>
        <Button icon={<FilePdfOutlined />} onClick={() => request('pdf')}>{s.reportPdf}</Button>
      </Space>
      <Table<Report>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={(data?.items ?? []).slice(0, 8)}
        columns={[
          { key: 'p', title: s.period, render: (_, r) => `${formatDate(r.from)} – ${formatDate(r.to)} (${r.format.toUpperCase()})` },
          { key: 's', title: s.status, render: (_, r) => <Tag color={r.status === 'ready' ? 'green' : r.status === 'failed' ? 'red' : 'blue'}>{s.reportStatus[r.status]}</Tag> },
          { key: 'd', title: '', render: (_, r) => (r.downloadUrl ? <a href={r.downloadUrl}>{s.download}</a> : null) },
        ]}
      />
    </Card>
  );
}

export default function DashboardPage() {
  const { s, lang } = useStrings();
  const [params, setParams] = useSearchParams();
  const today = todayVn();
  const kind = (params.get('period') as PeriodKind | null) ?? 'year';
  const def = periodOf('year', dayjs(today));
  const from = params.get('from') ?? def.from;
  const to = params.get('to') ?? def.to;
  const units = params.get('units') === 'today' ? 'today' : 'then';
  const unitId = params.get('unitId') ?? undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const query = { from, to, units, ...(unitId ? { unitId } : {}) };
  const { data, error, loading } = useApi<Dashboard>('/api/v1/dashboard', query);
  const idx = useApi<Index766>('/api/v1/dashboard/index766', query);
  const [drill, setDrill] = useState<{ measure: DrillMeasure; label: string; unitId?: string; unitName?: string } | null>(null);
  const effectiveUnit = data?.unit.id ?? unitId;
  const exportUrl = (table: string) => `/api/v1/dashboard/export.xlsx?${new URLSearchParams({ from, to, units, ...(effectiveUnit ? { unitId: effectiveUnit } : {}), table })}`;

  const figure = (f: Figures, key: keyof typeof MEASURE_OF, label: string, unit?: { id: string; name: string }) => (
    <button type="button" className="dashboard-figure" data-testid={unit ? `cmp-${unit.id}-${key}` : `fig-${key}`} onClick={() => setDrill({ measure: MEASURE_OF[key], label, unitId: unit?.id, unitName: unit?.name })}>
      {num(f[key as keyof Figures] as number, lang)}
    </button>
  );

  const trendOption = useMemo<EChartOption>(() => {
    const t = data?.trend ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 48, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: t.map((m) => `${m.month.slice(5)}/${m.month.slice(0, 4)}`) },
      yAxis: [{ type: 'value', axisLabel: { formatter: (v: number) => num(v, lang) } }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: s.received, type: 'bar', data: t.map((m) => m.received), itemStyle: { color: '#5b8ff9' } },
        { name: s.finished, type: 'bar', data: t.map((m) => m.finished), itemStyle: { color: '#5ad8a6' } },
        { name: s.late, type: 'bar', data: t.map((m) => m.late), itemStyle: { color: '#e8684a' } },
        { name: `${s.onTimeRate} (%)`, type: 'line', yAxisIndex: 1, data: t.map((m) => (m.onTimeRateFinishedOnly === null ? null : Math.round(m.onTimeRateFinishedOnly * 10000) / 100)), itemStyle: { color: '#333' } },
      ],
    };
  }, [data, s, lang]);

  const compareOption = useMemo<EChartOption>(() => {
    const c = (data?.comparison ?? []).filter((x) => x.figures.finished + x.figures.openOverdue > 0);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${num(v, lang)}%` },
      grid: { left: 200, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: c.map((x) => x.name), axisLabel: { width: 190, overflow: 'truncate' } },
      series: [{ name: s.onTimeRate, type: 'bar', data: c.map((x) => Math.round((x.figures.onTimeRate ?? 0) * 10000) / 100), itemStyle: { color: '#5b8ff9' } }],
    };
  }, [data, s, lang]);

  const f = data?.figures;
  return (
    <div>
      <PageHeader
        title={s.title}
        intro={s.intro}
        extra={[
          <Button key="x" icon={<DownloadOutlined />} href={exportUrl('figures')} data-testid="export-figures" className="dashboard-noprint">{s.exportExcel}</Button>,
          <Button key="p" icon={<PrinterOutlined />} onClick={() => window.print()} className="dashboard-noprint">{s.print}</Button>,
          <Button key="pub" href="/chi-so-phuc-vu" className="dashboard-noprint">{s.publicBoard}</Button>,
        ]}
      />
      <Flex wrap gap={12} align="center" className="dashboard-controls" style={{ marginBottom: 16 }}>
        <UnitPicker label={s.unit} value={effectiveUnit} asOf={units === 'then' && to < today ? to : today} onChange={(v) => set({ unitId: v })} />
        <Segmented<PeriodKind>
          aria-label={s.period}
          value={kind}
          options={[{ value: 'month', label: s.month }, { value: 'quarter', label: s.quarter }, { value: 'year', label: s.year }, { value: 'custom', label: s.custom }]}
          onChange={(k) => {
            if (k === 'custom') set({ period: k });
            else set({ period: k, ...periodOf(k, dayjs(to > today ? today : to)) });
          }}
        />
        {kind !== 'custom' ? (
          <DatePicker
            picker={kind}
            aria-label={s.period}
            data-testid="dashboard-period"
            allowClear={false}
            value={dayjs(from)}
            format={kind === 'month' ? 'MM/YYYY' : kind === 'quarter' ? '[Q]Q/YYYY' : 'YYYY'}
            onChange={(d) => d && set(periodOf(kind, d))}
          />
        ) : (
          <Space>
            <IsoDatePicker aria-label={s.from} value={from} onChange={(v) => v && set({ from: v })} />
            <IsoDatePicker aria-label={s.to} value={to} onChange={(v) => v && set({ to: v })} />
          </Space>
        )}
        <Tooltip title={s.unitsHelp}>
          <Radio.Group value={units} onChange={(e) => set({ units: e.target.value })} optionType="button" options={[{ value: 'then', label: s.unitsThen }, { value: 'today', label: s.unitsToday }]} />
        </Tooltip>
      </Flex>
      {error && <ProblemAlert error={error} />}
      {data && f && (
        <div aria-busy={loading}>
          <Typography.Title level={2} style={{ fontSize: 18 }} data-testid="dashboard-heading">
            {data.unit.name} · {formatDate(data.from)} – {formatDate(data.to)} · {units === 'then' ? s.unitsThen : s.unitsToday}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{fmt(s.asOf, { at: formatDateTime(data.asOf, { seconds: false }) })}</Typography.Paragraph>
          <div className="dashboard-grid dashboard-kpi">
            <Card size="small">
              <Statistic title={s.received} valueRender={() => figure(f, 'received', s.received)} />
              <Typography.Text type="secondary">
                {s.receivedCounter} {figure(f, 'receivedCounter', s.receivedCounter)} · {s.receivedOnline} {figure(f, 'receivedOnline', s.receivedOnline)} · {s.receivedPost} {figure(f, 'receivedPost', s.receivedPost)}
              </Typography.Text>
            </Card>
            <Card size="small">
              <Statistic title={s.finished} valueRender={() => figure(f, 'finished', s.finished)} />
              <Typography.Text type="secondary">
                {s.early} {figure(f, 'early', s.early)} · {s.onTime} {figure(f, 'onTime', s.onTime)} · {s.late} {figure(f, 'late', s.late)} · {s.apart} {figure(f, 'apart', s.apart)}
              </Typography.Text>
            </Card>
            <Card size="small">
              <Statistic title={s.open} value={f.openOnTrack + f.openDueSoon + f.openOverdue} formatter={(v) => num(Number(v), lang)} />
              <Typography.Text type="secondary">
                {s.openOnTrack} {figure(f, 'openOnTrack', s.openOnTrack)} · {s.openDueSoon} {figure(f, 'openDueSoon', s.openDueSoon)} · <Typography.Text type="danger">{s.openOverdue} {figure(f, 'openOverdue', `${s.open}: ${s.openOverdue}`)}</Typography.Text>
              </Typography.Text>
            </Card>
            <Card size="small">
              <Tooltip title={`${s.formula}: ${data.formulas.onTimeRate}`}>
                <Statistic title={s.onTimeRate} value={pct(f.onTimeRate, lang)} valueStyle={{ color: f.onTimeRate !== null && f.onTimeRate < 0.9 ? '#c0392b' : undefined }} />
              </Tooltip>
              <Typography.Text type="secondary">{fmt(s.onTimeRateFinishedOnly, { v: pct(f.onTimeRateFinishedOnly, lang) })}</Typography.Text>
            </Card>
            <Card size="small">
              <Statistic title={s.processing} value={hours(f.avgUsedMinutes, lang)} suffix="h" />
              <Typography.Text type="secondary">{fmt(s.processingValue, { used: hours(f.avgUsedMinutes, lang), budget: hours(f.avgBudgetMinutes, lang) })}</Typography.Text>
            </Card>
            <Card size="small"><Tooltip title={data.formulas.onlineRate}><Statistic title={s.onlineRate} value={pct(f.onlineRate, lang)} /></Tooltip></Card>
            <Card size="small"><Tooltip title={data.formulas.digitisation}><Statistic title={s.digitisationRate} value={pct(f.digitisation.rate, lang)} /></Tooltip></Card>
            <Card size="small"><Tooltip title={data.formulas.digitisationResults}><Statistic title={s.resultRate} value={pct(f.digitisation.resultRate, lang)} /></Tooltip></Card>
            <Card size="small">
              <Tooltip title={data.formulas.satisfaction}>
                <Statistic title={s.satisfactionRate} value={data.satisfaction.status === 'available' ? pct(data.satisfaction.rate, lang) : s.notAvailable} />
              </Tooltip>
              {data.satisfaction.status === 'available' && <Typography.Text type="secondary">{fmt(s.ratings, { n: num(data.satisfaction.ratings, lang) })}</Typography.Text>}
            </Card>
            <Card size="small">
              <Tooltip title={data.formulas.feedback}>
                <Statistic title={s.feedbackRate} value={data.feedback.status === 'available' ? pct(data.feedback.onTimeRate, lang) : s.notAvailable} />
              </Tooltip>
              {data.feedback.status === 'available' && <Typography.Text type="secondary">{fmt(s.feedbackCounts, { received: num(data.feedback.received, lang), answered: num(data.feedback.answered, lang) })}</Typography.Text>}
            </Card>
          </div>

          <Card title={s.trend} size="small" style={{ marginBottom: 16 }} extra={<Button size="small" icon={<DownloadOutlined />} href={exportUrl('trend')} className="dashboard-noprint">{s.exportExcel}</Button>}>
            <EChart option={trendOption} label={s.trend} />
          </Card>

          <Card title={s.comparison} size="small" style={{ marginBottom: 16 }} extra={<Button size="small" icon={<DownloadOutlined />} href={exportUrl('comparison')} className="dashboard-noprint">{s.exportExcel}</Button>}>
            {data.comparison.length === 0 ? (
              <Typography.Text type="secondary">{s.noSubUnits}</Typography.Text>
            ) : (
              <>
                <EChart option={compareOption} height={Math.max(160, 28 * data.comparison.filter((x) => x.figures.finished + x.figures.openOverdue > 0).length + 40)} label={s.comparison} />
                <Table
                  rowKey="unitId"
                  size="small"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={data.comparison}
                  columns={[
                    { key: 'n', title: s.unit, render: (_, c) => <Button type="link" size="small" onClick={() => set({ unitId: c.unitId })}>{c.name}</Button> },
                    { key: 'r', title: s.received, align: 'right', render: (_, c) => figure(c.figures, 'received', s.received, { id: c.unitId, name: c.name }) },
                    { key: 'f', title: s.finished, align: 'right', render: (_, c) => figure(c.figures, 'finished', s.finished, { id: c.unitId, name: c.name }) },
                    { key: 'l', title: s.late, align: 'right', render: (_, c) => figure(c.figures, 'late', s.late, { id: c.unitId, name: c.name }) },
                    { key: 'o', title: `${s.open}: ${s.openOverdue}`, align: 'right', render: (_, c) => figure(c.figures, 'openOverdue', `${s.open}: ${s.openOverdue}`, { id: c.unitId, name: c.name }) },
                    { key: 'rate', title: s.onTimeRate, align: 'right', render: (_, c) => pct(c.figures.onTimeRate, lang) },
                    { key: 'on', title: s.onlineRate, align: 'right', render: (_, c) => pct(c.figures.onlineRate, lang) },
                    { key: 'dig', title: s.digitisationRate, align: 'right', render: (_, c) => pct(c.figures.digitisation.rate, lang) },
                  ]}
                />
              </>
            )}
          </Card>

          <Card title={s.procedures} size="small" style={{ marginBottom: 16 }} extra={<Button size="small" icon={<DownloadOutlined />} href={exportUrl('procedures')} className="dashboard-noprint">{s.exportExcel}</Button>}>
            <Table
              rowKey="procedureId"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={data.procedures}
              columns={[
                { key: 'c', title: s.code, dataIndex: 'code', width: 120 },
                { key: 'n', title: s.procedure, dataIndex: 'name', ellipsis: true },
                { key: 'r', title: s.received, align: 'right', render: (_, p) => num(p.received, lang) },
                { key: 'f', title: s.finished, align: 'right', render: (_, p) => num(p.finished, lang) },
                { key: 'l', title: s.late, align: 'right', render: (_, p) => num(p.late, lang) },
                { key: 'h', title: s.avgHours, align: 'right', render: (_, p) => hours(p.avgUsedMinutes, lang) },
                { key: 'b', title: s.budgetHours, align: 'right', render: (_, p) => hours(p.avgBudgetMinutes, lang) },
              ]}
            />
          </Card>

          <Card title={s.index766} size="small" style={{ marginBottom: 16 }} extra={<Button size="small" icon={<DownloadOutlined />} href={exportUrl('index766')} className="dashboard-noprint">{s.exportExcel}</Button>}>
            <Typography.Paragraph type="secondary">{s.index766Intro}</Typography.Paragraph>
            {idx.error && <ProblemAlert error={idx.error} />}
            {idx.data && (
              <>
                <Typography.Paragraph>
                  <strong>{num(idx.data.total.points, lang)}</strong> / {num(idx.data.total.availableMax, lang)} ({pct(idx.data.total.score === null ? null : idx.data.total.score / 100, lang)}) · {fmt(s.version, { v: idx.data.version.code })}
                </Typography.Paragraph>
                <Table
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={idx.data.total.groups}
                  columns={[
                    { key: 'g', title: s.group, render: (_, g) => `${g.code}. ${g.name}` },
                    { key: 'm', title: 'Max', align: 'right', dataIndex: 'max' },
                    { key: 'a', title: s.availableMax, align: 'right', dataIndex: 'availableMax' },
                    { key: 'p', title: s.points, align: 'right', render: (_, g) => (g.availableMax ? num(g.points, lang) : s.notAvailable) },
                  ]}
                />
              </>
            )}
          </Card>
          {effectiveUnit && <ReportsCard query={{ unitId: effectiveUnit, from, to, units }} />}
        </div>
      )}
      {drill && (
        <DrillDrawer
          measure={drill.measure}
          title={fmt(s.drillTitle, { measure: drill.label, unit: drill.unitName ?? data?.unit.name ?? '' })}
          query={{ from, to, units, ...(drill.unitId ? { unitId: drill.unitId } : effectiveUnit ? { unitId: effectiveUnit } : {}) }}
          onClose={() => setDrill(null)}
        />
      )}
    </div>
  );
}
