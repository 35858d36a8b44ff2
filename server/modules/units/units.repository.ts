import { and, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { searchNorm } from '../../platform/text.ts';
import { unitLineage, units } from './units.schema.ts';

export type UnitRow = typeof units.$inferSelect;

/** Condition "valid on `asOf`". */
export const validOn = (asOf: string): SQL =>
  and(lte(units.validFrom, asOf), or(isNull(units.validTo), gte(units.validTo, asOf)))!;

export interface UnitFilter {
  asOf?: string;
  kind?: string;
  parentId?: string;
  q?: string;
}

/** Units matching the filter in Vietnamese alphabetical order. */
export async function findUnits(db: Db, f: UnitFilter): Promise<UnitRow[]> {
  const conds: SQL[] = [];
  if (f.asOf) conds.push(validOn(f.asOf));
  if (f.kind) conds.push(eq(units.kind, f.kind));
  if (f.parentId) conds.push(eq(units.parentId, f.parentId));
  if (f.q) {
    const q = `%${searchNorm(f.q).replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conds.push(or(sql`search_norm(${units.name}) LIKE ${q}`, sql`lower(${units.code}) LIKE ${q}`, sql`${units.adminCode} LIKE ${q}`)!);
  }
  return db
    .select()
    .from(units)
    .where(and(...conds))
    .orderBy(sql`vi_sort_key(${units.name}) COLLATE "C"`, units.validFrom);
}

export async function findUnitById(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}

/** Lineage links where the unit is the successor (its predecessors) or the predecessor (its successors). */
export async function findLineage(db: Db, id: string) {
  const pred = await db
    .select({ unitId: units.id, name: units.name, kind: units.kind, lineageKind: unitLineage.kind, effectiveDate: unitLineage.effectiveDate, decisionRef: unitLineage.decisionRef })
    .from(unitLineage)
    .innerJoin(units, eq(units.id, unitLineage.predecessorId))
    .where(eq(unitLineage.successorId, id));
  const succ = await db
    .select({ unitId: units.id, name: units.name, kind: units.kind, lineageKind: unitLineage.kind, effectiveDate: unitLineage.effectiveDate, decisionRef: unitLineage.decisionRef })
    .from(unitLineage)
    .innerJoin(units, eq(units.id, unitLineage.successorId))
    .where(eq(unitLineage.predecessorId, id));
  return { predecessors: pred, successors: succ };
}
