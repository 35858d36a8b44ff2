import { and, gt, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.service.ts';
import { portalSubmissions } from '../../portal/portal.schema.ts';
import type { Participant } from './types.ts';
import { PREVIEW_ITEMS, pgArray } from './types.ts';

/** Online applications not yet decided at the counter. */
export const LIVE_SUBMISSION_STATUSES = ['draft', 'submitted'];

interface Row {
  id: string;
  procedureName: string;
  unitId: string;
}

/** Online applications (hồ sơ nộp trực tuyến) waiting at an ended reception point: to the successor's counter. */
export const portalParticipant: Participant<Row> = {
  key: 'portal_submissions',
  label: { vi: 'Hồ sơ trực tuyến chờ tiếp nhận', en: 'Online applications awaiting reception', fr: 'Demandes en ligne en attente de réception' },
  async collect(db, plan) {
    const rows = await db
      .select({ id: portalSubmissions.id, procedureName: portalSubmissions.procedureName, unitId: portalSubmissions.receptionUnitId })
      .from(portalSubmissions)
      .where(and(sql`${portalSubmissions.receptionUnitId} = ANY(${pgArray(plan.ended.keys())}::uuid[])`, inArray(portalSubmissions.status, LIVE_SUBMISSION_STATUSES)))
      .orderBy(portalSubmissions.createdAt);
    return { count: rows.length, rows, conflicts: [], items: rows.slice(0, PREVIEW_ITEMS).map((r) => ({ id: r.id, label: r.procedureName, from: plan.nameOf(r.unitId), to: plan.nameOf(plan.target(r.unitId)) })) };
  },
  async execute(x, c) {
    if (c.rows.length === 0) return 0;
    await x.log.snapshot('portal_submissions', 'portal_submissions', c.rows.map((r) => r.id));
    const moves = JSON.stringify(c.rows.map((r) => ({ id: r.id, u: x.resolve(x.plan.target(r.unitId)) })));
    await x.tx.db.execute(sql`UPDATE portal_submissions p SET reception_unit_id = m.u, version = p.version + 1, updated_at = now() FROM jsonb_to_recordset(${moves}::jsonb) AS m(id uuid, u uuid) WHERE p.id = m.id`);
    await recordAudit(x.tx, x.actor, { action: 'reorganisation.portal_submissions.transfer', subjectType: 'reorganisation_plan', subjectId: x.planId, after: { count: c.rows.length, applications: c.rows.map((r) => r.id) } });
    return c.rows.length;
  },
  async blockers(db, _planId, executedAt, successorIds) {
    if (successorIds.length === 0) return [];
    const rows = await db.select({ id: portalSubmissions.id }).from(portalSubmissions).where(and(inArray(portalSubmissions.receptionUnitId, successorIds), gt(portalSubmissions.createdAt, executedAt))).limit(20);
    return rows.map((r) => ({ vi: `Hồ sơ trực tuyến ${r.id} nộp tới đơn vị kế thừa`, en: `online application ${r.id} sent to a successor`, fr: `demande en ligne ${r.id} adressée à un successeur` }));
  },
};
