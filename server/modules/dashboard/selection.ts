/**
 * Which units a dashboard figure covers, and how they group into the compared sub-units, for the two settings:
 *
 *   units=then   the unit's subtree as recorded (every date): a past period shows the units that existed then;
 *                the sub-units compared are the children of the unit whose validity overlaps the period.
 *   units=today  every unit (past ones included) that today's lineage maps into the unit's current subtree
 *                (`mapUnitToday` of the re-organisation module); sub-units are today's children.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { todayVn } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Context } from '../accounts/context.ts';
import { scopeRoots } from '../accounts/permissions.ts';
import { loadLineageGraph, mapUnitToday } from '../reorganisation/index.ts';
import type { UnitsMode } from '../../../contracts/dashboard.ts';

export interface UnitRow {
  id: string;
  name: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  kind: string;
}

export interface Selection {
  root: UnitRow;
  /** Every unit whose rows count for the root (rollup keys). */
  unitIds: string[];
  /** The compared sub-units (children of the root), in Vietnamese name order. */
  children: UnitRow[];
  /** Unit id → the child it counts for (absent: counts for the root only, e.g. rows kept at the root itself). */
  groupOf: Map<string, string>;
  units: Map<string, UnitRow>;
}

export async function loadUnits(db: Db): Promise<Map<string, UnitRow>> {
  const res = (await db.execute(sql`SELECT id, name, parent_id, valid_from::text AS valid_from, valid_to::text AS valid_to, kind FROM units`)) as unknown as {
    rows: Array<{ id: string; name: string; parent_id: string | null; valid_from: string; valid_to: string | null; kind: string }>;
  };
  return new Map(res.rows.map((r) => [r.id, { id: r.id, name: r.name, parentId: r.parent_id, validFrom: r.valid_from, validTo: r.valid_to, kind: r.kind }]));
}

const byName = (a: UnitRow, b: UnitRow) => a.name.localeCompare(b.name, 'vi');

/** The root a caller sees when none is asked for: the first unit of their dashboard grant, or a top unit. */
export function defaultRoot(ctx: Context, units: Map<string, UnitRow>, today: string): string {
  const roots = ctx.principal ? scopeRoots(ctx.principal, 'dashboard.read') : [];
  if (roots !== 'all' && roots.length > 0) return roots[0];
  const tops = [...units.values()].filter((u) => u.parentId === null && (u.validTo === null || u.validTo >= today)).sort(byName);
  const top = tops[0] ?? [...units.values()][0];
  if (!top) throw new AppError('NOT_FOUND', { params: { what: 'unit' } });
  return top.id;
}

/** The units of a root's subtree (every date), walking the parent links in memory. */
function subtree(units: Map<string, UnitRow>, rootId: string): Set<string> {
  const kids = new Map<string, string[]>();
  for (const u of units.values()) if (u.parentId) kids.set(u.parentId, [...(kids.get(u.parentId) ?? []), u.id]);
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    for (const k of kids.get(stack.pop()!) ?? []) {
      if (out.has(k)) continue;
      out.add(k);
      stack.push(k);
    }
  }
  return out;
}

/** The child of `rootId` on the path from `unitId` up (undefined when unitId is the root or outside). */
function childOnPath(units: Map<string, UnitRow>, rootId: string, unitId: string): string | undefined {
  let u = units.get(unitId);
  for (let i = 0; u && i < 64; i++) {
    if (u.parentId === rootId) return u.id;
    u = u.parentId ? units.get(u.parentId) : undefined;
  }
  return undefined;
}

/**
 * Resolves the units behind a root for a period and setting; checks `dashboard.read` on the root (403 otherwise,
 * 404 for an unknown unit).
 */
export async function resolveSelection(db: Db, ctx: Context, q: { unitId?: string; from: string; to: string; units: UnitsMode }, preloaded?: Map<string, UnitRow>): Promise<Selection> {
  const units = preloaded ?? (await loadUnits(db));
  const today = todayVn();
  const rootId = q.unitId ?? defaultRoot(ctx, units, today);
  const root = units.get(rootId);
  if (!root) throw new AppError('NOT_FOUND', { params: { what: 'unit' } });
  await ctx.requireUnit('dashboard.read', rootId);
  const tree = subtree(units, rootId);
  const groupOf = new Map<string, string>();
  if (q.units === 'then') {
    const children = [...units.values()].filter((u) => u.parentId === rootId && u.validFrom <= q.to && (u.validTo === null || u.validTo >= q.from)).sort(byName);
    const childSet = new Set(children.map((c) => c.id));
    for (const id of tree) {
      const c = childOnPath(units, rootId, id);
      if (c && childSet.has(c)) groupOf.set(id, c);
    }
    return { root, unitIds: [...tree], children, groupOf, units };
  }
  const g = await loadLineageGraph(db, today);
  const children = [...units.values()].filter((u) => u.parentId === rootId && (u.validTo === null || u.validTo >= today)).sort(byName);
  const childSet = new Set(children.map((c) => c.id));
  const unitIds: string[] = [];
  for (const u of units.values()) {
    const now = mapUnitToday(g, u.id);
    if (!tree.has(now)) continue;
    unitIds.push(u.id);
    const c = childOnPath(units, rootId, now);
    if (c && childSet.has(c)) groupOf.set(u.id, c);
  }
  return { root, unitIds, children, groupOf, units };
}

/**
 * A context covering every unit, for work whose permission was checked earlier (a queued report: the requester's
 * right on the unit is checked when it is asked for) or that shows only public aggregates (the 766 scoreboard).
 */
export function internalContext(label: string): Context {
  const all = { all: true, ids: new Set<string>(), covers: () => true };
  return { actor: { userId: null, label, requestId: null }, principal: null, lang: 'vi', scope: async () => all, requireUnit: async () => {} };
}
