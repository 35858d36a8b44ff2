import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../../db/columns.ts';
import { units } from '../../units/units.schema.ts';

export interface TeamMemberRow {
  name: string;
  role: 'head' | 'deputy' | 'member' | 'secretary';
  position?: string | null;
}

/** The yearly reform inspection plan of a unit (kế hoạch kiểm tra CCHC năm). */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: id(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    decisionRef: text('decision_ref'),
    approvedOn: date('approved_on', { mode: 'string' }),
    notes: text('notes'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('inspection_plans_year_uq').on(t.unitId, t.year)],
);

/** An integrated or surprise inspection of an agency, a commune or a counter by the inspecting unit's team. */
export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    planId: uuid('plan_id').references(() => inspectionPlans.id),
    /** The inspecting unit (owner). */
    unitId: uuid('unit_id').notNull().references(() => units.id),
    kind: text('kind').notNull(),
    targetUnitId: uuid('target_unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    decisionRef: text('decision_ref'),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    team: jsonb('team').$type<TeamMemberRow[]>().notNull(),
    findings: text('findings'),
    status: text('status').notNull().default('planned'),
    conclusionRef: text('conclusion_ref'),
    concludedOn: date('concluded_on', { mode: 'string' }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('inspections_unit_idx').on(t.unitId, t.startOn), index('inspections_target_idx').on(t.targetUnitId)],
);

/** A recommendation of an inspection: what the responsible unit must correct, by when; closed with evidence. */
export const inspectionRecommendations = pgTable(
  'inspection_recommendations',
  {
    id: id(),
    inspectionId: uuid('inspection_id').notNull().references(() => inspections.id),
    /** Copy of the inspecting unit. */
    unitId: uuid('unit_id').notNull(),
    responsibleUnitId: uuid('responsible_unit_id').notNull().references(() => units.id),
    content: text('content').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    closedOn: date('closed_on', { mode: 'string' }),
    closingEvidence: text('closing_evidence'),
    closingEvidenceUrl: text('closing_evidence_url'),
    closedBy: uuid('closed_by'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('inspection_recs_inspection_idx').on(t.inspectionId), index('inspection_recs_responsible_idx').on(t.responsibleUnitId, t.status)],
);

/** Post-inspection follow-up reports on a recommendation. Append-only. */
export const inspectionFollowUps = pgTable(
  'inspection_follow_ups',
  {
    id: id(),
    recommendationId: uuid('recommendation_id').notNull().references(() => inspectionRecommendations.id),
    unitId: uuid('unit_id').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    evidenceUrl: text('evidence_url'),
    reportedBy: uuid('reported_by'),
    createdAt: createdAt(),
  },
  (t) => [index('inspection_follow_ups_rec_idx').on(t.recommendationId)],
);
