import { Alert, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, request } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { TYPES, useStrings } from './strings.ts';

const put = (path: string, body: unknown) => request('PUT', path, { body });

interface Rule { type: string; ackDays: number; answerDays: number; remindDaysBefore: number; source: string; verified: boolean; version: number }
interface Mailbox { id: string; label: string; host: string; port: number; username: string; enabled: boolean; lastPolledAt: string | null; lastError: string | null; version: number }
interface Key { id: string; name: string; prefix: string; createdAt: string; revokedAt: string | null; lastUsedAt: string | null }

/**
 * Settings of the feedback module for its administrators (feedback.configure): time-limit rules per type (working
 * days, with their source and certainty), leaders' mailboxes polled over IMAP, Open311 API keys.
 */
export function FeedbackSettings({ unitId }: { unitId: string | null }) {
  const { s, lang } = useStrings();
  const [rules, setRules] = useState<Rule[]>([]);
  const [boxes, setBoxes] = useState<Mailbox[]>([]);
  const [keys, setKeys] = useState<Key[]>([]);
  const [units, setUnits] = useState<Array<{ id: string; name: string }>>([]);
  const [error, setError] = useState<unknown>();
  const [editing, setEditing] = useState<Rule | null>(null);
  const [newKey, setNewKey] = useState<string | null>(null);
  const [ruleForm] = Form.useForm<Rule>();
  const [boxForm] = Form.useForm<{ unitId: string; label: string; host: string; port: number; secure: boolean; username: string; password: string }>();

  const load = useCallback(() => {
    api.get<Rule[]>('/api/v1/feedback-rules').then(setRules).catch(setError);
    api.get<Mailbox[]>('/api/v1/feedback-mailboxes').then(setBoxes).catch(setError);
    api.get<Key[]>('/api/v1/open311-keys').then(setKeys).catch(setError);
    api.get<{ units: Array<{ id: string; name: string }> }>('/api/v1/feedback/options').then((o) => setUnits(o.units)).catch(() => setUnits([]));
  }, []);
  useEffect(load, [load]);
  const run = (p: Promise<unknown>) => p.then(load).catch(setError);

  return (
    <Flex vertical gap={16}>
      <ProblemAlert error={error} />
      <Card title={s.rules}>
        <Table<Rule>
          rowKey="type"
          dataSource={rules}
          pagination={false}
          columns={[
            { title: s.type, dataIndex: 'type', render: (t: string) => TYPES[t]?.[lang] ?? t },
            { title: s.ackDays, dataIndex: 'ackDays', align: 'right' },
            { title: s.answerDays, dataIndex: 'answerDays', align: 'right' },
            { title: s.remindDays, dataIndex: 'remindDaysBefore', align: 'right' },
            { title: s.source, dataIndex: 'source', render: (src: string, r) => <span>{src} {!r.verified && <Tag color="orange">{s.unverified}</Tag>}</span> },
            { key: 'edit', render: (_, r) => <Button size="small" onClick={() => (setEditing(r), ruleForm.setFieldsValue(r))}>{s.edit}</Button> },
          ]}
        />
      </Card>
      <Modal open={!!editing} title={editing ? TYPES[editing.type]?.[lang] : ''} onCancel={() => setEditing(null)} onOk={() => ruleForm.submit()} okText={s.save} destroyOnHidden>
        <Form<Rule> form={ruleForm} layout="vertical" onFinish={(v) => void run(put(`/api/v1/feedback-rules/${editing!.type}`, { version: editing!.version, ackDays: v.ackDays, answerDays: v.answerDays, remindDaysBefore: v.remindDaysBefore, source: v.source, verified: !!v.verified })).then(() => setEditing(null))}>
          <Form.Item name="ackDays" label={s.ackDays}><InputNumber min={0} max={60} /></Form.Item>
          <Form.Item name="answerDays" label={s.answerDays}><InputNumber min={1} max={120} /></Form.Item>
          <Form.Item name="remindDaysBefore" label={s.remindDays}><InputNumber min={0} max={30} /></Form.Item>
          <Form.Item name="source" label={s.source} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
          <Form.Item name="verified" label={s.verified} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>

      <Card title={s.mailboxes}>
        <Table<Mailbox>
          rowKey="id"
          dataSource={boxes}
          pagination={false}
          columns={[
            { title: s.title, dataIndex: 'label' },
            { title: 'IMAP', key: 'imap', render: (_, b) => `${b.username}@${b.host}:${b.port}` },
            { title: s.lastPolled, dataIndex: 'lastPolledAt', render: (d: string | null) => formatDateTime(d, { seconds: false }) },
            { title: s.lastError, dataIndex: 'lastError', render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : '') },
            { key: 'on', render: (_, b) => <Switch checked={b.enabled} onChange={(on) => void run(put(`/api/v1/feedback-mailboxes/${b.id}`, { version: b.version, enabled: on }))} aria-label={s.enabled} /> },
            { key: 'poll', render: (_, b) => <Button size="small" onClick={() => void run(api.post(`/api/v1/feedback-mailboxes/${b.id}/poll`))}>{s.pollNow}</Button> },
          ]}
        />
        <Form form={boxForm} layout="inline" style={{ marginTop: 12, rowGap: 8 }} initialValues={{ port: 993, secure: true, unitId: unitId ?? undefined }} onFinish={(v) => void api.post('/api/v1/feedback-mailboxes', v).then(() => (boxForm.resetFields(), setError(undefined), load())).catch(setError)}>
            <Form.Item name="unitId" rules={[{ required: true }]}><Select showSearch optionFilterProp="label" style={{ width: 240 }} placeholder={s.unit} options={units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
            <Form.Item name="label" rules={[{ required: true }]}><Input placeholder={s.title} /></Form.Item>
            <Form.Item name="host" rules={[{ required: true }]}><Input placeholder="imap.example.vn" /></Form.Item>
            <Form.Item name="port"><InputNumber min={1} max={65535} /></Form.Item>
            <Form.Item name="secure" valuePropName="checked"><Switch checkedChildren="TLS" unCheckedChildren="TLS" /></Form.Item>
            <Form.Item name="username" rules={[{ required: true }]}><Input placeholder={s.username} autoComplete="off" /></Form.Item>
            <Form.Item name="password" rules={[{ required: true }]}><Input.Password placeholder={s.password} autoComplete="new-password" /></Form.Item>
            <Button htmlType="submit">{s.add}</Button>
        </Form>
      </Card>

      <Card title={s.apiKeys}>
        <Table<Key>
          rowKey="id"
          dataSource={keys}
          pagination={false}
          columns={[
            { title: s.title, dataIndex: 'name' },
            { title: 'Prefix', dataIndex: 'prefix' },
            { title: s.lastUsed, dataIndex: 'lastUsedAt', render: (d: string | null) => formatDateTime(d, { seconds: false }) },
            { key: 'revoke', render: (_, k) => (k.revokedAt ? <Tag>{s.revoked}</Tag> : <Button size="small" danger onClick={() => void run(api.post(`/api/v1/open311-keys/${k.id}/revoke`))}>{s.revoke}</Button>) },
          ]}
        />
        <Form layout="inline" style={{ marginTop: 12 }} onFinish={(v: { name: string }) => void api.post<{ key: string }>('/api/v1/open311-keys', { name: v.name, unitId }).then((r) => (setNewKey(r.key), load())).catch(setError)}>
          <Form.Item name="name" rules={[{ required: true }]}><Input placeholder={s.title} /></Form.Item>
          <Button htmlType="submit">{s.issueKey}</Button>
        </Form>
        {newKey && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={s.keyOnce} description={<Typography.Text copyable code>{newKey}</Typography.Text>} />}
      </Card>
    </Flex>
  );
}

