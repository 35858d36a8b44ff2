import { lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { todayVn } from '../../platform/clock.ts';
import { unitLineage, units } from '../units/units.schema.ts';
import { reorganisationRoutes } from './reorganisation.schema.ts';

/** What the mapping needs from the database, loaded once per call (a few thousand rows at most). */
export interface LineageGraph {
  /** predecessor → successors (links effective on or before `asOf`), ordered by effective date then successor name. */
  successors: Map<string, string[]>;
  /** unit → the successor that carries its live work (latest route effective on or before `asOf`). */
  routes: Map<string, string>;
  parent: Map<string, string | null>;
  validTo: Map<string, string | null>;
  asOf: string;
}

export async function loadLineageGraph(db: Db, asOf: string): Promise<LineageGraph> {
  const [links, routeRows, unitRows] = await Promise.all([
    db.select({ p: unitLineage.predecessorId, s: unitLineage.successorId, d: unitLineage.effectiveDate }).from(unitLineage).where(lte(unitLineage.effectiveDate, asOf)),
    db.select({ f: reorganisationRoutes.fromUnitId, t: reorganisationRoutes.toUnitId, d: reorganisationRoutes.effectiveDate }).from(reorganisationRoutes).where(lte(reorganisationRoutes.effectiveDate, asOf)),
    db.select({ id: units.id, parentId: units.parentId, validTo: units.validTo, name: units.name }).from(units),
  ]);
  const name = new Map(unitRows.map((u) => [u.id, u.name]));
  links.sort((a, b) => a.d.localeCompare(b.d) || (name.get(a.s) ?? '').localeCompare(name.get(b.s) ?? '', 'vi') || a.s.localeCompare(b.s));
  const successors = new Map<string, string[]>();
  for (const l of links) successors.set(l.p, [...(successors.get(l.p) ?? []), l.s]);
  routeRows.sort((a, b) => a.d.localeCompare(b.d));
  const routes = new Map(routeRows.map((r) => [r.f, r.t]));
  return {
    successors,
    routes,
    parent: new Map(unitRows.map((u) => [u.id, u.parentId])),
    validTo: new Map(unitRows.map((u) => [u.id, u.validTo])),
    asOf,
  };
}

/**
 * The unit that stands today (on `g.asOf`) for `unitId`, following the lineage transitively:
 * - one successor: follow it;
 * - several (a split, an abolished level): follow the plan's route for the unit (the successor that took its open
 *   work), or else the first successor by effective date and Vietnamese name;
 * - none, but a route (a sub-unit ended with its parent, e.g. a district service centre): follow the route;
 * - none, and the unit ended before `asOf`: its parent's mapping (its duties went to the level above);
 * - otherwise the unit itself.
 * Unknown ids map to themselves. Cycles (bad data) stop at the unit where they are detected.
 */
export function mapUnitToday(g: LineageGraph, unitId: string): string {
  const seen = new Set<string>();
  let u = unitId;
  for (;;) {
    if (seen.has(u)) return u;
    seen.add(u);
    const succ = g.successors.get(u) ?? [];
    const route = g.routes.get(u);
    let next: string | undefined;
    if (succ.length === 1) next = succ[0];
    else if (succ.length > 1) next = route && succ.includes(route) ? route : succ[0];
    else if (route) next = route;
    else {
      const vt = g.validTo.get(u);
      const p = g.parent.get(u);
      if (vt && vt < g.asOf && p) next = p;
    }
    if (!next) return u;
    u = next;
  }
}

/**
 * History mapped onto today's units (the `units=today` setting of reports): for each unit id, the unit that
 * continues it on `asOf` (default today in Vietnam), transitively through `unit_lineage` and the routes recorded
 * by re-organisation plans. Units still valid map to themselves. Figures "as then" need no mapping: dossiers keep
 * their units, and those moved by a plan have their former units in `dossier_unit_transfers` (see
 * `dossierUnitsAsThen`).
 */
export async function mapUnitsToday(db: Db, unitIds: Iterable<string>, asOf: string = todayVn()): Promise<Map<string, string>> {
  const g = await loadLineageGraph(db, asOf);
  const out = new Map<string, string>();
  for (const id of unitIds) out.set(id, mapUnitToday(g, id));
  return out;
}

export interface DossierUnits {
  receptionUnitId: string;
  competentUnitId: string;
  returningUnitId: string;
}

/**
 * The three units each dossier had at moment `at` ("as then"): the units before the first plan transfer made after
 * `at`, or the dossier's current units when no transfer came later. Dossiers not found are absent from the map.
 */
export async function dossierUnitsAsThen(db: Db, dossierIds: string[], at: Date): Promise<Map<string, DossierUnits>> {
  const out = new Map<string, DossierUnits>();
  if (dossierIds.length === 0) return out;
  const res = (await db.execute(sql`
    SELECT d.id,
      coalesce(t.from_reception_unit_id, d.reception_unit_id) AS reception,
      coalesce(t.from_competent_unit_id, d.competent_unit_id) AS competent,
      coalesce(t.from_returning_unit_id, d.returning_unit_id) AS returning
    FROM dossiers d
    LEFT JOIN LATERAL (
      SELECT * FROM dossier_unit_transfers x WHERE x.dossier_id = d.id AND x.transferred_at > ${at.toISOString()}::timestamptz
      ORDER BY x.transferred_at LIMIT 1
    ) t ON true
    WHERE d.id = ANY(${`{${dossierIds.join(',')}}`}::uuid[])`)) as unknown as { rows: Array<{ id: string; reception: string; competent: string; returning: string }> };
  for (const r of res.rows) out.set(r.id, { receptionUnitId: r.reception, competentUnitId: r.competent, returningUnitId: r.returning });
  return out;
}
