/**
 * The OCR module's own refusals. The platform's closed list of error codes (platform/errors.ts) has no 503, so
 * these are sent here as RFC 9457 problem+json of the same shape as http/problem.ts (type, title in the caller's
 * language, status, code, detail, instance, requestId).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pickLang } from '../../platform/messages.ts';

export const OCR_ERRORS = {
  /** tesseract (or its Vietnamese data, or pdftoppm for a PDF) is not installed on the server. 503 */
  OCR_UNAVAILABLE: {
    status: 503,
    vi: 'Chức năng đọc bản quét chưa sẵn sàng trên máy chủ (chưa cài tesseract-ocr, tesseract-ocr-vie); vui lòng nhập tay',
    en: 'Reading scans is not available on this server (tesseract-ocr and tesseract-ocr-vie are not installed); please type the details',
    fr: 'La lecture des scans n’est pas disponible sur ce serveur (tesseract-ocr et tesseract-ocr-vie ne sont pas installés) ; saisissez les informations',
  },
  /** Every OCR worker is busy and the queue is full. 503 with Retry-After */
  OCR_BUSY: {
    status: 503,
    vi: 'Máy chủ đang đọc nhiều bản quét; vui lòng thử lại sau ít giây',
    en: 'The server is reading many scans; please try again in a few seconds',
    fr: 'Le serveur lit de nombreux scans ; réessayez dans quelques secondes',
  },
  /** No page could be read within the time limit per page. 503 */
  OCR_TIMEOUT: {
    status: 503,
    vi: 'Đọc bản quét quá thời gian cho phép; thử lại với bản quét rõ hơn hoặc ít trang hơn',
    en: 'Reading the scan took too long; try again with a clearer scan or fewer pages',
    fr: 'La lecture du scan a pris trop de temps ; réessayez avec un scan plus net ou moins de pages',
  },
  /** The file has the right type but no page could be rendered or read (damaged PDF or image). 422 */
  OCR_UNREADABLE: {
    status: 422,
    vi: 'Không đọc được tệp này (tệp hỏng hoặc không có trang nào)',
    en: 'This file could not be read (damaged, or without any page)',
    fr: 'Ce fichier n’a pas pu être lu (endommagé ou sans page)',
  },
} as const;
export type OcrErrorCode = keyof typeof OCR_ERRORS;

export class OcrError extends Error {
  readonly code: OcrErrorCode;
  readonly status: number;
  constructor(code: OcrErrorCode, detail: string) {
    super(detail);
    this.name = 'OcrError';
    this.code = code;
    this.status = OCR_ERRORS[code].status;
  }
}

/** Sends an OcrError as problem+json in the request's language (Retry-After: 5 when busy). */
export function sendOcrProblem(request: FastifyRequest, reply: FastifyReply, err: OcrError) {
  const lang = pickLang(request.headers['accept-language']);
  request.log.info({ code: err.code, detail: err.message }, 'ocr refused');
  if (err.code === 'OCR_BUSY') reply.header('retry-after', '5');
  return reply
    .code(err.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('content-language', lang)
    .send({
      type: `https://motcua.vn/problems/${err.code.toLowerCase().replace(/_/g, '-')}`,
      title: OCR_ERRORS[err.code][lang],
      status: err.status,
      code: err.code,
      detail: err.message,
      instance: request.url.split('?')[0],
      requestId: request.id,
    });
}
