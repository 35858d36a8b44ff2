import { and, gt, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/audit.service.ts';
import { feedbackItems, feedbackMailboxes } from '../../feedback/feedback.schema.ts';
import type { Participant } from './types.ts';
import { PREVIEW_ITEMS, pgArray } from './types.ts';

/** Feedback still waiting for an answer or for publication. */
export const LIVE_FEEDBACK_STATUSES = ['new', 'in_progress', 'answered'];

interface Row {
  id: string;
  code: string;
  unitId: string;
}

/** Open feedback (phản ánh, kiến nghị) of ended units: handled by the successor from the effective date. */
export const feedbackParticipant: Participant<Row> = {
  key: 'feedback',
  label: { vi: 'Phản ánh, kiến nghị đang xử lý', en: 'Open feedback', fr: 'Réclamations en cours' },
  async collect(db, plan) {
    const rows = await db
      .select({ id: feedbackItems.id, code: feedbackItems.code, unitId: feedbackItems.unitId })
      .from(feedbackItems)
      .where(and(sql`${feedbackItems.unitId} = ANY(${pgArray(plan.ended.keys())}::uuid[])`, inArray(feedbackItems.status, LIVE_FEEDBACK_STATUSES)))
      .orderBy(feedbackItems.code);
    return { count: rows.length, rows, conflicts: [], items: rows.slice(0, PREVIEW_ITEMS).map((r) => ({ id: r.id, label: r.code, from: plan.nameOf(r.unitId), to: plan.nameOf(plan.target(r.unitId)) })) };
  },
  async execute(x, c) {
    if (c.rows.length === 0) return 0;
    await x.log.snapshot('feedback', 'feedback_items', c.rows.map((r) => r.id));
    const moves = JSON.stringify(c.rows.map((r) => ({ id: r.id, u: x.resolve(x.plan.target(r.unitId)) })));
    await x.tx.db.execute(sql`UPDATE feedback_items f SET unit_id = m.u FROM jsonb_to_recordset(${moves}::jsonb) AS m(id uuid, u uuid) WHERE f.id = m.id`);
    await recordAudit(x.tx, x.actor, { action: 'reorganisation.feedback.transfer', subjectType: 'reorganisation_plan', subjectId: x.planId, after: { count: c.rows.length, feedback: c.rows.map((r) => r.code) } });
    return c.rows.length;
  },
  async blockers(db, _planId, executedAt, successorIds) {
    if (successorIds.length === 0) return [];
    const rows = await db.select({ code: feedbackItems.code }).from(feedbackItems).where(and(inArray(feedbackItems.unitId, successorIds), gt(feedbackItems.createdAt, executedAt))).limit(20);
    return rows.map((r) => ({ vi: `Phản ánh ${r.code} tiếp nhận tại đơn vị kế thừa`, en: `feedback ${r.code} received at a successor`, fr: `réclamation ${r.code} reçue chez un successeur` }));
  },
};

interface MailboxRow {
  id: string;
  label: string;
  unitId: string;
}

/** Leaders' mailboxes polled for feedback: attached to the successor. */
export const mailboxesParticipant: Participant<MailboxRow> = {
  key: 'mailboxes',
  label: { vi: 'Hộp thư tiếp nhận phản ánh', en: 'Feedback mailboxes', fr: 'Boîtes aux lettres des réclamations' },
  async collect(db, plan) {
    const rows = await db
      .select({ id: feedbackMailboxes.id, label: feedbackMailboxes.label, unitId: feedbackMailboxes.unitId })
      .from(feedbackMailboxes)
      .where(sql`${feedbackMailboxes.unitId} = ANY(${pgArray(plan.ended.keys())}::uuid[])`);
    return { count: rows.length, rows, conflicts: [], items: rows.map((r) => ({ id: r.id, label: r.label, from: plan.nameOf(r.unitId), to: plan.nameOf(plan.target(r.unitId)) })) };
  },
  async execute(x, c) {
    if (c.rows.length === 0) return 0;
    await x.log.snapshot('mailboxes', 'feedback_mailboxes', c.rows.map((r) => r.id));
    for (const r of c.rows) {
      const to = x.resolve(x.plan.target(r.unitId));
      await x.tx.db.execute(sql`UPDATE feedback_mailboxes SET unit_id = ${to}::uuid WHERE id = ${r.id}::uuid`);
      await recordAudit(x.tx, x.actor, { action: 'feedback.mailbox.transfer', subjectType: 'feedback_mailbox', subjectId: r.id, unitId: to, before: { unitId: r.unitId }, after: { unitId: to, plan: x.planId } });
    }
    return c.rows.length;
  },
};
