import { and, gt, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.service.ts';
import { unitLineage, units } from '../../units/units.schema.ts';
import type { CompiledPlan } from '../compile.ts';
import { reorganisationRoutes } from '../reorganisation.schema.ts';
import type { Participant } from './types.ts';

interface Row {
  kind: 'create' | 'end';
  ref: string;
}

/** The organisation itself: new rows (declared units, and sub-units carried under a new parent), ended rows, lineage, routes. */
export const unitsParticipant: Participant<Row> = {
  key: 'units',
  label: { vi: 'Đơn vị (thành lập mới, kết thúc)', en: 'Units (created, ended)', fr: 'Unités (créées, closes)' },
  async collect(_db, plan: CompiledPlan) {
    const rows: Row[] = [...plan.newUnits.map((s) => ({ kind: 'create' as const, ref: s.ref })), ...[...plan.ended.keys()].map((id) => ({ kind: 'end' as const, ref: id }))];
    const items = [
      ...plan.newUnits.map((s) => ({ id: s.ref, label: s.name, from: s.copyOf ? plan.nameOf(s.copyOf) : null, to: plan.nameOf(s.parent) })),
      ...[...plan.ended.values()].map((u) => ({ id: u.id, label: u.name, from: null, to: plan.nameOf(plan.target(u.id)) })),
    ];
    return { count: rows.length, items, conflicts: [], rows };
  },
  async execute(x) {
    const { tx, plan } = x;
    let n = 0;
    for (const s of plan.newUnits) {
      const [row] = await tx.db
        .insert(units)
        .values({ name: s.name, kind: s.kind, parentId: s.parent ? x.resolve(s.parent) : null, code: s.code, adminCode: s.adminCode, validFrom: plan.effectiveDate, isDemo: s.isDemo, unconfirmed: s.unconfirmed, notes: s.notes })
        .returning();
      x.ids.set(s.ref, row.id);
      await x.log.inserted('units', 'units', [row.id]);
      await recordAudit(tx, x.actor, { action: 'unit.create', subjectType: 'unit', subjectId: row.id, unitId: row.id, after: { ...row, plan: x.planId } });
      n++;
    }
    const endedIds = [...plan.ended.keys()];
    await x.log.snapshot('units', 'units', endedIds);
    if (endedIds.length) {
      await tx.db.update(units).set({ validTo: plan.endDate, version: sql`${units.version} + 1`, updatedAt: x.now }).where(inArray(units.id, endedIds));
    }
    for (const u of plan.ended.values()) {
      await recordAudit(tx, x.actor, { action: 'unit.end', subjectType: 'unit', subjectId: u.id, unitId: u.id, before: { validTo: u.validTo }, after: { validTo: plan.endDate, continuedBy: x.resolve(plan.target(u.id)), plan: x.planId } });
      n++;
    }
    for (const l of plan.lineage) {
      const [row] = await tx.db.insert(unitLineage).values({ predecessorId: l.from, successorId: x.resolve(l.to), kind: l.kind, effectiveDate: plan.effectiveDate, decisionRef: plan.decisionRef }).returning({ id: unitLineage.id });
      await x.log.inserted('units', 'unit_lineage', [row.id]);
    }
    const routeRows = [...plan.routes].map(([from, to]) => ({ planId: x.planId, fromUnitId: from, toUnitId: x.resolve(to), effectiveDate: plan.effectiveDate }));
    if (routeRows.length) {
      const inserted = await tx.db.insert(reorganisationRoutes).values(routeRows).returning({ id: reorganisationRoutes.id });
      await x.log.inserted('units', 'reorganisation_routes', inserted.map((r) => r.id));
    }
    return n;
  },
  async blockers(db, planId, executedAt, successorIds) {
    if (successorIds.length === 0) return [];
    const created = await db
      .select({ name: units.name })
      .from(units)
      .where(and(inArray(units.parentId, successorIds), gt(units.createdAt, executedAt), sql`NOT EXISTS (SELECT 1 FROM reorganisation_changes c WHERE c.plan_id = ${planId}::uuid AND c.table_name = 'units' AND c.row_id = ${units.id})`));
    return created.map((u) => ({ vi: `Đơn vị ${u.name} thành lập trực thuộc đơn vị kế thừa`, en: `unit ${u.name} created under a successor`, fr: `unité ${u.name} créée sous un successeur` }));
  },
};

