import { CheckCircleFilled, ClockCircleFilled, EyeOutlined, FilePdfOutlined, LoginOutlined, PauseCircleFilled, SearchOutlined, StopFilled, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, Layout, List, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../app/api.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { CHANNELS, CLOCK_KINDS, formatAppointment, labelOf, OPEN_STATUSES, type DossierStatus, type TrackingDto } from '../dossiers/labels.ts';
import { fmt, useStrings } from './strings.ts';
import './tracking.css';

/** The public tracking path (the receipt slip's QR code points here with ?ma=<code>). */
export const TRACKING_PATH = '/tra-cuu';

interface Query {
  code: string;
  digits: string;
}

const dt = (iso: string | null | undefined) => formatDateTime(iso, { seconds: false });

/** How a status looks: finished green, waiting for the applicant orange, stopped grey, in progress blue. */
function statusLook(status: DossierStatus): { icon: React.ReactNode; tone: string } {
  switch (status) {
    case 'result_ready':
    case 'returned':
      return { icon: <CheckCircleFilled />, tone: 'done' };
    case 'awaiting_supplement':
    case 'suspended':
      return { icon: <PauseCircleFilled />, tone: 'paused' };
    case 'withdrawn':
    case 'cancelled':
      return { icon: <StopFilled />, tone: 'stopped' };
    default:
      return { icon: <ClockCircleFilled />, tone: 'running' };
  }
}

/**
 * /tra-cuu: public tracking, no sign-in. The dossier code (from the slip, or ?ma= from its QR code) and the last
 * 4 digits of the applicant's phone or ID number → status, current step and unit, statutory due date, appointment,
 * the expected date explained in words, pauses with their reasons, the timeline in public wording, and which
 * officials opened the dossier. Large type and a single column: it is read on a phone, at the counter's door.
 */
export default function TrackingPage() {
  const { s, lang } = useStrings();
  const [params, setParams] = useSearchParams();
  const initialCode = (params.get('ma') ?? params.get('MHS') ?? '').trim();
  const [form] = Form.useForm<Query>();
  const [query, setQuery] = useState<Query | null>(null);
  const [data, setData] = useState<TrackingDto | null>(null);
  const [error, setError] = useState<unknown>();
  const { busy, run } = useSubmit(setError);
  const digitsRef = useRef<React.ComponentRef<typeof Input>>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  // Coming from the QR code, the code is there: the applicant only types the 4 digits.
  useEffect(() => {
    if (initialCode) digitsRef.current?.focus();
    // only on arrival
  }, []);

  const look = useCallback(
    async (q: Query, focusResult: boolean) => {
      const answered = await run(async () => {
        const answer = await api.post<TrackingDto>('/api/v1/tracking', { code: q.code.trim().toUpperCase(), digits: q.digits.trim(), lang });
        setData(answer);
        setQuery(q);
        const next = new URLSearchParams(params);
        next.delete('MHS');
        next.set('ma', answer.code);
        setParams(next, { replace: true });
        if (focusResult) setTimeout(() => resultRef.current?.focus(), 0);
        return true;
      });
      if (!answered) setData(null);
    },
    // the query string is rewritten by the call itself
    [lang, run],
  );

  // The answer is worded by the server: ask again in the new language when it changes.
  useEffect(() => {
    if (query) void look(query, false);
  }, [lang]);

  const notFound = error instanceof ApiError && error.status === 404;

  return (
    <Layout style={{ minHeight: '100vh' }} className="tracking-page">
      <Layout.Header className="app-header">
        <Link to={TRACKING_PATH} className="brand">
          <img src="/favicon.svg" alt="" width={30} height={30} />
          <span className="brand-text">motcua</span>
        </Link>
        <Flex align="center" gap={4}>
          <LanguageSwitch compact />
          <Link to="/tra-cuu-thu-tuc" className="tracking-header-link" aria-label={s.procedures}>
            <SearchOutlined aria-hidden /> <span className="hide-xs">{s.procedures}</span>
          </Link>
          <Link to="/dang-nhap" className="tracking-header-link" aria-label={s.signIn}>
            <LoginOutlined aria-hidden /> <span className="hide-xs">{s.signIn}</span>
          </Link>
        </Flex>
      </Layout.Header>
      <Layout.Content id="main" className="tracking-content">
        <Typography.Title level={1} className="tracking-title">
          {s.title}
        </Typography.Title>
        <Typography.Paragraph className="tracking-intro">{s.intro}</Typography.Paragraph>

        <Card className="tracking-card">
          <Form<Query> form={form} layout="vertical" initialValues={{ code: initialCode, digits: '' }} onFinish={(q) => void look(q, true)} requiredMark={false} size="large">
            <Form.Item name="code" label={s.code} rules={[{ required: true, whitespace: true, message: s.codeRequired }, { min: 5, max: 80 }]} normalize={(v: string) => v.toUpperCase()}>
              <Input placeholder={s.codePlaceholder} autoComplete="off" autoCapitalize="characters" spellCheck={false} className="tracking-input" />
            </Form.Item>
            <Form.Item name="digits" label={s.digits} extra={s.digitsHelp} rules={[{ required: true, pattern: /^\d{4}$/, message: s.digitsInvalid }]} normalize={(v: string) => v.replace(/\D/g, '').slice(0, 4)}>
              <Input ref={digitsRef} inputMode="numeric" autoComplete="off" maxLength={4} className="tracking-input tracking-digits" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block icon={<SearchOutlined />} loading={busy} className="tracking-submit">
              {s.submit}
            </Button>
          </Form>
        </Card>

        {error ? notFound ? <Alert type="warning" showIcon role="alert" title={s.notFound} className="tracking-card" /> : <ProblemAlert error={error} style={{ marginTop: 16 }} /> : null}

        {data && (
          <div ref={resultRef} tabIndex={-1} className="tracking-result" aria-live="polite" data-testid="tracking-result">
            <Answer data={data} />
            {query && <ReceiptSlipButton code={data.code} digits={query.digits.trim()} />}
          </div>
        )}
        <Typography.Paragraph type="secondary" className="tracking-privacy">
          {s.privacy}
        </Typography.Paragraph>
      </Layout.Content>
    </Layout>
  );
}

/**
 * Prints the receipt-and-appointment slip again (the applicant lost it): the same proof as the lookup, sent by POST
 * so the digits stay out of addresses and logs; the PDF opens as a download.
 */
function ReceiptSlipButton({ code, digits }: { code: string; digits: string }) {
  const { s } = useStrings();
  const [error, setError] = useState<unknown>();
  const { busy, run } = useSubmit(setError);
  const download = () =>
    run(async () => {
      const res = await fetch('/api/v1/tracking/receipt-slip', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, digits }) });
      if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => ({ title: res.statusText })));
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `giay-tiep-nhan-${code}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    });
  return (
    <Card className="tracking-card">
      <Button icon={<FilePdfOutlined aria-hidden />} size="large" loading={busy} onClick={() => void download()} data-testid="receipt-slip">
        {s.receiptSlip}
      </Button>
      {error ? <ProblemAlert error={error} style={{ marginTop: 12 }} /> : null}
    </Card>
  );
}

/** The access log by official (newest first): how often each opened the dossier, first and last time. */
function byOfficial(log: TrackingDto['accessLog']) {
  const groups = new Map<string, { officialName: string; unitName: string | null; count: number; first: string; last: string }>();
  for (const a of log) {
    const key = `${a.officialName}|${a.unitName ?? ''}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { officialName: a.officialName, unitName: a.unitName, count: 1, first: a.at, last: a.at });
    else {
      g.count++;
      if (a.at < g.first) g.first = a.at;
      if (a.at > g.last) g.last = a.at;
    }
  }
  return [...groups.values()].sort((x, y) => (x.last < y.last ? 1 : -1));
}

function Answer({ data: d }: { data: TrackingDto }) {
  const { s, lang } = useStrings();
  const { icon, tone } = statusLook(d.status);
  const open = OPEN_STATUSES.includes(d.status);
  const overdue = open && d.legalDueAt !== null && new Date(d.legalDueAt).getTime() < Date.now();
  const facts: Array<{ label: string; value: React.ReactNode; testid?: string }> = [
    { label: s.receivedAt, value: dt(d.receivedAt) },
    { label: s.channel, value: labelOf(CHANNELS, d.channel, lang) },
    ...(open ? [{ label: s.legalDue, value: d.legalDueAt ? formatAppointment(d.legalDueAt, lang) : s.legalDuePaused, testid: 'legal-due' }] : []),
    { label: s.appointment, value: <strong>{formatAppointment(d.appointmentAt, lang)}</strong>, testid: 'tracking-appointment' },
    ...(d.currentStep ? [{ label: s.currentStep, value: `${d.currentStep.label} — ${d.currentStep.unitName}`, testid: 'current-step' }] : []),
    ...(d.finishedAt ? [{ label: s.finishedAt, value: dt(d.finishedAt) }] : []),
    ...(d.returnedAt ? [{ label: s.returnedAt, value: dt(d.returnedAt) }] : []),
  ];
  return (
    <>
      <Card className={`tracking-card tracking-status tone-${tone}`}>
        <Typography.Text type="secondary" className="tracking-code">
          {d.code}
        </Typography.Text>
        <Typography.Title level={2} className="tracking-procedure">
          {d.procedureName}
        </Typography.Title>
        <div className="tracking-status-line" data-testid="tracking-status">
          <span className="tracking-status-icon" aria-hidden>
            {icon}
          </span>
          <span>
            <span className="sr-only">{s.status}: </span>
            {d.statusLabel}
          </span>
        </div>
        {overdue && <Alert type="error" showIcon icon={<WarningFilled />} title={s.overdue} style={{ marginTop: 12 }} />}
        <dl className="tracking-facts">
          {facts.map((f) => (
            <div key={f.label} data-testid={f.testid}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      {d.explanation.length > 0 && (
        <Card className="tracking-card" title={<h2 className="tracking-h2">{s.explanation}</h2>}>
          <ol className="tracking-explanation" data-testid="tracking-explanation">
            {d.explanation.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </Card>
      )}

      {d.pauses.length > 0 && (
        <Card className="tracking-card" title={<h2 className="tracking-h2">{s.pauses}</h2>}>
          <List
            dataSource={d.pauses}
            data-testid="tracking-pauses"
            renderItem={(p) => (
              <List.Item>
                <Flex vertical>
                  <Typography.Text strong>{labelOf(CLOCK_KINDS, p.kind, lang)}</Typography.Text>
                  <span>{p.to ? fmt(s.pauseRange, { from: dt(p.from), to: dt(p.to) }) : fmt(s.pauseOpen, { from: dt(p.from) })}</span>
                  {p.reason && <Typography.Text italic>{p.reason}</Typography.Text>}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}

      {d.appointments.length > 1 && (
        <Card className="tracking-card" title={<h2 className="tracking-h2">{s.appointments}</h2>}>
          <List
            dataSource={d.appointments}
            renderItem={(a) => (
              <List.Item>
                <Flex vertical>
                  <Typography.Text strong>{formatAppointment(a.at, lang)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {a.reason} · {dt(a.decidedAt)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}

      <Card className="tracking-card" title={<h2 className="tracking-h2">{s.timeline}</h2>}>
        <Timeline
          data-testid="tracking-timeline"
          items={d.timeline.map((e, i) => ({
            key: i,
            color: i === d.timeline.length - 1 ? (tone === 'done' ? 'green' : tone === 'paused' ? 'orange' : 'blue') : 'gray',
            content: (
              <Flex vertical>
                <span className="tracking-when">{dt(e.at)}</span>
                <span className="tracking-event">{e.text}</span>
                {e.unitName && !e.text.includes(e.unitName) && <Typography.Text type="secondary">{e.unitName}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      </Card>

      <Card className="tracking-card" title={<h2 className="tracking-h2">{s.accessLog}</h2>}>
        <Typography.Paragraph type="secondary">{s.accessHelp}</Typography.Paragraph>
        {d.accessLog.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s.noAccess} />
        ) : (
          <List
            dataSource={byOfficial(d.accessLog)}
            data-testid="tracking-access-log"
            renderItem={(a) => (
              <List.Item>
                <Flex gap={10} align="flex-start">
                  <EyeOutlined aria-hidden style={{ marginTop: 5, color: '#1d4f91' }} />
                  <Flex vertical>
                    <Typography.Text strong>{a.officialName}</Typography.Text>
                    <Typography.Text type="secondary">{[a.unitName, fmt(s.lastOpened, { at: dt(a.last) })].filter(Boolean).join(' · ')}</Typography.Text>
                    {a.count > 1 && <Typography.Text type="secondary">{fmt(s.openedTimes, { count: a.count, first: dt(a.first) })}</Typography.Text>}
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
