import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, uniqueIndex, uuid, check, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../db/columns.ts';

/**
 * Administrative units and agencies (đơn vị hành chính, cơ quan). A row is never renamed or re-parented in place
 * when the law changes the organisation: the old row gets `valid_to`, a new row starts, and `unit_lineage` links
 * them. Queries take an "as of" date.
 */
export const units = pgTable(
  'units',
  {
    id: id(),
    /** Agency e-ID code (mã định danh điện tử, QCVN 102:2016/BTTTT), e.g. `000.00.00.H56`. */
    code: text('code'),
    /** Administrative-unit code: 2-digit province, 3-digit district, 5-digit commune (QĐ 124/2004, QĐ 19/2025). */
    adminCode: text('admin_code'),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => units.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    isDemo: boolean('is_demo').notNull().default(false),
    /** True when the name or a code could not be confirmed from an official source. */
    unconfirmed: boolean('unconfirmed').notNull().default(false),
    notes: text('notes'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('units_parent_idx').on(t.parentId),
    index('units_code_idx').on(t.code),
    index('units_name_search_idx').using('gin', sql`search_norm(${t.name}) gin_trgm_ops`),
    check('units_valid_range', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** Succession between units: a merge, split, rename, move or abolition, with the decision that ordered it. */
export const unitLineage = pgTable(
  'unit_lineage',
  {
    id: id(),
    predecessorId: uuid('predecessor_id').notNull().references(() => units.id),
    successorId: uuid('successor_id').notNull().references(() => units.id),
    kind: text('kind').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    decisionRef: text('decision_ref'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('unit_lineage_pair_uq').on(t.predecessorId, t.successorId),
    index('unit_lineage_successor_idx').on(t.successorId),
  ],
);
