/**
 * The reform programme's API shapes (PAR index, steering documents and tasks, inspections, initiatives,
 * training, discipline, summary), shared by the routes and the web app. Strict objects: unknown fields are
 * refused and named.
 */
import { z } from 'zod';
import { IsoDate, Text, Uuid, Version } from './common.ts';
import {
  ATTENDANCE_RESULT_VALUES,
  COURSE_LOCATION_VALUES,
  DOCUMENT_KIND_VALUES,
  INITIATIVE_KIND_VALUES,
  INITIATIVE_STATUS_VALUES,
  INSPECTION_KIND_VALUES,
  INSPECTION_STATUS_VALUES,
  OFFICIAL_LEVEL_VALUES,
  PAR_ASSESSMENT_STATUS_VALUES,
  PAR_EVIDENCE_KIND_VALUES,
  PAR_FRAMEWORK_STATUS_VALUES,
  PAR_METHOD_VALUES,
  PAR_NODE_LEVEL_VALUES,
  PAR_TARGET_LEVEL_VALUES,
  PAR_TIE_RULE_VALUES,
  RECOGNITION_LEVEL_VALUES,
  RECOMMENDATION_STATUS_VALUES,
  SANCTION_VALUES,
  TASK_STATUS_VALUES,
  TEAM_ROLE_VALUES,
} from '../server/modules/reform/reform.kinds.ts';

// ---- Shared pieces ---------------------------------------------------------------------------------------------

/** Points with at most two decimals (PAR scores are published to the hundredth). */
export const Points = z
  .number()
  .min(0)
  .max(1000)
  .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6, 'at most 2 decimals');
export const Lang3 = z.strictObject({ vi: Text(200), en: Text(200), fr: Text(200) });
const Note = (max = 4000) => z.string().trim().max(max).nullable().optional();
const Url = z.url({ protocol: /^https?$/ }).max(2000);
const Year = z.number().int().min(2000).max(2100);
const YearQ = z.coerce.number().int().min(2000).max(2100);
const Bool = z.enum(['true', 'false']);
export const PageQuery = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) };
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
const Label = z.object({ vi: z.string(), en: z.string(), fr: z.string() });

// ---- PAR index: frameworks and criteria -------------------------------------------------------------------------

/** One classification band: an index ≥ `minIndex` (and below the next band up) gets this class. */
export const ParBand = z.strictObject({ code: z.string().regex(/^[a-z][a-z_]{1,29}$/, 'lower-case code'), minIndex: z.number().min(0).max(100), label: Lang3 });
export const ParBands = z
  .array(ParBand)
  .min(1)
  .max(10)
  .refine((b) => new Set(b.map((x) => x.code)).size === b.length, 'band codes must differ')
  .refine((b) => new Set(b.map((x) => x.minIndex)).size === b.length, 'band thresholds must differ');
export const ParTargetLevel = z.enum(PAR_TARGET_LEVEL_VALUES);
export const ParTieRule = z.enum(PAR_TIE_RULE_VALUES);
export const ParMethod = z.enum(PAR_METHOD_VALUES);
/** A criterion code: 1 to 3 dot-separated numbers ("3", "3.2", "3.2.1"); its depth gives its level. */
export const CriterionCode = z.string().trim().regex(/^\d{1,2}(\.\d{1,2}){0,2}$/, 'like 3, 3.2 or 3.2.1');
export const LiveFigureKey = z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'like training.classes');

export const CreateFrameworkBody = z.strictObject({
  provinceUnitId: Uuid,
  year: Year,
  targetLevel: ParTargetLevel,
  name: Text(300),
  decisionRef: Note(300),
  maxPoints: Points.refine((x) => x > 0, 'must be positive').default(100),
  bands: ParBands.optional(),
  tieRule: ParTieRule.default('competition'),
  notes: Note(),
});
export const UpdateFrameworkBody = z.strictObject({
  version: Version,
  name: Text(300).optional(),
  decisionRef: Note(300),
  maxPoints: Points.refine((x) => x > 0, 'must be positive').optional(),
  bands: ParBands.optional(),
  tieRule: ParTieRule.optional(),
  status: z.enum(PAR_FRAMEWORK_STATUS_VALUES).optional(),
  notes: Note(),
});
export const ListFrameworksQuery = z.strictObject({ provinceUnitId: Uuid.optional(), year: YearQ.optional(), targetLevel: ParTargetLevel.optional() });

export const CreateCriterionBody = z.strictObject({
  parentId: Uuid.nullable(),
  code: CriterionCode,
  title: Text(1000),
  maxPoints: Points,
  guidance: Note(5000),
  method: ParMethod.default('self'),
  liveFigureKey: LiveFigureKey.nullable().optional(),
  position: z.number().int().min(0).max(10000).optional(),
});
export const UpdateCriterionBody = z.strictObject({
  version: Version,
  title: Text(1000).optional(),
  maxPoints: Points.optional(),
  guidance: Note(5000),
  method: ParMethod.optional(),
  liveFigureKey: LiveFigureKey.nullable().optional(),
  position: z.number().int().min(0).max(10000).optional(),
});

export const Criterion = z.object({
  id: Uuid,
  frameworkId: Uuid,
  parentId: Uuid.nullable(),
  code: z.string(),
  level: z.enum(PAR_NODE_LEVEL_VALUES),
  title: z.string(),
  maxPoints: z.number(),
  guidance: z.string().nullable(),
  method: ParMethod,
  liveFigureKey: z.string().nullable(),
  position: z.number(),
  version: z.number(),
});
export const Framework = z.object({
  id: Uuid,
  provinceUnitId: Uuid,
  provinceName: z.string(),
  year: z.number(),
  targetLevel: ParTargetLevel,
  name: z.string(),
  decisionRef: z.string().nullable(),
  maxPoints: z.number(),
  /** Sum of the areas' maxima (equals maxPoints once the tree is complete; 0 for a results-only year). */
  treeMaxPoints: z.number(),
  criteriaCount: z.number(),
  bands: z.array(z.object({ code: z.string(), minIndex: z.number(), label: Label })),
  tieRule: ParTieRule,
  status: z.enum(PAR_FRAMEWORK_STATUS_VALUES),
  notes: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
});
export const FrameworkDetail = Framework.extend({ criteria: z.array(Criterion) });

export const ImportFrameworkQuery = z.strictObject({
  provinceUnitId: Uuid,
  year: YearQ,
  targetLevel: ParTargetLevel,
  name: Text(300),
  maxPoints: z.coerce.number().positive().max(1000).default(100),
  dryRun: Bool.optional(),
});
export const ImportError = z.object({ sheet: z.string(), row: z.number(), column: z.string(), message: z.string() });
export const ImportFrameworkResult = z.object({ dryRun: z.boolean(), frameworkId: Uuid.nullable(), criteria: z.number(), bands: z.number() });

// ---- PAR index: assessments ------------------------------------------------------------------------------------

export const CreateAssessmentBody = z.strictObject({
  unitId: Uuid.nullable().optional(),
  localityName: Text(200).optional(),
  illustrative: z.boolean().optional(),
  /** The province's published result (e.g. a year before motcua): the assessment is recorded as published. */
  publishedScore: Points.optional(),
  notes: Note(),
});
export const ListAssessmentsQuery = z.strictObject({ frameworkId: Uuid.optional(), unitId: Uuid.optional(), year: YearQ.optional() });

/** A self-assessed score; `version` is the score's version you read (0 when the criterion has no score yet). */
export const SelfScoreBody = z.strictObject({ version: z.number().int().min(0), score: Points, comment: Note() });
export const AppraisalBody = z.strictObject({ version: z.number().int().min(0), score: Points, comment: Note() });
export const SurveyBody = z.strictObject({
  version: Version,
  results: z.array(z.strictObject({ criterionId: Uuid, score: Points, respondents: z.number().int().min(0).max(10_000_000).nullable().optional(), note: Note(1000) })).min(1).max(200),
});
export const TransitionBody = z.strictObject({ version: Version });
export const EvidenceBody = z.strictObject({
  kind: z.enum(PAR_EVIDENCE_KIND_VALUES),
  title: Text(500).optional(),
  url: Url.nullable().optional(),
  documentId: Uuid.nullable().optional(),
  figureKey: LiveFigureKey.nullable().optional(),
});

export const LiveFigure = z.object({
  key: z.string(),
  label: Label,
  unit: z.enum(['count', 'percent']),
  source: z.string(),
  status: z.enum(['available', 'not_available', 'unknown']),
  value: z.number().nullable(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
});
export const Evidence = z.object({
  id: Uuid,
  kind: z.enum(PAR_EVIDENCE_KIND_VALUES),
  title: z.string(),
  url: z.string().nullable(),
  documentId: Uuid.nullable(),
  documentLabel: z.string().nullable(),
  figureKey: z.string().nullable(),
  figureValue: z.number().nullable(),
  figurePeriod: z.string().nullable(),
  createdAt: z.string(),
});
export const Score = z.object({
  id: Uuid,
  criterionId: Uuid,
  selfScore: z.number().nullable(),
  selfComment: z.string().nullable(),
  appraisedScore: z.number().nullable(),
  appraisalComment: z.string().nullable(),
  surveyScore: z.number().nullable(),
  surveyRespondents: z.number().nullable(),
  version: z.number(),
});
export const Totals = z.object({
  selfPoints: z.number(),
  appraisedPoints: z.number(),
  surveyPoints: z.number(),
  finalPoints: z.number(),
  maxPoints: z.number(),
  index: z.number(),
  classification: z.object({ code: z.string(), label: Label }).nullable(),
  source: z.enum(['computed', 'published']),
  rank: z.number().nullable(),
  of: z.number(),
});
export const AssessmentSummary = z.object({
  id: Uuid,
  frameworkId: Uuid,
  year: z.number(),
  provinceUnitId: Uuid,
  unitId: Uuid.nullable(),
  localityName: z.string(),
  illustrative: z.boolean(),
  status: z.enum(PAR_ASSESSMENT_STATUS_VALUES),
  notes: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
  totals: Totals,
});
export const AssessmentNode = Criterion.extend({
  selfPoints: z.number(),
  finalPoints: z.number(),
  score: Score.nullable(),
  evidence: z.array(Evidence),
  liveFigure: LiveFigure.nullable(),
});
export const AssessmentDetail = AssessmentSummary.extend({
  framework: Framework,
  nodes: z.array(AssessmentNode),
  /** What the caller may do here (the web app shows the matching buttons). */
  can: z.object({ selfAssess: z.boolean(), appraise: z.boolean() }),
});

export const RankingRow = z.object({
  assessmentId: Uuid,
  unitId: Uuid.nullable(),
  localityName: z.string(),
  illustrative: z.boolean(),
  status: z.enum(PAR_ASSESSMENT_STATUS_VALUES),
  finalPoints: z.number(),
  index: z.number(),
  rank: z.number(),
  tied: z.boolean(),
  classification: z.object({ code: z.string(), label: Label }).nullable(),
  source: z.enum(['computed', 'published']),
});
export const Ranking = z.object({ framework: Framework, tieRule: ParTieRule, provisional: z.boolean(), rows: z.array(RankingRow) });
export const TrendQuery = z.strictObject({ unitId: Uuid, includePredecessors: Bool.optional() });
export const TrendPoint = z.object({
  year: z.number(),
  frameworkId: Uuid,
  frameworkName: z.string(),
  unitId: Uuid.nullable(),
  localityName: z.string(),
  status: z.enum(PAR_ASSESSMENT_STATUS_VALUES),
  finalPoints: z.number(),
  index: z.number(),
  rank: z.number().nullable(),
  of: z.number(),
  classification: z.object({ code: z.string(), label: Label }).nullable(),
});
export const Trend = z.object({ unitId: Uuid, points: z.array(TrendPoint) });

// ---- Steering documents and tasks ------------------------------------------------------------------------------

export const DocumentKind = z.enum(DOCUMENT_KIND_VALUES);
export const CreateDocumentBody = z.strictObject({
  unitId: Uuid,
  kind: DocumentKind,
  number: Text(100),
  issuedOn: IsoDate,
  issuer: Text(300),
  signer: Note(200),
  summary: Text(4000),
  fileUrl: Url.nullable().optional(),
});
export const UpdateDocumentBody = z.strictObject({
  version: Version,
  kind: DocumentKind.optional(),
  number: Text(100).optional(),
  issuedOn: IsoDate.optional(),
  issuer: Text(300).optional(),
  signer: Note(200),
  summary: Text(4000).optional(),
  fileUrl: Url.nullable().optional(),
});
export const ListDocumentsQuery = z.strictObject({ unitId: Uuid.optional(), kind: DocumentKind.optional(), year: YearQ.optional(), q: z.string().max(200).optional(), ...PageQuery });
export const SteeringDocument = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  kind: DocumentKind,
  number: z.string(),
  issuedOn: z.string(),
  issuer: z.string(),
  signer: z.string().nullable(),
  summary: z.string(),
  fileUrl: z.string().nullable(),
  taskCount: z.number(),
  isDemo: z.boolean(),
  version: z.number(),
});

export const TaskStatus = z.enum(TASK_STATUS_VALUES);
export const CreateTaskBody = z.strictObject({
  documentId: Uuid.nullable().optional(),
  unitId: Uuid.optional(),
  assigneeUnitId: Uuid,
  title: Text(1000),
  description: Note(),
  deadline: IsoDate,
});
export const UpdateTaskBody = z.strictObject({
  version: Version,
  title: Text(1000).optional(),
  description: Note(),
  deadline: IsoDate.optional(),
  assigneeUnitId: Uuid.optional(),
  status: z.enum(['cancelled', 'not_started', 'in_progress']).optional(),
});
export const TaskReportBody = z.strictObject({
  version: Version,
  reportedOn: IsoDate.optional(),
  progress: z.number().int().min(0).max(100),
  done: z.boolean().default(false),
  note: Text(4000),
  evidenceUrl: Url.nullable().optional(),
});
export const ListTasksQuery = z.strictObject({
  unitId: Uuid.optional(),
  assigneeUnitId: Uuid.optional(),
  documentId: Uuid.optional(),
  status: TaskStatus.optional(),
  overdue: Bool.optional(),
  ...PageQuery,
});
export const TaskReport = z.object({ id: Uuid, reportedOn: z.string(), progress: z.number(), status: TaskStatus, note: z.string(), evidenceUrl: z.string().nullable(), reportedBy: z.string().nullable(), createdAt: z.string() });
export const ReformTask = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  documentId: Uuid.nullable(),
  documentNumber: z.string().nullable(),
  assigneeUnitId: Uuid,
  assigneeUnitName: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  deadline: z.string(),
  status: TaskStatus,
  progress: z.number(),
  completedOn: z.string().nullable(),
  /** Not done nor cancelled, and the deadline has passed (Vietnam date). */
  overdue: z.boolean(),
  daysOverdue: z.number(),
  completedLate: z.boolean(),
  isDemo: z.boolean(),
  version: z.number(),
});
export const ReformTaskDetail = ReformTask.extend({ reports: z.array(TaskReport) });

// ---- Inspections -----------------------------------------------------------------------------------------------

export const InspectionKind = z.enum(INSPECTION_KIND_VALUES);
export const TeamMember = z.strictObject({ name: Text(200), role: z.enum(TEAM_ROLE_VALUES), position: Note(200) });
export const CreatePlanBody = z.strictObject({ unitId: Uuid, year: Year, title: Text(500), decisionRef: Note(300), approvedOn: IsoDate.nullable().optional(), notes: Note() });
export const UpdatePlanBody = z.strictObject({ version: Version, title: Text(500).optional(), decisionRef: Note(300), approvedOn: IsoDate.nullable().optional(), notes: Note() });
export const InspectionPlan = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  year: z.number(),
  title: z.string(),
  decisionRef: z.string().nullable(),
  approvedOn: z.string().nullable(),
  notes: z.string().nullable(),
  inspections: z.object({ integrated: z.number(), surprise: z.number() }),
  isDemo: z.boolean(),
  version: z.number(),
});
export const CreateInspectionBody = z.strictObject({
  planId: Uuid.nullable().optional(),
  unitId: Uuid,
  kind: InspectionKind,
  targetUnitId: Uuid,
  title: Text(500),
  decisionRef: Note(300),
  startOn: IsoDate,
  endOn: IsoDate.nullable().optional(),
  team: z.array(TeamMember).max(30).default([]),
});
export const UpdateInspectionBody = z.strictObject({
  version: Version,
  title: Text(500).optional(),
  decisionRef: Note(300),
  startOn: IsoDate.optional(),
  endOn: IsoDate.nullable().optional(),
  team: z.array(TeamMember).max(30).optional(),
  findings: Note(20000),
  status: z.enum(INSPECTION_STATUS_VALUES).optional(),
  conclusionRef: Note(300),
  concludedOn: IsoDate.nullable().optional(),
});
export const ListInspectionsQuery = z.strictObject({ unitId: Uuid.optional(), targetUnitId: Uuid.optional(), kind: InspectionKind.optional(), year: YearQ.optional(), planId: Uuid.optional(), ...PageQuery });
export const CreateRecommendationBody = z.strictObject({ content: Text(4000), responsibleUnitId: Uuid, deadline: IsoDate });
export const FollowUpBody = z.strictObject({ reportedOn: IsoDate.optional(), note: Text(4000), evidenceUrl: Url.nullable().optional() });
export const CloseRecommendationBody = z.strictObject({ version: Version, closedOn: IsoDate.optional(), evidence: Text(4000), evidenceUrl: Url.nullable().optional() });
export const ListRecommendationsQuery = z.strictObject({
  unitId: Uuid.optional(),
  responsibleUnitId: Uuid.optional(),
  status: z.enum(RECOMMENDATION_STATUS_VALUES).optional(),
  overdue: Bool.optional(),
  ...PageQuery,
});
export const FollowUp = z.object({ id: Uuid, reportedOn: z.string(), note: z.string(), evidenceUrl: z.string().nullable(), reportedBy: z.string().nullable(), createdAt: z.string() });
export const Recommendation = z.object({
  id: Uuid,
  inspectionId: Uuid,
  inspectionTitle: z.string(),
  unitId: Uuid,
  responsibleUnitId: Uuid,
  responsibleUnitName: z.string(),
  content: z.string(),
  deadline: z.string(),
  status: z.enum(RECOMMENDATION_STATUS_VALUES),
  closedOn: z.string().nullable(),
  closingEvidence: z.string().nullable(),
  closingEvidenceUrl: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number(),
  followUps: z.array(FollowUp),
  isDemo: z.boolean(),
  version: z.number(),
});
export const Inspection = z.object({
  id: Uuid,
  planId: Uuid.nullable(),
  unitId: Uuid,
  unitName: z.string(),
  kind: InspectionKind,
  targetUnitId: Uuid,
  targetUnitName: z.string(),
  title: z.string(),
  decisionRef: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  team: z.array(z.object({ name: z.string(), role: z.enum(TEAM_ROLE_VALUES), position: z.string().nullable().optional() })),
  findings: z.string().nullable(),
  status: z.enum(INSPECTION_STATUS_VALUES),
  conclusionRef: z.string().nullable(),
  concludedOn: z.string().nullable(),
  recommendations: z.object({ total: z.number(), open: z.number(), overdue: z.number() }),
  isDemo: z.boolean(),
  version: z.number(),
});
export const InspectionDetail = Inspection.extend({ recommendationList: z.array(Recommendation) });
export const InspectionStatsQuery = z.strictObject({ unitId: Uuid, from: IsoDate.optional(), to: IsoDate.optional() });
export const InspectionStats = z.object({
  unitId: Uuid,
  byYear: z.array(z.object({ year: z.number(), integrated: z.number(), surprise: z.number() })),
  integrated: z.number(),
  surprise: z.number(),
  recommendations: z.object({ total: z.number(), open: z.number(), overdue: z.number(), closed: z.number() }),
});

// ---- Initiatives -----------------------------------------------------------------------------------------------

export const InitiativeKind = z.enum(INITIATIVE_KIND_VALUES);
export const CreateInitiativeBody = z.strictObject({ unitId: Uuid, kind: InitiativeKind, title: Text(500), authors: Text(500), field: Note(200), description: Text(8000), registeredOn: IsoDate });
export const UpdateInitiativeBody = z.strictObject({
  version: Version,
  title: Text(500).optional(),
  authors: Text(500).optional(),
  field: Note(200),
  description: Text(8000).optional(),
  applied: z.boolean().optional(),
  appliedFrom: IsoDate.nullable().optional(),
  applicationNote: Note(),
});
export const EvaluateInitiativeBody = z.strictObject({
  version: Version,
  result: z.enum(['recognised', 'not_recognised']),
  evaluatedOn: IsoDate,
  score: z.number().min(0).max(100).nullable().optional(),
  note: Note(),
  decisionRef: Note(300),
  level: z.enum(RECOGNITION_LEVEL_VALUES).nullable().optional(),
});
export const ListInitiativesQuery = z.strictObject({ unitId: Uuid.optional(), kind: InitiativeKind.optional(), status: z.enum(INITIATIVE_STATUS_VALUES).optional(), applied: Bool.optional(), year: YearQ.optional(), ...PageQuery });
export const Initiative = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  kind: InitiativeKind,
  title: z.string(),
  authors: z.string(),
  field: z.string().nullable(),
  description: z.string(),
  registeredOn: z.string(),
  status: z.enum(INITIATIVE_STATUS_VALUES),
  evaluatedOn: z.string().nullable(),
  evaluationScore: z.number().nullable(),
  evaluationNote: z.string().nullable(),
  recognitionRef: z.string().nullable(),
  recognitionLevel: z.string().nullable(),
  applied: z.boolean(),
  appliedFrom: z.string().nullable(),
  applicationNote: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
});

// ---- Training --------------------------------------------------------------------------------------------------

export const OfficialLevel = z.enum(OFFICIAL_LEVEL_VALUES);
export const CreateClassBody = z.strictObject({
  unitId: Uuid,
  title: Text(500),
  organiser: Text(300),
  level: OfficialLevel,
  startOn: IsoDate,
  endOn: IsoDate,
  location: Note(300),
  reportedParticipants: z.number().int().min(0).max(100_000).nullable().optional(),
});
export const UpdateClassBody = z.strictObject({
  version: Version,
  title: Text(500).optional(),
  organiser: Text(300).optional(),
  level: OfficialLevel.optional(),
  startOn: IsoDate.optional(),
  endOn: IsoDate.optional(),
  location: Note(300),
  reportedParticipants: z.number().int().min(0).max(100_000).nullable().optional(),
});
export const ListClassesQuery = z.strictObject({ unitId: Uuid.optional(), year: YearQ.optional(), level: OfficialLevel.optional(), ...PageQuery });
export const TrainingClass = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  title: z.string(),
  organiser: z.string(),
  level: OfficialLevel,
  startOn: z.string(),
  endOn: z.string(),
  location: z.string().nullable(),
  reportedParticipants: z.number().nullable(),
  attendanceCount: z.number(),
  /** The attendance list when there is one, else the headcount reported by the organiser. */
  trainees: z.number(),
  isDemo: z.boolean(),
  version: z.number(),
});
export const Attendee = z.object({ id: Uuid, rowNo: z.number(), fullName: z.string(), position: z.string().nullable(), workUnit: z.string().nullable(), birthYear: z.number().nullable(), result: z.enum(ATTENDANCE_RESULT_VALUES).nullable() });
export const TrainingClassDetail = TrainingClass.extend({ attendance: z.array(Attendee) });
export const ImportAttendanceQuery = z.strictObject({ version: z.coerce.number().int().positive(), replace: Bool.optional(), dryRun: Bool.optional() });
export const ImportAttendanceResult = z.object({ dryRun: z.boolean(), imported: z.number(), replaced: z.number(), class: TrainingClass.nullable() });

export const CreateExternalBody = z.strictObject({
  unitId: Uuid,
  fullName: Text(200),
  position: Note(200),
  course: Text(500),
  organiser: Text(300),
  location: z.enum(COURSE_LOCATION_VALUES),
  startOn: IsoDate,
  endOn: IsoDate.nullable().optional(),
  decisionRef: Note(300),
});
export const ListExternalQuery = z.strictObject({ unitId: Uuid.optional(), year: YearQ.optional(), ...PageQuery });
export const ExternalCourse = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  course: z.string(),
  organiser: z.string(),
  location: z.enum(COURSE_LOCATION_VALUES),
  startOn: z.string(),
  endOn: z.string().nullable(),
  decisionRef: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
});

// ---- Discipline (confidential) ---------------------------------------------------------------------------------

export const CreateDisciplineBody = z.strictObject({
  unitId: Uuid,
  fullName: Text(200),
  position: Note(200),
  level: OfficialLevel,
  sanction: z.enum(SANCTION_VALUES),
  decidedOn: IsoDate,
  decisionRef: Text(300),
  reason: Note(),
});
export const UpdateDisciplineBody = z.strictObject({
  version: Version,
  fullName: Text(200).optional(),
  position: Note(200),
  level: OfficialLevel.optional(),
  sanction: z.enum(SANCTION_VALUES).optional(),
  decidedOn: IsoDate.optional(),
  decisionRef: Text(300).optional(),
  reason: Note(),
});
export const ListDisciplineQuery = z.strictObject({ unitId: Uuid.optional(), year: YearQ.optional(), level: OfficialLevel.optional(), ...PageQuery });
export const DisciplineRecord = z.object({
  id: Uuid,
  unitId: Uuid,
  unitName: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  level: OfficialLevel,
  sanction: z.enum(SANCTION_VALUES),
  decidedOn: z.string(),
  decisionRef: z.string(),
  reason: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number(),
});

// ---- Summary ---------------------------------------------------------------------------------------------------

export const SummaryQuery = z.strictObject({ unitId: Uuid, from: IsoDate.optional(), to: IsoDate.optional() });
const ByKey = z.record(z.string(), z.number());
export const ReformSummary = z.object({
  unitId: Uuid,
  unitName: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  documents: z.object({ issued: z.number(), byKind: ByKey, byYear: ByKey }),
  tasks: z.object({ total: z.number(), done: z.number(), open: z.number(), overdue: z.number() }),
  initiatives: z.object({ registered: z.number(), recognised: z.number(), applied: z.number() }),
  inspections: z.object({ integrated: z.number(), surprise: z.number(), byYear: z.array(z.object({ year: z.number(), integrated: z.number(), surprise: z.number() })), recommendationsOpen: z.number(), recommendationsOverdue: z.number() }),
  training: z.object({ classes: z.number(), trainees: z.number(), sentToCourses: z.number() }),
  discipline: z.object({ total: z.number(), byLevel: ByKey, bySanction: ByKey }),
  eId: z.object({ officialAccounts: z.number(), activeLast30Days: z.number(), eIdLinked: z.number().nullable(), coverage: z.number().nullable(), note: z.string() }),
  parTrend: z.array(TrendPoint),
});
