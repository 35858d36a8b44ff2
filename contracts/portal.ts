/**
 * Citizen portal (cổng dịch vụ công của địa phương): sign-in with an electronic identity (OpenID Connect), online
 * submission, "my dossiers", fees with a VietQR code, and the counter's check of online applications.
 *
 *   GET  /api/v1/portal/oidc/login                public   → 302 to the identity provider (sets the motcua_oidc cookie)
 *   GET  /api/v1/portal/oidc/callback             public   → 302 /cong-dan (session cookie) | 302 /cong-dan?loi=<reason>
 *                                                            (Accept: application/json → 401 problem+json SIGN_IN_REFUSED)
 *   GET  /api/v1/portal/status                    public   → PortalStatus (sign-in available?)
 *   GET  /api/v1/portal/me                        portal.self → PortalMe (identity, pre-filled applicant)
 *   GET  /api/v1/portal/procedures?q=             portal.self → OnlineProcedure[] (online level full or partial)
 *   GET  /api/v1/portal/procedures/:id            portal.self → OnlineProcedure (documents, fees, reception points)
 *   GET  /api/v1/portal/reusable                  portal.self → ReusableFile[] (my digitised documents and results)
 *   POST /api/v1/portal/applications              portal.self, Idempotency-Key → 201 Application (draft)
 *   GET  /api/v1/portal/applications              portal.self → ApplicationSummary[] (my dossiers)
 *   GET  /api/v1/portal/applications/:id          portal.self (own only, else 403) → Application
 *   POST /api/v1/portal/applications/:id/files?index=N  multipart `file` → Application (draft, or supplement)
 *   POST /api/v1/portal/applications/:id/reuse    ReuseBody → Application (draft)
 *   POST /api/v1/portal/applications/:id/submit   ActionBody → Application (status submitted)
 *   POST /api/v1/portal/applications/:id/withdraw ReasonBody → Application
 *   POST /api/v1/portal/applications/:id/supplement  ActionBody → Application (clock resumes)
 *   GET  /api/v1/portal/applications/:id/receipt.pdf   own, accepted → the receipt slip
 *   GET  /api/v1/portal/applications/:id/files/:fileId own → a digitised document or result of the dossier
 *   GET  /api/v1/portal/inbox                     dossiers.receive → Application[] submitted to my units, and fees due
 *   POST /api/v1/portal/inbox/:id/accept          dossiers.receive (reception point) → Application (dossier created)
 *   POST /api/v1/portal/inbox/:id/refuse          dossiers.receive  ReasonBody → Application
 *   POST /api/v1/portal/inbox/:id/payment         dossiers.receive  ActionBody → Application (fees received; audited)
 *   GET  /api/v1/portal/by-dossier/:id            dossiers.read → DossierApplication (fee state on the dossier page)
 *   GET  /api/v1/portal/inbox/:id/files/:index    dossiers.receive → the uploaded file (for the check)
 *   PUT  /api/v1/portal/official-ids/:userId      accounts.write  OfficialIdBody → { userId, idNumber }
 *   GET  /api/v1/portal/payment-accounts          units.write → PaymentAccount[]
 *   PUT  /api/v1/portal/payment-accounts/:unitId  units.write (unit in scope) PaymentAccountBody → PaymentAccount
 */
import { z } from 'zod';
import { Text, Uuid, Version } from './common.ts';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'accepted', 'refused', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const Phone = z.string().trim().regex(/^(\+84|0)\d{8,10}$/, 'expected a Vietnamese phone number, e.g. 0912345678');

export const PortalStatus = z.object({ signInAvailable: z.boolean(), devProvider: z.boolean() });

export const PortalMe = z.object({
  userId: Uuid,
  fullName: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  eIdVerified: z.boolean(),
});

export const ProceduresQuery = z.strictObject({ q: z.string().max(200).optional() });
export const IdParams = z.strictObject({ id: Uuid });
export const FileParams = z.strictObject({ id: Uuid, fileId: Uuid });
export const UnitParams = z.strictObject({ unitId: Uuid });
export const FileQuery = z.strictObject({ index: z.coerce.number().int().min(0).max(200) });

export const OnlineProcedure = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  onlineLevel: z.enum(['full', 'partial']),
  processingTime: z.object({ value: z.number(), unit: z.string() }),
  documents: z.array(z.object({ index: z.number(), name: z.string(), form: z.string(), count: z.number(), uploadRequired: z.boolean() })),
  fees: z.array(z.object({ name: z.string(), amount: z.number(), note: z.string().nullable() })),
  feeTotal: z.number(),
  receptionUnits: z.array(z.object({ id: Uuid, name: z.string() })),
});

export const CreateApplicationBody = z.strictObject({
  procedureId: Uuid,
  receptionUnitId: Uuid,
  applicant: z.strictObject({
    name: Text(300),
    phone: Phone.nullable().default(null),
    email: z.email().max(300).nullable().default(null),
    address: z.string().trim().max(500).nullable().default(null),
  }),
  summary: z.string().trim().max(1000).nullable().default(null),
});

export const ReuseBody = z.strictObject({ index: z.number().int().min(0).max(200), fileId: Uuid });
export const ActionBody = z.strictObject({ version: Version, note: z.string().trim().max(2000).nullable().optional() });
export const ReasonBody = ActionBody.extend({ reason: Text(2000) });

export const ApplicationFile = z.object({
  id: Uuid,
  index: z.number(),
  sha256: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  fileName: z.string().nullable(),
  reused: z.boolean(),
});

export const Payment = z.object({
  amount: z.number(),
  status: z.enum(['none', 'awaiting', 'paid']),
  paidAt: z.string().nullable(),
  bankName: z.string().nullable(),
  accountNumber: z.string().nullable(),
  accountName: z.string().nullable(),
  /** VietQR (EMVCo) payload, and the same as an SVG QR code to scan with any banking app. */
  qrContent: z.string().nullable(),
  qrSvg: z.string().nullable(),
  purpose: z.string().nullable(),
});

export const ApplicationSummary = z.object({
  id: Uuid,
  status: z.enum(APPLICATION_STATUSES),
  procedureId: Uuid,
  procedureName: z.string(),
  receptionUnitId: Uuid,
  receptionUnitName: z.string().nullable(),
  applicantName: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
  dossierId: Uuid.nullable(),
  dossierCode: z.string().nullable(),
  dossierStatus: z.string().nullable(),
  dossierStatusLabel: z.string().nullable(),
  appointmentAt: z.string().nullable(),
  feeAmount: z.number(),
  paid: z.boolean(),
  version: z.number(),
});

export const Application = ApplicationSummary.extend({
  applicant: z.record(z.string(), z.unknown()),
  summary: z.string().nullable(),
  documents: z.array(z.object({ index: z.number(), name: z.string(), form: z.string(), uploadRequired: z.boolean(), file: ApplicationFile.nullable() })),
  payment: Payment,
  /** The dossier once accepted: its version (for withdraw / supplement), timeline, supplements, digitised files. */
  dossier: z
    .object({
      version: z.number(),
      receivedAt: z.string(),
      dueAt: z.string().nullable(),
      clockRunning: z.boolean(),
      timeline: z.array(z.object({ at: z.string(), kind: z.string(), label: z.string(), note: z.string().nullable() })),
      supplements: z.array(z.object({ requestedAt: z.string(), reason: z.string(), items: z.array(z.string()), receivedAt: z.string().nullable() })),
      files: z.array(z.object({ id: Uuid, documentName: z.string().nullable(), isResult: z.boolean(), fileName: z.string().nullable(), mediaType: z.string() })),
      canWithdraw: z.boolean(),
      awaitingSupplement: z.boolean(),
    })
    .nullable(),
});

export const PaymentAccountBody = z.strictObject({
  bankBin: z.string().trim().regex(/^\d{6}$/, 'the 6-digit NAPAS bank code (BIN)'),
  accountNumber: z.string().trim().regex(/^[0-9A-Za-z]{4,19}$/, '4–19 letters or digits'),
  accountName: Text(100),
  version: z.number().int().min(0).default(0),
});

export const PaymentAccount = z.object({ unitId: Uuid, unitName: z.string().nullable(), bankBin: z.string(), bankName: z.string(), accountNumber: z.string(), accountName: z.string(), version: z.number() });

/** The ID number (CCCD) an official signs in with through the provider; null removes the link. */
export const OfficialIdBody = z.strictObject({ idNumber: z.string().trim().regex(/^[0-9]{9,12}$/, '9–12 digits').nullable() });

export const DossierApplication = z.object({
  application: z
    .object({ id: Uuid, feeAmount: z.number(), paid: z.boolean(), paidAt: z.string().nullable(), version: z.number(), eIdVerified: z.boolean(), canMarkPaid: z.boolean() })
    .nullable(),
});
