import { DownOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Dropdown, Flex, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { formatDateTime, todayVn } from '../../i18n/format.ts';
import { fetchCandidates, isStaleVersion, runAction } from './dossierApi.ts';
import { optionsOf, RETURN_METHODS, stepLabel, type DossierAction, type DossierDetailDto } from './labels.ts';
import { fmt, useStrings } from './strings.ts';

/** The actions that move a dossier forward, shown as buttons; the others sit under "more actions". */
const MAIN: readonly DossierAction[] = ['accept', 'approve', 'complete', 'result-ready', 'supplement-received', 'resume', 'return-result'];
/** Actions that end or hold the dossier against the applicant's wish: shown in red. */
const DANGER: readonly DossierAction[] = ['refuse', 'withdraw', 'cancel'];

/** The buttons a caller sees: the server's `allowedActions`, without `complete` where `result-ready` says the same. */
export function visibleActions(d: Pick<DossierDetailDto, 'allowedActions'>): DossierAction[] {
  const allowed = d.allowedActions;
  return allowed.filter((a) => !(a === 'complete' && allowed.includes('result-ready')));
}

interface Props {
  dossier: DossierDetailDto;
  /** The dossier as the server answered the transition. */
  onChanged(d: DossierDetailDto): void;
  /** Reads the dossier again (after a stale-version refusal). */
  onReload(): void;
}

/**
 * The action bar of a dossier: exactly the actions the server allows the caller now (allowedActions), each behind a
 * confirmation dialog that asks for what the transition needs (reason, items, legal basis …) and sends the
 * `version` read. A 409 means someone else acted meanwhile: the dialog says so and offers to reload.
 */
export function DossierActions({ dossier: d, onChanged, onReload }: Props) {
  const { s } = useStrings();
  const [open, setOpen] = useState<DossierAction | null>(null);
  const actions = visibleActions(d);
  const main = actions.filter((a) => MAIN.includes(a));
  const more = actions.filter((a) => !MAIN.includes(a));
  if (actions.length === 0) {
    return <Typography.Text type="secondary">{s.actions.none}</Typography.Text>;
  }
  return (
    <>
      <Flex wrap gap={8} data-testid="dossier-actions">
        {main.map((a, i) => (
          <Button key={a} type={i === 0 ? 'primary' : 'default'} size="large" onClick={() => setOpen(a)}>
            {s.actions.labels[a]}
          </Button>
        ))}
        {more.length > 0 && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: more.map((a) => ({ key: a, label: s.actions.labels[a], danger: DANGER.includes(a) })),
              onClick: ({ key }) => setOpen(key as DossierAction),
            }}
          >
            <Button size="large">
              {s.actions.more} <DownOutlined />
            </Button>
          </Dropdown>
        )}
      </Flex>
      {open && (
        <ActionModal
          key={open}
          action={open}
          dossier={d}
          onClose={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
          onReload={() => {
            setOpen(null);
            onReload();
          }}
        />
      )}
    </>
  );
}

interface ActionValues {
  note?: string;
  reason?: string;
  items?: string;
  reasons?: string;
  workingDays?: number;
  legalBasis?: string;
  newDate?: string;
  newTime?: string;
  lateStepSeq?: number;
  method?: 'counter' | 'post' | 'online';
  receivedBy?: string;
  policy?: 'default' | 'shift' | 'reset';
  agency?: string;
  nextAssigneeId?: string;
}

const lines = (text: string | undefined) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** The body of a transition from the dialog's fields (see contracts/dossiers.ts for each). */
function bodyOf(action: DossierAction, v: ActionValues, version: number): Record<string, unknown> {
  switch (action) {
    case 'send-back':
    case 'withdraw':
    case 'cancel':
      return { version, reason: v.reason?.trim() };
    case 'request-supplement':
      return { version, reason: v.reason?.trim(), items: lines(v.items) };
    case 'supplement-received':
      return { version, note: blank(v.note), ...(v.policy && v.policy !== 'default' ? { policy: v.policy } : {}) };
    case 'suspend':
      return { version, reason: v.reason?.trim(), agency: blank(v.agency) };
    case 'extend':
      return { version, workingDays: v.workingDays, legalBasis: v.legalBasis?.trim(), reason: v.reason?.trim() };
    case 'apologize':
      return { version, reason: v.reason?.trim(), newAppointmentAt: new Date(`${v.newDate}T${v.newTime}:00+07:00`).toISOString(), ...(v.lateStepSeq ? { lateStepSeq: v.lateStepSeq } : {}) };
    case 'refuse':
      return { version, reasons: lines(v.reasons) };
    case 'return-result':
      return { version, method: v.method, receivedBy: blank(v.receivedBy) };
    case 'complete':
    case 'approve':
      return { version, note: blank(v.note), ...(v.nextAssigneeId ? { nextAssigneeId: v.nextAssigneeId } : {}) };
    default:
      return { version, note: blank(v.note) };
  }
}

/** The officials who may take the next step, to designate one on hand-off (empty: the unit's officials pick it up). */
function NextAssigneeField({ dossierId }: { dossierId: string }) {
  const { s } = useStrings();
  const [options, setOptions] = useState<Array<{ value: string; label: string }> | null>(null);
  useEffect(() => {
    let live = true;
    fetchCandidates(dossierId, 'next')
      .then((c) => live && setOptions(c.officials.map((o) => ({ value: o.id, label: o.name }))))
      .catch(() => live && setOptions([]));
    return () => {
      live = false;
    };
  }, [dossierId]);
  if (options !== null && options.length === 0) return null;
  return (
    <Form.Item name="nextAssigneeId" label={s.actions.nextAssignee} extra={s.actions.nextAssigneeHelp}>
      <Select allowClear loading={options === null} options={options ?? []} showSearch={{ optionFilterProp: 'label' }} data-testid="next-assignee" />
    </Form.Item>
  );
}

function ActionModal({ action, dossier: d, onClose, onDone, onReload }: { action: DossierAction; dossier: DossierDetailDto; onClose(): void; onDone(d: DossierDetailDto): void; onReload(): void }) {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ActionValues>();
  const problem = useFormProblem(form);
  const [stale, setStale] = useState(false);

  const cur = d.steps.find((x) => x.seq === d.currentStep?.seq) ?? null;
  const next = cur ? (d.steps.find((x) => x.seq > cur.seq && x.state !== 'skipped') ?? null) : null;
  const explain = fmt(s.actions.explain[action] ?? '', {
    code: d.code,
    step: cur ? stepLabel(cur, lang) : '—',
    next: next ? stepLabel(next, lang) : '—',
    unit: next?.unit.name ?? '—',
  });
  const danger = DANGER.includes(action);
  const defaultMethod = d.channel === 'online' ? 'online' : d.channel === 'post' ? 'post' : 'counter';

  const submit = (v: ActionValues) =>
    problem.run(async () => {
      setStale(false);
      try {
        const next = await runAction(d.id, action, bodyOf(action, v, d.version));
        message.success(s.actions.done[action]);
        onDone(next);
      } catch (err) {
        // A stale version is not a problem of the form: the notice below offers to read the dossier again.
        if (!isStaleVersion(err)) throw err;
        setStale(true);
      }
    });

  const required = { required: true, whitespace: true, message: t('common.required') };
  const note = (
    <Form.Item name="note" label={s.actions.note} rules={[{ max: 2000 }]}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
    </Form.Item>
  );
  const reason = (
    <Form.Item name="reason" label={s.actions.reason} rules={[required, { max: 2000 }]}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
    </Form.Item>
  );

  let fields: React.ReactNode;
  switch (action) {
    case 'send-back':
    case 'withdraw':
    case 'cancel':
      fields = reason;
      break;
    case 'request-supplement':
      fields = (
        <>
          {reason}
          <Form.Item name="items" label={s.actions.items} extra={s.actions.itemsHelp} rules={[required]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </>
      );
      break;
    case 'supplement-received':
      fields = (
        <>
          <Form.Item name="policy" label={s.actions.policy}>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={[
                { value: 'default', label: s.actions.policyDefault },
                { value: 'shift', label: s.actions.policyShift },
                { value: 'reset', label: s.actions.policyReset },
              ]}
            />
          </Form.Item>
          {note}
        </>
      );
      break;
    case 'suspend':
      fields = (
        <>
          {reason}
          <Form.Item name="agency" label={s.actions.agency} rules={[{ max: 300 }]}>
            <Input />
          </Form.Item>
        </>
      );
      break;
    case 'extend':
      fields = (
        <>
          <Form.Item name="workingDays" label={s.actions.workingDays} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber min={0.5} max={365} step={0.5} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="legalBasis" label={s.actions.legalBasis} rules={[required, { max: 1000 }]}>
            <Input placeholder={s.actions.legalBasisPlaceholder} />
          </Form.Item>
          {reason}
        </>
      );
      break;
    case 'apologize':
      fields = (
        <>
          {reason}
          <Flex gap={12} wrap>
            <Form.Item name="newDate" label={s.actions.newDate} rules={[{ required: true, message: t('common.requiredSelect') }]} extra={d.dueAt ? fmt(s.actions.newAfter, { date: formatDateTime(d.dueAt, { seconds: false }) }) : undefined}>
              <IsoDatePicker allowClear={false} style={{ width: 170 }} />
            </Form.Item>
            <Form.Item name="newTime" label={s.actions.newTime} rules={[{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'HH:MM' }]}>
              <Input style={{ width: 100 }} inputMode="numeric" placeholder="16:00" />
            </Form.Item>
          </Flex>
          <Form.Item name="lateStepSeq" label={s.actions.lateStep}>
            <Select options={d.steps.filter((x) => x.kind !== 'receive').map((x) => ({ value: x.seq, label: `${x.seq}. ${stepLabel(x, lang)} — ${x.unit.name}` }))} />
          </Form.Item>
        </>
      );
      break;
    case 'refuse':
      fields = (
        <Form.Item name="reasons" label={s.actions.reasons} extra={s.actions.reasonsHelp} rules={[required]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      );
      break;
    case 'return-result':
      fields = (
        <>
          <Form.Item name="method" label={s.actions.method} rules={[{ required: true }]}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={optionsOf(RETURN_METHODS, lang)} />
          </Form.Item>
          <Form.Item name="receivedBy" label={s.actions.receivedBy} rules={[{ max: 300 }]}>
            <Input />
          </Form.Item>
        </>
      );
      break;
    case 'complete':
    case 'approve':
      fields = (
        <>
          {next && <NextAssigneeField dossierId={d.id} />}
          {note}
        </>
      );
      break;
    default:
      fields = note;
  }

  return (
    <Modal
      open
      title={s.actions.labels[action]}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={s.actions.labels[action]}
      okButtonProps={{ danger, disabled: stale }}
      cancelText={t('common.cancel')}
      confirmLoading={problem.busy}
      destroyOnHidden
      mask={{ closable: false }}
      width={560}
    >
      <Typography.Paragraph>{explain}</Typography.Paragraph>
      {action === 'complete' && next && <Typography.Paragraph strong>{fmt(s.actions.nextStep, { step: stepLabel(next, lang), unit: next.unit.name })}</Typography.Paragraph>}
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={s.actions.conflictTitle}
          description={s.actions.conflictText}
          action={
            <Button size="small" type="primary" onClick={onReload}>
              {s.actions.reload}
            </Button>
          }
          style={{ marginBottom: 16 }}
          data-testid="stale-version"
        />
      )}
      {problem.alert}
      <Form<ActionValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ policy: 'default', method: defaultMethod, receivedBy: d.applicantName, newTime: '16:00', newDate: todayVn(), lateStepSeq: cur?.seq }}
      >
        {fields}
      </Form>
    </Modal>
  );
}
