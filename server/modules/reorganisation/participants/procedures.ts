import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.service.ts';
import { inForceOn } from '../../procedures/index.ts';
import { procedures, procedureVersions } from '../../procedures/procedures.schema.ts';
import { appendVersion } from '../../procedures/procedures.service.ts';
import { pickContent } from '../../procedures/procedures.versions.ts';
import type { ConflictItem, Participant } from './types.ts';
import { PREVIEW_ITEMS, pgArray } from './types.ts';

interface Row {
  kind: 'owner' | 'implementing';
  procedureId: string;
  code: string;
  name: string;
  owner: string;
  /** For `implementing`: the implementing units in force and the remapped list. */
  implementing?: string[];
}

/**
 * The catalogue: procedures owned by an ended unit move to its successor's catalogue (unless the version in force
 * is abolished); versions in force naming an ended unit among the implementing units get a new version from the
 * effective date naming the successor (versions are never updated). Two procedures with the same code landing in
 * one catalogue are a conflict: the plan says which one the successor keeps.
 */
export const proceduresParticipant: Participant<Row> = {
  key: 'procedures',
  label: { vi: 'Thủ tục hành chính và đơn vị thực hiện', en: 'Procedures and implementing units', fr: 'Procédures et unités de mise en œuvre' },
  async collect(db, plan) {
    const ended = pgArray(plan.ended.keys());
    const procs = await db
      .select()
      .from(procedures)
      .where(sql`${procedures.ownerUnitId} = ANY(${ended}::uuid[]) OR EXISTS (SELECT 1 FROM procedure_versions v WHERE v.procedure_id = ${procedures.id} AND v.implementing_unit_ids && ${ended}::uuid[])`)
      .orderBy(procedures.code);
    if (procs.length === 0) return { count: 0, rows: [], conflicts: [], items: [] };
    const versions = await db.select().from(procedureVersions).where(inArray(procedureVersions.procedureId, procs.map((p) => p.id)));
    const inForce = new Map(procs.map((p) => [p.id, inForceOn(versions.filter((v) => v.procedureId === p.id), plan.effectiveDate)]));
    const rows: Row[] = [];
    const landing = new Map<string, Array<{ procedureId: string; owner: string; moving: boolean }>>();
    for (const p of procs) {
      const v = inForce.get(p.id);
      if (!v || v.status === 'abolished') continue;
      if (plan.ended.has(p.ownerUnitId)) {
        rows.push({ kind: 'owner', procedureId: p.id, code: p.code, name: v.name, owner: p.ownerUnitId });
        const key = `procedures:${plan.target(p.ownerUnitId)}:${p.code}`;
        landing.set(key, [...(landing.get(key) ?? []), { procedureId: p.id, owner: p.ownerUnitId, moving: true }]);
      }
      if (v.implementingUnitIds.some((u) => plan.ended.has(u))) rows.push({ kind: 'implementing', procedureId: p.id, code: p.code, name: v.name, owner: p.ownerUnitId, implementing: v.implementingUnitIds });
    }
    // Procedures already in an existing successor's catalogue under the same codes.
    const existingTargets = [...new Set([...landing.keys()].map((k) => k.split(':')[1]).filter((t) => !t.startsWith('#')))];
    if (existingTargets.length) {
      const there = await db.select({ id: procedures.id, owner: procedures.ownerUnitId, code: procedures.code }).from(procedures).where(inArray(procedures.ownerUnitId, existingTargets));
      for (const t of there) {
        const key = `procedures:${t.owner}:${t.code}`;
        if (landing.has(key)) landing.get(key)!.push({ procedureId: t.id, owner: t.owner, moving: false });
      }
    }
    const conflicts: ConflictItem[] = [];
    const stay = new Set<string>();
    for (const [key, list] of landing) {
      if (list.length < 2) continue;
      const code = key.split(':').slice(2).join(':');
      const target = plan.nameOf(key.split(':')[1]);
      const resolution = plan.resolutions[key] ?? null;
      const valid = resolution && list.some((c) => `keep:${c.procedureId}` === resolution) ? resolution : null;
      conflicts.push({
        key,
        participant: 'procedures',
        message: {
          vi: `${list.length} thủ tục cùng mã ${code} sẽ thuộc danh mục của ${target}: chọn thủ tục được giữ lại`,
          en: `${list.length} procedures with code ${code} would land in the catalogue of ${target}: choose the one kept`,
          fr: `${list.length} procédures de code ${code} arriveraient au catalogue de ${target} : choisissez celle conservée`,
        },
        options: list.map((c) => ({ value: `keep:${c.procedureId}`, label: `${code} — ${plan.nameOf(c.owner)}` })),
        resolution: valid,
      });
      // Whatever is chosen, the procedures not kept stay in their former catalogue (ended with it).
      for (const c of list) if (c.moving && valid !== `keep:${c.procedureId}`) stay.add(c.procedureId);
    }
    const kept = rows.filter((r) => r.kind !== 'owner' || !stay.has(r.procedureId));
    return {
      count: kept.length,
      rows: kept,
      conflicts,
      items: kept.slice(0, PREVIEW_ITEMS).map((r) => ({
        id: `${r.kind}:${r.procedureId}`,
        label: `${r.code} ${r.name}${r.kind === 'implementing' ? ' (đơn vị thực hiện)' : ''}`,
        from: plan.nameOf(r.kind === 'owner' ? r.owner : r.implementing!.find((u) => plan.ended.has(u))!),
        to: plan.nameOf(plan.target(r.kind === 'owner' ? r.owner : r.implementing!.find((u) => plan.ended.has(u))!)),
      })),
    };
  },
  async execute(x, c) {
    const { tx, plan } = x;
    let n = 0;
    const owners = c.rows.filter((r) => r.kind === 'owner');
    if (owners.length) {
      await x.log.snapshot('procedures', 'procedures', owners.map((r) => r.procedureId));
      const versionIds = await tx.db.select({ id: procedureVersions.id }).from(procedureVersions).where(inArray(procedureVersions.procedureId, owners.map((r) => r.procedureId)));
      await x.log.snapshot('procedures', 'procedure_versions', versionIds.map((v) => v.id));
      for (const r of owners) {
        const to = x.resolve(plan.target(r.owner));
        await tx.db.update(procedures).set({ ownerUnitId: to, updatedAt: x.now }).where(eq(procedures.id, r.procedureId));
        // The owner copy on the versions (kept for partitioning) follows; their content is untouched.
        await tx.db.update(procedureVersions).set({ ownerUnitId: to }).where(eq(procedureVersions.procedureId, r.procedureId));
        await recordAudit(tx, x.actor, { action: 'procedure.owner.transfer', subjectType: 'procedure', subjectId: r.procedureId, unitId: to, before: { ownerUnitId: r.owner }, after: { ownerUnitId: to, plan: x.planId } });
        n++;
      }
    }
    for (const r of c.rows.filter((row) => row.kind === 'implementing')) {
      const [proc] = await tx.db.select().from(procedures).where(eq(procedures.id, r.procedureId)).for('update');
      await x.log.snapshot('procedures', 'procedures', [proc.id]);
      const versions = await tx.db.select().from(procedureVersions).where(eq(procedureVersions.procedureId, proc.id));
      const current = inForceOn(versions, plan.effectiveDate)!;
      const implementingUnitIds = [...new Set(current.implementingUnitIds.map((u) => (plan.ended.has(u) ? x.resolve(plan.target(u)) : u)))];
      const content = { ...pickContent(current as never), implementingUnitIds };
      const res = await appendVersion(tx, proc, proc.version, { effectiveFrom: plan.effectiveDate, content, op: { kind: 'edit', fields: { implementingUnitIds } }, changeNote: `${plan.title} (${plan.decisionRef})` }, x.actor.userId);
      await x.log.inserted('procedures', 'procedure_versions', [res.version.id, ...res.rebased.map((v) => v.id)]);
      await recordAudit(tx, x.actor, { action: 'procedure.version.reorganisation', subjectType: 'procedure', subjectId: proc.id, unitId: proc.ownerUnitId, before: { implementingUnitIds: current.implementingUnitIds }, after: { versionNo: res.version.versionNo, implementingUnitIds, plan: x.planId } });
      n++;
    }
    return n;
  },
  async blockers(db, planId, executedAt, successorIds) {
    if (successorIds.length === 0) return [];
    const rows = await db
      .select({ code: procedureVersions.code })
      .from(procedureVersions)
      .where(and(inArray(procedureVersions.ownerUnitId, successorIds), gt(procedureVersions.createdAt, executedAt), sql`NOT EXISTS (SELECT 1 FROM reorganisation_changes c WHERE c.plan_id = ${planId}::uuid AND c.table_name = 'procedure_versions' AND c.action = 'insert' AND c.row_id = ${procedureVersions.id})`));
    return rows.map((r) => ({ vi: `Thủ tục ${r.code} đã thay đổi trong danh mục của đơn vị kế thừa`, en: `procedure ${r.code} changed in a successor's catalogue`, fr: `procédure ${r.code} modifiée au catalogue d'un successeur` }));
  },
};
