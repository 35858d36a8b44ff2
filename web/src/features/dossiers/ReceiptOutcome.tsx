import { ArrowLeftOutlined, FileAddOutlined, FolderOpenOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, List, Progress, Result, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { formatDateTime, VN_TZ } from '../../i18n/format.ts';
import { dossierPath, SLIP_PATHS } from './dossierApi.ts';
import { DOCUMENT_FORMS, formatAppointment, labelOf, stepLabel, type DossierDetailDto, type GuidanceDto, type ReceiptResultDto } from './labels.ts';
import { StatusTag } from './StatusTag.tsx';
import { fmt, useStrings } from './strings.ts';

/** Progress of the scans uploaded right after a receipt. */
export interface ScanUploads {
  total: number;
  done: number;
  failures: Array<{ name: string; error: string }>;
}

interface Props {
  result: ReceiptResultDto;
  uploads: ScanUploads | null;
  onNew(): void;
  onBack(): void;
}

/** The server's answer to a receipt: the dossier with its code and slips, or the refusal with the guidance slip. */
export function ReceiptOutcome({ result, uploads, onNew, onBack }: Props) {
  // The answer replaces the form: move the focus to its title for keyboard and screen-reader users.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result]);
  return result.outcome === 'received' ? <Received dossier={result.dossier} uploads={uploads} onNew={onNew} heading={heading} /> : <Guidance guidance={result.guidance} onNew={onNew} onBack={onBack} heading={heading} />;
}

function Received({ dossier: d, uploads, onNew, heading }: { dossier: DossierDetailDto; uploads: ScanUploads | null; onNew(): void; heading: React.RefObject<HTMLHeadingElement | null> }) {
  const { s, lang } = useStrings();
  const navigate = useNavigate();
  return (
    <Card data-testid="receipt-success">
      <Result
        status="success"
        style={{ padding: '16px 0' }}
        title={
          <Typography.Title level={2} ref={heading} tabIndex={-1} style={{ margin: 0, fontSize: 24, outline: 'none' }}>
            {s.receipt.successTitle}
          </Typography.Title>
        }
        subTitle={fmt(s.receipt.successSubtitle, { procedure: d.procedure.name, applicant: d.applicantName })}
        extra={
          <Flex wrap gap={8} justify="center">
            <Button type="primary" size="large" icon={<PrinterOutlined />} href={SLIP_PATHS.slip(d.id, 'receipt')} target="_blank" rel="noopener" data-testid="print-receipt">
              {s.receipt.printReceipt}
            </Button>
            <Button size="large" icon={<PrinterOutlined />} href={SLIP_PATHS.slip(d.id, 'control')} target="_blank" rel="noopener">
              {s.receipt.printControl}
            </Button>
            <Button size="large" icon={<FolderOpenOutlined />} onClick={() => navigate(dossierPath(d.id))}>
              {s.receipt.openDossier}
            </Button>
            <Button size="large" icon={<FileAddOutlined />} onClick={onNew}>
              {s.receipt.newDossier}
            </Button>
          </Flex>
        }
      >
        <Descriptions bordered column={1} size="middle" className="dossier-facts" styles={{ label: { width: 200 } }}>
          <Descriptions.Item label={s.common.code}>
            <Typography.Text copyable className="big-code" data-testid="dossier-code">
              {d.code}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={s.receipt.appointment}>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="appointment">
              {formatAppointment(d.appointmentAt, lang)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={s.common.status}>
            <StatusTag status={d.status} classification={d.classification} compact />
          </Descriptions.Item>
          {d.currentStep && (
            <Descriptions.Item label={s.common.currentStep}>
              {stepLabel(d.currentStep, lang)} — {d.currentStep.unit.name}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={s.common.receivedAt}>{formatDateTime(d.receivedAt, { seconds: false })}</Descriptions.Item>
        </Descriptions>
        {uploads && (
          <div style={{ marginTop: 16 }} aria-live="polite">
            <Progress percent={Math.round(((uploads.done + uploads.failures.length) / uploads.total) * 100)} status={uploads.failures.length ? 'exception' : undefined} />
            <Typography.Text type="secondary">{uploads.done + uploads.failures.length < uploads.total ? s.receipt.scansUploading : fmt(s.receipt.scansDone, { n: uploads.done })}</Typography.Text>
            {uploads.failures.map((f, i) => (
              <Alert key={i} type="error" showIcon title={fmt(s.receipt.scanFailed, { name: f.name, error: f.error })} style={{ marginTop: 8 }} />
            ))}
          </div>
        )}
      </Result>
    </Card>
  );
}

function Guidance({ guidance: g, onNew, onBack, heading }: { guidance: GuidanceDto; onNew(): void; onBack(): void; heading: React.RefObject<HTMLHeadingElement | null> }) {
  const { s, lang } = useStrings();
  return (
    <Card data-testid="receipt-guidance">
      <Result
        status="warning"
        style={{ padding: '16px 0' }}
        title={
          <Typography.Title level={2} ref={heading} tabIndex={-1} style={{ margin: 0, fontSize: 24, outline: 'none' }}>
            {s.receipt.guidanceTitle}
          </Typography.Title>
        }
        subTitle={s.receipt.guidanceSubtitle}
        extra={
          <Flex wrap gap={8} justify="center">
            <Button type="primary" size="large" icon={<PrinterOutlined />} href={SLIP_PATHS.guidance(g.id)} target="_blank" rel="noopener" data-testid="print-guidance">
              {s.receipt.printGuidance}
            </Button>
            <Button size="large" icon={<ArrowLeftOutlined />} onClick={onBack}>
              {s.receipt.backToForm}
            </Button>
            <Button size="large" icon={<FileAddOutlined />} onClick={onNew}>
              {s.receipt.newDossier}
            </Button>
          </Flex>
        }
      >
        <Typography.Title level={3} style={{ fontSize: 17 }}>
          {s.receipt.missing}
        </Typography.Title>
        <List
          bordered
          size="small"
          style={{ background: '#fff', marginBottom: 20 }}
          dataSource={g.missing}
          data-testid="missing-list"
          renderItem={(m) => (
            <List.Item>
              <Flex wrap gap={8} justify="space-between" style={{ width: '100%' }}>
                <span>{m.name}</span>
                <Tag>{`${labelOf(DOCUMENT_FORMS, m.form, lang)} × ${m.count}`}</Tag>
              </Flex>
            </List.Item>
          )}
        />
        <GuidanceSheet guidance={g} />
      </Result>
    </Card>
  );
}

/**
 * What the guidance slip says, shown on screen as a sheet so the official can go through it with the applicant
 * (the printed form is the server's PDF). An official Vietnamese document: its wording stays Vietnamese whatever
 * the interface language; the list is the server's text.
 */
function GuidanceSheet({ guidance: g }: { guidance: GuidanceDto }) {
  return (
    <div className="print-sheet" data-testid="guidance-sheet" lang="vi">
      <div className="sheet-head">
        <div style={{ textAlign: 'center' }}>
          <strong>{g.receptionUnit.name.toUpperCase()}</strong>
          <br />
          BỘ PHẬN MỘT CỬA
        </div>
        <div style={{ textAlign: 'center' }}>
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <br />
          <span style={{ textDecoration: 'underline' }}>Độc lập - Tự do - Hạnh phúc</span>
        </div>
      </div>
      <h2>Phiếu hướng dẫn bổ sung, hoàn thiện hồ sơ</h2>
      <pre>{g.text}</pre>
      <p style={{ textAlign: 'right', margin: '16px 0 0' }}>
        Ngày {new Intl.DateTimeFormat('vi-VN', { timeZone: VN_TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(g.createdAt))}
        {g.createdBy ? (
          <>
            <br />
            Cán bộ tiếp nhận: {g.createdBy.name}
          </>
        ) : null}
      </p>
    </div>
  );
}
