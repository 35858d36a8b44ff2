import { Alert, Button, Card, Flex, Form, Input, List, Popconfirm, Radio, Result, Select, Space, Steps, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { Plan, PlanBody } from '../../../../contracts/reorganisation.ts';
import { api, newIdempotencyKey, request } from '../../app/api.ts';
import type { UnitDto, UnitKind } from '../../app/types.ts';
import { UNIT_KIND_VALUES } from '../../app/types.ts';
import { useApi } from '../../app/useApi.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { useUnitKinds } from '../../components/useUnitKinds.ts';
import { formatDate, searchNorm, todayVn } from '../../i18n/format.ts';
import { fmt, useStrings } from './strings.ts';

type PlanDto = z.infer<typeof Plan>;
type Body = z.input<typeof PlanBody>;
type OpKind = 'pattern2025' | 'merge' | 'split' | 'rename' | 'move' | 'abolish' | 'abolish_level';

const STATUS_COLOR: Record<string, string> = { draft: 'default', scheduled: 'blue', executed: 'green', rolled_back: 'orange', failed: 'red' };

/** Units valid today as searchable options "name — parent". */
function useUnitOptions() {
  const units = useApi<UnitDto[]>('/api/v1/units', { asOf: todayVn() });
  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const options = useMemo(
    () => (units.data ?? []).map((u) => ({ value: u.id, label: u.parentId && byId.get(u.parentId) ? `${u.name} — ${byId.get(u.parentId)!.name}` : u.name })),
    [units.data, byId],
  );
  return { options, byId, loading: units.loading };
}
const filterUnit = (input: string, option?: { label: string }) => searchNorm(option?.label ?? '').includes(searchNorm(input));

/**
 * /sap-xep-don-vi: re-organisation plans. The guided flow: choose the operation and the units (step 1), see what
 * moves where with counts and conflicts (step 2), execute now or at the effective date (step 3), then see the new
 * tree. An executed plan can be rolled back while nothing new was written on its successors.
 */
export default function ReorganisationPage() {
  const { s } = useStrings();
  const [params, setParams] = useSearchParams();
  const planId = params.get('phuong-an');
  const creating = params.get('moi') === '1';
  const list = useApi<PlanDto[]>(planId || creating ? null : '/api/v1/reorganisation-plans');
  const go = (next: Record<string, string> | null) => setParams(next ?? {}, { replace: false });

  if (creating) return <NewPlan onCreated={(id) => go({ 'phuong-an': id })} onCancel={() => go(null)} />;
  if (planId) return <PlanView id={planId} onBack={() => go(null)} />;
  return (
    <>
      <PageHeader title={s.title} intro={s.intro} extra={<Button type="primary" onClick={() => go({ moi: '1' })} data-testid="new-plan">{s.newPlan}</Button>} />
      <ProblemAlert error={list.error} />
      <Card title={s.plans}>
        {list.loading && !list.data ? (
          <Loading />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            dataSource={list.data ?? []}
            locale={{ emptyText: s.none }}
            pagination={false}
            columns={[
              { title: s.planTitle, dataIndex: 'title', render: (v: string, p: PlanDto) => <a onClick={() => go({ 'phuong-an': p.id })}>{v}</a> },
              { title: s.decisionRef, dataIndex: 'decisionRef' },
              { title: s.effectiveDate, dataIndex: 'effectiveDate', render: (v: string) => formatDate(v) },
              { title: s.status, dataIndex: 'status', render: (v: string) => <Tag color={STATUS_COLOR[v]}>{s.statuses[v]}</Tag> },
            ]}
          />
        )}
      </Card>
    </>
  );
}

interface FormValues {
  title: string;
  decisionRef: string;
  decisionDate?: string | null;
  effectiveDate: string;
  kind: OpKind;
  sources?: string[];
  source?: string;
  into: 'new' | 'existing';
  target?: string;
  newName?: string;
  newKind?: UnitKind;
  newParent?: string;
  parts?: string;
  successors?: string[];
  groups?: Array<{ name?: string; sources?: string[] }>;
}

/** Step 1: the operation, its units and its decision. */
function NewPlan({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const { s } = useStrings();
  const { label: kindLabel } = useUnitKinds();
  const [form] = Form.useForm<FormValues>();
  const { options, byId } = useUnitOptions();
  const [error, setError] = useState<unknown>();
  const { busy, run } = useSubmit(setError);
  const kind = Form.useWatch('kind', form) ?? 'merge';
  const into = Form.useWatch('into', form) ?? 'new';
  const sources = Form.useWatch('sources', form);

  // A new unit takes by default the kind and the parent of the first unit re-organised.
  const first = sources?.[0] ? byId.get(sources[0]) : undefined;
  const onValues = (changed: Partial<FormValues>) => {
    if (changed.sources && first === undefined && changed.sources[0]) {
      const u = byId.get(changed.sources[0]);
      if (u) form.setFieldsValue({ newKind: form.getFieldValue('newKind') ?? (u.kind as UnitKind), newParent: form.getFieldValue('newParent') ?? u.parentId ?? undefined });
    }
  };

  const bodyOf = (v: FormValues): Body => {
    const base = { title: v.title, decisionRef: v.decisionRef, decisionDate: v.decisionDate ?? null, effectiveDate: v.effectiveDate, newUnits: [] as Body['newUnits'] & object, resolutions: {} };
    const newUnit = (ref: string, name: string, unitKind: UnitKind, parent: string) => ({ ref, name, kind: unitKind, parent });
    switch (v.kind) {
      case 'pattern2025': {
        // One plan: each group of communes merges into a new commune under the level above; the district ends,
        // its duties pass to the new communes, its open work to the first.
        const level = byId.get(v.source!);
        const groups = (v.groups ?? []).filter((g) => g.name && g.sources?.length);
        const refs = groups.map((_, i) => `#xa${i}`);
        return {
          ...base,
          newUnits: groups.map((g, i) => newUnit(refs[i], g.name!, 'commune', level?.parentId ?? '')),
          operations: [
            ...groups.map((g, i) => ({ kind: 'merge' as const, sources: g.sources!, target: refs[i] })),
            { kind: 'abolish_level' as const, source: v.source!, ...(refs.length ? { successors: refs, primary: refs[0] } : {}) },
          ],
        };
      }
      case 'merge':
        if (v.into === 'existing') return { ...base, operations: [{ kind: 'merge', sources: v.sources ?? [], target: v.target! }] };
        return { ...base, newUnits: [newUnit('#moi', v.newName!, v.newKind!, v.newParent!)], operations: [{ kind: 'merge', sources: v.sources ?? [], target: '#moi' }] };
      case 'split': {
        const src = byId.get(v.source!);
        const names = (v.parts ?? '').split('\n').map((x) => x.trim()).filter(Boolean);
        return { ...base, newUnits: names.map((n, i) => newUnit(`#phan${i}`, n, (src?.kind ?? 'commune') as UnitKind, src?.parentId ?? '')), operations: [{ kind: 'split', source: v.source!, parts: names.map((_, i) => `#phan${i}`) }] };
      }
      case 'rename':
        return { ...base, operations: [{ kind: 'rename', source: v.source!, name: v.newName! }] };
      case 'move':
        return { ...base, operations: [{ kind: 'move', source: v.source!, parent: v.newParent! }] };
      case 'abolish':
        return { ...base, operations: [{ kind: 'abolish', source: v.source!, successor: v.target! }] };
      case 'abolish_level':
        return { ...base, operations: [{ kind: 'abolish_level', source: v.source!, ...(v.successors?.length ? { successors: v.successors } : {}) }] };
    }
  };

  const submit = (v: FormValues) =>
    run(async () => {
      const plan = await api.post<PlanDto>('/api/v1/reorganisation-plans', bodyOf(v), { 'idempotency-key': newIdempotencyKey() });
      await api.post<PlanDto>(`/api/v1/reorganisation-plans/${plan.id}/preview`);
      onCreated(plan.id);
    });

  const req = [{ required: true, message: s.required }];
  const unitSelect = (multiple: boolean) => <Select mode={multiple ? 'multiple' : undefined} showSearch options={options} filterOption={filterUnit} />;
  return (
    <>
      <PageHeader title={s.newPlan} intro={s.intro} extra={<Button onClick={onCancel}>{s.back}</Button>} />
      <Steps current={0} items={[{ title: s.stepChoose }, { title: s.stepPreview }, { title: s.stepConfirm }]} style={{ marginBottom: 16 }} />
      <Card>
        <Form form={form} layout="vertical" onFinish={submit} onValuesChange={onValues} initialValues={{ kind: 'merge', into: 'new', effectiveDate: todayVn() }} style={{ maxWidth: 760 }}>
          <Form.Item name="kind" label={s.operation} rules={req}>
            <Select options={Object.entries(s.kinds).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {kind === 'merge' ? (
            <Form.Item name="sources" label={s.sources} rules={req}>
              {unitSelect(true)}
            </Form.Item>
          ) : (
            <Form.Item name="source" label={kind === 'pattern2025' ? s.level : s.source} rules={req}>
              {unitSelect(false)}
            </Form.Item>
          )}
          {kind === 'merge' && (
            <Form.Item name="into">
              <Radio.Group options={[{ value: 'new', label: s.intoNew }, { value: 'existing', label: s.intoExisting }]} />
            </Form.Item>
          )}
          {((kind === 'merge' && into === 'existing') || kind === 'abolish') && (
            <Form.Item name="target" label={kind === 'abolish' ? s.successor : s.target} rules={req}>
              {unitSelect(false)}
            </Form.Item>
          )}
          {((kind === 'merge' && into === 'new') || kind === 'rename') && (
            <Form.Item name="newName" label={s.newName} rules={req}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          {kind === 'merge' && into === 'new' && (
            <Flex gap={12} wrap>
              <Form.Item name="newKind" label={s.newKind} rules={req} style={{ flex: '1 1 200px' }}>
                <Select options={UNIT_KIND_VALUES.map((k) => ({ value: k, label: kindLabel(k) }))} />
              </Form.Item>
              <Form.Item name="newParent" label={s.newParent} rules={req} style={{ flex: '2 1 320px' }}>
                {unitSelect(false)}
              </Form.Item>
            </Flex>
          )}
          {kind === 'move' && (
            <Form.Item name="newParent" label={s.newParent} rules={req}>
              {unitSelect(false)}
            </Form.Item>
          )}
          {kind === 'split' && (
            <Form.Item name="parts" label={s.parts} rules={req}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {kind === 'abolish_level' && (
            <Form.Item name="successors" label={s.successors}>
              {unitSelect(true)}
            </Form.Item>
          )}
          {kind === 'pattern2025' && (
            <Form.List name="groups" initialValue={[{}]}>
              {(fields, { add, remove }) => (
                <Card size="small" title={s.groups} style={{ marginBottom: 16 }} extra={<Button onClick={() => add({})}>{s.addGroup}</Button>}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={12} wrap align="flex-start">
                      <Form.Item name={[f.name, 'name']} label={s.groupName} rules={req} style={{ flex: '1 1 220px' }}>
                        <Input maxLength={200} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'sources']} label={s.groupSources} rules={req} style={{ flex: '2 1 360px' }}>
                        {unitSelect(true)}
                      </Form.Item>
                      {fields.length > 1 && <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>×</Button>}
                    </Flex>
                  ))}
                </Card>
              )}
            </Form.List>
          )}
          <Form.Item name="title" label={s.planTitle} rules={req}>
            <Input maxLength={300} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="decisionRef" label={s.decisionRef} rules={req} style={{ flex: '2 1 280px' }}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="decisionDate" label={s.decisionDate} style={{ flex: '1 1 160px' }}>
              <IsoDatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="effectiveDate" label={s.effectiveDate} rules={req} style={{ flex: '1 1 160px' }}>
              <IsoDatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <ProblemAlert error={error} style={{ marginBottom: 12 }} />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="to-preview">
            {s.preview}
          </Button>
        </Form>
      </Card>
    </>
  );
}

/** Steps 2 and 3 of a plan, and what became of it. */
function PlanView({ id, onBack }: { id: string; onBack: () => void }) {
  const { s, lang } = useStrings();
  const plan = useApi<PlanDto>(`/api/v1/reorganisation-plans/${id}`);
  const [error, setError] = useState<unknown>();
  const { busy, run } = useSubmit(setError);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const p = plan.data;
  if (!p) return plan.error ? <ProblemAlert error={plan.error} /> : <Loading />;

  const act = (fn: () => Promise<unknown>) =>
    run(async () => {
      await fn();
      plan.reload();
    });
  const base = `/api/v1/reorganisation-plans/${p.id}`;
  const resolve = () =>
    act(async () => {
      const body = { title: p.title, decisionRef: p.decisionRef, decisionDate: p.decisionDate, effectiveDate: p.effectiveDate, newUnits: p.newUnits, operations: p.operations, resolutions: { ...p.resolutions, ...choices }, version: p.version };
      await request('PUT', base, { body });
      await api.post(`${base}/preview`);
    });
  const pv = p.preview;
  const open = p.status === 'draft' || p.status === 'failed';
  const step = p.status === 'executed' || p.status === 'scheduled' ? 3 : pv ? 1 : 0;
  const runnable = !!pv && pv.errors.length === 0 && pv.unresolved === 0;
  return (
    <>
      <PageHeader title={p.title} intro={`${p.decisionRef} · ${s.effectiveDate}: ${formatDate(p.effectiveDate)}`} extra={<Button onClick={onBack}>{s.back}</Button>} />
      <Steps current={step} items={[{ title: s.stepChoose }, { title: s.stepPreview }, { title: s.stepConfirm }]} style={{ marginBottom: 16 }} />
      <Space direction="vertical" style={{ width: '100%' }} size={16}>
        <Flex gap={8} align="center">
          <Tag color={STATUS_COLOR[p.status]} data-testid="plan-status">{s.statuses[p.status]}</Tag>
          {p.failure && <Typography.Text type="danger">{s.failure}: {p.failure}</Typography.Text>}
        </Flex>
        <ProblemAlert error={error} />
        {p.status === 'executed' && (
          <Result
            status="success"
            title={s.executed}
            subTitle={<Link to={`/don-vi?ngay=${p.effectiveDate}`} data-testid="see-tree">{fmt(s.seeTree, { date: formatDate(p.effectiveDate) })}</Link>}
          />
        )}
        {p.status === 'scheduled' && <Alert type="info" showIcon title={fmt(s.scheduled, { date: formatDate(p.effectiveDate) })} action={<Button onClick={() => act(() => api.post(`${base}/unschedule`, { version: p.version }))}>{s.unschedule}</Button>} />}
        {p.status === 'rolled_back' && <Alert type="warning" showIcon title={s.rolledBack} />}
        {pv && pv.errors.length > 0 && (
          <Alert type="error" showIcon title={s.errors} description={<ul style={{ margin: 0 }}>{pv.errors.map((e, i) => <li key={i}>{e.message[lang]}</li>)}</ul>} />
        )}
        {pv && (
          <Card title={p.result ? s.result : s.preview} extra={<Typography.Text type="secondary">{s.previewIntro}</Typography.Text>}>
            <Table
              rowKey="participant"
              size="small"
              pagination={false}
              data-testid="preview-counts"
              dataSource={pv.participants}
              expandable={{
                rowExpandable: (r) => r.items.length > 0,
                expandedRowRender: (r) => (
                  <List size="small" dataSource={r.items.slice(0, 50)} renderItem={(it) => <List.Item>{it.label}{it.from ? ` · ${s.from} ${it.from}` : ''}{it.to ? ` → ${it.to}` : ''}</List.Item>} />
                ),
              }}
              columns={[
                { title: s.domain, dataIndex: 'label', render: (l: { vi: string; en: string; fr: string }) => l[lang] },
                { title: s.count, dataIndex: 'count', align: 'right', render: (n: number, r) => <span data-testid={`count-${r.participant}`}>{p.result ? (p.result[r.participant] ?? n) : n}</span> },
              ]}
            />
            {pv.tree.length > 0 && (
              <>
                <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>{s.newTree}</Typography.Title>
                <List size="small" data-testid="new-tree" dataSource={pv.tree} renderItem={(u) => <List.Item>{u.name}{u.parent ? ` — ${u.parent}` : ''}{u.predecessors.length ? ` (${s.predecessors} ${u.predecessors.join(', ')})` : ''}</List.Item>} />
              </>
            )}
          </Card>
        )}
        {pv && open && pv.participants.some((x) => x.conflicts.length) && (
          <Card title={s.conflicts}>
            {pv.participants.flatMap((x) => x.conflicts).map((c) => (
              <div key={c.key} style={{ marginBottom: 12 }}>
                <Typography.Paragraph>{c.message[lang]}</Typography.Paragraph>
                <Radio.Group value={choices[c.key] ?? c.resolution ?? undefined} onChange={(e) => setChoices({ ...choices, [c.key]: String(e.target.value) })} options={c.options} />
              </div>
            ))}
            <Button onClick={resolve} loading={busy}>{s.resolve}</Button>
          </Card>
        )}
        {open && !pv && <Button onClick={() => act(() => api.post(`${base}/preview`))} loading={busy}>{s.preview}</Button>}
        {open && pv && (
          <Flex gap={8} wrap>
            <Popconfirm title={s.confirmExecute} onConfirm={() => act(() => api.post(`${base}/execute`, { version: p.version, when: 'now' }))} okButtonProps={{ 'data-testid': 'confirm-execute' } as ButtonProps}>
              <Button type="primary" disabled={!runnable} loading={busy} data-testid="execute">{s.executeNow}</Button>
            </Popconfirm>
            <Button disabled={!runnable} loading={busy} onClick={() => act(() => api.post(`${base}/execute`, { version: p.version, when: 'effective_date' }))}>{s.schedule}</Button>
          </Flex>
        )}
        {p.status === 'executed' && (
          <Card title={s.rollback}>
            {p.rollbackBlockers && p.rollbackBlockers.length > 0 ? (
              <Alert type="warning" showIcon title={s.rollbackBlocked} description={<ul style={{ margin: 0 }}>{p.rollbackBlockers.slice(0, 10).map((b) => <li key={b.en}>{b[lang]}</li>)}</ul>} />
            ) : (
              <Flex gap={8}>
                <Input placeholder={s.rollbackReason} aria-label={s.rollbackReason} value={reason} onChange={(e) => setReason(e.target.value)} style={{ maxWidth: 420 }} />
                <Button danger disabled={!reason.trim()} loading={busy} onClick={() => act(() => api.post(`${base}/rollback`, { version: p.version, reason }))}>{s.rollback}</Button>
              </Flex>
            )}
          </Card>
        )}
      </Space>
    </>
  );
}
