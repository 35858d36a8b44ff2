/**
 * Public face of the OCR assist module (đọc thông tin từ bản quét; cảnh báo hồ sơ trùng khi tiếp nhận).
 * `extractFields(textOnly(text))` proposes an applicant's fields from any recognised text; `createOcrEngine()` runs
 * tesseract in a bounded worker pool; `findOpenDossiers` lists an applicant's open dossiers under a procedure.
 */
export { extractFields, decodeCccd, REVIEW_BELOW, REVIEW_REASONS, FIELD_NAMES, type ExtractedFields, type ExtractedField, type FieldName } from './ocr.fields.ts';
export { textOnly, parseTsv, joinPages, type OcrText } from './ocr.text.ts';
export { createOcrEngine, ocrOptionsFromEnv, MAX_PAGES, type OcrEngine, type OcrOptions, type OcrStatus } from './ocr.engine.ts';
export { createPool, type OcrPool } from './ocr.pool.ts';
export { OcrError, type OcrErrorCode } from './ocr.errors.ts';
export { extractFromScan, findOpenDossiers, OPEN_STATUSES } from './ocr.service.ts';
