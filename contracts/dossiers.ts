/**
 * Dossier lifecycle (hồ sơ TTHC): receipt at the counter, processing under deadline, result, public tracking.
 *
 * Routes (all JSON; errors are RFC 9457 problem+json; every transition takes the `version` the caller read and
 * answers 409 when it is stale; 404 when the dossier is outside every unit the caller may read):
 *
 *   POST /api/v1/dossiers                          dossiers.receive  ReceiveDossierBody → 201 ReceiptResult
 *                                                  (Idempotency-Key). `outcome: 'received'` with the dossier, or
 *                                                  `outcome: 'guidance'`: incomplete, refused at the counter with
 *                                                  the written list of what is missing (a guidance record, no dossier)
 *   POST /api/v1/dossiers/checklist                dossiers.receive  ChecklistQuery → 200 Checklist (required
 *                                                  documents of the version in force, units proposed, deadline preview)
 *   GET  /api/v1/dossiers                          dossiers.read     ListDossiersQuery → 200 DossierPage
 *                                                  (`queue=` to_receive | to_process | due_soon | overdue |
 *                                                  awaiting_supplement | to_return, for the caller)
 *   GET  /api/v1/dossiers/queue-counts             dossiers.read     → 200 QueueCounts
 *   GET  /api/v1/dossiers/stats                    dossiers.read     StatsQuery → 200 DossierStats (classification,
 *                                                  on-time rate counting open overdue dossiers)
 *   GET  /api/v1/dossiers/:id                      dossiers.read     → 200 DossierDetail (records an access-log row)
 *   GET  /api/v1/dossiers/:id/control-slip         dossiers.read     → 200 ControlSlip (hand-off rows)
 *   GET  /api/v1/dossiers/by-code/:code            dossiers.read     → 200 DossierDetail
 *   POST /api/v1/dossiers/:id/accept               role of the current step   ActionBody
 *   POST /api/v1/dossiers/:id/complete             role of the current step   CompleteBody (hand-off to the next
 *                                                  step; on the last processing step → result_ready)
 *   POST /api/v1/dossiers/:id/send-back            role of the current step   SendBackBody
 *   POST /api/v1/dossiers/:id/request-supplement   dossiers.process (step unit) or dossiers.receive (reception)
 *                                                  SupplementRequestBody
 *   POST /api/v1/dossiers/:id/supplement-received  dossiers.receive (reception unit)  SupplementReceivedBody
 *   POST /api/v1/dossiers/:id/suspend              dossiers.process (step unit)   SuspendBody
 *   POST /api/v1/dossiers/:id/resume               dossiers.process (step unit)   ActionBody
 *   POST /api/v1/dossiers/:id/extend               dossiers.approve (competent)   ExtendBody
 *   POST /api/v1/dossiers/:id/apologize            dossiers.approve (competent)   ApologyBody (once; ≥ 1 working day
 *                                                  before the due moment)
 *   POST /api/v1/dossiers/:id/approve              dossiers.approve (step unit)   CompleteBody
 *   POST /api/v1/dossiers/:id/refuse               dossiers.process | approve (step unit)  RefuseBody
 *   POST /api/v1/dossiers/:id/result-ready         role of the last processing step  CompleteBody
 *   POST /api/v1/dossiers/:id/return-result        dossiers.receive (returning unit)  ReturnResultBody
 *   POST /api/v1/dossiers/:id/not-collected        dossiers.receive (returning unit)  NoteBody
 *   POST /api/v1/dossiers/:id/withdraw             dossiers.receive (reception) | process (competent)  ReasonBody
 *   POST /api/v1/dossiers/:id/cancel               dossiers.approve (competent)   ReasonBody
 *        every transition → 200 DossierDetail
 *   POST /api/v1/dossiers/reassign                 dossiers.approve  ReassignBody → 200 ReassignResult
 *                                                  (`preview: true` lists the changes and writes nothing)
 *   GET  /api/v1/dossier-settings                  procedures.write  → 200 DossierSettingsResponse
 *   PUT  /api/v1/dossier-settings                  procedures.write (global)  DossierSettingsBody → 200 DossierSettingsResponse
 *   POST /api/v1/tracking                          public, rate-limited  TrackingQuery → 200 Tracking
 *                                                  (wrong digits = the same 404 as an unknown code)
 *
 * Left to the documents engineer (server/modules/dossiers/documents/): PDF slips and scan upload. They call
 * `getDossierForSlip`, `markDocumentDigitised`, `markResultDigitised` from server/modules/dossiers/index.ts.
 */
import { z } from 'zod';
import { IsoDate, Text, Uuid, Version } from './common.ts';
import {
  ACTIONS,
  APPLICANT_KIND_VALUES,
  APPOINTMENT_REASON_VALUES,
  CHANNEL_VALUES,
  CLOCK_KIND_VALUES,
  DOSSIER_STATUS_VALUES,
  EVENT_KIND_VALUES,
  OUTCOME_VALUES,
  QUEUE_VALUES,
  RESULT_KINDS,
  RETURN_METHOD_VALUES,
  RULE_SET_VALUES,
  STANDING_VALUES,
  STEP_STATE_VALUES,
  SUPPLEMENT_PHASES,
  SUPPLEMENT_POLICIES,
} from '../server/modules/dossiers/dossiers.kinds.ts';

export const DossierStatusSchema = z.enum(DOSSIER_STATUS_VALUES);
export const ChannelSchema = z.enum(CHANNEL_VALUES);
export const OutcomeSchema = z.enum(OUTCOME_VALUES);
export const StandingSchema = z.enum(STANDING_VALUES);
export const QueueSchema = z.enum(QUEUE_VALUES);
export const ActionSchema = z.enum(ACTIONS);
export const Instant = z.string().describe('ISO 8601 instant (UTC), e.g. 2026-03-02T02:30:00.000Z');
/** Text in the three interface languages. */
export const Localized = z.object({ vi: z.string(), en: z.string(), fr: z.string() });

/** Vietnamese phone number: 9–11 digits, optional leading +84. */
const Phone = z.string().trim().regex(/^(\+84|0)\d{8,10}$/, 'expected a Vietnamese phone number, e.g. 0912345678');
/** Citizen ID (CCCD, 12 digits), old ID card (9 digits), passport or business registration number. */
const IdNumber = z.string().trim().regex(/^[0-9A-Za-z]{6,20}$/, '6–20 letters or digits');

export const Applicant = z.strictObject({
  kind: z.enum(APPLICANT_KIND_VALUES).default('individual'),
  name: Text(300),
  idNumber: IdNumber.nullable().default(null),
  phone: Phone.nullable().default(null),
  email: z.email().max(300).nullable().default(null),
  address: z.string().trim().max(500).nullable().default(null),
  /** Person filing on the applicant's behalf (người được ủy quyền), when any. */
  representative: z.string().trim().max(300).nullable().default(null),
});
export type ApplicantDto = z.infer<typeof Applicant>;

/** One line of the receipt checklist: a required document of the procedure version, ticked or not. */
export const ChecklistLine = z.strictObject({
  /** Position of the document in the version's `documents` list (0-based). */
  index: z.number().int().min(0).max(200),
  received: z.boolean(),
  /** Copies actually received (defaults to the required count when received). */
  copies: z.number().int().min(0).max(50).optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

export const ReceiveDossierBody = z.strictObject({
  procedureId: Uuid,
  applicant: Applicant,
  channel: ChannelSchema.default('counter'),
  documents: z.array(ChecklistLine).max(200),
  /** Reception point; default: the unit of the caller's counter-officer grant. */
  receptionUnitId: Uuid.optional(),
  /** Competent authority; default: the implementing unit of the procedure that covers the reception point. */
  competentUnitId: Uuid.optional(),
  /** Returning point; default: the reception point. */
  returningUnitId: Uuid.optional(),
  /** Short summary of the request (trích yếu). */
  summary: z.string().trim().max(1000).nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
});

export const ChecklistQuery = z.strictObject({
  procedureId: Uuid,
  receptionUnitId: Uuid.optional(),
  channel: ChannelSchema.default('counter'),
});

export const RequiredDocumentLine = z.object({
  index: z.number(),
  name: z.string(),
  form: z.string(),
  count: z.number(),
  /** False for documents only shown for inspection (TT 03/2025 Art. 5(2): no scan needed). */
  scanRequired: z.boolean(),
});

export const Checklist = z.object({
  procedureId: Uuid,
  procedureVersionId: Uuid,
  procedureName: z.string(),
  processingTime: z.object({ value: z.number(), unit: z.string() }),
  documents: z.array(RequiredDocumentLine),
  fees: z.array(z.object({ name: z.string(), amount: z.number() })),
  receptionUnitId: Uuid,
  /** Where the caller may receive (their counter grants' units and the service centres under them), Vietnamese order. */
  receptionPoints: z.array(z.object({ id: Uuid, name: z.string() })),
  competentUnitId: Uuid.nullable(),
  /** Appointment if received now. */
  appointmentPreview: Instant.nullable(),
});

export const UnitRef = z.object({ id: Uuid, name: z.string() });
export const UserRef = z.object({ id: Uuid, name: z.string() });

export const DossierStep = z.object({
  seq: z.number(),
  kind: z.string(),
  name: z.string().nullable(),
  role: z.string(),
  unit: UnitRef,
  state: z.enum(STEP_STATE_VALUES),
  assignee: UserRef.nullable(),
  sharePercent: z.number(),
  budgetMinutes: z.number(),
  /** Due moment of the step, derived from the clock ledger (null while paused). */
  dueAt: Instant.nullable(),
  handedAt: Instant.nullable(),
  acceptedAt: Instant.nullable(),
  completedAt: Instant.nullable(),
  outcome: OutcomeSchema.nullable(),
});

export const DossierDocument = z.object({
  id: Uuid,
  index: z.number(),
  name: z.string(),
  form: z.string(),
  count: z.number(),
  received: z.boolean(),
  copies: z.number(),
  scanRequired: z.boolean(),
  digitised: z.boolean(),
  fileSha256: z.string().nullable(),
  note: z.string().nullable(),
});

export const ClockSegment = z.object({
  seq: z.number(),
  kind: z.enum(CLOCK_KIND_VALUES),
  at: Instant,
  /** Extension length in working minutes (extended), else 0. */
  minutes: z.number(),
  reason: z.string().nullable(),
  legalBasis: z.string().nullable(),
});

export const AppointmentChange = z.object({
  seq: z.number(),
  reason: z.enum(APPOINTMENT_REASON_VALUES),
  previousAt: Instant.nullable(),
  appointmentAt: Instant,
  decidedAt: Instant,
  note: z.string().nullable(),
  lateStepSeq: z.number().nullable(),
  lateUnit: UnitRef.nullable(),
});

export const Supplement = z.object({
  seq: z.number(),
  phase: z.enum(SUPPLEMENT_PHASES),
  requestedAt: Instant,
  items: z.array(z.string()),
  reason: z.string(),
  receivedAt: Instant.nullable(),
  policy: z.enum(SUPPLEMENT_POLICIES).nullable(),
});

export const TimelineEvent = z.object({
  seq: z.number(),
  kind: z.enum(EVENT_KIND_VALUES),
  at: Instant,
  actor: UserRef.nullable(),
  fromUnit: UnitRef.nullable(),
  toUnit: UnitRef.nullable(),
  fromUser: UserRef.nullable(),
  toUser: UserRef.nullable(),
  stepSeq: z.number().nullable(),
  outcome: OutcomeSchema.nullable(),
  note: z.string().nullable(),
});

/** Early / on time / late (finished) or on track / due soon / overdue (open), as of now. */
export const Classification = z.object({
  finished: z.boolean(),
  outcome: OutcomeSchema.nullable(),
  standing: StandingSchema.nullable(),
});

export const DossierSummary = z.object({
  id: Uuid,
  code: z.string(),
  procedure: z.object({ id: Uuid, versionId: Uuid, name: z.string(), code: z.string() }),
  applicantName: z.string(),
  channel: ChannelSchema,
  status: DossierStatusSchema,
  portalStatus: z.number(),
  receptionUnit: UnitRef,
  competentUnit: UnitRef,
  returningUnit: UnitRef,
  currentStep: z.object({ seq: z.number(), kind: z.string(), state: z.string(), unit: UnitRef, assignee: UserRef.nullable(), dueAt: Instant.nullable() }).nullable(),
  receivedAt: Instant,
  appointmentAt: Instant.nullable(),
  dueAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
  classification: Classification,
  version: z.number(),
});
export type DossierSummaryDto = z.infer<typeof DossierSummary>;

export const DossierDetail = DossierSummary.extend({
  applicant: Applicant,
  summary: z.string().nullable(),
  note: z.string().nullable(),
  ruleSet: z.enum(RULE_SET_VALUES),
  calendarVersion: z.number(),
  statutoryTime: z.object({ value: z.number(), unit: z.string() }),
  budgetMinutes: z.number(),
  /** Working minutes left on the clock now (negative when overdue). */
  remainingMinutes: z.number(),
  clockRunning: z.boolean(),
  supplementCount: z.number(),
  apologyIssued: z.boolean(),
  resultKind: z.enum(RESULT_KINDS).nullable(),
  resultNote: z.string().nullable(),
  returnMethod: z.enum(RETURN_METHOD_VALUES).nullable(),
  returnedAt: Instant.nullable(),
  notCollectedAt: Instant.nullable(),
  digitised: z.boolean(),
  steps: z.array(DossierStep),
  documents: z.array(DossierDocument),
  clock: z.array(ClockSegment),
  appointments: z.array(AppointmentChange),
  supplements: z.array(Supplement),
  timeline: z.array(TimelineEvent),
  /** Actions the caller may take now (the UI shows these buttons). */
  allowedActions: z.array(ActionSchema),
});
export type DossierDetailDto = z.infer<typeof DossierDetail>;

export const GuidanceRecord = z.object({
  id: Uuid,
  procedureId: Uuid,
  procedureVersionId: Uuid,
  procedureName: z.string(),
  receptionUnit: UnitRef,
  applicantName: z.string(),
  /** What is missing, in the order of the procedure's list. */
  missing: z.array(z.object({ index: z.number(), name: z.string(), form: z.string(), count: z.number() })),
  /** The written guidance, ready to print (Vietnamese). */
  text: z.string(),
  createdAt: Instant,
  createdBy: UserRef.nullable(),
});

export const ReceiptResult = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('received'), dossier: DossierDetail }),
  z.object({ outcome: z.literal('guidance'), guidance: GuidanceRecord }),
]);

export const ListDossiersQuery = z.strictObject({
  queue: QueueSchema.optional(),
  status: DossierStatusSchema.optional(),
  /** Accent-insensitive search in code, applicant name, ID number and phone. */
  q: z.string().max(200).optional(),
  unitId: Uuid.optional().describe('Dossiers whose reception, competent or returning unit lies in this unit (subtree)'),
  procedureId: Uuid.optional(),
  receivedFrom: IsoDate.optional(),
  receivedTo: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const DossierPage = z.object({ total: z.number(), items: z.array(DossierSummary) });
export const QueueCounts = z.record(QueueSchema, z.number());

export const StatsQuery = z.strictObject({
  unitId: Uuid.optional(),
  from: IsoDate,
  to: IsoDate,
});

export const DossierStats = z.object({
  from: z.string(),
  to: z.string(),
  unitId: Uuid.nullable(),
  counts: z.object({
    received: z.number(),
    finishedEarly: z.number(),
    finishedOnTime: z.number(),
    finishedLate: z.number(),
    openOnTrack: z.number(),
    openDueSoon: z.number(),
    openOverdue: z.number(),
    withdrawnOrCancelled: z.number(),
  }),
  /** (early + on time) ÷ (finished + open overdue); null when the denominator is 0. */
  onTimeRate: z.number().nullable(),
  /** (early + on time) ÷ finished, the peers' formula, shown for comparison. */
  onTimeRateFinishedOnly: z.number().nullable(),
  formula: z.string(),
});

export const ActionBody = z.strictObject({
  version: Version,
  note: z.string().trim().max(2000).nullable().optional(),
});
export const NoteBody = ActionBody;
export const CompleteBody = ActionBody.extend({
  /** Who should receive the next step (optional; otherwise the next unit's officials pick it up). */
  nextAssigneeId: Uuid.optional(),
});
export const SendBackBody = ActionBody.extend({ reason: Text(2000) });
export const ReasonBody = ActionBody.extend({ reason: Text(2000) });
export const SupplementRequestBody = ActionBody.extend({
  reason: Text(2000),
  /** What the applicant must add or correct. */
  items: z.array(Text(500)).min(1).max(50),
});
export const SupplementReceivedBody = ActionBody.extend({
  /** Overrides the configured policy for this dossier (with a note saying why). */
  policy: z.enum(SUPPLEMENT_POLICIES).optional(),
});
export const SuspendBody = ActionBody.extend({ reason: Text(2000), agency: z.string().trim().max(300).nullable().optional() });
export const ExtendBody = ActionBody.extend({
  /** Extension in working days (halves allowed). */
  workingDays: z.number().positive().max(365).refine((n) => Number.isInteger(n * 2), 'in halves of a day'),
  legalBasis: Text(1000),
  reason: Text(2000),
});
export const ApologyBody = ActionBody.extend({
  reason: Text(2000),
  /** The new appointment; must be after the current due moment. */
  newAppointmentAt: Instant,
  /** The step and unit that caused the delay; default: the current step. */
  lateStepSeq: z.number().int().min(1).optional(),
});
export const RefuseBody = ActionBody.extend({ reasons: z.array(Text(1000)).min(1).max(20) });
export const ReturnResultBody = ActionBody.extend({ method: z.enum(RETURN_METHOD_VALUES), receivedBy: z.string().trim().max(300).nullable().optional() });

/** Officials who may take the dossier's next step (designation on hand-off) or its current step (reassignment). */
export const CandidatesQuery = z.strictObject({ step: z.enum(['next', 'current']).default('next') });
export const Candidates = z.object({
  step: z.object({ seq: z.number(), kind: z.string(), label: z.string(), role: z.string(), unit: UnitRef }).nullable(),
  officials: z.array(UserRef),
});

export const ReassignBody = z.strictObject({
  /** Dossiers to move; or every open step of `fromUserId` in the caller's units. */
  dossierIds: z.array(Uuid).max(500).optional(),
  fromUserId: Uuid.optional(),
  toUserId: Uuid,
  preview: z.boolean().default(false),
  reason: z.string().trim().max(2000).nullable().optional(),
});
export const ReassignResult = z.object({
  preview: z.boolean(),
  changes: z.array(z.object({ dossierId: Uuid, code: z.string(), stepSeq: z.number(), unit: UnitRef, from: UserRef.nullable(), to: UserRef })),
  skipped: z.array(z.object({ dossierId: Uuid, code: z.string().nullable(), reason: z.string() })),
});

export const DossierSettings = z.strictObject({
  /** Code pattern: {agency} {yyMMdd} {yyyyMMdd} {seq4} (or {seq5}, {seq6}); must contain {agency}, a date and a seq. */
  codePattern: z.string().trim().min(5).max(100).refine((p) => p.includes('{agency}') && /\{(yyMMdd|yyyyMMdd)\}/.test(p) && /\{seq[4-6]\}/.test(p), 'needs {agency}, {yyMMdd} or {yyyyMMdd}, and {seq4}–{seq6}'),
  /** Supplement policy by phase, and per procedure overrides. */
  supplementPolicy: z.strictObject({ reception: z.enum(SUPPLEMENT_POLICIES), processing: z.enum(SUPPLEMENT_POLICIES) }),
  procedurePolicies: z.record(Uuid, z.strictObject({ reception: z.enum(SUPPLEMENT_POLICIES), processing: z.enum(SUPPLEMENT_POLICIES) })).default({}),
  /** Officials are reminded this many working hours before a step is due. */
  reminderHours: z.number().min(0.5).max(40).default(4),
});
export type DossierSettingsDto = z.infer<typeof DossierSettings>;
/** PUT body: the settings and the `version` read (0 when never saved). */
export const DossierSettingsBody = DossierSettings.extend({ version: z.number().int().min(0) });
export const DossierSettingsResponse = DossierSettings.extend({ version: z.number() });

export const ControlSlip = z.object({
  dossierId: Uuid,
  code: z.string(),
  rows: z.array(z.object({
    stepSeq: z.number().nullable(),
    fromUnit: UnitRef.nullable(),
    fromUser: UserRef.nullable(),
    toUnit: UnitRef.nullable(),
    toUser: UserRef.nullable(),
    at: Instant,
    /** Result of the step just finished: early / on time / late (null for the receipt). */
    outcome: OutcomeSchema.nullable(),
    /** Đã xử lý / Đang xử lý. */
    note: z.string(),
  })),
});

export const TrackingQuery = z.strictObject({
  code: z.string().trim().min(5).max(80),
  /** Last 4 digits of the applicant's phone or ID number. */
  digits: z.string().trim().regex(/^\d{4}$/, '4 digits'),
  lang: z.enum(['vi', 'en', 'fr']).optional(),
});

export const Tracking = z.object({
  code: z.string(),
  procedureName: z.string(),
  status: DossierStatusSchema,
  statusLabel: z.string(),
  portalStatus: z.number(),
  channel: ChannelSchema,
  receivedAt: Instant,
  /** Statutory due moment derived from the clock (null while paused). */
  legalDueAt: Instant.nullable(),
  appointmentAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
  returnedAt: Instant.nullable(),
  currentStep: z.object({ label: z.string(), unitName: z.string() }).nullable(),
  timeline: z.array(z.object({ at: Instant, text: z.string(), unitName: z.string().nullable() })),
  pauses: z.array(z.object({ kind: z.string(), from: Instant, to: Instant.nullable(), reason: z.string().nullable() })),
  appointments: z.array(z.object({ at: Instant, reason: z.string(), decidedAt: Instant })),
  /** The expected date explained in words (calendar explanation plus pauses and extensions). */
  explanation: z.array(z.string()),
  /** Which officials opened the dossier, and when. */
  accessLog: z.array(z.object({ at: Instant, officialName: z.string(), unitName: z.string().nullable() })),
});
