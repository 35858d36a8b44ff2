import { boolean, date, index, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../../db/columns.ts';
import { units } from '../../units/units.schema.ts';

/** Emulation: models, initiatives and working solutions registered by a unit, evaluated, recognised, applied. */
export const reformInitiatives = pgTable(
  'reform_initiatives',
  {
    id: id(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    authors: text('authors').notNull(),
    field: text('field'),
    description: text('description').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('registered'),
    evaluatedOn: date('evaluated_on', { mode: 'string' }),
    evaluationScore: numeric('evaluation_score', { precision: 5, scale: 2, mode: 'number' }),
    evaluationNote: text('evaluation_note'),
    recognitionRef: text('recognition_ref'),
    recognitionLevel: text('recognition_level'),
    applied: boolean('applied').notNull().default(false),
    appliedFrom: date('applied_from', { mode: 'string' }),
    applicationNote: text('application_note'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reform_initiatives_unit_idx').on(t.unitId, t.registeredOn)],
);
