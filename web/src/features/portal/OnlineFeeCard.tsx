import { Button, Card, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { fmt, money, useStrings } from './strings.ts';

interface DossierApplication {
  application: null | { id: string; feeAmount: number; paid: boolean; paidAt: string | null; version: number; eIdVerified: boolean; canMarkPaid: boolean };
}

/** On the dossier page of an online dossier: filed through the portal, its fee, and "fee received" for the counter. */
export function OnlineFeeCard({ dossierId }: { dossierId: string }) {
  const { s } = useStrings();
  const [data, setData] = useState<DossierApplication['application']>(null);
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => void api.get<DossierApplication>(`/api/v1/portal/by-dossier/${dossierId}`).then((r) => setData(r.application), setError), [dossierId]);
  useEffect(load, [load]);
  if (!data && !error) return null;
  return (
    <Card title={s.payment} style={{ marginBottom: 16 }} data-testid="online-fee">
      <ProblemAlert error={error} />
      {data && (
        <Space direction="vertical">
          <Typography.Text>{s.onlineFiled}</Typography.Text>
          {data.feeAmount <= 0 ? (
            <Typography.Text>{s.noFee}</Typography.Text>
          ) : data.paid ? (
            <Tag>{fmt(s.paidAt, { at: formatDateTime(data.paidAt, { seconds: false }) })}</Tag>
          ) : (
            <Typography.Text>
              <Tag>{s.awaitingPayment}</Tag> <strong>{money(data.feeAmount)}</strong>
            </Typography.Text>
          )}
          {data.canMarkPaid && (
            <Button onClick={() => void api.post(`/api/v1/portal/inbox/${data.id}/payment`, { version: data.version }).then(load, setError)}>{s.markPaid}</Button>
          )}
        </Space>
      )}
    </Card>
  );
}
