import { InboxOutlined } from '@ant-design/icons';
import { App as AntApp, Form, Input, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import type { ProblemDto } from '../../app/types.ts';
import { useFormProblem } from '../../components/useFormProblem.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { XLSX_MIME, type ImportResultDto } from './calendarTypes.ts';

/** Sends a workbook as the request body (the API takes the .xlsx itself, not a multipart form). */
async function postWorkbook(url: string, file: File): Promise<ImportResultDto> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': XLSX_MIME, accept: 'application/json', 'accept-language': currentLanguage() },
    body: file,
  });
  const json = (await res.json().catch(() => undefined)) as unknown;
  if (res.ok) return json as ImportResultDto;
  const problem = json && typeof json === 'object' && 'title' in json ? (json as ProblemDto) : { type: 'about:blank', title: res.statusText, status: res.status, code: 'UNEXPECTED' };
  throw new ApiError(res.status, problem);
}

/** Imports a year's announced days off and make-up days from Excel into the shown calendar, all or nothing. */
export function ImportModal({ year, unitId, onClose, onDone }: { year: number; unitId: string | null; onClose(): void; onDone(r: ImportResultDto): void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ changeReason: string }>();
  const problem = useFormProblem(form);
  const [file, setFile] = useState<File | null>(null);

  const submit = async ({ changeReason }: { changeReason: string }) => {
    if (!file) return;
    await problem.run(async () => {
      const q = new URLSearchParams({ changeReason: changeReason.trim(), ...(unitId ? { unitId } : {}) });
      const r = await postWorkbook(`/api/v1/calendar/years/${year}/import.xlsx?${q}`, file);
      message.success(t('calendar.importDone', { daysOff: r.daysOff, makeUp: r.makeUpWorkingDays, version: r.calendarVersion }));
      onDone(r);
    });
  };

  return (
    <Modal open title={t('calendar.importTitle', { year })} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ disabled: !file }} okText={t('calendar.importExcel')} cancelText={t('common.cancel')} confirmLoading={problem.busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('calendar.importHelp')}</Typography.Paragraph>
      {problem.alert}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('calendar.importFile')} required>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{file ? file.name : t('calendar.importFile')}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item name="changeReason" label={t('calendar.changeReason')} extra={t('calendar.changeReasonHelp')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
