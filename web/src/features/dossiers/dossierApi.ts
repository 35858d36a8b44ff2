/**
 * Calls of the dossier pages, and every address of the printed slips and scans in one place (the PDF slips and the
 * scan upload are served by server/modules/dossiers/documents/; see SLIP_PATHS below).
 */
import { api, ApiError } from '../../app/api.ts';
import type { ProblemDto } from '../../app/types.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { ChecklistDto, DossierAction, DossierDetailDto, ReceiptResultDto } from './labels.ts';

export const DOSSIERS_API = '/api/v1/dossiers';
/** The pages' own addresses. */
export const DOSSIERS_PATH = '/ho-so';
export const RECEIPT_PATH = '/ho-so/tiep-nhan';
export const dossierPath = (id: string) => `${DOSSIERS_PATH}/${id}`;

/** The receipt checklist of the version in force, with the appointment if received now. */
export function fetchChecklist(procedureId: string, channel: string, receptionUnitId?: string): Promise<ChecklistDto> {
  return api.post<ChecklistDto>(`${DOSSIERS_API}/checklist`, { procedureId, channel, ...(receptionUnitId ? { receptionUnitId } : {}) });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Receives a dossier under an Idempotency-Key: the same key and body give the same dossier however often they are
 * sent (a double click, a retry after a lost answer). While the first request still runs the server answers 409;
 * we wait and ask again, and then get the first request's answer replayed.
 */
export async function receiveDossier(body: unknown, idempotencyKey: string): Promise<ReceiptResultDto> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api.post<ReceiptResultDto>(DOSSIERS_API, body, { 'idempotency-key': idempotencyKey });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.code === 'CONFLICT' && attempt < 20) {
        await pause(400);
        continue;
      }
      throw err;
    }
  }
}

/** A transition (accept, complete, approve …) with the version the caller read; 409 when it is stale. */
export function runAction(id: string, action: DossierAction, body: Record<string, unknown>): Promise<DossierDetailDto> {
  return api.post<DossierDetailDto>(`${DOSSIERS_API}/${id}/${action}`, body);
}

/** Officials who may take the next step (to designate on hand-off) or the current one (to reassign). */
export function fetchCandidates(id: string, step: 'next' | 'current' = 'next'): Promise<{ step: { seq: number; role: string } | null; officials: Array<{ id: string; name: string }> }> {
  return api.get(`${DOSSIERS_API}/${id}/candidates?step=${step}`);
}

/** Whether an API error is the "someone changed the dossier meanwhile" answer of a transition. */
export const isStaleVersion = (err: unknown) => err instanceof ApiError && err.status === 409;

/** Printed slips of a dossier (PDF, opened in a new tab to print). */
export type SlipKind = 'receipt' | 'control' | 'supplement' | 'refusal' | 'apology' | 'return';

/**
 * Addresses of the PDF slips and of the scans, served by the documents part of the module
 * (server/modules/dossiers/documents/). Kept here so that a change of address is a one-line change.
 */
export const SLIP_PATHS = {
  slip: (dossierId: string, kind: SlipKind) => `${DOSSIERS_API}/${dossierId}/slips/${kind}`,
  guidance: (guidanceId: string) => `/api/v1/dossier-guidance/${guidanceId}/slip`,
  scan: (dossierId: string, documentId: string) => `${DOSSIERS_API}/${dossierId}/documents/${documentId}/files`,
  files: (dossierId: string) => `${DOSSIERS_API}/${dossierId}/files`,
  file: (dossierId: string, fileId: string) => `${DOSSIERS_API}/${dossierId}/files/${fileId}`,
};

/** The slips worth printing for a dossier in its present state, in the order of the procedure. */
export function slipsOf(d: Pick<DossierDetailDto, 'supplements' | 'resultKind' | 'apologyIssued' | 'status'>): SlipKind[] {
  const kinds: SlipKind[] = ['receipt', 'control'];
  if (d.supplements.length > 0) kinds.push('supplement');
  if (d.resultKind === 'refusal') kinds.push('refusal');
  if (d.apologyIssued) kinds.push('apology');
  // Handed over: the return slip, with the QR code inviting the applicant to rate the service.
  if (d.status === 'returned') kinds.push('return');
  return kinds;
}

/** Scans the server accepts (it checks the magic bytes itself). */
export const SCAN_ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/**
 * Uploads one scan of a received document (multipart, field `file`); the document counts as digitised once it has
 * one. Throws ApiError like the api wrapper (type checked by magic bytes, size limited, by the server).
 */
export async function uploadScan(dossierId: string, documentId: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(SLIP_PATHS.scan(dossierId, documentId), { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'accept-language': currentLanguage() }, body: form });
  } catch {
    throw new ApiError(0, { type: 'about:blank', title: 'network', status: 0, code: 'NETWORK' });
  }
  if (res.ok) return;
  const json = await res.json().catch(() => undefined);
  throw new ApiError(res.status, json && typeof json === 'object' && 'title' in json ? (json as ProblemDto) : { type: 'about:blank', title: `HTTP ${res.status}`, status: res.status, code: 'UNEXPECTED' });
}
