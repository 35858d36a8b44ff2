/**
 * The OCR module's refusals, as the platform's AppError (codes OCR_UNAVAILABLE, OCR_BUSY, OCR_TIMEOUT 503 and
 * OCR_UNREADABLE 422 in platform/errors.ts, titles in vi/en/fr in platform/messages.ts). OCR_BUSY carries
 * Retry-After: 5.
 */
import { AppError } from '../../platform/errors.ts';

export type OcrErrorCode = 'OCR_UNAVAILABLE' | 'OCR_BUSY' | 'OCR_TIMEOUT' | 'OCR_UNREADABLE';

export class OcrError extends AppError {
  declare readonly code: OcrErrorCode;
  constructor(code: OcrErrorCode, detail: string) {
    super(code, { detail, retryAfter: code === 'OCR_BUSY' ? 5 : undefined });
    this.name = 'OcrError';
  }
}
