import { CheckOutlined, CloseOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Col, Collapse, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { useAuth, useMe } from '../../app/auth.tsx';
import { useApi } from '../../app/useApi.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { formatDate, todayVn } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/index.ts';
import {
  formatDuration,
  formatMoney,
  labelOf,
  ONLINE_LEVELS,
  optionsOf,
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  TIME_UNITS,
  type ProcedureDetailDto,
  type ProcedurePageDto,
  type ProposalDto,
  type ReviewPlanDetailDto,
  type ReviewPlanDto,
  type SimplificationReportDto,
} from './labels.ts';
import { fmt, useStrings } from './strings.ts';

type S = ReturnType<typeof useStrings>['s'];
const STATUS_COLOR: Record<string, string> = { proposed: 'blue', approved: 'green', rejected: 'red', withdrawn: 'default' };

/** One line saying what a proposal changes. */
function describeChange(p: ProposalDto, s: S, lang: Lang, nameOf: (id: string) => string): string {
  const c = p.change;
  switch (c.kind) {
    case 'cut_time':
      return `→ ${formatDuration(c.processingTime, lang, s.catalogue.onTheSpot)}${c.processingTimeOnline ? ` (${s.reviews.newOnlineTime.toLowerCase()}: ${formatDuration(c.processingTimeOnline, lang, s.catalogue.onTheSpot)})` : ''}`;
    case 'drop_document':
      return `− ${c.documentName}`;
    case 'cut_fee':
      return `${c.feeName}: → ${formatMoney(c.amount)}`;
    case 'move_online':
      return `→ ${labelOf(ONLINE_LEVELS, c.onlineLevel, lang)}`;
    case 'merge':
      return `→ ${nameOf(c.intoProcedureId)}`;
    case 'abolish':
      return labelOf(PROPOSAL_KINDS, 'abolish', lang);
  }
}

function CreatePlanModal({ unitId, year, onClose, onCreated }: { unitId: string; year: number; onClose(): void; onCreated(): void }) {
  const { s } = useStrings();
  const { t } = useTranslation();
  const [form] = Form.useForm<{ title: string; note?: string; baselineDate?: string }>();
  const problem = useFormProblem(form);
  const [key] = useState(newIdempotencyKey);
  const submit = (v: { title: string; note?: string; baselineDate?: string }) =>
    problem.run(async () => {
      await api.post<ReviewPlanDto>('/api/v1/procedure-reviews', { unitId, year, title: v.title.trim(), note: v.note?.trim() || null, ...(v.baselineDate ? { baselineDate: v.baselineDate } : {}) }, { 'idempotency-key': key });
      onCreated();
    });
  return (
    <Modal open title={s.reviews.createPlan} onCancel={onClose} onOk={() => form.submit()} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={problem.busy} destroyOnHidden>
      {problem.alert}
      <Form form={form} layout="vertical" initialValues={{ title: `Kế hoạch rà soát, đánh giá thủ tục hành chính năm ${year}`, baselineDate: `${year}-01-01` }} onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label={s.reviews.planTitle} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="baselineDate" label={s.reviews.baseline} extra={s.reviews.baselineHelp}>
          <IsoDatePicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={s.detail.note}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ProposalValues {
  procedureId: string;
  kind: string;
  timeValue?: number;
  timeUnit?: string;
  documentName?: string;
  feeName?: string;
  amount?: number;
  onlineLevel?: string;
  intoProcedureId?: string;
  rationale: string;
  effectiveDate: string;
}

function ProposalModal({ plan, procedures, onClose, onCreated }: { plan: ReviewPlanDto; procedures: ProcedurePageDto['items']; onClose(): void; onCreated(): void }) {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const [form] = Form.useForm<ProposalValues>();
  const problem = useFormProblem(form);
  const [key] = useState(newIdempotencyKey);
  const procedureId = Form.useWatch('procedureId', form);
  const kind = Form.useWatch('kind', form);
  const detail = useApi<ProcedureDetailDto>(procedureId ? `/api/v1/procedures/${procedureId}` : null);
  const procOptions = procedures.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }));
  const req = [{ required: true, message: t('common.required') }];

  const change = (v: ProposalValues) => {
    switch (v.kind) {
      case 'cut_time':
        return { kind: v.kind, processingTime: { value: Number(v.timeValue), unit: v.timeUnit } };
      case 'drop_document':
        return { kind: v.kind, documentName: v.documentName };
      case 'cut_fee':
        return { kind: v.kind, feeName: v.feeName, amount: Number(v.amount) };
      case 'move_online':
        return { kind: v.kind, onlineLevel: v.onlineLevel };
      case 'merge':
        return { kind: v.kind, intoProcedureId: v.intoProcedureId };
      default:
        return { kind: v.kind };
    }
  };
  const submit = (v: ProposalValues) =>
    problem.run(async () => {
      await api.post<ProposalDto>(`/api/v1/procedure-reviews/${plan.id}/proposals`, { procedureId: v.procedureId, change: change(v), rationale: v.rationale.trim(), effectiveDate: v.effectiveDate }, { 'idempotency-key': key });
      onCreated();
    });

  return (
    <Modal open title={s.reviews.addProposal} onCancel={onClose} onOk={() => form.submit()} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={problem.busy} width={720} destroyOnHidden>
      {problem.alert}
      <Form<ProposalValues> form={form} layout="vertical" initialValues={{ kind: 'cut_time', timeUnit: 'working_day', effectiveDate: `${plan.year + 1}-01-01` }} onFinish={(v) => void submit(v)}>
        <Form.Item name="procedureId" label={s.reviews.procedure} rules={req}>
          <Select options={procOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {detail.data && (
          <Typography.Paragraph type="secondary">
            {s.catalogue.time}: {formatDuration(detail.data.processingTime, lang, s.catalogue.onTheSpot)} · {s.detail.documents}: {detail.data.documents.length} · {s.catalogue.fees}: {formatMoney(detail.data.fees.reduce((a, f) => a + f.amount, 0))} · {labelOf(ONLINE_LEVELS, detail.data.onlineLevel, lang)}
          </Typography.Paragraph>
        )}
        <Form.Item name="kind" label={s.reviews.kind} rules={req}>
          <Select options={optionsOf(PROPOSAL_KINDS, lang)} />
        </Form.Item>
        {kind === 'cut_time' && (
          <Row gutter={8}>
            <Col span={10}>
              <Form.Item name="timeValue" label={s.reviews.newTime} rules={req}>
                <InputNumber min={0} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="timeUnit" label={s.form.timeUnit} rules={req}>
                <Select options={optionsOf(TIME_UNITS, lang)} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind === 'drop_document' && (
          <Form.Item name="documentName" label={s.reviews.documentName} rules={req}>
            <Select options={(detail.data?.documents ?? []).map((d) => ({ value: d.name, label: d.name }))} />
          </Form.Item>
        )}
        {kind === 'cut_fee' && (
          <Row gutter={8}>
            <Col span={14}>
              <Form.Item name="feeName" label={s.reviews.feeName} rules={req}>
                <Select options={(detail.data?.fees ?? []).map((f) => ({ value: f.name, label: `${f.name} (${formatMoney(f.amount)})` }))} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="amount" label={s.reviews.newAmount} rules={req}>
                <InputNumber min={0} step={1000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind === 'move_online' && (
          <Form.Item name="onlineLevel" label={s.reviews.onlineLevel} rules={req}>
            <Select options={optionsOf(ONLINE_LEVELS, lang).filter((o) => o.value !== 'none')} />
          </Form.Item>
        )}
        {kind === 'merge' && (
          <Form.Item name="intoProcedureId" label={s.reviews.mergeInto} rules={req}>
            <Select options={procOptions.filter((o) => o.value !== procedureId)} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        <Form.Item name="rationale" label={s.reviews.rationale} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="effectiveDate" label={s.reviews.effectiveDate} rules={req}>
          <IsoDatePicker style={{ width: 200 }} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecisionModal({ proposal, decision, onClose, onDone }: { proposal: ProposalDto; decision: 'approved' | 'rejected'; onClose(): void; onDone(): void }) {
  const { s } = useStrings();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ note?: string; effectiveDate?: string }>();
  const problem = useFormProblem(form);
  const submit = (v: { note?: string; effectiveDate?: string }) =>
    problem.run(async () => {
      await api.post<ProposalDto>(`/api/v1/procedure-proposals/${proposal.id}/decision`, { version: proposal.version, decision, note: v.note?.trim() || null, ...(v.effectiveDate && v.effectiveDate !== proposal.effectiveDate ? { effectiveDate: v.effectiveDate } : {}) });
      message.success(s.reviews.decided);
      onDone();
    });
  return (
    <Modal open title={`${decision === 'approved' ? s.reviews.approve : s.reviews.reject}: ${proposal.procedureName}`} onCancel={onClose} onOk={() => form.submit()} okText={decision === 'approved' ? s.reviews.approve : s.reviews.reject} okButtonProps={{ danger: decision === 'rejected' }} cancelText={t('common.cancel')} confirmLoading={problem.busy} destroyOnHidden>
      {problem.alert}
      <Typography.Paragraph>{proposal.rationale}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ effectiveDate: proposal.effectiveDate < todayVn() ? todayVn() : proposal.effectiveDate }} onFinish={(v) => void submit(v)}>
        <Form.Item name="note" label={s.reviews.decisionNote}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
        {decision === 'approved' && (
          <Form.Item name="effectiveDate" label={s.reviews.decisionDate}>
            <IsoDatePicker style={{ width: 200 }} allowClear={false} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ReportCard({ unitId, year }: { unitId: string; year: number }) {
  const { s } = useStrings();
  const [timeValue, setTimeValue] = useState<number | null>(null);
  const { data, error, loading } = useApi<SimplificationReportDto>('/api/v1/procedure-reports/simplification', { unitId, year, timeValuePerDay: timeValue ?? undefined });
  const pct = (p: number | null) => (p === null ? '—' : `${p.toLocaleString('vi-VN')} %`);
  const num = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return (
    <Card title={fmt(s.reviews.report, { year })} style={{ marginTop: 16 }}>
      {error && <ProblemAlert error={error} />}
      {!data ? (
        loading && <Loading />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={8}>
              <Statistic title={s.reviews.reviewed} value={data.reviewedCount} />
            </Col>
            <Col xs={8}>
              <Statistic title={s.reviews.simplified} value={data.simplifiedCount} />
            </Col>
            <Col xs={8}>
              <Statistic title={s.reviews.abolished} value={data.abolishedCount} />
            </Col>
          </Row>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={[
              { key: 'time', label: s.reviews.timeM, m: data.time, target: data.target.timeMet },
              { key: 'docs', label: s.reviews.docsM, m: data.documents },
              { key: 'fees', label: s.reviews.feesM, m: data.fees },
              { key: 'cost', label: s.reviews.costM, m: data.complianceCost, target: data.target.complianceCostMet },
            ]}
            columns={[
              { title: s.reviews.measure, dataIndex: 'label', key: 'label' },
              { title: s.reviews.before, key: 'b', align: 'right', render: (_: unknown, r) => num(r.m.before) },
              { title: s.reviews.after, key: 'a', align: 'right', render: (_: unknown, r) => num(r.m.after) },
              { title: s.reviews.reduction, key: 'r', align: 'right', render: (_: unknown, r) => num(r.m.reduction) },
              {
                title: s.reviews.percent,
                key: 'p',
                align: 'right',
                render: (_: unknown, r) => (
                  <span>
                    <strong>{pct(r.m.percent)}</strong>
                    {r.target !== undefined && <Tag color={r.target ? 'green' : 'orange'} style={{ marginInlineStart: 8 }}>{r.target ? s.reviews.met : s.reviews.notMet}</Tag>}
                  </span>
                ),
              },
            ]}
          />
          <Flex align="center" gap={8} wrap style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{s.reviews.target}.</Typography.Text>
            <label htmlFor="time-value">{s.reviews.timeValue}</label>
            <InputNumber id="time-value" min={0} step={50_000} value={timeValue ?? data.timeValuePerDay} onChange={(v) => setTimeValue(v === null ? null : Number(v))} style={{ width: 160 }} />
          </Flex>
          <Collapse
            style={{ marginTop: 16 }}
            items={[
              {
                key: 'formulas',
                label: s.reviews.formulas,
                children: (
                  <Descriptions column={1} size="small" bordered>
                    {Object.entries(data.formulas).map(([k, v]) => (
                      <Descriptions.Item key={k} label={k}>
                        <code style={{ whiteSpace: 'normal' }}>{v}</code>
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ),
              },
              {
                key: 'rows',
                label: s.reviews.perProcedure,
                children: (
                  <Table
                    size="small"
                    rowKey="procedureId"
                    pagination={false}
                    scroll={{ x: 700 }}
                    dataSource={data.rows}
                    columns={[
                      { title: s.reviews.procedure, key: 'n', render: (_: unknown, r) => `${r.name} (${r.code})` },
                      { title: s.catalogue.time, key: 't', render: (_: unknown, r) => `${num(r.timeBefore)} → ${num(r.timeAfter)}` },
                      { title: s.detail.documents, key: 'd', render: (_: unknown, r) => `${r.documentsBefore} → ${r.documentsAfter}` },
                      { title: s.catalogue.fees, key: 'f', render: (_: unknown, r) => `${formatMoney(r.feesBefore)} → ${formatMoney(r.feesAfter)}` },
                      { title: s.reviews.costM, key: 'c', render: (_: unknown, r) => `${formatMoney(Math.round(r.costBefore))} → ${formatMoney(Math.round(r.costAfter))}` },
                    ]}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

/**
 * /ra-soat-thu-tuc: the yearly review of a unit — its plan, the proposals with their decisions, and the
 * simplification report with its formulas. Reform officers propose, leaders decide, inspectors read.
 */
export default function ReviewsPage() {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { can } = useAuth();
  const me = useMe();
  const { message } = AntApp.useApp();
  const thisYear = Number(todayVn().slice(0, 4));
  const [unitId, setUnitId] = useState<string | undefined>(me.grants.find((g) => g.unitId)?.unitId ?? undefined);
  const [year, setYear] = useState(thisYear);
  const [modal, setModal] = useState<null | 'plan' | 'proposal' | { proposal: ProposalDto; decision: 'approved' | 'rejected' }>(null);
  const [tick, setTick] = useState(0);
  const plans = useApi<ReviewPlanDto[]>(unitId ? '/api/v1/procedure-reviews' : null, { unitId, year });
  const planId = plans.data?.[0]?.id;
  const plan = useApi<ReviewPlanDetailDto>(planId ? `/api/v1/procedure-reviews/${planId}` : null);
  const procs = useApi<ProcedurePageDto>(unitId ? '/api/v1/procedures' : null, { ownerUnitId: unitId, status: 'all', limit: 200 });
  const nameOf = useMemo(() => {
    const m = new Map((procs.data?.items ?? []).map((p) => [p.id, p.name]));
    return (id: string) => m.get(id) ?? id.slice(0, 8);
  }, [procs.data]);
  const refresh = () => {
    plans.reload();
    plan.reload();
    setTick((n) => n + 1); // remounts the report
  };
  const mayWrite = can('procedures.write');
  const mayApprove = can('procedures.approve');
  const years = Array.from({ length: thisYear - 2025 + 2 }, (_, i) => 2025 + i);

  const withdraw = async (p: ProposalDto) => {
    try {
      await api.patch(`/api/v1/procedure-proposals/${p.id}`, { version: p.version, status: 'withdrawn' });
      refresh();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const togglePlan = async (p: ReviewPlanDto) => {
    try {
      await api.patch(`/api/v1/procedure-reviews/${p.id}`, { version: p.version, status: p.status === 'open' ? 'closed' : 'open' });
      refresh();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };

  const p = plan.data && plan.data.id === planId ? plan.data : undefined;
  return (
    <>
      <PageHeader title={s.reviews.title} intro={s.reviews.intro} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" colon={false} style={{ rowGap: 12 }}>
          <Form.Item label={s.reviews.unit} htmlFor="review-unit" style={{ minWidth: 320 }}>
            <UnitSelect id="review-unit" value={unitId} onChange={(v) => setUnitId(v ?? undefined)} />
          </Form.Item>
          <Form.Item label={s.reviews.year} htmlFor="review-year">
            <Select id="review-year" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 110 }} />
          </Form.Item>
        </Form>
      </Card>
      {plans.error && <ProblemAlert error={plans.error} style={{ marginBottom: 16 }} />}
      {unitId && plans.data && !planId && (
        <Card>
          <Empty description={fmt(s.reviews.noPlan, { year })}>
            {mayWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('plan')}>
                {s.reviews.createPlan}
              </Button>
            )}
          </Empty>
        </Card>
      )}
      {p && (
        <Card
          title={p.title}
          extra={
            <Flex gap={8}>
              <Tag color={p.status === 'open' ? 'blue' : 'default'}>{s.reviews.status[p.status]}</Tag>
              {mayWrite && (
                <Button size="small" onClick={() => void togglePlan(p)}>
                  {p.status === 'open' ? s.reviews.close : s.reviews.reopen}
                </Button>
              )}
            </Flex>
          }
        >
          <Typography.Paragraph type="secondary">
            {s.reviews.baseline}: {formatDate(p.baselineDate)} · {s.reviews.reviewed}: {p.procedureIds.length}
            {p.note && ` · ${p.note}`}
          </Typography.Paragraph>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {s.reviews.proposals}
            </Typography.Title>
            {mayWrite && p.status === 'open' && (
              <Button icon={<PlusOutlined />} onClick={() => setModal('proposal')}>
                {s.reviews.addProposal}
              </Button>
            )}
          </Flex>
          <Table<ProposalDto>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 900 }}
            dataSource={p.proposals}
            locale={{ emptyText: <Empty description={s.reviews.noProposals} /> }}
            columns={[
              { title: s.reviews.procedure, key: 'proc', render: (_: unknown, r) => r.procedureName },
              { title: s.reviews.kind, key: 'kind', width: 170, render: (_: unknown, r) => labelOf(PROPOSAL_KINDS, r.kind, lang) },
              { title: s.reviews.change, key: 'change', render: (_: unknown, r) => describeChange(r, s, lang, nameOf) },
              { title: s.reviews.rationale, dataIndex: 'rationale', key: 'rationale', ellipsis: true },
              { title: s.reviews.effectiveDate, key: 'date', width: 110, render: (_: unknown, r) => formatDate(r.effectiveDate) },
              {
                title: s.reviews.proposalStatus,
                key: 'status',
                width: 140,
                render: (_: unknown, r) => (
                  <span title={r.decisionNote ?? undefined}>
                    <Tag color={STATUS_COLOR[r.status]}>{labelOf(PROPOSAL_STATUSES, r.status, lang)}</Tag>
                  </span>
                ),
              },
              {
                title: t('common.actions'),
                key: 'actions',
                width: 200,
                render: (_: unknown, r) =>
                  r.status === 'proposed' ? (
                    <Flex gap={4} wrap>
                      {mayApprove && (
                        <>
                          <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setModal({ proposal: r, decision: 'approved' })}>
                            {s.reviews.approve}
                          </Button>
                          <Button size="small" danger icon={<CloseOutlined />} onClick={() => setModal({ proposal: r, decision: 'rejected' })}>
                            {s.reviews.reject}
                          </Button>
                        </>
                      )}
                      {mayWrite && (
                        <Button size="small" icon={<RollbackOutlined />} onClick={() => void withdraw(r)}>
                          {s.reviews.withdraw}
                        </Button>
                      )}
                    </Flex>
                  ) : null,
              },
            ]}
          />
        </Card>
      )}
      {unitId && <ReportCard key={`${unitId}-${year}-${tick}`} unitId={unitId} year={year} />}
      {modal === 'plan' && unitId && (
        <CreatePlanModal
          unitId={unitId}
          year={year}
          onClose={() => setModal(null)}
          onCreated={() => {
            setModal(null);
            refresh();
          }}
        />
      )}
      {modal === 'proposal' && p && (
        <ProposalModal
          plan={p}
          procedures={procs.data?.items ?? []}
          onClose={() => setModal(null)}
          onCreated={() => {
            setModal(null);
            refresh();
          }}
        />
      )}
      {modal && typeof modal === 'object' && (
        <DecisionModal
          proposal={modal.proposal}
          decision={modal.decision}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            refresh();
          }}
        />
      )}
    </>
  );
}
