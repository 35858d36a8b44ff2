import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../../db/columns.ts';
import { units } from '../../units/units.schema.ts';
import { reformDocuments } from '../steering/steering.schema.ts';

/** Points with two decimals, read as JS numbers (PAR results are published to the hundredth). */
const points = (name: string) => numeric(name, { precision: 7, scale: 2, mode: 'number' });

export interface ParBandRow {
  code: string;
  minIndex: number;
  label: { vi: string; en: string; fr: string };
}

/**
 * A PAR index framework (bộ tiêu chí xác định chỉ số CCHC): the criteria a province scores its localities of
 * one level with, for one year. The year is the version: next year's criteria are a new framework. Every number
 * a province decides (maximum points, classification cut-offs, tie rule) is data here, never a constant in code.
 */
export const parFrameworks = pgTable(
  'par_frameworks',
  {
    id: id(),
    /** The province that issues the criteria, appraises and ranks. */
    provinceUnitId: uuid('province_unit_id').notNull().references(() => units.id),
    year: integer('year').notNull(),
    targetLevel: text('target_level').notNull(),
    name: text('name').notNull(),
    decisionRef: text('decision_ref'),
    /** The declared total; the index is final points ÷ this × 100. */
    maxPoints: points('max_points').notNull().default(100),
    bands: jsonb('bands').$type<ParBandRow[]>().notNull(),
    tieRule: text('tie_rule').notNull().default('competition'),
    status: text('status').notNull().default('draft'),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('par_frameworks_year_uq').on(t.provinceUnitId, t.year, t.targetLevel), check('par_frameworks_max_positive', sql`${t.maxPoints} > 0`)],
);

/** A node of the criteria tree: an area, a criterion or a sub-criterion, with its maximum and scoring guidance. */
export const parCriteria = pgTable(
  'par_criteria',
  {
    id: id(),
    frameworkId: uuid('framework_id').notNull().references(() => parFrameworks.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => parCriteria.id),
    code: text('code').notNull(),
    level: text('level').notNull(),
    title: text('title').notNull(),
    maxPoints: points('max_points').notNull(),
    guidance: text('guidance'),
    method: text('method').notNull().default('self'),
    /** A figure motcua computes for this criterion (see par/live-figures.ts), shown beside the score. */
    liveFigureKey: text('live_figure_key'),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('par_criteria_code_uq').on(t.frameworkId, t.code), index('par_criteria_parent_idx').on(t.parentId), check('par_criteria_max_nonneg', sql`${t.maxPoints} >= 0`)],
);

/**
 * One locality's assessment under a framework. A locality outside this installation (a peer in the province's
 * published ranking) has no unit, only a name; `illustrative` marks figures that are not real published ones.
 */
export const parAssessments = pgTable(
  'par_assessments',
  {
    id: id(),
    frameworkId: uuid('framework_id').notNull().references(() => parFrameworks.id),
    /** Copy of the framework's province: the owner for scope and partitioning. */
    provinceUnitId: uuid('province_unit_id').notNull().references(() => units.id),
    unitId: uuid('unit_id').references(() => units.id),
    localityName: text('locality_name').notNull(),
    illustrative: boolean('illustrative').notNull().default(false),
    status: text('status').notNull().default('draft'),
    /** The published final points: set when the province publishes (frozen from the computed total) or entered from its announcement. */
    publishedScore: points('published_score'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: uuid('submitted_by'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: uuid('published_by'),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('par_assessments_unit_uq').on(t.frameworkId, t.unitId),
    uniqueIndex('par_assessments_name_uq').on(t.frameworkId, t.localityName),
    index('par_assessments_unit_idx').on(t.unitId),
  ],
);

/** The scores of one leaf criterion in one assessment: self-assessed, appraised by the province, or from the survey. */
export const parScores = pgTable(
  'par_scores',
  {
    id: id(),
    assessmentId: uuid('assessment_id').notNull().references(() => parAssessments.id),
    criterionId: uuid('criterion_id').notNull().references(() => parCriteria.id),
    unitId: uuid('unit_id'),
    selfScore: points('self_score'),
    selfComment: text('self_comment'),
    selfBy: uuid('self_by'),
    selfAt: timestamp('self_at', { withTimezone: true, mode: 'date' }),
    appraisedScore: points('appraised_score'),
    appraisalComment: text('appraisal_comment'),
    appraisedBy: uuid('appraised_by'),
    appraisedAt: timestamp('appraised_at', { withTimezone: true, mode: 'date' }),
    surveyScore: points('survey_score'),
    surveyRespondents: integer('survey_respondents'),
    surveyNote: text('survey_note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('par_scores_uq').on(t.assessmentId, t.criterionId)],
);

/** Evidence (tài liệu kiểm chứng) attached to a criterion's self-assessment. A figure is snapshotted when attached. */
export const parEvidence = pgTable(
  'par_evidence',
  {
    id: id(),
    assessmentId: uuid('assessment_id').notNull().references(() => parAssessments.id),
    criterionId: uuid('criterion_id').notNull().references(() => parCriteria.id),
    unitId: uuid('unit_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    url: text('url'),
    documentId: uuid('document_id').references(() => reformDocuments.id),
    figureKey: text('figure_key'),
    figureValue: numeric('figure_value', { precision: 14, scale: 2, mode: 'number' }),
    figurePeriod: text('figure_period'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('par_evidence_assessment_idx').on(t.assessmentId, t.criterionId)],
);
