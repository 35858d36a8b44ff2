import { ArrowLeftOutlined, FilePdfOutlined, PaperClipOutlined, ReloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Col, Descriptions, Flex, List, Result, Row, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { useApi } from '../../app/useApi.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { formatDuration, type DurationDto } from '../procedures/labels.ts';
import { OnlineFeeCard } from '../portal/OnlineFeeCard.tsx';
import { DossierActions } from './DossierActions.tsx';
import { RatingInviteButton } from '../satisfaction/RatingInviteButton.tsx';
import { DOSSIERS_API, DOSSIERS_PATH, SCAN_ACCEPT, SLIP_PATHS, slipsOf, uploadScan } from './dossierApi.ts';
import { AppointmentList, ClockList, ControlSlipTable, DossierTimeline, SupplementList } from './DossierHistory.tsx';
import {
  APPLICANT_KINDS,
  CHANNELS,
  DOCUMENT_FORMS,
  DOSSIER_STATUSES,
  formatAppointment,
  formatWorkingHours,
  labelOf,
  RETURN_METHODS,
  RULE_SETS,
  STEP_STATES,
  stepLabel,
  type ControlSlipDto,
  type DossierDetailDto,
  type DossierFilesDto,
  type DossierStepDto,
} from './labels.ts';
import { OutcomeTag, StatusTag } from './StatusTag.tsx';
import { fmt, useStrings } from './strings.ts';
import './dossiers.css';

type DocumentDto = DossierDetailDto['documents'][number];
const dt = (iso: string | null | undefined) => formatDateTime(iso, { seconds: false });

/**
 * /ho-so/:id: one dossier — code, status and deadline standing, appointment; applicant, documents, the workflow's
 * steps, the timeline with the control slip's hand-offs (on time / late), the clock ledger (pauses, extensions),
 * appointments and supplements; the actions the server allows the caller now; links to print each slip.
 * Opening the page is logged by the server (the applicant sees who opened the dossier).
 */
export default function DossierDetailPage() {
  const { id = '' } = useParams();
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const detail = useApi<DossierDetailDto>(`${DOSSIERS_API}/${id}`);
  const slip = useApi<ControlSlipDto>(`${DOSSIERS_API}/${id}/control-slip`);
  // The answer of a transition replaces what was read, without a second request.
  const [fresh, setFresh] = useState<DossierDetailDto | null>(null);
  useEffect(() => setFresh(null), [detail.data]);
  const d = fresh ?? detail.data;

  const reload = () => {
    detail.reload();
    slip.reload();
  };

  if (detail.error && !d) {
    return detail.error.status === 404 ? (
      <Result status="404" title={s.detail.notFound} extra={<Button onClick={() => navigate(DOSSIERS_PATH)}>{s.detail.back}</Button>} />
    ) : (
      <ProblemAlert error={detail.error} />
    );
  }
  if (!d) return <Loading minHeight={400} />;

  return (
    <>
      <PageHeader
        title={
          <span className="dossier-code" data-testid="detail-code">
            {d.code}
          </span>
        }
        intro={d.procedure.name}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(DOSSIERS_PATH)}>
              {s.detail.back}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={detail.loading}>
              {t('common.reload')}
            </Button>
          </>
        }
      />

      <Card style={{ marginBottom: 16 }} data-testid="dossier-header">
        <Flex wrap gap={16} justify="space-between" align="flex-start">
          <Flex vertical gap={8} style={{ minWidth: 0, flex: '1 1 360px' }}>
            <StatusTag status={d.status} classification={d.classification} />
            <Deadline dossier={d} />
          </Flex>
          <Flex vertical gap={4} style={{ flex: '0 1 320px' }}>
            <Typography.Text type="secondary">{s.common.appointment}</Typography.Text>
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="detail-appointment">
              {formatAppointment(d.appointmentAt, lang)}
            </Typography.Text>
          </Flex>
        </Flex>
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={2} style={{ fontSize: 16, marginBottom: 8 }}>
            {s.actions.title}
          </Typography.Title>
          <DossierActions
            dossier={d}
            onChanged={(next) => {
              setFresh(next);
              slip.reload();
            }}
            onReload={reload}
          />
          {d.status === 'returned' && <div style={{ marginTop: 8 }}><RatingInviteButton dossierId={d.id} /></div>}
        </div>
      </Card>

      <Row gutter={[16, 0]}>
        <Col xs={24} xl={15}>
          <Card title={s.detail.steps} style={{ marginBottom: 16 }}>
            <StepsView dossier={d} />
          </Card>
          <Card title={s.detail.timeline} style={{ marginBottom: 16 }}>
            <DossierTimeline dossier={d} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={s.detail.overview} style={{ marginBottom: 16 }}>
            <Overview dossier={d} />
          </Card>
          <Card title={s.common.applicant} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small" colon={false} className="dossier-facts" data-testid="applicant">
              <Descriptions.Item label={s.detail.applicantKind}>{labelOf(APPLICANT_KINDS, d.applicant.kind, lang)}</Descriptions.Item>
              <Descriptions.Item label={s.common.applicant}>
                <Typography.Text strong>{d.applicant.name}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={s.detail.idNumber}>{d.applicant.idNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={s.detail.phone}>{d.applicant.phone ? <a href={`tel:${d.applicant.phone}`}>{d.applicant.phone}</a> : '—'}</Descriptions.Item>
              <Descriptions.Item label={s.detail.email}>{d.applicant.email ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={s.detail.address}>{d.applicant.address ?? '—'}</Descriptions.Item>
              {d.applicant.representative && <Descriptions.Item label={s.detail.representative}>{d.applicant.representative}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {d.channel === 'online' && <OnlineFeeCard dossierId={d.id} />}
          <Card title={s.common.print} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={slipsOf(d)}
              data-testid="slip-links"
              renderItem={(kind) => (
                <List.Item>
                  <a href={SLIP_PATHS.slip(d.id, kind)} target="_blank" rel="noopener">
                    <FilePdfOutlined aria-hidden /> {s.detail.slips[kind]}
                  </a>
                </List.Item>
              )}
            />
          </Card>
          <Card title={s.detail.clock} style={{ marginBottom: 16 }}>
            <ClockList dossier={d} />
          </Card>
          <Card title={s.detail.appointments} style={{ marginBottom: 16 }}>
            <AppointmentList dossier={d} />
          </Card>
          {d.supplements.length > 0 && (
            <Card title={s.detail.supplements} style={{ marginBottom: 16 }}>
              <SupplementList dossier={d} />
            </Card>
          )}
        </Col>
      </Row>
      <Card title={s.detail.controlSlip} style={{ marginBottom: 16 }}>
        {slip.error ? <ProblemAlert error={slip.error} /> : <ControlSlipTable slip={slip.data} />}
      </Card>
      <Card title={s.detail.documents}>
        <DocumentsTable dossier={d} onUploaded={reload} />
      </Card>
    </>
  );
}

/** Due moment and the time left (working hours), or "paused", or how it finished. */
function Deadline({ dossier: d }: { dossier: DossierDetailDto }) {
  const { s, lang } = useStrings();
  if (d.classification.finished) {
    return (
      <Flex wrap gap={8} align="center">
        <Typography.Text>
          {s.detail.result}: {d.resultKind === 'refusal' ? s.detail.refusal : d.resultKind === 'granted' ? s.detail.granted : labelOf(DOSSIER_STATUSES, d.status, lang)}
        </Typography.Text>
        <OutcomeTag outcome={d.classification.outcome} />
        {d.finishedAt && <Typography.Text type="secondary">{dt(d.finishedAt)}</Typography.Text>}
      </Flex>
    );
  }
  const hours = (m: number) => formatWorkingHours(m, lang, s.common.workingHours);
  return (
    <Flex wrap gap={12} align="baseline">
      <span>
        {s.detail.legalDue}: <Typography.Text strong>{d.dueAt ? dt(d.dueAt) : '—'}</Typography.Text>
      </span>
      {!d.clockRunning ? (
        <Tag color="orange">{s.detail.paused}</Tag>
      ) : d.remainingMinutes >= 0 ? (
        <Typography.Text className={`tone-${d.classification.standing ?? 'on_track'}`}>{fmt(s.detail.left, { time: hours(d.remainingMinutes) })}</Typography.Text>
      ) : (
        <Typography.Text className="tone-overdue">{fmt(s.detail.overdueBy, { time: hours(d.remainingMinutes) })}</Typography.Text>
      )}
    </Flex>
  );
}

function Overview({ dossier: d }: { dossier: DossierDetailDto }) {
  const { s, lang } = useStrings();
  return (
    <Descriptions column={1} size="small" colon={false} className="dossier-facts" data-testid="overview">
      <Descriptions.Item label={s.detail.received}>
        {dt(d.receivedAt)}
        {d.timeline[0]?.actor ? ` · ${fmt(s.detail.receivedBy, { name: d.timeline[0].actor.name })}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={s.detail.channel}>{labelOf(CHANNELS, d.channel, lang)}</Descriptions.Item>
      <Descriptions.Item label={s.detail.statutoryTime}>{formatDuration(d.statutoryTime as DurationDto, lang, s.receipt.onTheSpot)}</Descriptions.Item>
      <Descriptions.Item label={s.detail.ruleSet}>{labelOf(RULE_SETS, d.ruleSet, lang)}</Descriptions.Item>
      <Descriptions.Item label={s.detail.receptionUnit}>{d.receptionUnit.name}</Descriptions.Item>
      <Descriptions.Item label={s.detail.competentUnit}>{d.competentUnit.name}</Descriptions.Item>
      <Descriptions.Item label={s.detail.returningUnit}>{d.returningUnit.name}</Descriptions.Item>
      <Descriptions.Item label={s.detail.digitised}>{d.digitised ? <Tag color="green">{s.detail.digitisedYes}</Tag> : <Tag>{s.detail.digitisedNo}</Tag>}</Descriptions.Item>
      {d.summary && <Descriptions.Item label={s.detail.summary}>{d.summary}</Descriptions.Item>}
      {d.note && <Descriptions.Item label={s.detail.note}>{d.note}</Descriptions.Item>}
      {d.returnedAt && (
        <Descriptions.Item label={s.detail.result}>{fmt(s.detail.returned, { date: dt(d.returnedAt), method: labelOf(RETURN_METHODS, d.returnMethod, lang) })}</Descriptions.Item>
      )}
      {d.notCollectedAt && <Descriptions.Item label={s.detail.result}>{fmt(s.detail.notCollected, { date: dt(d.notCollectedAt) })}</Descriptions.Item>}
    </Descriptions>
  );
}

/** The workflow: one step per line with its unit, official, due moment, and how it ended. */
function StepsView({ dossier: d }: { dossier: DossierDetailDto }) {
  const { s, lang } = useStrings();
  const status = (st: DossierStepDto): 'wait' | 'process' | 'finish' | 'error' => {
    if (st.state === 'done') return st.outcome === 'late' ? 'error' : 'finish';
    if (st.state === 'handed' || st.state === 'active') return 'process';
    return 'wait';
  };
  const current = d.steps.findIndex((x) => x.seq === d.currentStep?.seq);
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={current >= 0 ? current : d.steps.length}
      data-testid="dossier-steps"
      items={d.steps.map((st) => ({
        status: status(st),
        title: (
          <Flex wrap gap={6} align="center">
            <span>{`${st.seq}. ${stepLabel(st, lang)}`}</span>
            <Tag style={{ marginInlineEnd: 0 }}>{labelOf(STEP_STATES, st.state, lang)}</Tag>
            <OutcomeTag outcome={st.outcome} />
          </Flex>
        ),
        content: (
          <Flex vertical>
            <span>
              {st.unit.name} · {st.assignee?.name ?? s.common.unassigned}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
              {st.completedAt ? fmt(s.detail.stepDone, { date: dt(st.completedAt) }) : st.dueAt ? fmt(s.detail.stepDue, { date: dt(st.dueAt) }) : ''}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}

/** The received documents, whether each is digitised, the scans attached (to open), and a scan to attach. */
function DocumentsTable({ dossier: d, onUploaded }: { dossier: DossierDetailDto; onUploaded(): void }) {
  const { s, lang } = useStrings();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [error, setError] = useState<unknown>();
  const files = useApi<DossierFilesDto>(SLIP_PATHS.files(d.id));
  const mayDigitise = can('dossiers.receive') || can('dossiers.process');
  const filesOf = (documentId: string) => files.data?.documents.find((x) => x.id === documentId)?.files ?? [];
  return (
    <>
      {error ? <ProblemAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Table<DocumentDto>
        size="small"
        rowKey="id"
        dataSource={d.documents}
        pagination={false}
        scroll={{ x: 560 }}
        data-testid="dossier-documents"
        columns={[
          {
            title: s.detail.docName,
            key: 'name',
            render: (_: unknown, x: DocumentDto) => (
              <Flex vertical gap={2}>
                <span>{x.name}</span>
                {filesOf(x.id).map((f) => (
                  <a key={f.id} href={SLIP_PATHS.file(d.id, f.id)} target="_blank" rel="noopener" style={{ fontSize: 13 }}>
                    <PaperClipOutlined aria-hidden /> {f.fileName ?? f.sha256.slice(0, 12)}
                  </a>
                ))}
              </Flex>
            ),
          },
          { title: s.detail.docForm, key: 'form', width: 150, render: (_: unknown, x: DocumentDto) => <Tag>{labelOf(DOCUMENT_FORMS, x.form, lang)}</Tag> },
          { title: s.detail.docCopies, key: 'copies', width: 80, align: 'center' as const, render: (_: unknown, x: DocumentDto) => x.copies },
          {
            title: s.detail.docScan,
            key: 'scan',
            width: 170,
            render: (_: unknown, x: DocumentDto) => (
              <Flex vertical gap={4} align="flex-start">
                {!x.scanRequired ? <Typography.Text type="secondary">{s.detail.notRequired}</Typography.Text> : x.digitised ? <Tag color="green">{s.detail.scanned}</Tag> : <Tag color="orange">{s.detail.notScanned}</Tag>}
                {mayDigitise && x.scanRequired && (
                  <Upload
                    accept={SCAN_ACCEPT}
                    showUploadList={false}
                    customRequest={({ file, onSuccess, onError }) => {
                      setError(undefined);
                      uploadScan(d.id, x.id, file as File)
                        .then(() => {
                          onSuccess?.(null);
                          message.success(s.detail.scanned);
                          files.reload();
                          onUploaded();
                        })
                        .catch((err: unknown) => {
                          onError?.(err as Error);
                          setError(err);
                        });
                    }}
                  >
                    <Button size="small" icon={<PaperClipOutlined />}>
                      {s.receipt.attachScan}
                    </Button>
                  </Upload>
                )}
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
