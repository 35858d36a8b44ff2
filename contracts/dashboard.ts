/**
 * Leaders' dashboard (bảng điều hành), Decision 766 index (Bộ chỉ số 766) and periodic reports.
 *
 *   GET  /api/v1/dashboard                      dashboard.read  DashboardQuery → 200 Dashboard (figures of a unit's
 *                                               subtree, monthly trend, comparison of its sub-units, procedures)
 *   GET  /api/v1/dashboard/dossiers             dashboard.read  DrillQuery → 200 DrillPage (the dossiers behind a number)
 *   GET  /api/v1/dashboard/export.xlsx          dashboard.read  ExportQuery → an Excel file of one dashboard table
 *   GET  /api/v1/dashboard/index766             dashboard.read  DashboardQuery → 200 Index766 (groups, indicators, ranking)
 *   GET  /api/v1/public/index766                public          PublicIndexQuery → 200 Index766 (the public scoreboard)
 *   POST /api/v1/dashboard/reports              dashboard.read  ReportBody → 202 Report (queued background job)
 *   GET  /api/v1/dashboard/reports              dashboard.read  → 200 { items: Report[] } (the caller's reports)
 *   GET  /api/v1/dashboard/reports/:id          dashboard.read  → 200 Report
 *   GET  /api/v1/dashboard/reports/:id/file     dashboard.read  → the file once ready (409 before)
 */
import { z } from 'zod';
import { IsoDate, Uuid } from './common.ts';

/** `then`: past periods as the units were then; `today`: mapped onto today's units through the lineage. */
export const UnitsMode = z.enum(['then', 'today']);
export type UnitsMode = z.infer<typeof UnitsMode>;

export const DashboardQuery = z.strictObject({
  unitId: Uuid.optional(),
  from: IsoDate,
  to: IsoDate,
  units: UnitsMode.default('then'),
});

export const DRILL_MEASURES = [
  'received',
  'received_counter',
  'received_online',
  'received_post',
  'finished',
  'early',
  'on_time',
  'late',
  'apart',
  'open_on_track',
  'open_due_soon',
  'open_overdue',
  'digitised',
  'returned',
  'results_digitised',
] as const;
export type DrillMeasure = (typeof DRILL_MEASURES)[number];

export const DrillQuery = DashboardQuery.extend({
  measure: z.enum(DRILL_MEASURES),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

const Rate = z.number().nullable();

export const Figures = z.object({
  received: z.number(),
  receivedCounter: z.number(),
  receivedOnline: z.number(),
  receivedPost: z.number(),
  finished: z.number(),
  early: z.number(),
  onTime: z.number(),
  late: z.number(),
  apart: z.number(),
  openOnTrack: z.number(),
  openDueSoon: z.number(),
  openOverdue: z.number(),
  /** (early + on time) ÷ (finished + open overdue). */
  onTimeRate: Rate,
  /** (early + on time) ÷ finished. */
  onTimeRateFinishedOnly: Rate,
  /** received online ÷ received. */
  onlineRate: Rate,
  /** Mean working minutes used by the finished dossiers, and their mean statutory budget. */
  avgUsedMinutes: Rate,
  avgBudgetMinutes: Rate,
  digitisation: z.object({
    received: z.number(),
    nothingToScan: z.number(),
    digitised: z.number(),
    reused: z.number(),
    returned: z.number(),
    resultsDigitised: z.number(),
    rate: Rate,
    rateAll: Rate,
    resultRate: Rate,
    reuseRate: Rate,
  }),
});
export type Figures = z.infer<typeof Figures>;

const Available = <T extends z.ZodTypeAny>(t: T) => z.union([t.and(z.object({ status: z.literal('available') })), z.object({ status: z.literal('not_available'), reason: z.string() })]);

export const Dashboard = z.object({
  unit: z.object({ id: Uuid, name: z.string() }),
  from: z.string(),
  to: z.string(),
  units: UnitsMode,
  /** The moment open dossiers are judged at: the period's end, or now if earlier. */
  asOf: z.string(),
  figures: Figures,
  satisfaction: Available(z.object({ ratings: z.number(), satisfied: z.number(), rate: Rate })),
  feedback: Available(z.object({ received: z.number(), answered: z.number(), answeredOnTime: z.number(), openOverdue: z.number(), onTimeRate: Rate })),
  trend: z.array(z.object({ month: z.string(), received: z.number(), receivedOnline: z.number(), finished: z.number(), early: z.number(), onTime: z.number(), late: z.number(), onTimeRateFinishedOnly: Rate })),
  comparison: z.array(z.object({ unitId: Uuid, name: z.string(), figures: Figures })),
  procedures: z.array(z.object({ procedureId: Uuid, name: z.string(), code: z.string(), received: z.number(), finished: z.number(), late: z.number(), avgUsedMinutes: Rate, avgBudgetMinutes: Rate })),
  formulas: z.record(z.string(), z.string()),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DrillItem = z.object({
  id: Uuid,
  code: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  channel: z.string(),
  status: z.string(),
  unitName: z.string(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcome: z.string().nullable(),
});
export const DrillPage = z.object({ total: z.number(), items: z.array(DrillItem) });

export const EXPORT_TABLES = ['figures', 'comparison', 'trend', 'procedures', 'dossiers', 'index766'] as const;
export const ExportQuery = DashboardQuery.extend({
  table: z.enum(EXPORT_TABLES),
  measure: z.enum(DRILL_MEASURES).optional(),
});

const IndicatorResult = z.object({
  code: z.string(),
  name: z.string(),
  max: z.number(),
  status: z.enum(['available', 'not_available']),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  rate: Rate,
  points: Rate,
  formula: z.string(),
  reason: z.string().nullable(),
});
export const UnitIndex = z.object({
  unitId: Uuid,
  name: z.string(),
  /** Points of the available indicators, their maximum, and points ÷ max × 100. */
  points: z.number(),
  availableMax: z.number(),
  score: Rate,
  rank: z.number().nullable(),
  groups: z.array(z.object({ code: z.string(), name: z.string(), max: z.number(), points: z.number(), availableMax: z.number(), indicators: z.array(IndicatorResult) })),
});
export const Index766 = z.object({
  version: z.object({ code: z.string(), title: z.string(), effectiveFrom: z.string(), effectiveTo: z.string().nullable(), source: z.string() }),
  from: z.string(),
  to: z.string(),
  units: UnitsMode,
  parent: z.object({ id: Uuid, name: z.string() }),
  total: UnitIndex,
  ranking: z.array(UnitIndex),
});
export type Index766 = z.infer<typeof Index766>;

export const PublicIndexQuery = z.strictObject({
  unitId: Uuid.optional(),
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'expected YYYY, YYYY-MM or YYYY-Qn').optional(),
});

export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export const ReportBody = z.strictObject({
  unitId: Uuid,
  from: IsoDate,
  to: IsoDate,
  units: UnitsMode.default('then'),
  format: z.enum(REPORT_FORMATS),
});
export const Report = z.object({
  id: Uuid,
  format: z.enum(REPORT_FORMATS),
  unitId: Uuid,
  from: z.string(),
  to: z.string(),
  units: UnitsMode,
  status: z.enum(['queued', 'running', 'ready', 'failed']),
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  downloadUrl: z.string().nullable(),
});
export type Report = z.infer<typeof Report>;
