import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../db/columns.ts';
import { units } from '../units/units.schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A dossier (hồ sơ): one applicant's request under one procedure version, from receipt to the return of the
 * result. Three unit references (units-and-codes.md §3): reception point, competent authority, returning point.
 * `appointment_at` is frozen at receipt and changes only through `dossier_appointments`; `due_at`, `due_date`,
 * `remaining_minutes`, `clock_running` and `outcome` are caches DERIVED from the clock ledger (clock.ts),
 * rewritten by each clock event, so that queues and statistics are plain indexed queries.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    id: id(),
    /** Dossier code, e.g. `000.00.06.H56-250701-0001`; text, unique, never reused. */
    code: text('code').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    procedureVersionId: uuid('procedure_version_id').notNull(),
    /** Copies of the version's name and code, as printed on the slips. */
    procedureName: text('procedure_name').notNull(),
    procedureCode: text('procedure_code').notNull(),
    applicantKind: text('applicant_kind').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number'),
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address'),
    applicantRepresentative: text('applicant_representative'),
    channel: text('channel').notNull(),
    receptionUnitId: uuid('reception_unit_id').notNull().references(() => units.id),
    competentUnitId: uuid('competent_unit_id').notNull().references(() => units.id),
    returningUnitId: uuid('returning_unit_id').notNull().references(() => units.id),
    status: text('status').notNull(),
    ruleSet: text('rule_set').notNull(),
    /** Calendar version the deadlines are computed with (0 = the built-in national default). */
    calendarVersion: integer('calendar_version').notNull(),
    statutoryTime: jsonb('statutory_time').$type<{ value: number; unit: string }>().notNull(),
    /** Statutory time in working minutes, as computed at receipt. */
    budgetMinutes: integer('budget_minutes').notNull(),
    receivedAt: ts('received_at').notNull(),
    receivedBy: uuid('received_by'),
    appointmentAt: ts('appointment_at'),
    dueAt: ts('due_at'),
    dueDate: date('due_date', { mode: 'string' }),
    remainingMinutes: integer('remaining_minutes').notNull(),
    clockRunning: boolean('clock_running').notNull(),
    currentStepSeq: integer('current_step_seq'),
    supplementCount: integer('supplement_count').notNull().default(0),
    apologyIssued: boolean('apology_issued').notNull().default(false),
    /** End time for classification: status 9 (result ready), 7 or 8. */
    finishedAt: ts('finished_at'),
    outcome: text('outcome'),
    resultKind: text('result_kind'),
    resultNote: text('result_note'),
    resultFileSha256: text('result_file_sha256'),
    returnMethod: text('return_method'),
    returnedAt: ts('returned_at'),
    notCollectedAt: ts('not_collected_at'),
    summary: text('summary'),
    note: text('note'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`search_norm(code || ' ' || applicant_name || ' ' || coalesce(applicant_id_number, '') || ' ' || coalesce(applicant_phone, ''))`),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    index('dossiers_competent_idx').on(t.competentUnitId, t.status),
    index('dossiers_reception_idx').on(t.receptionUnitId, t.status),
    index('dossiers_returning_idx').on(t.returningUnitId, t.status),
    index('dossiers_due_idx').on(t.dueAt),
    index('dossiers_received_idx').on(t.receivedAt),
    // The same applicant's dossiers: reuse of digitised documents and results, open-dossier warning at receipt.
    index('dossiers_applicant_id_idx').on(t.applicantIdNumber, t.procedureId).where(sql`${t.applicantIdNumber} IS NOT NULL`),
    index('dossiers_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** The dossier's workflow: the procedure version's steps, with the unit, assignee and state of each. */
export const dossierSteps = pgTable(
  'dossier_steps',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    /** Responsible unit of the step. */
    unitId: uuid('unit_id').notNull().references(() => units.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    name: text('name'),
    role: text('role').notNull(),
    sharePercent: real('share_percent').notNull(),
    budgetMinutes: integer('budget_minutes').notNull(),
    /** Dossier-clock minutes at which this step is due (sum of the budgets up to it). */
    cumulativeMinutes: integer('cumulative_minutes').notNull(),
    state: text('state').notNull(),
    assigneeId: uuid('assignee_id'),
    dueAt: ts('due_at'),
    handedAt: ts('handed_at'),
    handedBy: uuid('handed_by'),
    /** The step that handed this one over (the previous step, or the next one when it was sent back). */
    handedFromSeq: integer('handed_from_seq'),
    acceptedAt: ts('accepted_at'),
    acceptedBy: uuid('accepted_by'),
    completedAt: ts('completed_at'),
    completedBy: uuid('completed_by'),
    outcome: text('outcome'),
    remindedAt: ts('reminded_at'),
    escalatedAt: ts('escalated_at'),
  },
  (t) => [
    uniqueIndex('dossier_steps_seq_uq').on(t.dossierId, t.seq),
    index('dossier_steps_unit_state_idx').on(t.unitId, t.state),
    index('dossier_steps_assignee_idx').on(t.assigneeId, t.state),
  ],
);

/** The clock ledger: append-only; each row starts a segment that lasts until the next row (clock.ts). */
export const dossierClockSegments = pgTable(
  'dossier_clock_segments',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    unitId: uuid('unit_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    at: ts('at').notNull(),
    /** Budget in working minutes for `running` #1 and `reset`; extra minutes for `extended`; else 0. */
    minutes: integer('minutes').notNull().default(0),
    reason: text('reason'),
    legalBasis: text('legal_basis'),
    actorId: uuid('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dossier_clock_seq_uq').on(t.dossierId, t.seq)],
);

/** Timeline (quá trình xử lý): one row per event; `handoff` rows are the control slip. Append-only. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    unitId: uuid('unit_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    fromUnitId: uuid('from_unit_id'),
    toUnitId: uuid('to_unit_id'),
    fromUserId: uuid('from_user_id'),
    fromUserName: text('from_user_name'),
    toUserId: uuid('to_user_id'),
    toUserName: text('to_user_name'),
    stepSeq: integer('step_seq'),
    outcome: text('outcome'),
    note: text('note'),
    detail: jsonb('detail'),
  },
  (t) => [uniqueIndex('dossier_events_seq_uq').on(t.dossierId, t.seq)],
);

/** History of the appointment (ngày hẹn trả): the initial one and every explicit change. Append-only. */
export const dossierAppointments = pgTable(
  'dossier_appointments',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    unitId: uuid('unit_id').notNull(),
    seq: integer('seq').notNull(),
    reason: text('reason').notNull(),
    previousAt: ts('previous_at'),
    appointmentAt: ts('appointment_at').notNull(),
    decidedAt: ts('decided_at').notNull(),
    actorId: uuid('actor_id'),
    note: text('note'),
    /** For an apology: the step and unit that made the dossier late. */
    lateStepSeq: integer('late_step_seq'),
    lateUnitId: uuid('late_unit_id'),
  },
  (t) => [uniqueIndex('dossier_appointments_seq_uq').on(t.dossierId, t.seq)],
);

/** Supplement requests (yêu cầu bổ sung) and their answers, as synced to the portal (DanhSachHoSoBoSung). */
export const dossierSupplements = pgTable(
  'dossier_supplements',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    unitId: uuid('unit_id').notNull(),
    seq: integer('seq').notNull(),
    phase: text('phase').notNull(),
    requestedAt: ts('requested_at').notNull(),
    requestedBy: uuid('requested_by'),
    reason: text('reason').notNull(),
    items: jsonb('items').$type<string[]>().notNull(),
    receivedAt: ts('received_at'),
    receivedBy: uuid('received_by'),
    policy: text('policy'),
    appointmentBefore: ts('appointment_before'),
    appointmentAfter: ts('appointment_after'),
  },
  (t) => [uniqueIndex('dossier_supplements_seq_uq').on(t.dossierId, t.seq)],
);

/** The receipt checklist: each required document, received or not, digitised or not. */
export const dossierDocuments = pgTable(
  'dossier_documents',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    unitId: uuid('unit_id').notNull(),
    idx: integer('idx').notNull(),
    name: text('name').notNull(),
    form: text('form').notNull(),
    count: integer('count').notNull(),
    received: boolean('received').notNull(),
    copies: integer('copies').notNull(),
    scanRequired: boolean('scan_required').notNull(),
    digitised: boolean('digitised').notNull().default(false),
    fileSha256: text('file_sha256'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    pages: integer('pages'),
    digitisedAt: ts('digitised_at'),
    digitisedBy: uuid('digitised_by'),
    note: text('note'),
  },
  (t) => [uniqueIndex('dossier_documents_idx_uq').on(t.dossierId, t.idx), index('dossier_documents_sha_idx').on(t.fileSha256)],
);

/** Each time an official opened the dossier: shown to the applicant on the tracking page. */
export const dossierAccessLog = pgTable(
  'dossier_access_log',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    unitName: text('unit_name'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('dossier_access_log_dossier_idx').on(t.dossierId, t.at)],
);

/** A refusal at the counter of an incomplete dossier: the guidance given in writing. No dossier is created. */
export const dossierGuidance = pgTable(
  'dossier_guidance',
  {
    id: id(),
    receptionUnitId: uuid('reception_unit_id').notNull().references(() => units.id),
    procedureId: uuid('procedure_id').notNull(),
    procedureVersionId: uuid('procedure_version_id').notNull(),
    procedureName: text('procedure_name').notNull(),
    channel: text('channel').notNull(),
    applicant: jsonb('applicant').notNull(),
    missing: jsonb('missing').$type<Array<{ index: number; name: string; form: string; count: number }>>().notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('dossier_guidance_unit_idx').on(t.receptionUnitId, t.createdAt)],
);

/** Daily code sequence per agency code (SoHienTai/NgayHienTai); the upsert row-locks until COMMIT. */
export const dossierCodeSequences = pgTable(
  'dossier_code_sequences',
  {
    agencyCode: text('agency_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);

/** Settings of the dossier module (code pattern, supplement policies, reminder lead time). */
export const dossierSettings = pgTable('dossier_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  version: version(),
  updatedAt: updatedAt(),
});

/** Notifications sent to applicants and officials, one row per channel and job (a retried job skips sent rows). */
export const dossierNotifications = pgTable(
  'dossier_notifications',
  {
    id: id(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    jobKey: text('job_key').notNull(),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    status: text('status').notNull(),
    providerId: text('provider_id'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dossier_notifications_job_uq').on(t.jobKey, t.channel, t.recipient), index('dossier_notifications_dossier_idx').on(t.dossierId)],
);
