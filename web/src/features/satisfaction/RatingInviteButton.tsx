import { QrcodeOutlined } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useStrings } from './strings.ts';

/**
 * For the result-return step of a dossier (status `returned`): shows the rating link and its QR code for the
 * applicant to scan at the counter (POST /api/v1/dossiers/:id/rating-invite). Shown to counter officers only.
 */
export function RatingInviteButton({ dossierId }: { dossierId: string }) {
  const { s } = useStrings();
  const [invite, setInvite] = useState<{ url: string; qrSvg: string } | null>(null);
  const [error, setError] = useState<unknown>();
  const { can } = useAuth();
  const open = () =>
    api
      .post<{ url: string; qrSvg: string }>(`/api/v1/dossiers/${dossierId}/rating-invite`)
      .then((r) => (setInvite(r), setError(undefined)))
      .catch(setError);
  if (!can('dossiers.receive')) return null;
  return (
    <>
      <Button icon={<QrcodeOutlined />} onClick={() => void open()}>
        {s.inviteButton}
      </Button>
      <ProblemAlert error={error} style={{ marginTop: 8 }} />
      <Modal open={!!invite} onCancel={() => setInvite(null)} footer={null} title={s.kioskTitle}>
        {invite && (
          <div style={{ textAlign: 'center' }}>
            <img alt={invite.url} src={`data:image/svg+xml;utf8,${encodeURIComponent(invite.qrSvg)}`} width={260} height={260} />
            <Typography.Paragraph copyable={{ text: invite.url }}>{s.inviteHelp}</Typography.Paragraph>
          </div>
        )}
      </Modal>
    </>
  );
}
