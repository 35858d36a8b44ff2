import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../db/columns.ts';
import { users } from '../accounts/accounts.schema.ts';
import { units } from '../units/units.schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An electronic identity (định danh điện tử) linked to an account: one row per (issuer, subject). The first
 * sign-in of a citizen creates the account and this row; later sign-ins refresh the name, phone and e-mail.
 */
export const portalIdentities = pgTable(
  'portal_identities',
  {
    id: id(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    /** ID number (CCCD) as the provider asserted it. */
    idNumber: text('id_number'),
    fullName: text('full_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    createdAt: createdAt(),
    lastSignInAt: ts('last_sign_in_at').notNull(),
  },
  (t) => [uniqueIndex('portal_identities_subject_uq').on(t.issuer, t.subject), index('portal_identities_user_idx').on(t.userId), index('portal_identities_id_number_idx').on(t.idNumber)],
);

/** ID numbers of officials allowed to sign in through the provider (when OIDC_ALLOW_OFFICIALS is on). */
export const portalOfficialIds = pgTable(
  'portal_official_ids',
  {
    userId: uuid('user_id').primaryKey().references(() => users.id),
    idNumber: text('id_number').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('portal_official_ids_number_uq').on(t.idNumber)],
);

/**
 * One sign-in on its way through the provider: the state, nonce and PKCE verifier checked when it comes back.
 * The browser holds only the row id (a cookie); a row is used once and expires after OIDC_STATE_TTL_SECONDS.
 * `return_section`: the portal's section the sign-in started from (`?muc=`), opened again when it comes back.
 */
export const portalOidcRequests = pgTable('portal_oidc_requests', {
  id: id(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  createdAt: createdAt(),
  expiresAt: ts('expires_at').notNull(),
  consumedAt: ts('consumed_at'),
  returnSection: text('return_section'),
});

/**
 * An online application (hồ sơ nộp trực tuyến) from draft to the counter's check. Status: `draft` (documents being
 * uploaded), `submitted` (portal code 1, "Mới đăng ký": waiting for the counter), `accepted` (received: `dossier_id`
 * is the dossier, which then follows the ordinary lifecycle), `refused` (portal code 3), `withdrawn` (before
 * acceptance). Fees: `fee_amount` in đồng, `paid_at`/`paid_by` set when the counter records the payment.
 */
export const portalSubmissions = pgTable(
  'portal_submissions',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id),
    procedureId: uuid('procedure_id').notNull(),
    procedureVersionId: uuid('procedure_version_id').notNull(),
    procedureName: text('procedure_name').notNull(),
    receptionUnitId: uuid('reception_unit_id').notNull().references(() => units.id),
    applicant: jsonb('applicant').$type<Record<string, unknown>>().notNull(),
    summary: text('summary'),
    status: text('status').notNull(),
    dossierId: uuid('dossier_id'),
    submittedAt: ts('submitted_at'),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by'),
    refusalReason: text('refusal_reason'),
    feeAmount: integer('fee_amount').notNull().default(0),
    paidAt: ts('paid_at'),
    paidBy: uuid('paid_by'),
    eIdVerified: boolean('e_id_verified').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('portal_submissions_user_idx').on(t.userId, t.createdAt), index('portal_submissions_unit_idx').on(t.receptionUnitId, t.status), uniqueIndex('portal_submissions_dossier_uq').on(t.dossierId)],
);

/** A file the applicant attached to a required document of their application (content-addressed bytes). */
export const portalSubmissionFiles = pgTable(
  'portal_submission_files',
  {
    id: id(),
    submissionId: uuid('submission_id').notNull().references(() => portalSubmissions.id),
    documentIndex: integer('document_index').notNull(),
    sha256: text('sha256').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    fileName: text('file_name'),
    /** The earlier digitised dossier file reused instead of an upload (DuocTaiSuDung). */
    reusedFromFileId: uuid('reused_from_file_id'),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [uniqueIndex('portal_submission_files_doc_uq').on(t.submissionId, t.documentIndex)],
);

/** The bank account a unit receives fees on, shown to applicants as a VietQR code (no card data passes through motcua). */
export const portalPaymentAccounts = pgTable('portal_payment_accounts', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  /** NAPAS bank identification number (BIN), e.g. 970436 for Vietcombank. */
  bankBin: text('bank_bin').notNull(),
  bankName: text('bank_name').notNull(),
  accountNumber: text('account_number').notNull(),
  accountName: text('account_name').notNull(),
  version: version(),
  updatedAt: updatedAt(),
});

/**
 * Messages to applicants about their online application (the refusal notice), one row per job, channel and
 * recipient: a retried job skips what it already sent.
 */
export const portalNotifications = pgTable(
  'portal_notifications',
  {
    id: id(),
    submissionId: uuid('submission_id').notNull().references(() => portalSubmissions.id),
    jobKey: text('job_key').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    status: text('status').notNull(),
    providerId: text('provider_id'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('portal_notifications_job_uq').on(t.jobKey, t.channel, t.recipient), index('portal_notifications_submission_idx').on(t.submissionId)],
);
