import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../db/columns.ts';
import { units } from '../units/units.schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A re-organisation plan (phương án sắp xếp): operations on units (merge, split, rename, move, abolish, abolish a
 * level) ordered by a legal decision, effective on a date. Draft → scheduled (a job at the effective date) or
 * executed at once → possibly rolled back. `operations` is the plan as entered; `preview` the last computed preview.
 */
export const reorganisationPlans = pgTable(
  'reorganisation_plans',
  {
    id: id(),
    title: text('title').notNull(),
    decisionRef: text('decision_ref').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    /** `draft`, `scheduled`, `executed`, `rolled_back`, `failed`. */
    status: text('status').notNull().default('draft'),
    operations: jsonb('operations').notNull(),
    /** Chosen resolutions of conflicts, by conflict key. */
    resolutions: jsonb('resolutions').$type<Record<string, string>>().notNull().default({}),
    preview: jsonb('preview'),
    result: jsonb('result'),
    jobId: text('job_id'),
    failure: text('failure'),
    createdBy: uuid('created_by'),
    executedAt: ts('executed_at'),
    executedBy: uuid('executed_by'),
    rolledBackAt: ts('rolled_back_at'),
    rolledBackBy: uuid('rolled_back_by'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reorganisation_plans_status_idx').on(t.status, t.effectiveDate)],
);

/**
 * The undo log of an executed plan: every row a participant inserted or updated, with the row as it was before,
 * replayed in reverse order by a rollback. Append-only while the plan stands.
 */
export const reorganisationChanges = pgTable(
  'reorganisation_changes',
  {
    id: id(),
    planId: uuid('plan_id').notNull().references(() => reorganisationPlans.id),
    seq: integer('seq').notNull(),
    participant: text('participant').notNull(),
    /** `insert` or `update`. */
    action: text('action').notNull(),
    tableName: text('table_name').notNull(),
    rowId: uuid('row_id').notNull(),
    before: jsonb('before'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reorganisation_changes_seq_uq').on(t.planId, t.seq), index('reorganisation_changes_row_idx').on(t.tableName, t.rowId)],
);

/**
 * Where the live work of each unit ended by a plan went (its successor authority). A unit with several successors
 * (a split, an abolished level) has exactly one route: the successor that carries its open work, also used to map
 * history onto today's units.
 */
export const reorganisationRoutes = pgTable(
  'reorganisation_routes',
  {
    id: id(),
    planId: uuid('plan_id').notNull().references(() => reorganisationPlans.id),
    fromUnitId: uuid('from_unit_id').notNull().references(() => units.id),
    toUnitId: uuid('to_unit_id').notNull().references(() => units.id),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('reorganisation_routes_from_uq').on(t.planId, t.fromUnitId), index('reorganisation_routes_from_idx').on(t.fromUnitId)],
);

/**
 * A dossier moved to a successor authority by a plan, with its three units before and after. Statistics "as
 * then" read the units before the transfer for any moment earlier than `transferred_at`.
 */
export const dossierUnitTransfers = pgTable(
  'dossier_unit_transfers',
  {
    id: id(),
    planId: uuid('plan_id').notNull().references(() => reorganisationPlans.id),
    dossierId: uuid('dossier_id').notNull(),
    transferredAt: ts('transferred_at').notNull(),
    fromReceptionUnitId: uuid('from_reception_unit_id').notNull(),
    fromCompetentUnitId: uuid('from_competent_unit_id').notNull(),
    fromReturningUnitId: uuid('from_returning_unit_id').notNull(),
    toReceptionUnitId: uuid('to_reception_unit_id').notNull(),
    toCompetentUnitId: uuid('to_competent_unit_id').notNull(),
    toReturningUnitId: uuid('to_returning_unit_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('dossier_unit_transfers_dossier_idx').on(t.dossierId, t.transferredAt), index('dossier_unit_transfers_plan_idx').on(t.planId)],
);
