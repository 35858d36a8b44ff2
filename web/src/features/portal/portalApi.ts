/** Types and calls of the portal API (contracts/portal.ts). */
import { ApiError } from '../../app/api.ts';
import type { ProblemDto } from '../../app/types.ts';
import { currentLanguage } from '../../i18n/index.ts';

export interface OnlineProcedure {
  id: string;
  code: string;
  name: string;
  onlineLevel: 'full' | 'partial';
  processingTime: { value: number; unit: string };
  documents: Array<{ index: number; name: string; form: string; count: number; uploadRequired: boolean }>;
  fees: Array<{ name: string; amount: number; note: string | null }>;
  feeTotal: number;
  receptionUnits: Array<{ id: string; name: string }>;
}

export interface PortalMe {
  userId: string;
  fullName: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  eIdVerified: boolean;
}

export interface ReusableFile {
  fileId: string;
  dossierCode: string;
  procedureName: string;
  isResult: boolean;
  documentName: string | null;
  fileName: string | null;
}

export type ApplicationStatus = 'draft' | 'submitted' | 'accepted' | 'refused' | 'withdrawn';

export interface ApplicationDto {
  id: string;
  status: ApplicationStatus;
  procedureName: string;
  receptionUnitName: string | null;
  applicantName: string;
  submittedAt: string | null;
  refusalReason: string | null;
  dossierId: string | null;
  dossierCode: string | null;
  dossierStatus: string | null;
  dossierStatusLabel: string | null;
  appointmentAt: string | null;
  feeAmount: number;
  paid: boolean;
  version: number;
  applicant: Record<string, unknown>;
  documents: Array<{ index: number; name: string; form: string; uploadRequired: boolean; file: { id: string; fileName: string | null; reused: boolean } | null }>;
  payment: { amount: number; status: 'none' | 'awaiting' | 'paid'; bankName: string | null; accountNumber: string | null; accountName: string | null; qrSvg: string | null; purpose: string | null };
  dossier: null | {
    version: number;
    timeline: Array<{ at: string; kind: string; label: string; note: string | null }>;
    supplements: Array<{ requestedAt: string; reason: string; items: string[]; receivedAt: string | null }>;
    files: Array<{ id: string; documentName: string | null; isResult: boolean; fileName: string | null }>;
    canWithdraw: boolean;
    awaitingSupplement: boolean;
  };
}

export type ApplicationSummaryDto = Omit<ApplicationDto, 'applicant' | 'documents' | 'payment' | 'dossier'>;

/** Uploads one file (multipart, field "file") for a required document; answers the application as it now is. */
export async function uploadFile(applicationId: string, index: number, file: File): Promise<ApplicationDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(`/api/v1/portal/applications/${applicationId}/files?index=${index}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', 'accept-language': currentLanguage() } });
  const json = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(res.status, (json as ProblemDto) ?? { type: 'about:blank', title: String(res.status), status: res.status, code: 'UNEXPECTED' });
  return json as ApplicationDto;
}
