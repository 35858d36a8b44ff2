import { InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Empty, Flex, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../app/api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { formatDuration, formatMoney, type DurationDto } from '../procedures/labels.ts';
import { fetchChecklist, receiveDossier, SCAN_ACCEPT, uploadScan } from './dossierApi.ts';
import { APPLICANT_KINDS, CHANNELS, DOCUMENT_FORMS, formatAppointment, labelOf, optionsOf, type ChecklistDto, type DossierDetailDto, type ReceiptResultDto } from './labels.ts';
import { ProcedurePicker } from './ProcedurePicker.tsx';
import { OcrScanButton } from '../ocr/OcrScanButton.tsx';
import { OpenDossiersAlert } from '../ocr/OpenDossiersAlert.tsx';
import { ReceiptOutcome, type ScanUploads } from './ReceiptOutcome.tsx';
import { fmt, useStrings } from './strings.ts';
import './dossiers.css';

interface DocLine {
  index: number;
  received: boolean;
  copies: number;
  note?: string;
}

interface FormValues {
  procedureId?: string;
  /** Where the dossier is received; the checklist's default (the officer's service centre) until chosen. */
  receptionUnitId?: string;
  channel: 'counter' | 'online' | 'post';
  documents: DocLine[];
  applicant: { kind: 'individual' | 'organisation'; name: string; idNumber?: string; phone?: string; email?: string; address?: string; representative?: string };
  summary?: string;
  note?: string;
}

const PHONE = /^(\+84|0)\d{8,10}$/;
const ID_NUMBER = /^[0-9A-Za-z]{6,20}$/;
const blank = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);
const INITIAL: Partial<FormValues> = { channel: 'counter', documents: [], applicant: { kind: 'individual', name: '' } };

/**
 * /ho-so/tiep-nhan: receipt at the counter. The official picks the procedure (accent-insensitive search), ticks the
 * documents received on the checklist of the version in force (form, copies, and a scan per document once the
 * upload is served), enters the applicant and the channel, and presses "Tiếp nhận". The server answers with the
 * dossier (code, appointment, receipt slip to print) or — when a required document is missing — refuses it with the
 * written list of what is missing (a guidance slip to print); never a silent acceptance.
 *
 * Each form session carries one Idempotency-Key: a double click or a retry after a lost answer gives one dossier.
 * A new key is drawn once the server has answered, so the next dossier is a new receipt.
 */
export default function ReceiptPage() {
  const { s, lang } = useStrings();
  const [form] = Form.useForm<FormValues>();
  const problem = useFormProblem(form);
  const [sessionKey, setSessionKey] = useState(newIdempotencyKey);
  const [checklist, setChecklist] = useState<ChecklistDto | null>(null);
  const [checklistError, setChecklistError] = useState<unknown>();
  const [checklistLoading, setChecklistLoading] = useState(false);
  const inFlight = useRef(false);
  const [result, setResult] = useState<ReceiptResultDto | null>(null);
  const [files, setFiles] = useState<Record<number, File[]>>({});
  const [uploads, setUploads] = useState<ScanUploads | null>(null);

  const procedureId = Form.useWatch('procedureId', form);
  const channel = Form.useWatch('channel', form) ?? 'counter';
  const receptionUnitId = Form.useWatch('receptionUnitId', form) as string | undefined;
  const docs = (Form.useWatch('documents', form) as DocLine[] | undefined) ?? [];
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'individual';
  const phone = Form.useWatch(['applicant', 'phone'], form) as string | undefined;
  const idNumber = Form.useWatch(['applicant', 'idNumber'], form) as string | undefined;
  const applicantName = Form.useWatch(['applicant', 'name'], form) as string | undefined;

  // The checklist of the version in force follows the procedure and the channel (online time limits may differ);
  // the ticks survive a change of channel, not a change of procedure.
  const lastVersion = useRef<string | null>(null);
  useEffect(() => {
    if (!procedureId) {
      setChecklist(null);
      lastVersion.current = null;
      form.setFieldValue('documents', []);
      return;
    }
    let live = true;
    setChecklistLoading(true);
    setChecklistError(undefined);
    fetchChecklist(procedureId, channel, receptionUnitId)
      .then((c) => {
        if (!live) return;
        if (!receptionUnitId) form.setFieldValue('receptionUnitId', c.receptionUnitId);
        if (c.procedureVersionId !== lastVersion.current) {
          form.setFieldValue('documents', c.documents.map((d) => ({ index: d.index, received: false, copies: d.count, note: '' })));
          setFiles({});
          lastVersion.current = c.procedureVersionId;
        }
        setChecklist(c);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setChecklist(null);
        setChecklistError(err);
      })
      .finally(() => {
        if (live) setChecklistLoading(false);
      });
    return () => {
      live = false;
    };
  }, [procedureId, channel, receptionUnitId, form]);

  const receivedCount = docs.filter((d) => d?.received).length;
  const total = checklist?.documents.length ?? 0;
  const missingCount = total - receivedCount;

  const uploadScans = async (dossier: DossierDetailDto) => {
    const jobs = Object.entries(files).flatMap(([index, list]) => {
      const doc = dossier.documents.find((d) => d.index === Number(index));
      return doc ? list.map((file) => ({ doc, file })) : [];
    });
    if (!jobs.length) return;
    const state: ScanUploads = { total: jobs.length, done: 0, failures: [] };
    setUploads({ ...state });
    for (const { doc, file } of jobs) {
      try {
        await uploadScan(dossier.id, doc.id, file);
        state.done++;
      } catch (err) {
        state.failures.push({ name: file.name, error: err instanceof Error ? err.message : String(err) });
      }
      setUploads({ ...state, failures: [...state.failures] });
    }
  };

  const submit = async (v: FormValues) => {
    if (!checklist || inFlight.current) return;
    inFlight.current = true;
    const key = sessionKey;
    await problem.run(async () => {
      const a = v.applicant;
      const body = {
        procedureId: v.procedureId,
        receptionUnitId: v.receptionUnitId ?? checklist.receptionUnitId,
        channel: v.channel,
        applicant: { kind: a.kind, name: a.name.trim(), idNumber: blank(a.idNumber), phone: blank(a.phone)?.replace(/[\s.]/g, '') ?? null, email: blank(a.email), address: blank(a.address), representative: blank(a.representative) },
        documents: (v.documents ?? []).map((d) => ({ index: d.index, received: !!d.received, ...(d.received ? { copies: d.copies } : {}), note: blank(d.note) })),
        summary: blank(v.summary),
        note: blank(v.note),
      };
      const r = await receiveDossier(body, key);
      // Answered: the next press is another receipt, under a new key.
      setSessionKey(newIdempotencyKey());
      setUploads(null);
      setResult(r);
      window.scrollTo({ top: 0 });
      if (r.outcome === 'received') void uploadScans(r.dossier);
    });
    inFlight.current = false; // run never rejects
  };

  const startOver = () => {
    form.resetFields();
    setChecklist(null);
    setFiles({});
    setUploads(null);
    setResult(null);
    lastVersion.current = null;
    problem.clear();
    window.scrollTo({ top: 0 });
  };

  const tickAll = () =>
    form.setFieldValue(
      'documents',
      docs.map((d) => ({ ...d, received: true })),
    );

  return (
    <>
      <PageHeader title={s.receipt.title} intro={result ? undefined : s.receipt.intro} />
      {result && (
        <ReceiptOutcome
          result={result}
          uploads={uploads}
          onNew={startOver}
          onBack={() => {
            setResult(null);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
      {/* The form stays mounted under a guidance answer, so "back" finds everything as it was. */}
      <div hidden={!!result}>
        <Form<FormValues> form={form} layout="vertical" initialValues={INITIAL} onFinish={(v) => void submit(v)} scrollToFirstError={{ block: 'center', focus: true }}>
          {problem.alert}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={s.receipt.stepProcedure} style={{ marginBottom: 16 }}>
                <Form.Item name="procedureId" label={s.receipt.procedure} rules={[{ required: true, message: s.receipt.procedurePlaceholder }]} style={{ marginBottom: checklist ? 12 : 0 }}>
                  <ProcedurePicker />
                </Form.Item>
                {checklistError ? <ProblemAlert error={checklistError} /> : null}
                {checklist && (
                  <Descriptions size="small" column={{ xs: 1, sm: 2 }} colon={false} className="dossier-facts" data-testid="checklist-facts">
                    <Descriptions.Item span={2} label={s.receipt.receptionPoint}>
                      {checklist.receptionPoints.length > 1 ? (
                        <Form.Item name="receptionUnitId" noStyle>
                          <Select aria-label={s.receipt.receptionPoint} style={{ minWidth: 280 }} options={checklist.receptionPoints.map((p) => ({ value: p.id, label: p.name }))} />
                        </Form.Item>
                      ) : (
                        (checklist.receptionPoints.find((p) => p.id === checklist.receptionUnitId)?.name ?? '—')
                      )}
                    </Descriptions.Item>
                    <Descriptions.Item label={s.receipt.processingTime}>{formatDuration(checklist.processingTime as DurationDto, lang, s.receipt.onTheSpot)}</Descriptions.Item>
                    <Descriptions.Item label={s.receipt.fees}>{checklist.fees.length === 0 || checklist.fees.every((f) => f.amount === 0) ? s.receipt.free : checklist.fees.map((f) => `${f.name}: ${formatMoney(f.amount)}`).join('; ')}</Descriptions.Item>
                    {checklist.appointmentPreview && (
                      <Descriptions.Item span={2} label={s.receipt.appointment}>
                        <Typography.Text strong>{fmt(s.receipt.appointmentPreview, { date: formatAppointment(checklist.appointmentPreview, lang) })}</Typography.Text>
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                )}
              </Card>

              <Card
                title={s.receipt.stepDocuments}
                extra={
                  checklist && checklist.documents.length > 0 ? (
                    <Button size="small" onClick={tickAll} disabled={missingCount === 0}>
                      {s.receipt.allReceived}
                    </Button>
                  ) : null
                }
                style={{ marginBottom: 16 }}
              >
                {checklistLoading && !checklist ? (
                  <Skeleton active paragraph={{ rows: 3 }} />
                ) : !checklist ? (
                  <Empty image={<InboxOutlined style={{ fontSize: 40, color: '#b0b8c4' }} />} description={s.receipt.chooseProcedureFirst} />
                ) : (
                  <fieldset style={{ border: 0, margin: 0, padding: 0 }} aria-describedby="checklist-count">
                    <legend className="sr-only">{s.receipt.stepDocuments}</legend>
                    <Typography.Paragraph id="checklist-count" aria-live="polite" data-testid="checklist-count" style={{ marginBottom: 8 }}>
                      <Typography.Text strong type={missingCount === 0 ? 'success' : undefined}>
                        {fmt(s.receipt.countReceived, { n: receivedCount, total })}
                      </Typography.Text>
                    </Typography.Paragraph>
                    <Form.List name="documents">
                      {(fields) => (
                        <Flex vertical gap={8}>
                          {fields.map((field, i) => {
                            const d = checklist.documents[i];
                            if (!d) return null;
                            const received = !!docs[i]?.received;
                            return (
                              <div key={field.key} className={`checklist-row${received ? ' received' : ''}`} data-testid="checklist-row">
                                <Form.Item name={[field.name, 'received']} valuePropName="checked" style={{ marginBottom: 6 }}>
                                  <Checkbox>
                                    <span>{d.name}</span>
                                  </Checkbox>
                                </Form.Item>
                                <Flex wrap gap={8} align="center" style={{ paddingInlineStart: 28 }}>
                                  <Tag color={d.form === 'original' ? 'blue' : d.form === 'presented' ? 'purple' : 'default'}>{labelOf(DOCUMENT_FORMS, d.form, lang)}</Tag>
                                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                                    {fmt(s.receipt.requiredCount, { count: d.count })}
                                  </Typography.Text>
                                  <Form.Item name={[field.name, 'copies']} label={s.receipt.copies} layout="horizontal" colon={false} style={{ marginBottom: 0 }}>
                                    <InputNumber min={0} max={50} size="small" style={{ width: 64 }} disabled={!received} />
                                  </Form.Item>
                                  {d.scanRequired && (
                                    <Upload
                                      accept={SCAN_ACCEPT}
                                      multiple
                                      fileList={(files[d.index] ?? []).map((f, n) => ({ uid: `${d.index}-${n}`, name: f.name, status: 'done' as const }))}
                                      beforeUpload={(file) => {
                                        setFiles((m) => ({ ...m, [d.index]: [...(m[d.index] ?? []), file] }));
                                        return false;
                                      }}
                                      onRemove={(f) => setFiles((m) => ({ ...m, [d.index]: (m[d.index] ?? []).filter((_, n) => `${d.index}-${n}` !== f.uid) }))}
                                    >
                                      <Button size="small" icon={<PaperClipOutlined />} disabled={!received}>
                                        {s.receipt.attachScan}
                                      </Button>
                                    </Upload>
                                  )}
                                  {!d.scanRequired && (
                                    <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
                                      {s.receipt.noScanNeeded}
                                    </Typography.Text>
                                  )}
                                </Flex>
                                <Form.Item name={[field.name, 'index']} hidden>
                                  <Input />
                                </Form.Item>
                              </div>
                            );
                          })}
                        </Flex>
                      )}
                    </Form.List>
                    <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
                      {s.receipt.scanHint}
                    </Typography.Paragraph>
                  </fieldset>
                )}
              </Card>
            </Col>

            <Col xs={24} xl={10}>
              <Card title={s.receipt.stepApplicant} style={{ marginBottom: 16 }}>
                <OcrScanButton form={form} />
                <Form.Item name={['applicant', 'kind']} label={s.receipt.kind}>
                  <Radio.Group optionType="button" buttonStyle="solid" options={optionsOf(APPLICANT_KINDS, lang)} />
                </Form.Item>
                <Form.Item name={['applicant', 'name']} label={kind === 'organisation' ? s.receipt.nameOrg : s.receipt.name} rules={[{ required: true, whitespace: true, message: kind === 'organisation' ? s.receipt.nameOrg : s.receipt.name }, { max: 300 }]}>
                  <Input size="large" autoComplete="off" />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name={['applicant', 'idNumber']} label={kind === 'organisation' ? s.receipt.idNumberOrg : s.receipt.idNumber} rules={[{ pattern: ID_NUMBER, message: s.receipt.idInvalid }]} normalize={(v: string) => v.replace(/\s/g, '')}>
                      <Input inputMode={kind === 'organisation' ? 'text' : 'numeric'} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={['applicant', 'phone']} label={s.receipt.phone} rules={[{ validator: (_, v?: string) => (!v || PHONE.test(v.replace(/[\s.]/g, '')) ? Promise.resolve() : Promise.reject(new Error(s.receipt.phoneInvalid))) }]}>
                      <Input type="tel" inputMode="tel" autoComplete="off" />
                    </Form.Item>
                  </Col>
                </Row>
                <OpenDossiersAlert procedureId={procedureId} idNumber={idNumber} />
                {blank(applicantName) && !blank(phone) && !blank(idNumber) && <Alert type="info" showIcon title={s.receipt.noTrackingWarning} style={{ marginBottom: 16 }} />}
                <Form.Item name={['applicant', 'email']} label={s.receipt.email} rules={[{ type: 'email', message: s.receipt.emailInvalid }]}>
                  <Input type="email" inputMode="email" autoComplete="off" />
                </Form.Item>
                <Form.Item name={['applicant', 'address']} label={s.receipt.address} rules={[{ max: 500 }]}>
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item name={['applicant', 'representative']} label={s.receipt.representative} rules={[{ max: 300 }]} style={{ marginBottom: 0 }}>
                  <Input autoComplete="off" />
                </Form.Item>
              </Card>

              <Card title={s.receipt.stepOther}>
                <Form.Item name="channel" label={s.receipt.channel}>
                  <Radio.Group options={optionsOf(CHANNELS, lang)} />
                </Form.Item>
                <Form.Item name="summary" label={s.receipt.summary} rules={[{ max: 1000 }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
                </Form.Item>
                <Form.Item name="note" label={s.receipt.internalNote} rules={[{ max: 2000 }]} style={{ marginBottom: 0 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                </Form.Item>
              </Card>
            </Col>
          </Row>

          <div className="receipt-submit-bar">
            <Flex justify="space-between" align="center" wrap gap={12}>
              <div style={{ flex: '1 1 300px', minWidth: 0 }}>
                {checklist && missingCount > 0 ? (
                  <Typography.Text type="warning" data-testid="missing-warning">
                    {fmt(s.receipt.missingWarning, { n: missingCount })}
                  </Typography.Text>
                ) : checklist ? (
                  <Typography.Text type="success">{fmt(s.receipt.countReceived, { n: receivedCount, total })}</Typography.Text>
                ) : null}
              </div>
              <Button type="primary" size="large" loading={problem.busy} disabled={!checklist} onClick={() => form.submit()} style={{ minWidth: 180 }} data-testid="receive-submit">
                {problem.busy ? s.receipt.submitting : s.receipt.submit}
              </Button>
            </Flex>
          </div>
        </Form>
      </div>
    </>
  );
}
