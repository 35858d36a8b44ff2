import { InboxOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Form, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import type { ProblemDto } from '../../app/types.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { ImportResultDto } from './labels.ts';
import { fmt, useStrings } from './strings.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const counts = (r: ImportResultDto) => ({ created: r.created, versioned: r.versioned, unchanged: r.unchanged });

/** Sends the workbook itself as the body (the API's import takes no JSON). */
async function uploadWorkbook(file: File, ownerUnitId: string, dryRun: boolean): Promise<ImportResultDto> {
  const res = await fetch(`/api/v1/procedures/import?ownerUnitId=${encodeURIComponent(ownerUnitId)}&dryRun=${dryRun}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': XLSX, accept: 'application/json', 'accept-language': currentLanguage() },
    body: file,
  });
  const json = await res.json().catch(() => undefined);
  if (res.ok) return json as ImportResultDto;
  throw new ApiError(res.status, json && typeof json === 'object' && 'title' in json ? (json as ProblemDto) : { type: 'about:blank', title: `HTTP ${res.status}`, status: res.status, code: 'UNEXPECTED' });
}

/** Check first (dry run: every bad cell listed with its sheet, row and column), then import, all or nothing. */
export function ImportModal({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const { s } = useStrings();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const { busy, run } = useSubmit(setError);
  const [checked, setChecked] = useState<ImportResultDto | null>(null);

  const upload = async (dryRun: boolean) => {
    if (!file || !unitId) return;
    const answered = await run(async () => {
      const r = await uploadWorkbook(file, unitId, dryRun);
      if (dryRun) setChecked(r);
      else {
        message.success(`${s.import.done}: ${fmt(s.import.summary, counts(r))}`);
        onImported();
      }
      return true;
    });
    if (!answered) setChecked(null);
  };

  return (
    <Modal
      open
      title={s.import.title}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="check" onClick={() => void upload(true)} disabled={!file || !unitId} loading={busy && !checked}>
          {s.import.check}
        </Button>,
        <Button key="run" type="primary" onClick={() => void upload(false)} disabled={!checked} loading={busy && !!checked}>
          {s.import.run}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{s.import.help}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={s.catalogue.owner} required htmlFor="import-unit">
          <UnitSelect
            id="import-unit"
            value={unitId}
            onChange={(v) => {
              setUnitId(v ?? undefined);
              setChecked(null);
            }}
          />
        </Form.Item>
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setChecked(null);
            setError(undefined);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setChecked(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{s.import.pick}</p>
        </Upload.Dragger>
      </Form>
      {error !== undefined && <ProblemAlert error={error} style={{ marginTop: 16 }} />}
      {checked && <Alert type="success" showIcon style={{ marginTop: 16 }} title={s.import.checked} description={fmt(s.import.summary, counts(checked))} />}
    </Modal>
  );
}
