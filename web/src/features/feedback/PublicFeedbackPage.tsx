import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Layout, List, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { fmt, TYPES, useStrings } from './strings.ts';

export const PUBLIC_FEEDBACK_PATH = '/phan-anh-kien-nghi';

interface Options {
  units: Array<{ id: string; name: string }>;
  types: Array<{ code: string; label: string }>;
  fields: Array<{ code: string; label: string }>;
}
interface Published {
  code: string;
  type: string;
  unitName: string;
  receivedOn: string;
  answeredOn: string | null;
  title: string | null;
  body: string;
  answer: string;
}
interface FormValues {
  type: string;
  field: string;
  unitId: string;
  title?: string;
  body: string;
  dossierCode?: string;
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  consentPublish: boolean;
}

const blank = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/**
 * /phan-anh-kien-nghi: the public form (with or without sign-in) and the answered items whose senders agreed to
 * publication. Published text is plain text with personal data removed; React renders it escaped.
 */
export default function PublicFeedbackPage() {
  const { s, lang } = useStrings();
  const [options, setOptions] = useState<Options | null>(null);
  const [published, setPublished] = useState<Published[]>([]);
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>();
  const { busy, run } = useSubmit(setError);
  const [receipt, setReceipt] = useState<{ code: string; answerDueAt: string } | null>(null);
  const [params] = useSearchParams();
  const verdictToken = params.get('y');
  const [verdict, setVerdict] = useState<{ code: string } | null>(null);
  const [verdictError, setVerdictError] = useState<unknown>();
  const sendVerdict = (v: 'satisfied' | 'unsatisfied') =>
    api
      .post<{ code: string }>('/api/v1/feedback/verdict', { token: verdictToken, verdict: v })
      .then(setVerdict)
      .catch(setVerdictError);

  useEffect(() => {
    api.get<Options>('/api/v1/feedback/options').then(setOptions).catch(setError);
    api.get<{ items: Published[] }>('/api/v1/feedback/published').then((d) => setPublished(d.items)).catch(() => setPublished([]));
  }, [lang]);

  const submit = (v: FormValues) =>
    run(async () => {
      const sender = { name: v.name.trim(), phone: blank(v.phone), email: blank(v.email), address: blank(v.address) };
      const r = await api.post<{ code: string; answerDueAt: string }>('/api/v1/feedback/public', { type: v.type, field: v.field, unitId: v.unitId, title: blank(v.title), body: v.body, dossierCode: blank(v.dossierCode), sender, consentPublish: !!v.consentPublish });
      setReceipt(r);
      form.resetFields();
    });
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  const errorOf = (f: string) => fieldErrors.find((e) => e.field === f || e.field === `sender.${f}`)?.message;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Link to={PUBLIC_FEEDBACK_PATH} className="brand">
          <img src="/favicon.svg" alt="" width={30} height={30} />
          <span className="brand-text">motcua</span>
        </Link>
        <Flex align="center" gap={4}>
          <LanguageSwitch compact />
          <Link to="/dang-nhap" className="tracking-header-link" aria-label="login">
            <LoginOutlined aria-hidden />
          </Link>
        </Flex>
      </Layout.Header>
      <Layout.Content id="main" style={{ maxWidth: 880, width: '100%', margin: '0 auto', padding: '24px 16px 48px' }}>
        <Typography.Title level={1}>{s.publicTitle}</Typography.Title>
        <Typography.Paragraph>{s.publicIntro}</Typography.Paragraph>
        {verdictToken && (
          <Card style={{ marginBottom: 16 }}>
            {verdict ? (
              <Alert type="success" showIcon role="status" title={fmt(s.verdictThanks, { code: verdict.code })} />
            ) : (
              <Flex gap={12} align="center" wrap>
                <Typography.Text strong>{s.verdictQuestion}</Typography.Text>
                <Button size="large" type="primary" onClick={() => void sendVerdict('satisfied')}>
                  {s.verdictSatisfied}
                </Button>
                <Button size="large" danger onClick={() => void sendVerdict('unsatisfied')}>
                  {s.verdictUnsatisfied}
                </Button>
              </Flex>
            )}
            <ProblemAlert error={verdictError} style={{ marginTop: 12 }} />
          </Card>
        )}
        <Card>
          <Form<FormValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ type: 'complaint', field: 'dossier_handling', consentPublish: false }}>
            <Flex gap={12} wrap>
              <Form.Item name="type" label={s.type} style={{ minWidth: 200 }}>
                <Select options={Object.entries(TYPES).map(([value, l]) => ({ value, label: l[lang] }))} />
              </Form.Item>
              <Form.Item name="field" label={s.field} style={{ minWidth: 280, flex: 1 }}>
                <Select options={options?.fields.map((f) => ({ value: f.code, label: f.label }))} />
              </Form.Item>
            </Flex>
            <Form.Item name="unitId" label={s.unit} rules={[{ required: true, message: s.required }]} validateStatus={errorOf('unitId') ? 'error' : undefined} help={errorOf('unitId')}>
              <Select showSearch optionFilterProp="label" options={options?.units.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
            <Form.Item name="title" label={s.title} validateStatus={errorOf('title') ? 'error' : undefined} help={errorOf('title')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="body" label={s.body} rules={[{ required: true, whitespace: true, message: s.required }]} validateStatus={errorOf('body') ? 'error' : undefined} help={errorOf('body')}>
              <Input.TextArea rows={5} maxLength={10000} showCount />
            </Form.Item>
            <Form.Item name="dossierCode" label={s.dossierCode}>
              <Input maxLength={80} />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item name="name" label={s.name} rules={[{ required: true, whitespace: true, message: s.required }]} style={{ flex: 1, minWidth: 220 }} validateStatus={errorOf('name') ? 'error' : undefined} help={errorOf('name')}>
                <Input maxLength={200} autoComplete="name" />
              </Form.Item>
              <Form.Item name="phone" label={s.phone} style={{ flex: 1, minWidth: 180 }} validateStatus={errorOf('phone') ? 'error' : undefined} help={errorOf('phone')}>
                <Input inputMode="tel" autoComplete="tel" />
              </Form.Item>
              <Form.Item name="email" label={s.email} style={{ flex: 1, minWidth: 220 }} validateStatus={errorOf('email') ? 'error' : undefined} help={errorOf('email')}>
                <Input type="email" autoComplete="email" />
              </Form.Item>
            </Flex>
            <Form.Item name="address" label={s.address}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="consentPublish" valuePropName="checked">
              <Checkbox>{s.consent}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" loading={busy}>
              {s.send}
            </Button>
          </Form>
          {receipt && <Alert type="success" showIcon role="status" style={{ marginTop: 16 }} title={fmt(s.sent, { code: receipt.code, due: formatDateTime(receipt.answerDueAt, { seconds: false }) })} />}
          <ProblemAlert error={error} style={{ marginTop: 16 }} shownFields={new Set(fieldErrors.map((f) => f.field))} />
        </Card>
        <Typography.Title level={2} style={{ marginTop: 32 }}>
          {s.published}
        </Typography.Title>
        <List
          dataSource={published}
          locale={{ emptyText: s.noPublished }}
          renderItem={(p) => (
            <List.Item data-testid="published-item">
              <List.Item.Meta
                title={`${p.code} · ${TYPES[p.type]?.[lang] ?? p.type} · ${p.unitName} · ${p.receivedOn}`}
                description={
                  <>
                    {p.title && <Typography.Text strong>{p.title}</Typography.Text>}
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.body}</Typography.Paragraph>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                      <strong>{s.answer}:</strong> {p.answer}
                    </Typography.Paragraph>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Layout.Content>
    </Layout>
  );
}
