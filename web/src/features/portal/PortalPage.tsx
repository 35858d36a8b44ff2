import { FileSearchOutlined, LoginOutlined, LogoutOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Layout, List, Select, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { uploadFile, type ApplicationDto, type ApplicationSummaryDto, type OnlineProcedure, type PortalMe, type ReusableFile } from './portalApi.ts';
import { PortalRating } from './PortalRating.tsx';
import { fmt, money, useStrings } from './strings.ts';
import './portal.css';

/** The citizen portal's path (the OpenID Connect callback comes back here). */
export const PORTAL_PATH = '/cong-dan';

type S = ReturnType<typeof useStrings>['s'];

/**
 * /cong-dan: the citizen portal. Signed out: sign in with the electronic identity (OpenID Connect); a refused
 * sign-in comes back with ?loi=<reason>, worded here. Signed in as a citizen: file online, and "my dossiers".
 * One column, phone first; every control has a visible label; works with the keyboard alone.
 */
export default function PortalPage() {
  const { s } = useStrings();
  const { me, logout } = useAuth();
  const [params] = useSearchParams();
  const refusal = params.get('loi');
  // The section a link opened (?muc=) travels through the sign-in: the server keeps it with the pending request and comes back to it.
  const section = params.get('muc');
  const [status, setStatus] = useState<{ signInAvailable: boolean; devProvider: boolean } | null>(null);
  useDocumentTitle(s.title);
  useEffect(() => {
    void api.get<{ signInAvailable: boolean; devProvider: boolean }>('/api/v1/portal/status').then(setStatus, () => setStatus({ signInAvailable: false, devProvider: false }));
  }, []);
  const citizen = !!me && me.permissions.includes('portal.self');

  return (
    <Layout style={{ minHeight: '100vh' }} className="portal-page">
      <Layout.Header className="app-header">
        <Link to={PORTAL_PATH} className="brand">
          <img src="/favicon.svg" alt="" width={30} height={30} />
          <span className="brand-text">motcua</span>
        </Link>
        <Flex align="center" gap={4}>
          <LanguageSwitch compact />
          <Link to="/tra-cuu" className="tracking-header-link" aria-label={s.tracking}>
            <FileSearchOutlined aria-hidden />
          </Link>
          {me && (
            <Button type="text" icon={<LogoutOutlined aria-hidden />} onClick={() => void logout()} aria-label={s.signOut} className="portal-header-button">
              <span className="hide-xs">{s.signOut}</span>
            </Button>
          )}
        </Flex>
      </Layout.Header>
      <Layout.Content id="main" className="portal-content">
        <Typography.Title level={1} className="portal-title">
          {s.title}
        </Typography.Title>
        {!citizen && <Typography.Paragraph className="portal-intro">{s.intro}</Typography.Paragraph>}
        {refusal && !citizen && <Alert type="error" showIcon role="alert" title={s.refused[refusal] ?? s.refused.provider_error} className="portal-card" />}
        {me && !citizen && <Alert type="info" showIcon title={s.officialHere} className="portal-card" />}
        {!me && me !== undefined && (
          <Card className="portal-card">
            {status?.signInAvailable === false ? (
              <Alert type="warning" showIcon title={s.notAvailable} />
            ) : (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Button type="primary" size="large" block icon={<SafetyCertificateOutlined aria-hidden />} href={`/api/v1/portal/oidc/login${section ? `?${new URLSearchParams({ muc: section })}` : ''}`} data-testid="oidc-sign-in">
                  {s.signIn}
                </Button>
                <Typography.Text type="secondary">{s.signInHelp}</Typography.Text>
                {status?.devProvider && <Alert type="info" showIcon icon={<LoginOutlined aria-hidden />} title={s.devProvider} />}
              </Space>
            )}
          </Card>
        )}
        {citizen && <CitizenHome s={s} />}
      </Layout.Content>
    </Layout>
  );
}

/**
 * `?muc=ho-so-cua-toi` opens "my dossiers" (the link in the messages the applicant receives, server/modules/portal/portal.jobs.ts),
 * also after a sign-in started from it (server/modules/portal/portal.oidc.ts PORTAL_SECTIONS).
 */
const MY_APPLICATIONS = 'ho-so-cua-toi';

function CitizenHome({ s }: { s: S }) {
  const [me, setMe] = useState<PortalMe | null>(null);
  const [params] = useSearchParams();
  const [tab, setTab] = useState(params.get('muc') === MY_APPLICATIONS ? 'mine' : 'submit');
  const [mineKey, setMineKey] = useState(0);
  useEffect(() => {
    void api.get<PortalMe>('/api/v1/portal/me').then(setMe);
  }, []);
  if (!me) return null;
  return (
    <>
      <Typography.Paragraph className="portal-intro">
        <strong>{fmt(s.greeting, { name: me.fullName })}</strong>
        {me.idNumber && (
          <>
            {' · '}
            {s.idNumber}: {me.idNumber}
          </>
        )}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'submit', label: s.tabs.submit, children: <SubmitFlow s={s} me={me} onDone={() => setMineKey((k) => k + 1)} /> },
          { key: 'mine', label: s.tabs.mine, children: <MyDossiers s={s} key={mineKey} /> },
        ]}
      />
    </>
  );
}

const timeOf = (s: S, t: { value: number; unit: string }) => fmt(t.unit === 'working_day' ? s.workingDays : s.days, { n: t.value });

function FeeList({ s, p }: { s: S; p: Pick<OnlineProcedure, 'fees' | 'feeTotal'> }) {
  if (p.feeTotal <= 0) return <Typography.Text>{s.noFee}</Typography.Text>;
  return (
    <ul className="portal-list">
      {p.fees.filter((f) => f.amount > 0).map((f) => (
        <li key={f.name}>
          {f.name}: <strong>{money(f.amount)}</strong>
          {f.note ? ` (${f.note})` : ''}
        </li>
      ))}
      <li>
        {s.feeTotal}: <strong>{money(p.feeTotal)}</strong>
      </li>
    </ul>
  );
}

/** Step 1 pick a procedure, step 2 applicant and reception point, step 3 documents (upload or reuse), step 4 review and submit. */
function SubmitFlow({ s, me, onDone }: { s: S; me: PortalMe; onDone: () => void }) {
  const [q, setQ] = useState('');
  const [list, setList] = useState<OnlineProcedure[]>([]);
  const [proc, setProc] = useState<OnlineProcedure | null>(null);
  const [app, setApp] = useState<ApplicationDto | null>(null);
  const [reusable, setReusable] = useState<ReusableFile[]>([]);
  const [error, setError] = useState<unknown>();
  const { busy, run } = useSubmit(setError);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<{ receptionUnitId: string; name: string; phone: string; email: string; address: string; summary: string }>();

  useEffect(() => {
    const t = setTimeout(() => void api.get<OnlineProcedure[]>('/api/v1/portal/procedures', { q }).then(setList, setError), 200);
    return () => clearTimeout(t);
  }, [q]);
  useEffect(() => {
    void api.get<ReusableFile[]>('/api/v1/portal/reusable').then(setReusable, () => setReusable([]));
  }, []);

  if (done && app) {
    return (
      <Card className="portal-card">
        <Alert type="success" showIcon role="status" title={s.submitted} />
        <Button style={{ marginTop: 16 }} onClick={() => (setDone(false), setApp(null), setProc(null))}>
          {s.startNew}
        </Button>
      </Card>
    );
  }

  if (!proc) {
    return (
      <Card className="portal-card" title={<h2 className="portal-h2">{s.pickProcedure}</h2>}>
        <label htmlFor="portal-search" className="portal-label">
          {s.searchProcedure}
        </label>
        <Input id="portal-search" value={q} onChange={(e) => setQ(e.target.value)} allowClear size="large" />
        <List
          className="portal-procedures"
          dataSource={list}
          renderItem={(p) => (
            <List.Item>
              <Button type="link" className="portal-procedure" onClick={() => (setProc(p), form.setFieldsValue({ receptionUnitId: p.receptionUnits[0]?.id, name: me.fullName, phone: me.phone ?? '', email: me.email ?? '' }))}>
                <span>{p.name}</span>
              </Button>
              <Tag>{s.onlineLevel[p.onlineLevel]}</Tag>
            </List.Item>
          )}
        />
        <ProblemAlert error={error} />
      </Card>
    );
  }

  if (!app) {
    return (
      <Card className="portal-card" title={<h2 className="portal-h2">{proc.name}</h2>}>
        <Descriptions column={1} size="small" items={[{ key: 't', label: s.processingTime, children: timeOf(s, proc.processingTime) }, { key: 'f', label: s.fees, children: <FeeList s={s} p={proc} /> }]} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void run(async () => {
              const body = { procedureId: proc.id, receptionUnitId: v.receptionUnitId, applicant: { name: v.name, phone: v.phone || null, email: v.email || null, address: v.address || null }, summary: v.summary || null };
              setApp(await api.post<ApplicationDto>('/api/v1/portal/applications', body, { 'idempotency-key': newIdempotencyKey() }));
            })
          }
        >
          <Form.Item name="receptionUnitId" label={s.receptionUnit} rules={[{ required: true }]}>
            <Select options={proc.receptionUnits.map((u) => ({ value: u.id, label: u.name }))} aria-label={s.receptionUnit} />
          </Form.Item>
          <h3 className="portal-h3">{s.applicant}</h3>
          <Form.Item name="name" label={s.name} rules={[{ required: true }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={s.phone}>
            <Input autoComplete="tel" inputMode="tel" />
          </Form.Item>
          <Form.Item name="email" label={s.email}>
            <Input autoComplete="email" inputMode="email" />
          </Form.Item>
          <Form.Item name="address" label={s.address}>
            <Input autoComplete="street-address" />
          </Form.Item>
          <Form.Item name="summary" label={s.summary}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <ProblemAlert error={error} />
          <Flex gap={8} wrap>
            <Button onClick={() => setProc(null)}>{s.back}</Button>
            <Button type="primary" htmlType="submit" loading={busy}>
              {s.next}
            </Button>
          </Flex>
        </Form>
      </Card>
    );
  }

  const missing = app.documents.filter((d) => d.uploadRequired && !d.file).length;
  return (
    <Card className="portal-card" title={<h2 className="portal-h2">{s.documents}</h2>}>
      <Typography.Paragraph type="secondary">{s.documentsHelp}</Typography.Paragraph>
      <DocumentUploads s={s} app={app} reusable={reusable} onChange={setApp} onError={setError} />
      <h3 className="portal-h3">{s.fees}</h3>
      <PaymentBox s={s} payment={app.payment} />
      <ProblemAlert error={error} style={{ marginTop: 12 }} />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button
          type="primary"
          size="large"
          disabled={missing > 0}
          loading={busy}
          onClick={() =>
            void run(async () => {
              setApp(await api.post<ApplicationDto>(`/api/v1/portal/applications/${app.id}/submit`, { version: app.version }));
              setDone(true);
              onDone();
            })
          }
        >
          {s.submit}
        </Button>
      </Flex>
    </Card>
  );
}

/** One labelled file input per required document (native: keyboard and screen readers know it), and reuse. */
function DocumentUploads({ s, app, reusable, onChange, onError, onlyIndexes }: { s: S; app: ApplicationDto; reusable: ReusableFile[]; onChange: (a: ApplicationDto) => void; onError: (e: unknown) => void; onlyIndexes?: number[] }) {
  const [busy, setBusy] = useState<number | null>(null);
  const upload = async (index: number, file: File | undefined) => {
    if (!file) return;
    setBusy(index);
    onError(undefined);
    try {
      onChange(await uploadFile(app.id, index, file));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(null);
    }
  };
  const reuse = async (index: number, fileId: string) => {
    onError(undefined);
    try {
      onChange(await api.post<ApplicationDto>(`/api/v1/portal/applications/${app.id}/reuse`, { index, fileId }));
    } catch (err) {
      onError(err);
    }
  };
  return (
    <ol className="portal-docs">
      {app.documents
        .filter((d) => !onlyIndexes || onlyIndexes.includes(d.index))
        .map((d) => (
          <li key={d.index} className="portal-doc">
            <div className="portal-doc-name">{d.name}</div>
            {!d.uploadRequired ? (
              <Typography.Text type="secondary">{s.presented}</Typography.Text>
            ) : (
              <>
                <label className="portal-label" htmlFor={`doc-${d.index}`}>
                  {fmt(s.chooseFile, { name: d.name })}
                </label>
                <input id={`doc-${d.index}`} type="file" accept="application/pdf,image/jpeg,image/png" disabled={busy !== null} onChange={(e) => void upload(d.index, e.target.files?.[0])} data-testid={`doc-input-${d.index}`} />
                {d.file && (
                  <div role="status" className="portal-uploaded">
                    {fmt(d.file.reused ? s.reused : s.uploaded, { file: d.file.fileName ?? '' })}
                  </div>
                )}
                {!onlyIndexes && reusable.length > 0 && (
                  <Select
                    className="portal-reuse"
                    aria-label={fmt(s.reuseFor, { name: d.name })}
                    placeholder={s.reuse}
                    allowClear
                    options={reusable.map((r) => ({ value: r.fileId, label: `${r.documentName ?? s.result} — ${r.dossierCode}` }))}
                    onChange={(v?: string) => v && void reuse(d.index, v)}
                  />
                )}
              </>
            )}
          </li>
        ))}
    </ol>
  );
}

function PaymentBox({ s, payment }: { s: S; payment: ApplicationDto['payment'] }) {
  if (payment.status === 'none') return <Typography.Text>{s.noFee}</Typography.Text>;
  if (payment.status === 'paid') return <Tag>{s.paid}</Tag>;
  return (
    <div className="portal-payment">
      <Tag>{s.awaitingPayment}</Tag> <strong>{money(payment.amount)}</strong>
      {payment.qrSvg ? (
        <>
          <Typography.Paragraph type="secondary">{s.paymentHelp}</Typography.Paragraph>
          <img className="portal-qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(payment.qrSvg)}`} alt={fmt(s.qrAlt, { amount: money(payment.amount), account: payment.accountNumber ?? '' })} width={220} height={220} />
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'b', label: s.bank, children: payment.bankName },
              { key: 'a', label: s.account, children: payment.accountNumber },
              { key: 'n', label: s.accountName, children: payment.accountName },
              { key: 'p', label: s.transferNote, children: payment.purpose },
            ]}
          />
        </>
      ) : (
        <Typography.Paragraph>{s.noAccount}</Typography.Paragraph>
      )}
    </div>
  );
}

function MyDossiers({ s }: { s: S }) {
  const [list, setList] = useState<ApplicationSummaryDto[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => void api.get<ApplicationSummaryDto[]>('/api/v1/portal/applications').then(setList, setError), []);
  useEffect(load, [load]);
  if (open) return <DossierView s={s} id={open} onClose={() => (setOpen(null), load())} />;
  return (
    <div>
      <ProblemAlert error={error} />
      {list && list.length === 0 && <Typography.Paragraph>{s.mineEmpty}</Typography.Paragraph>}
      <ul className="portal-mine" aria-label={s.tabs.mine}>
        {list?.map((a) => (
          <li key={a.id}>
            <Card size="small" className="portal-card" data-testid="my-dossier">
              <div className="portal-doc-name">{a.procedureName}</div>
              <div>
                {s.status}: <strong data-testid="my-dossier-status">{a.dossierStatusLabel ?? s.appStatus[a.status]}</strong>
              </div>
              {a.dossierCode && (
                <div>
                  {s.code}: {a.dossierCode}
                </div>
              )}
              {a.appointmentAt && (
                <div>
                  {s.appointment}: {formatDate(a.appointmentAt)}
                </div>
              )}
              <Button style={{ marginTop: 8 }} onClick={() => setOpen(a.id)} aria-label={`${s.open}: ${a.procedureName}`}>
                {s.open}
              </Button>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}

function DossierView({ s, id, onClose }: { s: S; id: string; onClose: () => void }) {
  const [app, setApp] = useState<ApplicationDto | null>(null);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  useEffect(() => {
    void api.get<ApplicationDto>(`/api/v1/portal/applications/${id}`).then(setApp, setError);
  }, [id]);
  if (!app) return <ProblemAlert error={error} />;
  const version = app.dossier?.version ?? app.version;
  const canWithdraw = app.dossier ? app.dossier.canWithdraw : app.status === 'draft' || app.status === 'submitted';
  const open = app.dossier?.supplements.find((x) => !x.receivedAt);
  const act = async (fn: () => Promise<ApplicationDto>, done: string) => {
    setError(undefined);
    try {
      setApp(await fn());
      setNotice(done);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card className="portal-card" title={<h2 className="portal-h2">{app.procedureName}</h2>} extra={<Button onClick={onClose}>{s.close}</Button>}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 's', label: s.status, children: <strong>{app.dossierStatusLabel ?? s.appStatus[app.status]}</strong> },
          ...(app.dossierCode ? [{ key: 'c', label: s.code, children: app.dossierCode }] : []),
          ...(app.submittedAt ? [{ key: 'd', label: s.submittedAt, children: formatDateTime(app.submittedAt, { seconds: false }) }] : []),
          ...(app.appointmentAt ? [{ key: 'a', label: s.appointment, children: formatDate(app.appointmentAt) }] : []),
          ...(app.refusalReason ? [{ key: 'r', label: s.refusalReason, children: app.refusalReason }] : []),
        ]}
      />
      {notice && <Alert type="success" showIcon role="status" title={notice} style={{ margin: '12px 0' }} />}
      <ProblemAlert error={error} style={{ margin: '12px 0' }} />
      {open && app.dossier?.awaitingSupplement && (
        <section aria-labelledby="supplement-h" className="portal-section">
          <h3 id="supplement-h" className="portal-h3">
            {s.supplement}
          </h3>
          <Alert type="warning" showIcon title={open.reason} description={<ul className="portal-list">{open.items.map((i) => <li key={i}>{i}</li>)}</ul>} />
          <Typography.Paragraph type="secondary">{s.supplementHelp}</Typography.Paragraph>
          <DocumentUploads s={s} app={app} reusable={[]} onChange={setApp} onError={setError} onlyIndexes={app.documents.filter((d) => d.uploadRequired).map((d) => d.index)} />
          <Button type="primary" onClick={() => void act(() => api.post(`/api/v1/portal/applications/${app.id}/supplement`, { version }), s.supplementSent)}>
            {s.sendSupplement}
          </Button>
        </section>
      )}
      {app.payment.status !== 'none' && (
        <section aria-labelledby="payment-h" className="portal-section">
          <h3 id="payment-h" className="portal-h3">
            {s.payment}
          </h3>
          <PaymentBox s={s} payment={app.payment} />
        </section>
      )}
      {app.dossier && (
        <section aria-labelledby="timeline-h" className="portal-section">
          <h3 id="timeline-h" className="portal-h3">
            {s.timeline}
          </h3>
          <Timeline items={app.dossier.timeline.map((e) => ({ children: <span>{formatDateTime(e.at, { seconds: false })} — {e.label}{e.note ? `: ${e.note}` : ''}</span> }))} />
          <h3 className="portal-h3">{s.downloads}</h3>
          <ul className="portal-list">
            <li>
              <a href={`/api/v1/portal/applications/${app.id}/receipt.pdf`} target="_blank" rel="noreferrer">
                {s.receiptSlip}
              </a>
            </li>
            {app.dossier.files.map((f) => (
              <li key={f.id}>
                <a href={`/api/v1/portal/applications/${app.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                  {f.isResult ? s.result : f.documentName} {f.fileName ? `(${f.fileName})` : ''}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {app.dossierStatus === 'returned' && app.dossierCode && (
        <section aria-labelledby="rate-h" className="portal-section">
          <h3 id="rate-h" className="portal-h3">
            {s.rate}
          </h3>
          <PortalRating dossierCode={app.dossierCode} />
        </section>
      )}
      {canWithdraw && (
        <section className="portal-section">
          {!withdrawing ? (
            <Button danger onClick={() => setWithdrawing(true)}>
              {s.withdraw}
            </Button>
          ) : (
            <Flex vertical gap={8}>
              <label htmlFor="withdraw-reason" className="portal-label">
                {s.withdrawReason}
              </label>
              <Input.TextArea id="withdraw-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
              <Button danger type="primary" disabled={!reason.trim()} onClick={() => void act(() => api.post(`/api/v1/portal/applications/${app.id}/withdraw`, { version, reason }), s.withdrawn)}>
                {s.withdrawConfirm}
              </Button>
            </Flex>
          )}
        </section>
      )}
    </Card>
  );
}
