/**
 * Use cases of the OCR assist at the counter (AI assist A):
 * - `extractFromScan`: reads an uploaded scan (ID card, form) with tesseract and proposes the applicant's fields.
 *   Nothing is saved but one audit row `ocr.extract` (the file's SHA-256 and the names of the fields found — never
 *   their values); the counter officer checks the proposal and receives the dossier as usual.
 * - `findOpenDossiers`: the same applicant's dossiers of the same procedure that are not finished yet, to warn of a
 *   duplicate at receipt (a warning, never a refusal).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { sniffType } from '../../platform/files.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DOSSIER_STATUSES, type DossierStatus } from '../dossiers/dossiers.kinds.ts';
import { imageSize, MAX_PIXELS, type OcrEngine } from './ocr.engine.ts';
import { extractFields, FIELD_NAMES, REVIEW_BELOW, type ExtractedFields } from './ocr.fields.ts';
import { OCR_REFUSALS } from './ocr.messages.ts';
import { findDossiersOfApplicant } from './ocr.repository.ts';
import { joinPages, meanConfidence } from './ocr.text.ts';

export interface OcrDeps {
  database: Database;
  engine: OcrEngine;
  /** Largest accepted file in bytes (the scans' limit, UPLOAD_MAX_BYTES). */
  maxBytes: number;
}

/** A file read from the request, not yet checked. */
export interface OcrUpload {
  bytes: Uint8Array;
  fileName: string | null;
}

const msg = (vi: string, en: string, fr: string) => ({ vi, en, fr });

/** Type by magic bytes, size (bytes, and pixels of an image), with the scans' messages (platform/files.ts); nothing is stored. */
function checkScan(bytes: Uint8Array, maxBytes: number) {
  if (bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', { detail: 'empty file', fields: [{ field: 'file', code: 'empty', message: msg('Tệp rỗng', 'The file is empty', 'Le fichier est vide') }] });
  if (bytes.byteLength > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { detail: `file of ${bytes.byteLength} bytes exceeds ${maxBytes}`, params: { limit: maxBytes } });
  const mediaType = sniffType(bytes);
  if (!mediaType) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: 'only PDF, JPEG and PNG files are accepted', fields: [{ field: 'file', code: 'type', message: msg('Chỉ nhận tệp PDF, JPEG hoặc PNG', 'Only PDF, JPEG or PNG files are accepted', 'Seuls les fichiers PDF, JPEG ou PNG sont acceptés') }] });
  const size = mediaType === 'application/pdf' ? undefined : imageSize(bytes);
  if (size && size.width * size.height > MAX_PIXELS) {
    throw new AppError('PAYLOAD_TOO_LARGE', {
      detail: `image of ${size.width} × ${size.height} pixels exceeds ${MAX_PIXELS}`,
      params: { limit: MAX_PIXELS },
      fields: [{ field: 'file', code: 'too_many_pixels', message: msg(`Ảnh quá lớn (${size.width} × ${size.height} điểm ảnh); hãy quét ở 300 dpi`, `The image is too large (${size.width} × ${size.height} pixels); scan at 300 dpi`, `L’image est trop grande (${size.width} × ${size.height} pixels) ; numérisez à 300 dpi`) }],
    });
  }
  return mediaType;
}

/** The unit the audit row is filed under: the first unit where the caller receives dossiers. */
async function receivingUnit(ctx: Context): Promise<string | null> {
  const scope = await ctx.scope('dossiers.receive');
  return ctx.principal?.grants.find((g) => g.unitId && scope.covers(g.unitId))?.unitId ?? null;
}

/**
 * Reads a scan and proposes the applicant's fields (see ocr.fields.ts for each field and its review flag).
 * @throws FORBIDDEN (no dossiers.receive anywhere), VALIDATION_FAILED (empty), PAYLOAD_TOO_LARGE,
 *   UNSUPPORTED_MEDIA_TYPE, OcrError (OCR_UNAVAILABLE, OCR_BUSY, OCR_TIMEOUT, OCR_UNREADABLE).
 */
export async function extractFromScan(deps: OcrDeps, ctx: Context, upload: OcrUpload, now = new Date()) {
  const scope = await ctx.scope('dossiers.receive');
  if (!scope.all && scope.ids.size === 0) throw forbidden(OCR_REFUSALS.receiveRightNeeded);
  const mediaType = checkScan(upload.bytes, deps.maxBytes);
  const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
  const started = performance.now();
  const { pages } = await deps.engine.recognise(upload.bytes, mediaType);
  const text = joinPages(pages.flatMap((p) => (p.text ? [p.text] : [])));
  const fields: ExtractedFields = extractFields(text, now);
  const found = FIELD_NAMES.filter((f) => fields[f]);
  await deps.database.transaction(async (tx) => {
    await recordAudit(tx, ctx.actor, {
      action: 'ocr.extract',
      subjectType: 'scan',
      subjectId: sha256,
      unitId: await receivingUnit(ctx),
      after: { sha256, mediaType, sizeBytes: upload.bytes.byteLength, pages: pages.length, pagesRead: pages.filter((p) => p.text).length, fields: found, review: found.filter((f) => fields[f]!.review) },
    });
  });
  return {
    sha256,
    mediaType,
    sizeBytes: upload.bytes.byteLength,
    pages: pages.map((p) => ({ page: p.page, read: !!p.text, problem: p.problem, meanConfidence: p.text ? meanConfidence(p.text) : null })),
    text: text.text,
    reviewBelow: REVIEW_BELOW,
    fields,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Whether OCR can run here, for the receipt page (the button is hidden when it cannot). */
export async function ocrStatus(deps: OcrDeps) {
  return { ...(await deps.engine.status()), reviewBelow: REVIEW_BELOW };
}

/** Statuses of a dossier still being handled (DOSSIER_STATUSES[…].open): received, in process, waiting, paused. */
export const OPEN_STATUSES = (Object.keys(DOSSIER_STATUSES) as DossierStatus[]).filter((s) => DOSSIER_STATUSES[s].open);

/**
 * Open dossiers of the same applicant ID number under the same procedure that the caller may read (reception
 * point, competent authority or returning point in their dossiers.read scope): at most 20, newest first.
 */
export async function findOpenDossiers(deps: Pick<OcrDeps, 'database'>, ctx: Context, q: { procedureId: string; idNumber: string }) {
  const read = await ctx.scope('dossiers.read');
  const rows = await findDossiersOfApplicant(deps.database.db, { procedureId: q.procedureId, idNumber: q.idNumber, statuses: OPEN_STATUSES, unitIds: read.all ? null : [...read.ids], limit: 20 });
  return { items: rows.map((r) => ({ ...r, receivedAt: r.receivedAt.toISOString() })) };
}
