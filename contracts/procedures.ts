import { z } from 'zod';
import { IsoDate, Text, Uuid, Version } from './common.ts';
import { UnitKindSchema } from './units.ts';
import {
  AUTHORITY_LEVEL_VALUES,
  DOCUMENT_FORM_VALUES,
  ONLINE_LEVEL_VALUES,
  PROCEDURE_FIELD_VALUES,
  PROCEDURE_STATUS_VALUES,
  PROPOSAL_KIND_VALUES,
  PROPOSAL_STATUS_VALUES,
  REVIEW_PLAN_STATUS_VALUES,
  STEP_KIND_VALUES,
  STEP_ROLE_VALUES,
  TIME_UNIT_VALUES,
} from '../server/modules/procedures/procedures.kinds.ts';

export const ProcedureFieldSchema = z.enum(PROCEDURE_FIELD_VALUES);
export const AuthorityLevelSchema = z.enum(AUTHORITY_LEVEL_VALUES);
export const OnlineLevelSchema = z.enum(ONLINE_LEVEL_VALUES);
export const ProcedureStatusSchema = z.enum(PROCEDURE_STATUS_VALUES);
export const TimeUnitSchema = z.enum(TIME_UNIT_VALUES);

/** National procedure code of the national procedure database, `d.dddddd` (e.g. 1.001193). */
export const NationalCode = z.string().trim().regex(/^\d\.\d{6}$/, 'expected d.dddddd, e.g. 1.001193');
/** Local catalogue code of a procedure in its unit; letters, digits, dots, dashes and underscores. */
export const ProcedureCode = z.string().trim().min(1).max(60).regex(/^[0-9A-Za-z._-]+$/, 'letters, digits, dots, dashes, underscores');

/**
 * A statutory time limit. `value` 0 means "on the spot / same day" (deadlines.md §1). Working days come in halves,
 * calendar days are whole, working hours in halves.
 */
export const Duration = z
  .strictObject({ value: z.number().min(0).max(1000), unit: TimeUnitSchema })
  .refine((d) => (d.unit === 'day' ? Number.isInteger(d.value) : Number.isInteger(d.value * 2)), { message: 'working days and hours in halves, calendar days whole', path: ['value'] });
export type DurationDto = z.infer<typeof Duration>;

export const ProcedureStep = z.strictObject({
  kind: z.enum(STEP_KIND_VALUES),
  /** Local wording of the step, when it says more than the kind. */
  name: z.string().trim().max(300).nullable().default(null),
  role: z.enum(STEP_ROLE_VALUES),
  unitKind: UnitKindSchema,
  /** Share of the statutory time given to this step, in percent; the shares of a procedure add up to 100. */
  sharePercent: z.number().min(0).max(100),
});

export const RequiredDocument = z.strictObject({
  name: Text(500),
  form: z.enum(DOCUMENT_FORM_VALUES),
  count: z.number().int().min(1).max(50),
  /** File name of the form or declaration template (mẫu đơn, tờ khai), when there is one. */
  templateFile: z.string().trim().max(200).nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
});

/** A fee or charge (phí, lệ phí) in đồng, an integer. */
export const Fee = z.strictObject({
  name: Text(300),
  amount: z.number().int().min(0).max(10_000_000_000),
  note: z.string().trim().max(1000).nullable().default(null),
});

const Steps = z
  .array(ProcedureStep)
  .max(20)
  .refine((s) => s.length === 0 || Math.abs(s.reduce((a, x) => a + x.sharePercent, 0) - 100) < 0.01, 'the shares of the steps must add up to 100');
const UnitIds = z
  .array(Uuid)
  .min(1)
  .max(200)
  .refine((a) => new Set(a).size === a.length, 'a unit is listed twice');
const Documents = z
  .array(RequiredDocument)
  .max(80)
  .refine((a) => new Set(a.map((d) => d.name)).size === a.length, 'two documents have the same name');
const Fees = z
  .array(Fee)
  .max(30)
  .refine((a) => new Set(a.map((d) => d.name)).size === a.length, 'two fees have the same name');

/** Everything a version of a procedure holds. Every change to any of it makes a new version. */
export const ProcedureContentShape = {
  nationalCode: NationalCode.nullable(),
  /** True when the national code could not be confirmed against the national procedure database. */
  nationalCodeUnconfirmed: z.boolean(),
  name: Text(500),
  nameEn: z.string().trim().max(500).nullable(),
  nameFr: z.string().trim().max(500).nullable(),
  field: ProcedureFieldSchema,
  authorityLevel: AuthorityLevelSchema,
  implementingUnitIds: UnitIds,
  legalBases: z.array(Text(1000)).max(60),
  /** Decision announcing this version (Quyết định công bố). */
  decisionRef: z.string().trim().max(300).nullable(),
  /** Statutory time at the counter (in person, by post). */
  processingTime: Duration,
  /** Time when filed online; null = same as at the counter. */
  processingTimeOnline: Duration.nullable(),
  steps: Steps,
  documents: Documents,
  fees: Fees,
  onlineLevel: OnlineLevelSchema,
  resultType: Text(500),
  /** Whether results are digitised for reuse (kết quả được số hóa). */
  resultDigitised: z.boolean(),
  status: ProcedureStatusSchema,
};
export const ProcedureContent = z.strictObject(ProcedureContentShape);
export type ProcedureContentDto = z.infer<typeof ProcedureContent>;

export const CreateProcedureBody = z.strictObject({
  ...ProcedureContentShape,
  nationalCodeUnconfirmed: z.boolean().default(false),
  nameEn: z.string().trim().max(500).nullable().default(null),
  nameFr: z.string().trim().max(500).nullable().default(null),
  legalBases: z.array(Text(1000)).max(60).default([]),
  decisionRef: z.string().trim().max(300).nullable().default(null),
  processingTimeOnline: Duration.nullable().default(null),
  steps: Steps.default([]),
  fees: Fees.default([]),
  resultDigitised: z.boolean().default(false),
  status: ProcedureStatusSchema.default('active'),
  /** The unit whose catalogue holds the procedure (who may edit it). */
  ownerUnitId: Uuid,
  code: ProcedureCode,
  /** First day the procedure applies. */
  effectiveFrom: IsoDate,
  changeNote: z.string().trim().max(1000).nullable().optional(),
});

/** A change: only the fields sent change; the result is a new version effective from `effectiveFrom` (default today). */
export const UpdateProcedureBody = z.strictObject({
  ...z.strictObject(ProcedureContentShape).partial().shape,
  version: Version,
  effectiveFrom: IsoDate.optional(),
  changeNote: z.string().trim().max(1000).nullable().optional(),
});

export const ListProceduresQuery = z.strictObject({
  q: z.string().max(200).optional().describe('Accent-insensitive search in names and codes: "dang ky khai sinh" finds "Đăng ký khai sinh"'),
  field: ProcedureFieldSchema.optional(),
  level: AuthorityLevelSchema.optional(),
  unitId: Uuid.optional().describe('Procedures implemented by this unit'),
  ownerUnitId: Uuid.optional().describe("Procedures of this unit's catalogue"),
  onlineLevel: OnlineLevelSchema.optional(),
  status: z.enum([...PROCEDURE_STATUS_VALUES, 'all']).default('active'),
  asOf: IsoDate.optional().describe('Versions in force on this date (default: today in Vietnam)'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const UnitRef = z.object({ id: Uuid, name: z.string() });

export const ProcedureSummary = z.object({
  id: Uuid,
  code: z.string(),
  ownerUnitId: Uuid,
  versionNo: z.number(),
  effectiveFrom: z.string(),
  nationalCode: z.string().nullable(),
  nationalCodeUnconfirmed: z.boolean(),
  name: z.string(),
  field: ProcedureFieldSchema,
  authorityLevel: AuthorityLevelSchema,
  implementingUnitIds: z.array(Uuid),
  processingTime: Duration,
  processingTimeOnline: Duration.nullable(),
  onlineLevel: OnlineLevelSchema,
  status: ProcedureStatusSchema,
  documentCount: z.number(),
  /** Sum of the fees in đồng. */
  feeTotal: z.number(),
  isDemo: z.boolean(),
});

export const ProcedurePage = z.object({ total: z.number(), items: z.array(ProcedureSummary) });

export const ProcedureVersionView = z.object({
  ...ProcedureContentShape,
  id: Uuid,
  procedureId: Uuid,
  versionNo: z.number(),
  effectiveFrom: z.string(),
  changeNote: z.string().nullable(),
  /** What produced the version: create, edit, import, proposal, rebase (re-applied over an earlier change), seed. */
  source: z.string(),
  proposalId: Uuid.nullable(),
  createdAt: z.string(),
});
export type ProcedureVersionDto = z.infer<typeof ProcedureVersionView>;

export const ProcedureDetail = ProcedureVersionView.extend({
  /** Id of the procedure; `id` of the version is `versionId`. */
  id: Uuid,
  versionId: Uuid,
  code: z.string(),
  ownerUnit: UnitRef,
  implementingUnits: z.array(UnitRef),
  isDemo: z.boolean(),
  /** Highest version number: send it as `version` to change the procedure. */
  version: z.number(),
  /** Whether the version shown is the one in force today (false for a procedure that starts later). */
  inForce: z.boolean(),
  /** Versions recorded with a later effective date (e.g. an approved cut not yet in force). */
  scheduled: z.array(z.object({ versionNo: z.number(), effectiveFrom: z.string(), source: z.string() })),
});
export type ProcedureDetailDto = z.infer<typeof ProcedureDetail>;

export const VersionListItem = z.object({
  id: Uuid,
  versionNo: z.number(),
  effectiveFrom: z.string(),
  source: z.string(),
  changeNote: z.string().nullable(),
  proposalId: Uuid.nullable(),
  createdAt: z.string(),
  /** Whether this version is the one in force today (Vietnam time). */
  inForce: z.boolean(),
  /** Top-level fields that differ from the previous version number. */
  changedFields: z.array(z.string()),
});

export const ProcedureAsOfQuery = z.strictObject({ asOf: IsoDate.optional() });

export const ExportProceduresQuery = ListProceduresQuery.omit({ limit: true, offset: true }).extend({ status: z.enum([...PROCEDURE_STATUS_VALUES, 'all']).default('all') });

export const ImportProceduresQuery = z.strictObject({
  ownerUnitId: Uuid.describe('Catalogue (unit) the rows belong to'),
  dryRun: z.enum(['true', 'false']).default('false'),
});

export const ImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number(),
  versioned: z.number(),
  unchanged: z.number(),
  rows: z.array(z.object({ row: z.number(), code: z.string(), outcome: z.enum(['created', 'versioned', 'unchanged']), procedureId: Uuid.nullable(), versionNo: z.number().nullable() })),
});

// ---- Yearly review and simplification ----

export const ReviewPlan = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  year: z.number(),
  title: z.string(),
  note: z.string().nullable(),
  /** Versions in force on this date are the "before" of the simplification report (default 1 January). */
  baselineDate: z.string(),
  status: z.enum(REVIEW_PLAN_STATUS_VALUES),
  procedureIds: z.array(Uuid),
  version: z.number(),
  createdAt: z.string(),
});

export const CreateReviewPlanBody = z.strictObject({
  unitId: Uuid,
  year: z.number().int().min(2000).max(2100),
  title: Text(300),
  note: z.string().trim().max(4000).nullable().default(null),
  baselineDate: IsoDate.optional(),
  procedureIds: z.array(Uuid).max(2000).default([]),
});

export const UpdateReviewPlanBody = z.strictObject({
  version: Version,
  title: Text(300).optional(),
  note: z.string().trim().max(4000).nullable().optional(),
  status: z.enum(REVIEW_PLAN_STATUS_VALUES).optional(),
  procedureIds: z.array(Uuid).max(2000).optional(),
});

export const ListReviewPlansQuery = z.strictObject({ unitId: Uuid.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });

/** The change a proposal makes, by kind. Each is idempotent (a "set", never an "add"), so it can be re-applied. */
export const ProposalChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cut_time'), processingTime: Duration, processingTimeOnline: Duration.nullable().optional() }),
  z.strictObject({ kind: z.literal('drop_document'), documentName: Text(500) }),
  z.strictObject({ kind: z.literal('cut_fee'), feeName: Text(300), amount: z.number().int().min(0).max(10_000_000_000) }),
  z.strictObject({ kind: z.literal('merge'), intoProcedureId: Uuid }),
  z.strictObject({ kind: z.literal('abolish') }),
  z.strictObject({ kind: z.literal('move_online'), onlineLevel: z.enum(['full', 'partial']) }),
]);
export type ProposalChangeDto = z.infer<typeof ProposalChange>;

export const CreateProposalBody = z.strictObject({
  procedureId: Uuid,
  change: ProposalChange,
  rationale: Text(4000),
  effectiveDate: IsoDate,
});

export const UpdateProposalBody = z.strictObject({
  version: Version,
  change: ProposalChange.optional(),
  rationale: Text(4000).optional(),
  effectiveDate: IsoDate.optional(),
  /** A proposer may withdraw a proposal not yet decided. */
  status: z.literal('withdrawn').optional(),
});

export const DecideProposalBody = z.strictObject({
  version: Version,
  decision: z.enum(['approved', 'rejected']),
  note: z.string().trim().max(4000).nullable().default(null),
  /** Overrides the proposal's effective date (required when that date has passed). */
  effectiveDate: IsoDate.optional(),
});

export const Proposal = z.object({
  id: Uuid,
  planId: Uuid,
  procedureId: Uuid,
  procedureName: z.string(),
  procedureCode: z.string(),
  unitId: Uuid,
  kind: z.enum(PROPOSAL_KIND_VALUES),
  change: ProposalChange,
  rationale: z.string(),
  effectiveDate: z.string(),
  status: z.enum(PROPOSAL_STATUS_VALUES),
  baseVersionNo: z.number(),
  resultVersionNo: z.number().nullable(),
  decidedBy: Uuid.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

export const ReviewPlanDetail = ReviewPlan.extend({ proposals: z.array(Proposal) });

export const SimplificationReportQuery = z.strictObject({
  unitId: Uuid,
  year: z.coerce.number().int().min(2000).max(2100),
  /** Value of one working day of an applicant's time in đồng (time cost); default in simplification.ts. */
  timeValuePerDay: z.coerce.number().int().min(0).max(100_000_000).optional(),
});

const Measure = z.object({ before: z.number(), after: z.number(), reduction: z.number(), percent: z.number().nullable() });
export const SimplificationReport = z.object({
  unitId: Uuid,
  unitName: z.string(),
  year: z.number(),
  planId: Uuid.nullable(),
  baselineDate: z.string().nullable(),
  timeValuePerDay: z.number(),
  reviewedCount: z.number(),
  simplifiedCount: z.number(),
  abolishedCount: z.number(),
  proposals: z.object({ total: z.number(), byStatus: z.record(z.string(), z.number()), byKind: z.record(z.string(), z.number()) }),
  /** Total statutory time in working days. */
  time: Measure,
  /** Number of required documents. */
  documents: Measure,
  /** Fees in đồng. */
  fees: Measure,
  /** Compliance cost in đồng = fees + working days × timeValuePerDay. */
  complianceCost: Measure,
  target: z.object({ minPercent: z.number(), maxPercent: z.number(), timeMet: z.boolean(), complianceCostMet: z.boolean() }),
  formulas: z.record(z.string(), z.string()),
  rows: z.array(
    z.object({
      procedureId: Uuid,
      code: z.string(),
      name: z.string(),
      baseVersionNo: z.number(),
      approvedProposals: z.number(),
      timeBefore: z.number(),
      timeAfter: z.number(),
      documentsBefore: z.number(),
      documentsAfter: z.number(),
      feesBefore: z.number(),
      feesAfter: z.number(),
      costBefore: z.number(),
      costAfter: z.number(),
      abolished: z.boolean(),
    }),
  ),
});
export type SimplificationReportDto = z.infer<typeof SimplificationReport>;
