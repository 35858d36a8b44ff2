import { boolean, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../../db/columns.ts';
import { units } from '../../units/units.schema.ts';

/**
 * Discipline records of officials (kỷ luật cán bộ, công chức). Confidential: only `discipline.read` sees them,
 * every read is audited, and audit rows of this table never carry the person's name or the reason.
 */
export const disciplineRecords = pgTable(
  'discipline_records',
  {
    id: id(),
    /** The official's unit when sanctioned. */
    unitId: uuid('unit_id').notNull().references(() => units.id),
    fullName: text('full_name').notNull(),
    position: text('position'),
    level: text('level').notNull(),
    sanction: text('sanction').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decisionRef: text('decision_ref').notNull(),
    reason: text('reason'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('discipline_records_unit_idx').on(t.unitId, t.decidedOn)],
);
