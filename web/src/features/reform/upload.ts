import { ApiError } from '../../app/api.ts';
import type { ProblemDto } from '../../app/types.ts';
import { currentLanguage } from '../../i18n/index.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POSTs a workbook itself as the body (the imports take no JSON); throws ApiError like the api wrapper. */
export async function uploadWorkbook<T>(url: string, file: File): Promise<T> {
  const res = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': XLSX, accept: 'application/json', 'accept-language': currentLanguage() }, body: file });
  const json = await res.json().catch(() => undefined);
  if (res.ok) return json as T;
  throw new ApiError(res.status, json && typeof json === 'object' && 'title' in json ? (json as ProblemDto) : { type: 'about:blank', title: `HTTP ${res.status}`, status: res.status, code: 'UNEXPECTED' });
}
