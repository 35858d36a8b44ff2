import { CheckCircleFilled, LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Layout, Result, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { CRITERIA, fmt, SCALE, useStrings, type Criterion } from './strings.ts';
import './kiosk.css';

/** The kiosk path; invitation links and the return-slip QR code carry ?t=<token>, the receipt slip's QR ?ma=<code>. */
export const KIOSK_PATH = '/danh-gia';

interface Target {
  dossierCode: string;
  procedureName: string;
  unitName: string;
  returnedAt: string | null;
  alreadyRated: boolean;
  ratable: boolean;
}
type Binding = { code: string; digits: string } | { token: string };
type Scores = Partial<Record<Criterion, number>>;

/** A scanned receipt-slip QR gives the tracking URL (…/tra-cuu?ma=CODE): keep the code only. */
export function codeFromScan(input: string): string {
  const text = input.trim();
  try {
    const url = new URL(text);
    const ma = url.searchParams.get('ma') ?? url.searchParams.get('MHS');
    if (ma) return ma.trim().toUpperCase();
  } catch {
    // not a URL: a typed code
  }
  return text.toUpperCase();
}

/**
 * /danh-gia: the satisfaction kiosk at the counter, public, no sign-in. The applicant identifies the dossier (code +
 * last 4 digits, or the invitation token of the link), rates five SIPAS criteria and an overall level with large
 * buttons, optionally comments, and sends once. After the thanks the kiosk is ready for the next person.
 */
export default function KioskPage() {
  const { s, lang } = useStrings();
  const [params, setParams] = useSearchParams();
  const token = params.get('t');
  const [binding, setBinding] = useState<Binding | null>(token ? { token } : null);
  const [target, setTarget] = useState<Target | null>(null);
  const [scores, setScores] = useState<Scores>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();
  const { busy, run } = useSubmit(setError);
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<{ code: string; digits: string }>();

  const lookup = (b: Binding) =>
    run(async () => {
      setTarget(await api.post<Target>('/api/v1/ratings/lookup', b));
      setBinding(b);
    });

  useEffect(() => {
    if (token) void lookup({ token });
    // on arrival only
  }, []);

  const reset = () => {
    setBinding(null);
    setTarget(null);
    setScores({});
    setComment('');
    setDone(false);
    setError(undefined);
    setMissing(false);
    form.resetFields();
    if (params.has('t')) setParams(new URLSearchParams(), { replace: true });
  };

  // A kiosk: back to the start a little after the thanks.
  useEffect(() => {
    if (!done) return;
    const t = setTimeout(reset, 15_000);
    return () => clearTimeout(t);
  }, [done]);

  const send = async () => {
    const keys = Object.keys(CRITERIA) as Criterion[];
    if (keys.some((k) => !scores[k])) {
      setMissing(true);
      return;
    }
    await run(async () => {
      await api.post('/api/v1/ratings/kiosk', { ...binding, scores, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setDone(true);
    });
  };

  const notFound = error instanceof ApiError && error.status === 404;
  const already = (error instanceof ApiError && error.status === 409) || target?.alreadyRated;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Link to={KIOSK_PATH} className="brand" onClick={reset}>
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
      <Layout.Content id="main" className="kiosk-content">
        <Typography.Title level={1} className="kiosk-title">
          {s.kioskTitle}
        </Typography.Title>

        {done ? (
          <Result className="kiosk-thanks" icon={<CheckCircleFilled style={{ color: '#389e0d' }} />} title={<span data-testid="kiosk-thanks">{s.thanks}</span>} subTitle={s.thanksDetail} extra={<Button type="primary" size="large" className="kiosk-big-button" onClick={reset}>{s.again}</Button>} />
        ) : !target ? (
          <Card>
            <Typography.Paragraph className="kiosk-intro">{s.kioskIntro}</Typography.Paragraph>
            <Form form={form} layout="vertical" size="large" requiredMark={false} initialValues={{ code: params.get('ma') ?? '', digits: '' }} onFinish={(v) => void lookup({ code: codeFromScan(v.code), digits: v.digits })}>
              <Form.Item name="code" label={s.code} rules={[{ required: true, whitespace: true, message: s.codeRequired }]}>
                <Input className="kiosk-input" autoComplete="off" spellCheck={false} autoFocus />
              </Form.Item>
              <Form.Item name="digits" label={s.digits} rules={[{ required: true, pattern: /^\d{4}$/, message: s.digitsInvalid }]} normalize={(v: string) => v.replace(/\D/g, '').slice(0, 4)}>
                <Input className="kiosk-input" inputMode="numeric" maxLength={4} autoComplete="off" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy} className="kiosk-big-button">
                {s.next}
              </Button>
            </Form>
          </Card>
        ) : already ? (
          <Alert type="info" showIcon title={s.alreadyRated} action={<Button onClick={reset}>{s.again}</Button>} />
        ) : !target.ratable ? (
          <Alert type="warning" showIcon title={s.notReturned} action={<Button onClick={reset}>{s.again}</Button>} />
        ) : (
          <Card>
            <Typography.Title level={2} style={{ fontSize: '1.3rem' }}>
              {fmt(s.ratingFor, { code: target.dossierCode, procedure: target.procedureName })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{fmt(s.at, { unit: target.unitName })}</Typography.Paragraph>
            <Typography.Paragraph className="kiosk-intro">{s.criteriaHelp}</Typography.Paragraph>
            {(Object.keys(CRITERIA) as Criterion[]).map((k) => (
              <fieldset key={k} className="kiosk-criterion" data-testid={`criterion-${k}`}>
                <legend>{CRITERIA[k][lang]}</legend>
                <div className="kiosk-scale" role="group" aria-label={CRITERIA[k][lang]}>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <button type="button" key={n} aria-pressed={scores[k] === n} aria-label={`${CRITERIA[k][lang]}: ${n} — ${SCALE[n][lang]}`} onClick={() => (setScores({ ...scores, [k]: n }), setMissing(false))}>
                      <span className="kiosk-num">{n}</span>
                      <span className="kiosk-label">{SCALE[n][lang]}</span>
                    </button>
                  ))}
                </div>
              </fieldset>
            ))}
            <Form layout="vertical" size="large">
              <Form.Item label={s.comment} htmlFor="kiosk-comment">
                <Input.TextArea id="kiosk-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} maxLength={2000} showCount />
              </Form.Item>
            </Form>
            {missing && <Alert type="warning" showIcon role="alert" title={s.missing} style={{ marginBottom: 12 }} />}
            <Flex gap={12}>
              <Button size="large" className="kiosk-big-button" onClick={reset}>
                {s.cancel}
              </Button>
              <Button type="primary" size="large" block className="kiosk-big-button" loading={busy} onClick={() => void send()}>
                {s.send}
              </Button>
            </Flex>
          </Card>
        )}
        {error && !already ? notFound ? <Alert type="warning" showIcon role="alert" title={s.notFound} style={{ marginTop: 16 }} /> : <ProblemAlert error={error} style={{ marginTop: 16 }} /> : null}
      </Layout.Content>
    </Layout>
  );
}
