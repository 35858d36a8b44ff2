/**
 * The OCR module's refusals, as the platform's AppError (codes OCR_UNAVAILABLE, OCR_BUSY, OCR_TIMEOUT 503 and
 * OCR_UNREADABLE 422 in platform/errors.ts, titles in vi/en/fr in platform/messages.ts). OCR_BUSY carries
 * Retry-After: 5. The detail is a sentence of ocr.messages.ts when it tells the officer more than the title (which
 * file, what to do), or an English text for the log and API clients when the title says it all.
 */
import { AppError, type LocalizedText } from '../../platform/errors.ts';

export type OcrErrorCode = 'OCR_UNAVAILABLE' | 'OCR_BUSY' | 'OCR_TIMEOUT' | 'OCR_UNREADABLE';

export class OcrError extends AppError {
  declare readonly code: OcrErrorCode;
  constructor(code: OcrErrorCode, detail: string | LocalizedText, params: Record<string, string | number> = {}) {
    super(code, { detail, params, retryAfter: code === 'OCR_BUSY' ? 5 : undefined });
    this.name = 'OcrError';
  }
}
