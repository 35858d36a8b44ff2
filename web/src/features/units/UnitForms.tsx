import { App as AntApp, Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../app/api.ts';
import { ALLOWED_PARENTS, UNIT_KIND_VALUES, type UnitDto, type UnitKind } from '../../app/types.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { useUnitKinds } from '../../components/useUnitKinds.ts';

const orNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

interface EditValues {
  name: string;
  code?: string | null;
  adminCode?: string | null;
  validTo?: string | null;
  notes?: string | null;
  unconfirmed: boolean;
}

/** Corrects a unit (PATCH with the version read, so a concurrent edit is refused rather than overwritten). */
export function EditUnitModal({ unit, onClose, onSaved }: { unit: UnitDto; onClose(): void; onSaved(u: UnitDto): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EditValues>();
  const problem = useFormProblem(form);

  const submit = (v: EditValues) =>
    problem.run(async () => {
      const saved = await api.patch<UnitDto>(`/api/v1/units/${unit.id}`, {
        version: unit.version,
        name: v.name.trim(),
        code: orNull(v.code),
        adminCode: orNull(v.adminCode),
        validTo: v.validTo ?? null,
        notes: orNull(v.notes),
        unconfirmed: v.unconfirmed,
      });
      message.success(t('units.updated'));
      onSaved(saved);
    });

  return (
    <Modal open title={t('units.editTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={problem.busy} destroyOnHidden mask={{ closable: false }}>
      {problem.alert}
      <Form<EditValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ name: unit.name, code: unit.code, adminCode: unit.adminCode, validTo: unit.validTo, notes: unit.notes, unconfirmed: unit.unconfirmed }}
      >
        <UnitCommonFields />
        <Form.Item name="validTo" label={t('units.validTo')} extra={t('units.validToHelp')}>
          <IsoDatePicker style={{ width: 200 }} placeholder={t('common.dateFormatHint')} />
        </Form.Item>
        <Form.Item name="notes" label={t('units.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="unconfirmed" valuePropName="checked" extra={t('units.unconfirmedHelp')}>
          <Checkbox>{t('units.unconfirmedField')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Name, code and administrative code: the same inputs when creating and correcting. */
function UnitCommonFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t('units.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={200} autoFocus />
      </Form.Item>
      <Form.Item name="code" label={`${t('units.code')} ${t('common.optional')}`}>
        <Input maxLength={40} spellCheck={false} />
      </Form.Item>
      <Form.Item name="adminCode" label={`${t('units.adminCode')} ${t('common.optional')}`} extra={t('units.adminCodeHelp')}>
        <Input maxLength={5} inputMode="numeric" style={{ width: 160 }} />
      </Form.Item>
    </>
  );
}

interface CreateValues {
  name: string;
  kind: UnitKind;
  code?: string | null;
  adminCode?: string | null;
  validFrom: string;
  validTo?: string | null;
  notes?: string | null;
}

/** Creates a unit under `parent`; offers only the kinds allowed under the parent's kind. */
export function CreateUnitModal({ parent, defaultFrom, onClose, onCreated }: { parent: UnitDto; defaultFrom: string; onClose(): void; onCreated(u: UnitDto): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { label: kindLabel } = useUnitKinds();
  const [form] = Form.useForm<CreateValues>();
  const problem = useFormProblem(form);
  // One key per opening of the form: a retry after a lost answer cannot create the unit twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const kinds = useMemo(() => UNIT_KIND_VALUES.filter((k) => ALLOWED_PARENTS[k].includes(parent.kind)), [parent.kind]);
  const validFrom = defaultFrom < parent.validFrom ? parent.validFrom : defaultFrom;

  const submit = (v: CreateValues) =>
    problem.run(async () => {
      const created = await api.post<UnitDto>(
        '/api/v1/units',
        {
          name: v.name.trim(),
          kind: v.kind,
          parentId: parent.id,
          code: orNull(v.code),
          adminCode: orNull(v.adminCode),
          validFrom: v.validFrom,
          validTo: v.validTo ?? null,
          notes: orNull(v.notes),
        },
        { 'idempotency-key': idempotencyKey },
      );
      message.success(t('units.created', { name: created.name }));
      onCreated(created);
    });

  return (
    <Modal
      open
      title={t('units.createChildTitle', { parent: parent.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: kinds.length === 0 }}
      confirmLoading={problem.busy}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {kinds.length === 0 && <Alert type="info" showIcon title={t('units.noKindAllowed')} style={{ marginBottom: 16 }} />}
      {problem.alert}
      <Form<CreateValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: kinds.length === 1 ? kinds[0] : undefined, validFrom, validTo: parent.validTo }}>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true, message: t('common.requiredSelect') }]}>
          <Select options={kinds.map((k) => ({ value: k, label: kindLabel(k) }))} />
        </Form.Item>
        <UnitCommonFields />
        <Form.Item name="validFrom" label={t('units.validFrom')} rules={[{ required: true, message: t('common.required') }]}>
          <IsoDatePicker style={{ width: 200 }} allowClear={false} placeholder={t('common.dateFormatHint')} />
        </Form.Item>
        <Form.Item name="validTo" label={`${t('units.validTo')} ${t('common.optional')}`} extra={t('units.validToHelp')}>
          <IsoDatePicker style={{ width: 200 }} placeholder={t('common.dateFormatHint')} />
        </Form.Item>
        <Form.Item name="notes" label={`${t('units.notes')} ${t('common.optional')}`}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
