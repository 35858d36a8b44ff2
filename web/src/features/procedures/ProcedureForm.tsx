import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { UNIT_KIND_VALUES, type UnitDto } from '../../app/types.ts';
import { useApi } from '../../app/useApi.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { useUnitKinds } from '../../components/useUnitKinds.ts';
import { todayVn } from '../../i18n/format.ts';
import { AUTHORITY_LEVELS, DOCUMENT_FORMS, ONLINE_LEVELS, optionsOf, PROCEDURE_FIELDS, PROCEDURE_STATUSES, STEP_KINDS, STEP_ROLES, TIME_UNITS, type ProcedureDetailDto } from './labels.ts';
import { fmt, useStrings } from './strings.ts';

interface Values {
  ownerUnitId?: string;
  code?: string;
  nationalCode?: string;
  nationalCodeUnconfirmed: boolean;
  name: string;
  nameEn?: string;
  nameFr?: string;
  field: string;
  authorityLevel: string;
  implementingUnitIds: string[];
  legalBases?: string;
  decisionRef?: string;
  timeValue: number;
  timeUnit: string;
  onlineValue?: number | null;
  onlineUnit?: string;
  onlineLevel: string;
  resultType: string;
  resultDigitised: boolean;
  status: string;
  documents: Array<{ name: string; form: string; count: number; templateFile?: string; note?: string }>;
  fees: Array<{ name: string; amount: number; note?: string }>;
  steps: Array<{ kind: string; name?: string; role: string; unitKind: string; sharePercent: number }>;
  effectiveFrom?: string;
  changeNote?: string;
}

const orNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** The content the API speaks, from the form. */
function contentOf(v: Values) {
  return {
    nationalCode: orNull(v.nationalCode),
    nationalCodeUnconfirmed: !!v.nationalCodeUnconfirmed,
    name: v.name.trim(),
    nameEn: orNull(v.nameEn),
    nameFr: orNull(v.nameFr),
    field: v.field,
    authorityLevel: v.authorityLevel,
    implementingUnitIds: v.implementingUnitIds ?? [],
    legalBases: (v.legalBases ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    decisionRef: orNull(v.decisionRef),
    processingTime: { value: Number(v.timeValue), unit: v.timeUnit },
    processingTimeOnline: v.onlineValue === null || v.onlineValue === undefined ? null : { value: Number(v.onlineValue), unit: v.onlineUnit ?? v.timeUnit },
    steps: (v.steps ?? []).map((st) => ({ kind: st.kind, name: orNull(st.name), role: st.role, unitKind: st.unitKind, sharePercent: Number(st.sharePercent) })),
    documents: (v.documents ?? []).map((d) => ({ name: d.name.trim(), form: d.form, count: Number(d.count), templateFile: orNull(d.templateFile), note: orNull(d.note) })),
    fees: (v.fees ?? []).map((f) => ({ name: f.name.trim(), amount: Number(f.amount), note: orNull(f.note) })),
    onlineLevel: v.onlineLevel,
    resultType: v.resultType.trim(),
    resultDigitised: !!v.resultDigitised,
    status: v.status,
  };
}
type Content = ReturnType<typeof contentOf>;

/** The form's values from a loaded procedure. */
function valuesOf(p: ProcedureDetailDto): Values {
  return {
    nationalCode: p.nationalCode ?? undefined,
    nationalCodeUnconfirmed: p.nationalCodeUnconfirmed,
    name: p.name,
    nameEn: p.nameEn ?? undefined,
    nameFr: p.nameFr ?? undefined,
    field: p.field,
    authorityLevel: p.authorityLevel,
    implementingUnitIds: p.implementingUnitIds,
    legalBases: p.legalBases.join('\n'),
    decisionRef: p.decisionRef ?? undefined,
    timeValue: p.processingTime.value,
    timeUnit: p.processingTime.unit,
    onlineValue: p.processingTimeOnline?.value ?? null,
    onlineUnit: p.processingTimeOnline?.unit,
    onlineLevel: p.onlineLevel,
    resultType: p.resultType,
    resultDigitised: p.resultDigitised,
    status: p.status,
    documents: p.documents.map((d) => ({ ...d, templateFile: d.templateFile ?? undefined, note: d.note ?? undefined })),
    fees: p.fees.map((f) => ({ ...f, note: f.note ?? undefined })),
    steps: p.steps.map((st) => ({ ...st, name: st.name ?? undefined })),
    effectiveFrom: todayVn(),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Props {
  /** The procedure to change (a new version), or undefined to create one. */
  procedure?: ProcedureDetailDto;
  onClose(): void;
  onSaved(p: ProcedureDetailDto): void;
}

/**
 * Creates a procedure, or changes one: a change sends only the fields that differ from the version shown, with
 * the version number read (409 if someone changed it meanwhile) and the date the new version applies from.
 */
export function ProcedureFormModal({ procedure, onClose, onSaved }: Props) {
  const { s, lang } = useStrings();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { label: kindLabel } = useUnitKinds();
  const [form] = Form.useForm<Values>();
  const problem = useFormProblem(form);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const units = useApi<UnitDto[]>('/api/v1/units', { all: 'true' });
  const unitOptions = useMemo(() => (units.data ?? []).map((u) => ({ value: u.id, label: u.validTo ? `${u.name} (→ ${u.validTo})` : u.name })), [units.data]);
  const editing = !!procedure;
  const req = [{ required: true, message: t('common.required') }];

  const submit = (v: Values) =>
    problem.run(async () => {
      const content = contentOf(v);
      if (!procedure) {
        const created = await api.post<ProcedureDetailDto>('/api/v1/procedures', { ...content, ownerUnitId: v.ownerUnitId, code: v.code?.trim(), effectiveFrom: v.effectiveFrom ?? todayVn(), changeNote: orNull(v.changeNote) }, { 'idempotency-key': idempotencyKey });
        message.success(s.form.created);
        onSaved(created);
        return;
      }
      const before = contentOf(valuesOf(procedure));
      const changed = Object.fromEntries(Object.entries(content).filter(([k, val]) => !same(val, before[k as keyof Content])));
      if (Object.keys(changed).length === 0) {
        message.info(s.form.nothingChanged);
        return;
      }
      const saved = await api.patch<ProcedureDetailDto>(`/api/v1/procedures/${procedure.id}`, { ...changed, version: procedure.version, effectiveFrom: v.effectiveFrom ?? todayVn(), changeNote: orNull(v.changeNote) });
      message.success(fmt(s.form.versioned, { no: saved.versionNo }));
      onSaved(saved);
    });

  const initial: Partial<Values> = procedure
    ? valuesOf(procedure)
    : { nationalCodeUnconfirmed: false, authorityLevel: 'commune', timeUnit: 'working_day', onlineLevel: 'partial', status: 'active', resultDigitised: false, documents: [{ name: '', form: 'original', count: 1 }], fees: [], steps: [], effectiveFrom: todayVn() };

  return (
    <Modal open title={editing ? s.form.editTitle : s.form.createTitle} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={problem.busy} width={980} destroyOnHidden mask={{ closable: false }}>
      {problem.alert}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Row gutter={16}>
          {!editing && (
            <>
              <Col xs={24} md={12}>
                <Form.Item name="ownerUnitId" label={s.catalogue.owner} rules={req}>
                  <UnitSelect />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="code" label={s.detail.localCode} rules={req}>
                  <Input maxLength={60} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={16}>
            <Form.Item name="name" label={s.catalogue.name} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nationalCode" label={s.detail.nationalCode} extra="d.dddddd">
              <Input maxLength={8} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nameEn" label={s.form.nameEn}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nameFr" label={s.form.nameFr}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="nationalCodeUnconfirmed" valuePropName="checked" label=" ">
              <Checkbox>{s.form.unconfirmed}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="field" label={s.catalogue.field} rules={req}>
              <Select options={optionsOf(PROCEDURE_FIELDS, lang)} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="authorityLevel" label={s.catalogue.level} rules={req}>
              <Select options={optionsOf(AUTHORITY_LEVELS, lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="status" label={s.catalogue.status} rules={req}>
              <Select options={optionsOf(PROCEDURE_STATUSES, lang)} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="implementingUnitIds" label={s.detail.implementing} rules={req}>
              <Select mode="multiple" options={unitOptions} loading={units.loading} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="timeValue" label={s.form.timeValue} rules={req}>
              <InputNumber min={0} max={1000} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="timeUnit" label={s.form.timeUnit} rules={req}>
              <Select options={optionsOf(TIME_UNITS, lang)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="onlineValue" label={s.form.onlineTime}>
              <InputNumber min={0} max={1000} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="onlineUnit" label={s.form.timeUnit}>
              <Select allowClear options={optionsOf(TIME_UNITS, lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item name="onlineLevel" label={s.catalogue.online} rules={req}>
              <Select options={optionsOf(ONLINE_LEVELS, lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="resultType" label={s.detail.result} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="resultDigitised" valuePropName="checked" label=" ">
              <Checkbox>{s.detail.digitised}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="legalBases" label={s.detail.legalBases} extra={s.form.legalBasesHelp}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="decisionRef" label={s.detail.decision}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>

        <Card size="small" title={s.detail.documents} style={{ marginBottom: 16 }}>
          <Form.List name="documents">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="top">
                    <Col xs={24} md={9}>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('common.required') }]} aria-label={s.detail.docName}>
                        <Input placeholder={s.detail.docName} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[f.name, 'form']} rules={req}>
                        <Select options={optionsOf(DOCUMENT_FORMS, lang)} aria-label={s.detail.docForm} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={2}>
                      <Form.Item name={[f.name, 'count']} rules={req}>
                        <InputNumber min={1} max={50} aria-label={s.detail.docCount} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={18} md={4}>
                      <Form.Item name={[f.name, 'templateFile']}>
                        <Input placeholder={s.detail.template} />
                      </Form.Item>
                    </Col>
                    <Col xs={18} md={3}>
                      <Form.Item name={[f.name, 'note']}>
                        <Input placeholder={s.detail.note} />
                      </Form.Item>
                    </Col>
                    <Col xs={6} md={1}>
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="−" />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', form: 'original', count: 1 })}>
                  {s.form.addDocument}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={s.catalogue.fees} style={{ marginBottom: 16 }}>
          <Form.List name="fees">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8}>
                    <Col xs={24} md={10}>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                        <Input placeholder={s.detail.feeName} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={5}>
                      <Form.Item name={[f.name, 'amount']} rules={req}>
                        <InputNumber min={0} step={1000} precision={0} addonAfter="đ" style={{ width: '100%' }} aria-label={s.detail.amount} />
                      </Form.Item>
                    </Col>
                    <Col xs={10} md={8}>
                      <Form.Item name={[f.name, 'note']}>
                        <Input placeholder={s.detail.note} />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={1}>
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="−" />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', amount: 0 })}>
                  {s.form.addFee}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={s.detail.steps} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{s.form.sharesHelp}</Typography.Paragraph>
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8}>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'kind']} rules={req}>
                        <Select options={optionsOf(STEP_KINDS, lang)} aria-label={s.detail.steps} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[f.name, 'name']}>
                        <Input placeholder={s.form.stepName} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[f.name, 'role']} rules={req}>
                        <Select options={optionsOf(STEP_ROLES, lang)} aria-label={s.detail.stepRole} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[f.name, 'unitKind']} rules={req}>
                        <Select options={UNIT_KIND_VALUES.map((k) => ({ value: k, label: kindLabel(k) }))} aria-label={s.detail.stepUnit} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={3}>
                      <Form.Item name={[f.name, 'sharePercent']} rules={req}>
                        <InputNumber min={0} max={100} addonAfter="%" style={{ width: '100%' }} aria-label={s.detail.stepShare} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={1}>
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="−" />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'receive', role: 'counter_officer', unitKind: 'service_center', sharePercent: 10 })}>
                  {s.form.addStep}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="effectiveFrom" label={s.form.effectiveFrom} rules={req}>
              <IsoDatePicker style={{ width: '100%' }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="changeNote" label={s.form.changeNote}>
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
