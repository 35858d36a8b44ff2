import { ScanOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Tooltip, Typography, Upload, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDate } from '../../i18n/format.ts';
import { SCAN_ACCEPT } from '../dossiers/dossierApi.ts';
import { extractFromScan, fetchOcrStatus, type OcrExtractionDto, type OcrStatusDto } from './ocrApi.ts';
import { fmt, useStrings } from './strings.ts';

/** Proposed fields → the receipt form's applicant fields. Date of birth and sex have no field: they are shown. */
const TARGETS = { name: ['applicant', 'name'], idNumber: ['applicant', 'idNumber'], phone: ['applicant', 'phone'], email: ['applicant', 'email'], address: ['applicant', 'address'] } as const;
type Target = keyof typeof TARGETS;

interface Outcome {
  filled: Target[];
  kept: Target[];
  reviewed: Target[];
  organisation: boolean;
  extraction: OcrExtractionDto;
}

/**
 * "Đọc thông tin từ bản quét" beside the applicant's fields of the receipt form: the official picks a scan, the
 * server reads it (POST /api/v1/ocr/extract) and the proposal fills the EMPTY applicant fields only; a field flagged
 * for review gets the warning "Kiểm tra lại" under it (a form warning: it goes away once the official edits the
 * field). Nothing is saved until the official receives the dossier as usual. Disabled, with the reason, when the
 * server has no OCR.
 */
export function OcrScanButton({ form }: { form: FormInstance }) {
  const { s } = useStrings();
  const [status, setStatus] = useState<OcrStatusDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // Starting a new receipt resets the form: the note about the previous scan goes with it.
  const name = Form.useWatch(['applicant', 'name'], form) as string | undefined;
  useEffect(() => {
    if (!name) setOutcome(null);
  }, [name]);

  useEffect(() => {
    let live = true;
    fetchOcrStatus()
      .then((st) => live && setStatus(st))
      .catch(() => live && setStatus(null));
    return () => {
      live = false;
    };
  }, []);

  const read = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setOutcome(null);
    try {
      const extraction = await extractFromScan(file);
      const organisation = form.getFieldValue(['applicant', 'kind']) === 'organisation';
      const o: Outcome = { filled: [], kept: [], reviewed: [], organisation, extraction };
      if (!organisation) {
        for (const key of Object.keys(TARGETS) as Target[]) {
          const f = extraction.fields[key];
          if (!f) continue;
          const path = [...TARGETS[key]];
          const current = form.getFieldValue(path) as string | undefined | null;
          if (current && String(current).trim()) {
            o.kept.push(key);
            continue;
          }
          form.setFields([{ name: path, value: f.value, touched: true, errors: [], warnings: f.review ? [s.review] : [] }]);
          o.filled.push(key);
          if (f.review) o.reviewed.push(key);
        }
      }
      setOutcome(o);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const unavailable = status !== null && !status.available;
  const f = outcome?.extraction.fields;
  const facts = [f?.dateOfBirth ? fmt(s.dateOfBirth, { date: formatDate(f.dateOfBirth.value) }) : null, f?.sex ? s[f.sex.value] : null].filter(Boolean).join(' · ');

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="ocr-assist">
      <Flex gap={8} align="center" wrap>
        <Upload accept={SCAN_ACCEPT} showUploadList={false} maxCount={1} disabled={busy || unavailable} beforeUpload={(file) => (void read(file), false)}>
          <Tooltip title={unavailable ? s.unavailable : s.hint}>
            <Button icon={<ScanOutlined />} loading={busy} disabled={unavailable} data-testid="ocr-read">
              {busy ? s.reading : s.readScan}
            </Button>
          </Tooltip>
        </Upload>
        {unavailable && (
          <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
            {s.unavailable}
          </Typography.Text>
        )}
      </Flex>
      {error ? <ProblemAlert error={error} /> : null}
      {outcome && (
        <Alert
          type={outcome.reviewed.length ? 'warning' : 'success'}
          showIcon
          data-testid="ocr-outcome"
          title={outcome.organisation ? s.notForOrganisation : outcome.filled.length ? fmt(s.filled, { n: outcome.filled.length }) : s.nothingFilled}
          description={
            <>
              {outcome.kept.length > 0 && <div>{fmt(s.kept, { fields: outcome.kept.map((k) => s.fieldNames[k]).join(', ') })}</div>}
              {outcome.organisation &&
                (Object.keys(TARGETS) as Target[]).map((k) => (f?.[k] ? <div key={k}>{`${s.fieldNames[k]}: ${f[k].value}`}</div> : null))}
              {outcome.reviewed.length > 0 && (
                <div data-testid="ocr-review-reasons">
                  {fmt(s.whyReview, { list: outcome.reviewed.map((k) => `${s.fieldNames[k]} (${f![k]!.reasons.map((r) => s.reasons[r]).join(', ')})`).join('; ') })}
                </div>
              )}
              {facts && <div>{fmt(s.alsoRead, { facts })}</div>}
            </>
          }
        />
      )}
    </Flex>
  );
}
