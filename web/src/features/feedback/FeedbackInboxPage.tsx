import { Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { FeedbackSuggestions } from '../assist/FeedbackSuggestions.tsx';
import { FeedbackSettings } from './FeedbackSettings.tsx';
import { CHANNELS, STATUSES, TYPES, useStrings } from './strings.ts';

interface Summary {
  id: string;
  code: string;
  channel: string;
  type: string;
  field: string;
  title: string | null;
  status: string;
  unitName: string;
  senderName: string | null;
  receivedAt: string;
  answerDueAt: string;
  overdue: boolean;
  version: number;
}
interface Detail extends Summary {
  body: string;
  sender: { name: string | null; phone: string | null; email: string | null; address: string | null };
  consentPublish: boolean;
  writtenOn: string | null;
  answer: string | null;
  dossierCode: string | null;
  mergedInto: { code: string } | null;
  duplicates: Array<{ code: string }>;
  events: Array<{ kind: string; label: string; at: string; actorName: string | null; note: string | null }>;
  allowedActions: string[];
}
const dt = (iso: string | null) => formatDateTime(iso, { seconds: false });

/** The feedback inbox of the official's units: every channel in one list, handling in a drawer. */
export default function FeedbackInboxPage() {
  const { s, lang } = useStrings();
  const { me, can } = useAuth();
  const [status, setStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Summary[]>([]);
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<Detail | null>(null);
  const [entering, setEntering] = useState(false);

  const load = useCallback(() => {
    api
      .get<{ items: Summary[] }>('/api/v1/feedback', { status, q: q || undefined, pageSize: 200 })
      .then((d) => (setItems(d.items), setError(undefined)))
      .catch(setError);
  }, [status, q]);
  useEffect(load, [load, lang]);

  const show = async (id: string) => setOpen(await api.get<Detail>(`/api/v1/feedback/${id}`));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={2}>{s.inboxTitle}</Typography.Title>
        <Button type="primary" onClick={() => setEntering(true)}>
          {s.enter}
        </Button>
      </Flex>
      <Tabs
        items={[
          {
            key: 'inbox',
            label: s.inboxTitle,
            children: (
              <Flex vertical gap={16}>
            <Flex gap={12} wrap>
              <Select style={{ width: 220 }} value={status ?? ''} onChange={(v) => setStatus(v || undefined)} options={[{ value: '', label: s.all }, ...Object.entries(STATUSES).map(([value, l]) => ({ value, label: l[lang] }))]} aria-label={s.status} />
              <Input.Search placeholder={s.search} allowClear onSearch={setQ} style={{ width: 280 }} />
            </Flex>
            <ProblemAlert error={error} />
            <Table<Summary>
              rowKey="id"
              dataSource={items}
              onRow={(r) => ({ onClick: () => void show(r.id), style: { cursor: 'pointer' } })}
              columns={[
                { title: 'Mã', dataIndex: 'code' },
                { title: s.channel, dataIndex: 'channel', render: (c: string) => CHANNELS[c]?.[lang] ?? c },
                { title: s.type, dataIndex: 'type', render: (t: string) => TYPES[t]?.[lang] ?? t },
                { title: s.title, key: 'title', render: (_, r) => r.title ?? '' },
                { title: s.sender, dataIndex: 'senderName' },
                { title: s.received, dataIndex: 'receivedAt', render: dt },
                { title: s.due, dataIndex: 'answerDueAt', render: (d: string, r) => <span>{dt(d)} {r.overdue && <Tag color="red">{s.overdue}</Tag>}</span> },
                { title: s.status, dataIndex: 'status', render: (st: string) => <Tag>{STATUSES[st]?.[lang] ?? st}</Tag> },
              ]}
            />
              </Flex>
            ),
          },
          ...(can('feedback.configure') ? [{ key: 'settings', label: s.settings, children: <FeedbackSettings unitId={me?.grants?.find((g) => g.unitId)?.unitId ?? null} /> }] : []),
        ]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} width={640} title={open ? `${open.code} — ${STATUSES[open.status]?.[lang] ?? open.status}` : ''}>
        {open && <DetailView d={open} onChanged={(d) => (setOpen(d), load())} />}
      </Drawer>
      <EnterModal open={entering} unitId={me?.grants?.find((g) => g.unitId)?.unitId ?? null} onClose={() => setEntering(false)} onDone={() => (setEntering(false), load())} />
    </Flex>
  );
}

function DetailView({ d, onChanged }: { d: Detail; onChanged: (d: Detail) => void }) {
  const { s, lang } = useStrings();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const run = async (action: string, body: Record<string, unknown> = {}) => {
    setError(undefined);
    try {
      onChanged(await api.post<Detail>(`/api/v1/feedback/${d.id}/${action}`, { version: d.version, ...body }));
      setText('');
    } catch (err) {
      setError(err);
    }
  };
  const mergeInto = async () => {
    const list = await api.get<{ items: Summary[] }>('/api/v1/feedback', { q: text.trim(), pageSize: 5 });
    const target = list.items.find((i) => i.code === text.trim().toUpperCase());
    if (target) await run('merge', { intoId: target.id });
  };
  const can = (a: string) => d.allowedActions.includes(a);
  return (
    <Flex vertical gap={16}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={s.channel}>{CHANNELS[d.channel]?.[lang] ?? d.channel}</Descriptions.Item>
        <Descriptions.Item label={s.type}>{TYPES[d.type]?.[lang] ?? d.type}</Descriptions.Item>
        <Descriptions.Item label={s.unit}>{d.unitName}</Descriptions.Item>
        <Descriptions.Item label={s.sender}>{[d.sender.name, d.sender.phone, d.sender.email, d.sender.address].filter(Boolean).join(' · ')}</Descriptions.Item>
        {d.writtenOn && <Descriptions.Item label={s.writtenOn}>{d.writtenOn}</Descriptions.Item>}
        {d.dossierCode && <Descriptions.Item label={s.dossierCode}>{d.dossierCode}</Descriptions.Item>}
        <Descriptions.Item label={s.received}>{dt(d.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={s.due}>{dt(d.answerDueAt)}</Descriptions.Item>
        <Descriptions.Item label={s.consentShort}>{d.consentPublish ? s.yes : s.no}</Descriptions.Item>
      </Descriptions>
      {d.title && <Typography.Text strong>{d.title}</Typography.Text>}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
      {(d.status === 'new' || d.status === 'in_progress') && <FeedbackSuggestions item={d} onApplied={onChanged} />}
      {d.answer && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{s.answer}:</strong> {d.answer}
        </Typography.Paragraph>
      )}
      {(can('answer') || can('refuse') || can('merge')) && <Input.TextArea rows={4} value={text} onChange={(e) => setText(e.target.value)} placeholder={`${s.answerAction} / ${s.reason} / ${s.mergeInto}`} maxLength={10000} aria-label={s.answerAction} />}
      <Space wrap>
        {can('acknowledge') && <Button onClick={() => void run('acknowledge')}>{s.acknowledge}</Button>}
        {can('answer') && <Button type="primary" disabled={!text.trim()} onClick={() => void run('answer', { answer: text })}>{s.answerAction}</Button>}
        {can('refuse') && <Button danger disabled={!text.trim()} onClick={() => void run('refuse', { reason: text })}>{s.refuse}</Button>}
        {can('merge') && <Button disabled={!/^PAKN-/i.test(text.trim())} onClick={() => void mergeInto()}>{s.merge}</Button>}
        {can('publish') && <Button onClick={() => void run('publish')}>{s.publish}</Button>}
        {can('close') && <Button onClick={() => void run('close')}>{s.close}</Button>}
      </Space>
      <ProblemAlert error={error} />
      <Typography.Title level={4}>{s.timeline}</Typography.Title>
      <Timeline items={d.events.map((e) => ({ children: `${dt(e.at)} — ${e.label}${e.actorName ? ` (${e.actorName})` : ''}${e.note ? `: ${e.note}` : ''}` }))} />
    </Flex>
  );
}

interface EnterValues {
  channel: string;
  type: string;
  field: string;
  body: string;
  title?: string;
  name?: string;
  phone?: string;
  email?: string;
  writtenOn?: Dayjs;
  externalRef?: string;
  consentPublish?: boolean;
}

/** An official transcribes the suggestion book or box (with the date written), a hotline call, a visit or a letter. */
function EnterModal({ open, unitId, onClose, onDone }: { open: boolean; unitId: string | null; onClose: () => void; onDone: () => void }) {
  const { s, lang } = useStrings();
  const [form] = Form.useForm<EnterValues>();
  const [error, setError] = useState<unknown>();
  const [fields, setFields] = useState<Array<{ code: string; label: string }>>([]);
  useEffect(() => {
    if (open) api.get<{ fields: Array<{ code: string; label: string }> }>('/api/v1/feedback/options').then((o) => setFields(o.fields)).catch(() => setFields([]));
  }, [open, lang]);
  const blank = (v?: string) => (v && v.trim() ? v.trim() : undefined);
  const submit = async (v: EnterValues) => {
    setError(undefined);
    try {
      await api.post('/api/v1/feedback', {
        channel: v.channel,
        type: v.type,
        field: v.field,
        unitId,
        body: v.body,
        title: blank(v.title),
        sender: { name: blank(v.name), phone: blank(v.phone), email: blank(v.email) },
        writtenOn: v.writtenOn?.format('YYYY-MM-DD'),
        externalRef: blank(v.externalRef),
        consentPublish: !!v.consentPublish,
      });
      form.resetFields();
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} title={s.enter} onOk={() => form.submit()} okText={s.save} destroyOnHidden>
      <Form<EnterValues> form={form} layout="vertical" initialValues={{ channel: 'book', type: 'recommendation', field: 'other' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="channel" label={s.channel}>
          <Select options={['book', 'box', 'hotline', 'in_person', 'email'].map((c) => ({ value: c, label: CHANNELS[c][lang] }))} />
        </Form.Item>
        <Form.Item name="type" label={s.type}>
          <Select options={Object.entries(TYPES).map(([value, l]) => ({ value, label: l[lang] }))} />
        </Form.Item>
        <Form.Item name="field" label={s.field}>
          <Select options={fields.map((f) => ({ value: f.code, label: f.label }))} />
        </Form.Item>
        <Form.Item name="title" label={s.title}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={s.body} rules={[{ required: true, whitespace: true, message: s.required }]}>
          <Input.TextArea rows={4} maxLength={10000} />
        </Form.Item>
        <Form.Item name="writtenOn" label={s.writtenOn}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="externalRef" label={s.externalRef}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="name" label={s.name}><Input /></Form.Item>
          <Form.Item name="phone" label={s.phone}><Input /></Form.Item>
          <Form.Item name="email" label={s.email}><Input /></Form.Item>
        </Flex>
      </Form>
      <ProblemAlert error={error} />
    </Modal>
  );
}
