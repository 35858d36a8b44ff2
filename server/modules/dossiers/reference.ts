/**
 * Cached reads of reference data on the receipt's hot path. Staleness bounds: a procedure version added with an
 * effective date of today, or a unit change, is seen by receipts within 30 seconds (both are rare, planned
 * changes; versions and units are never edited in place).
 */
import type { Db } from '../../db/client.ts';
import { getProcedureVersionInForce, type ProcedureVersion } from '../procedures/index.ts';
import { findAncestors, findSubtreeValidOn, findUnits, type UnitInfo } from './dossiers.repository.ts';
import { TtlCache } from './ttl-cache.ts';
import { todayVn } from '../../platform/clock.ts';

const TTL = 30_000;
const versions = new TtlCache<ProcedureVersion>(TTL, 5000);
const unitSets = new TtlCache<Map<string, UnitInfo>>(TTL, 5000);
const ancestors = new TtlCache<string[]>(TTL, 5000);
const subtrees = new TtlCache<UnitInfo[]>(TTL, 2000);

/** The procedure version in force on the Vietnam date of `at` (see getProcedureVersionInForce). */
export function versionInForce(db: Db, procedureId: string, at: Date): Promise<ProcedureVersion> {
  return versions.through(`${procedureId}|${todayVn(at)}`, () => getProcedureVersionInForce(db, procedureId, at));
}

export function unitsById(db: Db, ids: string[]): Promise<Map<string, UnitInfo>> {
  return unitSets.through([...new Set(ids)].sort().join(','), () => findUnits(db, ids));
}

export function ancestorsOf(db: Db, unitId: string): Promise<string[]> {
  return ancestors.through(unitId, () => findAncestors(db, unitId));
}

export function subtreeValidOn(db: Db, rootId: string, asOf: string): Promise<UnitInfo[]> {
  return subtrees.through(`${rootId}|${asOf}`, () => findSubtreeValidOn(db, rootId, asOf));
}

/** Forgets everything (tests that change units or procedures). */
export function clearReferenceCache(): void {
  versions.clear();
  unitSets.clear();
  ancestors.clear();
  subtrees.clear();
}
