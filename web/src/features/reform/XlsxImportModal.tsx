import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { fmt, useStrings } from './strings.ts';
import { uploadWorkbook } from './upload.ts';

interface Props<T> {
  title: string;
  help: string;
  /** The import URL for a dry run or the real import; null while the form above is incomplete. */
  url: (dryRun: boolean) => string | null;
  /** How many rows a (dry-run) answer says will be imported. */
  rowsOf: (result: T) => number;
  children?: ReactNode;
  onClose(): void;
  onImported(result: T): void;
}

/** Check first (every bad cell listed with sheet, row and column), then import — all or nothing. */
export function XlsxImportModal<T>({ title, help, url, rowsOf, children, onClose, onImported }: Props<T>) {
  const { s } = useStrings();
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>();
  const { busy, run } = useSubmit(setError);
  const [checked, setChecked] = useState<T | null>(null);

  const upload = async (dryRun: boolean) => {
    const target = url(dryRun);
    if (!file || !target) return;
    const answered = await run(async () => {
      const r = await uploadWorkbook<T>(target, file);
      if (dryRun) setChecked(r);
      else onImported(r);
      return true;
    });
    if (!answered) setChecked(null);
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="check" onClick={() => void upload(true)} disabled={!file || !url(true)} loading={busy && !checked}>
          {s.common.check}
        </Button>,
        <Button key="run" type="primary" onClick={() => void upload(false)} disabled={!checked} loading={busy && !!checked}>
          {s.common.runImport}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{s.common.importAllOrNothing}</Typography.Paragraph>
      {children}
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
        <p className="ant-upload-text">{s.common.pickFile}</p>
      </Upload.Dragger>
      {error !== undefined && <ProblemAlert error={error} style={{ marginTop: 16 }} />}
      {checked !== null && <Alert type="success" showIcon style={{ marginTop: 16 }} title={fmt(s.common.importChecked, { count: rowsOf(checked) })} />}
    </Modal>
  );
}
