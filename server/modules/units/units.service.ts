import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AddLineageBody, CreateUnitBody, ListUnitsQuery, UpdateUnitBody } from '../../../contracts/units.ts';
import type { Database, Db } from '../../db/client.ts';
import { AppError, conflict, fillEach, forbidden, notFound, ruleViolated } from '../../platform/errors.ts';
import { todayVn } from '../../platform/clock.ts';
import type { Context } from '../accounts/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { ALLOWED_PARENTS, type UnitKind } from './units.kinds.ts';
import { findLineage, findUnitById, findUnits, type UnitRow } from './units.repository.ts';
import { kindLabel, UNIT_REFUSALS } from './units.messages.ts';
import { unitLineage, units } from './units.schema.ts';

const present = (u: UnitRow) => ({
  id: u.id,
  code: u.code,
  adminCode: u.adminCode,
  name: u.name,
  kind: u.kind as UnitKind,
  parentId: u.parentId,
  validFrom: u.validFrom,
  validTo: u.validTo,
  isDemo: u.isDemo,
  unconfirmed: u.unconfirmed,
  notes: u.notes,
  version: u.version,
});
export type Unit = ReturnType<typeof present>;

/**
 * Lists units valid on a date (today by default), or all of them. The organisation chart is not secret:
 * any signed-in official may read it; writes are scoped.
 */
export async function listUnits(db: Db, q: z.infer<typeof ListUnitsQuery>): Promise<Unit[]> {
  const asOf = q.all === 'true' ? undefined : (q.asOf ?? todayVn());
  const rows = await findUnits(db, { asOf, kind: q.kind, parentId: q.parentId, q: q.q });
  return rows.map(present);
}

/** A unit with its parent, its children valid on `asOf`, and its lineage. Throws NOT_FOUND. */
export async function getUnit(db: Db, id: string, asOf?: string) {
  const u = await findUnitById(db, id);
  if (!u) throw notFound('unit');
  const parent = u.parentId ? await findUnitById(db, u.parentId) : undefined;
  const children = await findUnits(db, { parentId: id, asOf: asOf ?? (u.validTo && u.validTo < todayVn() ? u.validTo : todayVn()) });
  const lineage = await findLineage(db, id);
  return { ...present(u), parent: parent ? present(parent) : null, children: children.map(present), ...lineage };
}

/** Checks the parent exists, is of an allowed kind, and is valid over the child's whole validity. */
async function checkParent(db: Db, kind: UnitKind, parentId: string | null, validFrom: string, validTo: string | null) {
  if (parentId === null) {
    if (!ALLOWED_PARENTS[kind].includes(null)) throw ruleViolated(fillEach(UNIT_REFUSALS.needsParent, { kind: kindLabel(kind) }));
    return;
  }
  const parent = await findUnitById(db, parentId);
  if (!parent) throw new AppError('VALIDATION_FAILED', { detail: 'parent unit does not exist', fields: [{ field: 'parentId', code: 'not_found', message: { vi: 'Đơn vị cấp trên không tồn tại', en: 'Parent unit does not exist', fr: "L'unité parente n'existe pas" } }] });
  if (!ALLOWED_PARENTS[kind].includes(parent.kind as UnitKind)) throw ruleViolated(fillEach(UNIT_REFUSALS.cannotSitUnder, { kind: kindLabel(kind), parentKind: kindLabel(parent.kind) }));
  if (parent.validFrom > validFrom || (parent.validTo && (validTo === null || validTo > parent.validTo))) {
    throw ruleViolated(UNIT_REFUSALS.outlivesParent, { parent: parent.name });
  }
}

/** Creates a unit under a parent the caller administers (root units need the global scope). */
export async function createUnit(database: Database, ctx: Context, input: z.infer<typeof CreateUnitBody>): Promise<Unit> {
  if (input.parentId) await ctx.requireUnit('units.write', input.parentId);
  else if (!(await ctx.scope('units.write')).all) throw forbidden(UNIT_REFUSALS.rootByGlobalAdmin);
  const validTo = input.validTo ?? null;
  if (validTo && validTo < input.validFrom) throw new AppError('VALIDATION_FAILED', { detail: 'validTo before validFrom', fields: [{ field: 'validTo', code: 'before_valid_from', message: { vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'End date is before start date', fr: 'La date de fin précède la date de début' } }] });
  await checkParent(database.db, input.kind, input.parentId, input.validFrom, validTo);
  return database.transaction(async (tx) => {
    const [row] = await tx.db
      .insert(units)
      .values({ name: input.name, kind: input.kind, parentId: input.parentId, code: input.code ?? null, adminCode: input.adminCode ?? null, validFrom: input.validFrom, validTo, notes: input.notes ?? null })
      .returning();
    await recordAudit(tx, ctx.actor, { action: 'unit.create', subjectType: 'unit', subjectId: row.id, unitId: row.id, after: present(row) });
    return present(row);
  });
}

/** Corrects a unit's data (typo, code, end date). Structural changes go through lineage / re-organisation. */
export async function updateUnit(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateUnitBody>): Promise<Unit> {
  const current = await findUnitById(database.db, id);
  if (!current) throw notFound('unit');
  await ctx.requireUnit('units.write', id);
  const { version, ...changes } = input;
  if (changes.validTo !== undefined && changes.validTo !== null && changes.validTo < current.validFrom) {
    throw new AppError('VALIDATION_FAILED', { detail: 'validTo before validFrom', fields: [{ field: 'validTo', code: 'before_valid_from', message: { vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'End date is before start date', fr: 'La date de fin précède la date de début' } }] });
  }
  return database.transaction(async (tx) => {
    const [row] = await tx.db
      .update(units)
      .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(units.id, id), eq(units.version, version)))
      .returning();
    if (!row) throw conflict(UNIT_REFUSALS.staleVersion, { name: current.name, current: current.version, sent: version });
    await recordAudit(tx, ctx.actor, { action: 'unit.update', subjectType: 'unit', subjectId: id, unitId: id, before: present(current), after: present(row) });
    return present(row);
  });
}

/** Records that `successorId` continues `predecessorId` (merge, split, rename…) from a date, by a decision. */
export async function addLineage(database: Database, ctx: Context, successorId: string, input: z.infer<typeof AddLineageBody>) {
  const [succ, pred] = await Promise.all([findUnitById(database.db, successorId), findUnitById(database.db, input.predecessorId)]);
  if (!succ) throw notFound('unit');
  if (!pred) throw new AppError('VALIDATION_FAILED', { detail: 'predecessor does not exist', fields: [{ field: 'predecessorId', code: 'not_found', message: { vi: 'Đơn vị tiền thân không tồn tại', en: 'Predecessor unit does not exist', fr: "L'unité prédécesseure n'existe pas" } }] });
  if (pred.id === succ.id) throw ruleViolated(UNIT_REFUSALS.cannotSucceedItself);
  await ctx.requireUnit('units.write', successorId);
  await ctx.requireUnit('units.write', pred.id);
  return database.transaction(async (tx) => {
    const existing = await tx.db.select().from(unitLineage).where(and(eq(unitLineage.predecessorId, pred.id), eq(unitLineage.successorId, succ.id)));
    if (existing.length) throw conflict(UNIT_REFUSALS.lineageExists, { successor: succ.name, predecessor: pred.name });
    const [row] = await tx.db.insert(unitLineage).values({ predecessorId: pred.id, successorId: succ.id, kind: input.kind, effectiveDate: input.effectiveDate, decisionRef: input.decisionRef ?? null }).returning();
    await recordAudit(tx, ctx.actor, { action: 'unit.lineage.add', subjectType: 'unit', subjectId: succ.id, unitId: succ.id, after: row });
    return row;
  });
}
