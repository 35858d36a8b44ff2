import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../db/columns.ts';
import { units } from '../units/units.schema.ts';
import type { DurationDto, ProcedureContentDto, ProposalChangeDto } from '../../../contracts/procedures.ts';

/**
 * A procedure (thủ tục hành chính) of a unit's catalogue: only its identity. What it says lives in
 * `procedure_versions`; every change appends a version, and nothing there is ever updated.
 * `version` is the optimistic lock and equals the highest version number.
 */
export const procedures = pgTable(
  'procedures',
  {
    id: id(),
    /** The unit whose catalogue holds the procedure; reform officers of that unit (subtree) edit it. */
    ownerUnitId: uuid('owner_unit_id').notNull().references(() => units.id),
    /** Local catalogue code, unique in the owner's catalogue, never changed (Excel rows are matched on it). */
    code: text('code').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('procedures_owner_code_uq').on(t.ownerUnitId, t.code)],
);

/** What produced a version, and how to re-apply it when an earlier-dated version is inserted before it. */
export type VersionOp =
  | { kind: 'create' | 'seed' }
  | { kind: 'edit' | 'import'; fields: Partial<ProcedureContentDto> }
  | { kind: 'proposal'; proposalId: string; change: ProposalChangeDto }
  | { kind: 'rebase'; of: number[] };

/**
 * One version of a procedure. The version in force on a date D is the row with the greatest
 * (effective_from, version_no) among those with effective_from ≤ D; see procedures.versions.ts.
 * The table also has `sort_key text GENERATED ALWAYS AS (vi_sort_key(name)) STORED`, added by hand in migration
 * 0004 and left out of this definition so that drizzle never selects or diffs it; queries name it in SQL.
 */
export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: id(),
    procedureId: uuid('procedure_id').notNull().references(() => procedures.id),
    /** Copy of the procedure's owner, so the table can be partitioned by unit. */
    ownerUnitId: uuid('owner_unit_id').notNull(),
    versionNo: integer('version_no').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    code: text('code').notNull(),
    nationalCode: text('national_code'),
    nationalCodeUnconfirmed: boolean('national_code_unconfirmed').notNull().default(false),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    nameFr: text('name_fr'),
    field: text('field').notNull(),
    authorityLevel: text('authority_level').notNull(),
    implementingUnitIds: uuid('implementing_unit_ids').array().notNull(),
    legalBases: jsonb('legal_bases').$type<string[]>().notNull(),
    decisionRef: text('decision_ref'),
    processingTime: jsonb('processing_time').$type<DurationDto>().notNull(),
    processingTimeOnline: jsonb('processing_time_online').$type<DurationDto | null>(),
    steps: jsonb('steps').$type<ProcedureContentDto['steps']>().notNull(),
    documents: jsonb('documents').$type<ProcedureContentDto['documents']>().notNull(),
    fees: jsonb('fees').$type<ProcedureContentDto['fees']>().notNull(),
    onlineLevel: text('online_level').notNull(),
    resultType: text('result_type').notNull(),
    resultDigitised: boolean('result_digitised').notNull().default(false),
    status: text('status').notNull(),
    op: jsonb('op').$type<VersionOp>().notNull(),
    proposalId: uuid('proposal_id'),
    changeNote: text('change_note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    /** Accent-free lower-case name and codes, for the trigram index (search_norm is IMMUTABLE). */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`search_norm(name || ' ' || code || ' ' || coalesce(national_code, ''))`),
  },
  (t) => [
    uniqueIndex('procedure_versions_no_uq').on(t.procedureId, t.versionNo),
    index('procedure_versions_in_force_idx').on(t.procedureId, t.effectiveFrom, t.versionNo),
    index('procedure_versions_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('procedure_versions_units_idx').using('gin', t.implementingUnitIds),
    index('procedure_versions_owner_idx').on(t.ownerUnitId),
    check('procedure_versions_no_positive', sql`${t.versionNo} >= 1`),
  ],
);

/** A yearly review plan (kế hoạch rà soát, đánh giá TTHC) of a unit. */
export const procedureReviewPlans = pgTable(
  'procedure_review_plans',
  {
    id: id(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    note: text('note'),
    baselineDate: date('baseline_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    /** Procedures under review; a proposal adds its procedure. */
    procedureIds: uuid('procedure_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('procedure_review_plans_unit_year_uq').on(t.unitId, t.year)],
);

/** A simplification proposal (phương án đơn giản hóa) for one procedure, decided by a leader. */
export const procedureProposals = pgTable(
  'procedure_proposals',
  {
    id: id(),
    planId: uuid('plan_id').notNull().references(() => procedureReviewPlans.id),
    procedureId: uuid('procedure_id').notNull().references(() => procedures.id),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    change: jsonb('change').$type<ProposalChangeDto>().notNull(),
    rationale: text('rationale').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('proposed'),
    /** The procedure's version number when the proposal was made or last edited. */
    baseVersionNo: integer('base_version_no').notNull(),
    resultVersionNo: integer('result_version_no'),
    createdBy: uuid('created_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionNote: text('decision_note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('procedure_proposals_plan_idx').on(t.planId), index('procedure_proposals_procedure_idx').on(t.procedureId)],
);
