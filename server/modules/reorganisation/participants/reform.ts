import { and, gt, inArray, notInArray, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.service.ts';
import { inspectionRecommendations } from '../../reform/inspections/inspections.schema.ts';
import { reformTasks } from '../../reform/steering/steering.schema.ts';
import type { Participant } from './types.ts';
import { PREVIEW_ITEMS, pgArray } from './types.ts';

interface TaskRow {
  id: string;
  title: string;
  unitId: string;
  assigneeUnitId: string;
}

/** Reform plan tasks not done nor cancelled, assigned by or to an ended unit. */
export const reformTasksParticipant: Participant<TaskRow> = {
  key: 'reform_tasks',
  label: { vi: 'Nhiệm vụ cải cách hành chính chưa hoàn thành', en: 'Open reform tasks', fr: 'Tâches de réforme en cours' },
  async collect(db, plan) {
    const ended = pgArray(plan.ended.keys());
    const rows = await db
      .select({ id: reformTasks.id, title: reformTasks.title, unitId: reformTasks.unitId, assigneeUnitId: reformTasks.assigneeUnitId })
      .from(reformTasks)
      .where(and(notInArray(reformTasks.status, ['done', 'cancelled']), or(sql`${reformTasks.unitId} = ANY(${ended}::uuid[])`, sql`${reformTasks.assigneeUnitId} = ANY(${ended}::uuid[])`)))
      .orderBy(reformTasks.deadline);
    return {
      count: rows.length,
      rows,
      conflicts: [],
      items: rows.slice(0, PREVIEW_ITEMS).map((r) => ({ id: r.id, label: r.title, from: plan.nameOf(r.assigneeUnitId), to: plan.nameOf(plan.target(r.assigneeUnitId)) })),
    };
  },
  async execute(x, c) {
    if (c.rows.length === 0) return 0;
    await x.log.snapshot('reform_tasks', 'reform_tasks', c.rows.map((r) => r.id));
    const to = (u: string) => x.resolve(x.plan.target(u));
    const moves = JSON.stringify(c.rows.map((r) => ({ id: r.id, o: to(r.unitId), a: to(r.assigneeUnitId) })));
    await x.tx.db.execute(sql`UPDATE reform_tasks t SET unit_id = m.o, assignee_unit_id = m.a, version = t.version + 1, updated_at = now() FROM jsonb_to_recordset(${moves}::jsonb) AS m(id uuid, o uuid, a uuid) WHERE t.id = m.id`);
    await recordAudit(x.tx, x.actor, { action: 'reorganisation.reform_tasks.transfer', subjectType: 'reorganisation_plan', subjectId: x.planId, after: { count: c.rows.length, tasks: c.rows.map((r) => r.id) } });
    return c.rows.length;
  },
  async blockers(db, _planId, executedAt, successorIds) {
    if (successorIds.length === 0) return [];
    const rows = await db.select({ title: reformTasks.title }).from(reformTasks).where(and(inArray(reformTasks.assigneeUnitId, successorIds), gt(reformTasks.createdAt, executedAt))).limit(20);
    return rows.map((r) => ({ vi: `Nhiệm vụ "${r.title}" giao cho đơn vị kế thừa`, en: `reform task "${r.title}" assigned to a successor`, fr: `tâche « ${r.title} » confiée à un successeur` }));
  },
};

interface RecRow {
  id: string;
  content: string;
  responsibleUnitId: string;
}

/** Open inspection recommendations addressed to an ended unit: the successor must correct. */
export const recommendationsParticipant: Participant<RecRow> = {
  key: 'inspection_recommendations',
  label: { vi: 'Kiến nghị sau kiểm tra chưa khắc phục', en: 'Open inspection recommendations', fr: "Recommandations d'inspection ouvertes" },
  async collect(db, plan) {
    const rows = await db
      .select({ id: inspectionRecommendations.id, content: inspectionRecommendations.content, responsibleUnitId: inspectionRecommendations.responsibleUnitId })
      .from(inspectionRecommendations)
      .where(and(sql`${inspectionRecommendations.status} = 'open'`, sql`${inspectionRecommendations.responsibleUnitId} = ANY(${pgArray(plan.ended.keys())}::uuid[])`))
      .orderBy(inspectionRecommendations.deadline);
    return {
      count: rows.length,
      rows,
      conflicts: [],
      items: rows.slice(0, PREVIEW_ITEMS).map((r) => ({ id: r.id, label: r.content.slice(0, 120), from: plan.nameOf(r.responsibleUnitId), to: plan.nameOf(plan.target(r.responsibleUnitId)) })),
    };
  },
  async execute(x, c) {
    if (c.rows.length === 0) return 0;
    await x.log.snapshot('inspection_recommendations', 'inspection_recommendations', c.rows.map((r) => r.id));
    const moves = JSON.stringify(c.rows.map((r) => ({ id: r.id, u: x.resolve(x.plan.target(r.responsibleUnitId)) })));
    await x.tx.db.execute(sql`UPDATE inspection_recommendations t SET responsible_unit_id = m.u, version = t.version + 1, updated_at = now() FROM jsonb_to_recordset(${moves}::jsonb) AS m(id uuid, u uuid) WHERE t.id = m.id`);
    await recordAudit(x.tx, x.actor, { action: 'reorganisation.recommendations.transfer', subjectType: 'reorganisation_plan', subjectId: x.planId, after: { count: c.rows.length, recommendations: c.rows.map((r) => r.id) } });
    return c.rows.length;
  },
  async blockers(db, _planId, executedAt, successorIds) {
    if (successorIds.length === 0) return [];
    const rows = await db.select({ id: inspectionRecommendations.id }).from(inspectionRecommendations).where(and(inArray(inspectionRecommendations.responsibleUnitId, successorIds), gt(inspectionRecommendations.createdAt, executedAt))).limit(20);
    return rows.map((r) => ({ vi: `Kiến nghị kiểm tra ${r.id} gửi đơn vị kế thừa`, en: `inspection recommendation ${r.id} addressed to a successor`, fr: `recommandation ${r.id} adressée à un successeur` }));
  },
};
