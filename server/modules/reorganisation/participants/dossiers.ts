import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.service.ts';
import { recordTransferReverted, transferDossiers } from '../../dossiers/dossiers.transfer.ts';
import { dossierUnitTransfers } from '../reorganisation.schema.ts';
import type { L } from '../compile.ts';
import type { Participant } from './types.ts';
import { PREVIEW_ITEMS, pgArray } from './types.ts';

/** Dossiers whose work is not over: still processing, or with a result waiting to be returned. */
export const LIVE_DOSSIER_STATUSES = ['received', 'in_process', 'awaiting_supplement', 'suspended', 'result_ready'];

interface Row {
  id: string;
  code: string;
  reception: string;
  competent: string;
  returning: string;
}

/** Open dossiers: to the successor authority, same code and appointment, with a `transferred` timeline event. */
export const dossiersParticipant: Participant<Row> = {
  key: 'dossiers',
  label: { vi: 'Hồ sơ đang giải quyết', en: 'Open dossiers', fr: 'Dossiers en cours' },
  async collect(db, plan) {
    const ended = pgArray(plan.ended.keys());
    const res = (await db.execute(sql`
      SELECT d.id, d.code, d.reception_unit_id AS reception, d.competent_unit_id AS competent, d.returning_unit_id AS returning
      FROM dossiers d
      WHERE d.status IN (${sql.join(LIVE_DOSSIER_STATUSES.map((s) => sql`${s}`), sql`, `)})
        AND (d.reception_unit_id = ANY(${ended}::uuid[]) OR d.competent_unit_id = ANY(${ended}::uuid[]) OR d.returning_unit_id = ANY(${ended}::uuid[])
          OR EXISTS (SELECT 1 FROM dossier_steps s WHERE s.dossier_id = d.id AND s.state IN ('pending', 'handed', 'active') AND s.unit_id = ANY(${ended}::uuid[])))
      ORDER BY d.code`)) as unknown as { rows: Row[] };
    const rows = res.rows;
    return {
      count: rows.length,
      rows,
      conflicts: [],
      items: rows.slice(0, PREVIEW_ITEMS).map((r) => ({ id: r.id, label: r.code, from: plan.nameOf(r.competent), to: plan.nameOf(plan.target(r.competent)) })),
    };
  },
  async execute(x, c) {
    if (c.rows.length === 0) return 0;
    const { tx, plan } = x;
    const to = (u: string) => x.resolve(plan.target(u));
    const ids = c.rows.map((r) => r.id);
    const steps = (await tx.db.execute(sql`
      SELECT id FROM dossier_steps WHERE dossier_id = ANY(${pgArray(ids)}::uuid[]) AND state IN ('pending', 'handed', 'active') AND unit_id = ANY(${pgArray(plan.ended.keys())}::uuid[])`)) as unknown as { rows: Array<{ id: string }> };
    await x.log.snapshot('dossiers', 'dossiers', ids);
    await x.log.snapshot('dossiers', 'dossier_steps', steps.rows.map((s) => s.id));
    const transferredAt = x.now < plan.effectiveAt ? x.now : plan.effectiveAt;
    for (let i = 0; i < c.rows.length; i += 2000) {
      await tx.db.insert(dossierUnitTransfers).values(
        c.rows.slice(i, i + 2000).map((r) => ({
          planId: x.planId,
          dossierId: r.id,
          transferredAt,
          fromReceptionUnitId: r.reception,
          fromCompetentUnitId: r.competent,
          fromReturningUnitId: r.returning,
          toReceptionUnitId: to(r.reception),
          toCompetentUnitId: to(r.competent),
          toReturningUnitId: to(r.returning),
        })),
      );
    }
    const n = await transferDossiers(tx, {
      moves: c.rows.map((r) => ({ dossierId: r.id, receptionUnitId: to(r.reception), competentUnitId: to(r.competent), returningUnitId: to(r.returning) })),
      stepUnits: [...plan.routes].map(([from, t]) => ({ from, to: x.resolve(t) })),
      at: plan.effectiveAt,
      actor: x.actor,
      note: `${plan.title} (${plan.decisionRef})`,
      detail: { plan: x.planId, decisionRef: plan.decisionRef },
    });
    await recordAudit(tx, x.actor, { action: 'reorganisation.dossiers.transfer', subjectType: 'reorganisation_plan', subjectId: x.planId, after: { count: n, dossiers: c.rows.map((r) => r.code) } });
    return n;
  },
  async blockers(db, planId, executedAt, successorIds) {
    const out: L[] = [];
    if (successorIds.length) {
      const succ = pgArray(successorIds);
      const received = (await db.execute(sql`
        SELECT code FROM dossiers WHERE created_at > ${executedAt.toISOString()}::timestamptz
          AND (reception_unit_id = ANY(${succ}::uuid[]) OR competent_unit_id = ANY(${succ}::uuid[]) OR returning_unit_id = ANY(${succ}::uuid[])) LIMIT 20`)) as unknown as { rows: Array<{ code: string }> };
      out.push(...received.rows.map((r) => ({ vi: `Hồ sơ ${r.code} tiếp nhận tại đơn vị kế thừa`, en: `dossier ${r.code} received at a successor`, fr: `dossier ${r.code} reçu chez un successeur` })));
    }
    const moved = (await db.execute(sql`
      SELECT DISTINCT d.code FROM dossier_events t JOIN dossier_events e ON e.dossier_id = t.dossier_id AND e.seq > t.seq JOIN dossiers d ON d.id = t.dossier_id
      WHERE t.kind = 'transferred' AND t.detail->>'plan' = ${planId} LIMIT 20`)) as unknown as { rows: Array<{ code: string }> };
    out.push(...moved.rows.map((r) => ({ vi: `Hồ sơ ${r.code} đã được xử lý tiếp sau khi chuyển`, en: `dossier ${r.code} processed after its transfer`, fr: `dossier ${r.code} traité après son transfert` })));
    return out;
  },
  async afterUndo(tx, planId, actor) {
    const rows = await tx.db.select({ dossierId: dossierUnitTransfers.dossierId }).from(dossierUnitTransfers).where(eq(dossierUnitTransfers.planId, planId));
    await recordTransferReverted(tx, { dossierIds: rows.map((r) => r.dossierId), actor, note: 'Hoàn tác phương án sắp xếp đơn vị', detail: { plan: planId } });
    await tx.db.delete(dossierUnitTransfers).where(eq(dossierUnitTransfers.planId, planId));
  },
};
