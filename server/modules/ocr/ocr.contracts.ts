/**
 * Request and response shapes of the OCR assist routes (zod; kept in the module like documents.contracts.ts).
 *
 *   GET  /api/v1/ocr/status                 dossiers.receive  → 200 OcrStatus (is tesseract with Vietnamese installed)
 *   POST /api/v1/ocr/extract                dossiers.receive  multipart field `file` (PDF, JPEG, PNG by magic bytes,
 *                                           the scans' size limit) → 200 OcrExtraction, a proposal: nothing saved
 *                                           but the audit row `ocr.extract`; 503 OCR_UNAVAILABLE / OCR_BUSY /
 *                                           OCR_TIMEOUT, 422 OCR_UNREADABLE, 415, 413
 *   GET  /api/v1/assist/open-dossiers       dossiers.receive  ?procedureId=&idNumber= → 200 OpenDossiers: the same
 *                                           applicant's dossiers of that procedure not finished yet, in the caller's scope
 */
import { z } from 'zod';
import { Uuid } from '../../../contracts/common.ts';
import { REVIEW_REASONS } from './ocr.fields.ts';

export const OcrStatus = z.object({
  available: z.boolean(),
  pdf: z.boolean().describe('PDF scans can be read (pdftoppm is installed)'),
  version: z.string().nullable(),
  languages: z.array(z.string()),
  workers: z.number().int(),
  queueLimit: z.number().int(),
  pageTimeoutMs: z.number().int(),
  reviewBelow: z.number().describe('word confidence (0–100) below which a field is flagged for review'),
  reason: z.string().nullable(),
});

const ReviewReason = z.enum(Object.keys(REVIEW_REASONS) as [keyof typeof REVIEW_REASONS, ...Array<keyof typeof REVIEW_REASONS>]);
const field = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    confidence: z.number().nullable().describe('lowest tesseract word confidence of the value, 0–100'),
    review: z.boolean().describe('check this value against the paper: low confidence or a failed cross-check'),
    reasons: z.array(ReviewReason),
  });

export const ExtractedFields = z.object({
  idNumber: field(z.string()).extend({ kind: z.enum(['cccd', 'cmnd']) }).optional(),
  name: field(z.string()).optional(),
  dateOfBirth: field(z.string()).optional().describe('ISO date'),
  sex: field(z.enum(['male', 'female'])).optional(),
  address: field(z.string()).optional(),
  phone: field(z.string()).optional(),
  email: field(z.string()).optional(),
});

export const OcrExtraction = z.object({
  sha256: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  pages: z.array(z.object({ page: z.number().int(), read: z.boolean(), problem: z.enum(['timeout', 'failed']).nullable(), meanConfidence: z.number().nullable() })),
  /** The recognised text, for the official to compare; not stored. */
  text: z.string(),
  reviewBelow: z.number(),
  fields: ExtractedFields,
  durationMs: z.number().int(),
});

export const OpenDossiersQuery = z.strictObject({
  procedureId: Uuid,
  /** As on the receipt form (contracts/dossiers.ts): 6–20 letters or digits. */
  idNumber: z.string().trim().regex(/^[0-9A-Za-z]{6,20}$/, '6–20 letters or digits'),
});

export const OpenDossiers = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      code: z.string(),
      receivedAt: z.string(),
      status: z.string(),
      applicantName: z.string(),
    }),
  ),
});
