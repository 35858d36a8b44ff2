/** Calls of the OCR assist (server/modules/ocr): status, reading a scan, the applicant's open dossiers. */
import type { z } from 'zod';
import { api, ApiError } from '../../app/api.ts';
import type { ProblemDto } from '../../app/types.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { OcrExtraction, OcrStatus, OpenDossiers } from '../../../../server/modules/ocr/ocr.contracts.ts';

export type OcrStatusDto = z.infer<typeof OcrStatus>;
export type OcrExtractionDto = z.infer<typeof OcrExtraction>;
export type OpenDossiersDto = z.infer<typeof OpenDossiers>;

export const fetchOcrStatus = () => api.get<OcrStatusDto>('/api/v1/ocr/status');

export const fetchOpenDossiers = (procedureId: string, idNumber: string, signal?: AbortSignal) => api.get<OpenDossiersDto>('/api/v1/assist/open-dossiers', { procedureId, idNumber }, signal);

/** Sends one scan (multipart, field `file`) and returns the proposal; throws ApiError like the api wrapper. */
export async function extractFromScan(file: File): Promise<OcrExtractionDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch('/api/v1/ocr/extract', { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'accept-language': currentLanguage() }, body: form });
  } catch {
    throw new ApiError(0, { type: 'about:blank', title: 'network', status: 0, code: 'NETWORK' });
  }
  const json = await res.json().catch(() => undefined);
  if (res.ok) return json as OcrExtractionDto;
  throw new ApiError(res.status, json && typeof json === 'object' && 'title' in json ? (json as ProblemDto) : { type: 'about:blank', title: `HTTP ${res.status}`, status: res.status, code: 'UNEXPECTED' });
}
