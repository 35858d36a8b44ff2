import { Alert, Button, Card, Descriptions, Empty, Flex, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { PaymentAccountsSection } from './PaymentAccountsSection.tsx';
import type { ApplicationDto } from './portalApi.ts';
import { fmt, money, useStrings } from './strings.ts';

/**
 * /ho-so-truc-tuyen: the counter's inbox of online applications (dossiers.receive): check the documents, receive
 * (the dossier is created with channel online, the files become its digitised documents) or refuse with a reason;
 * record that a fee was received. Administrators also set their units' fee accounts here.
 */
export default function OnlineInboxPage() {
  const { s } = useStrings();
  const { can } = useAuth();
  const [list, setList] = useState<ApplicationDto[] | null>(null);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);
  const [refusing, setRefusing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const load = useCallback(() => void api.get<ApplicationDto[]>('/api/v1/portal/inbox').then(setList, setError), []);
  useEffect(load, [load]);
  const act = async (fn: () => Promise<ApplicationDto>, message: (a: ApplicationDto) => string) => {
    setError(undefined);
    try {
      const a = await fn();
      setNotice(message(a));
      setRefusing(null);
      setReason('');
      load();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <PageHeader title={s.inboxTitle} intro={s.inboxIntro} />
      {notice && <Alert type="success" showIcon role="status" title={notice} style={{ marginBottom: 12 }} />}
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      {list && list.length === 0 && <Empty description={s.inboxEmpty} />}
      {list?.map((a) => (
        <Card key={a.id} size="small" style={{ marginBottom: 12 }} title={a.procedureName} data-testid="online-application">
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: 'n', label: s.name, children: a.applicantName },
              { key: 'i', label: 'CCCD', children: String(a.applicant.idNumber ?? '') },
              { key: 'u', label: s.receptionUnit, children: a.receptionUnitName },
              { key: 'd', label: s.submittedAt, children: formatDateTime(a.submittedAt, { seconds: false }) },
              { key: 's', label: s.status, children: <Tag>{a.dossierCode ? `${s.appStatus[a.status]} — ${a.dossierCode}` : s.appStatus[a.status]}</Tag> },
              ...(a.feeAmount > 0 ? [{ key: 'f', label: s.fees, children: `${money(a.feeAmount)} — ${a.paid ? s.paid : s.awaitingPayment}` }] : []),
            ]}
          />
          <ol>
            {a.documents.map((d) => (
              <li key={d.index}>
                {d.name}: {d.file ? <Typography.Text>{d.file.fileName ?? d.file.id}</Typography.Text> : <Typography.Text type="secondary">{d.uploadRequired ? '—' : s.presented}</Typography.Text>}
              </li>
            ))}
          </ol>
          <Flex gap={8} wrap className="portal-inbox-actions">
            {a.status === 'submitted' && (
              <Button type="primary" onClick={() => void act(() => api.post(`/api/v1/portal/inbox/${a.id}/accept`, { version: a.version }), (r) => fmt(s.acceptedMsg, { code: r.dossierCode ?? '' }))}>
                {s.accept}
              </Button>
            )}
            {a.status === 'submitted' && (
              <Button danger onClick={() => setRefusing(a.id)}>
                {s.refuse}
              </Button>
            )}
            {a.feeAmount > 0 && !a.paid && <Button onClick={() => void act(() => api.post(`/api/v1/portal/inbox/${a.id}/payment`, { version: a.version }), () => s.paid)}>{s.markPaid}</Button>}
          </Flex>
          {refusing === a.id && (
            <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
              <label htmlFor={`refuse-${a.id}`}>{s.refuseReason}</label>
              <Input.TextArea id={`refuse-${a.id}`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
              <Button danger type="primary" disabled={!reason.trim()} onClick={() => void act(() => api.post(`/api/v1/portal/inbox/${a.id}/refuse`, { version: a.version, reason }), () => s.appStatus.refused)}>
                {s.refuse}
              </Button>
            </Space>
          )}
        </Card>
      ))}
      {can('units.write') && <PaymentAccountsSection />}
    </>
  );
}
