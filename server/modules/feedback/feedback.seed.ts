/**
 * Demo activity of the feedback and satisfaction modules: ratings of some returned demo dossiers and a handful of
 * feedback items through every channel (some answered and published), for the demo commune. Called from the
 * installation seed (demo activity part), after the demo dossiers exist. Marked demo where the table allows.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { todayVn } from '../../platform/clock.ts';
import { recordAudit, systemActor } from '../audit/audit.service.ts';
import { satisfactionRatings } from '../satisfaction/satisfaction.schema.ts';
import { redactPersonalData } from './feedback.redact.ts';
import { feedbackEvents, feedbackItems } from './feedback.schema.ts';
import { receiveFeedback, type IncomingFeedback } from './feedback.service.ts';

const actor = systemActor('seed');
const DAY = 86_400_000;

/** Seeds the demo ratings and feedback items; returns how many of each. Does nothing when the commune is missing. */
export async function seedDemoFeedback(database: Database, now = new Date()): Promise<{ ratings: number; feedback: number }> {
  const db = database.db;
  const unit = ((await db.execute(sql`SELECT id FROM units WHERE name = 'Xã Tiên Yên' ORDER BY valid_from DESC LIMIT 1`)) as unknown as { rows: Array<{ id: string }> }).rows[0];
  if (!unit) return { ratings: 0, feedback: 0 };
  const seeded = ((await db.execute(sql`SELECT 1 FROM feedback_items WHERE is_demo LIMIT 1`)) as unknown as { rows: unknown[] }).rows.length > 0;
  if (seeded) return { ratings: 0, feedback: 0 };

  // Ratings: every third returned dossier, scores in a fixed pattern (mostly satisfied, a few not).
  const returned = ((await db.execute(sql`SELECT id, code, procedure_id, procedure_code, procedure_name, reception_unit_id, competent_unit_id, received_by, returned_at
    FROM dossiers WHERE status = 'returned' AND returned_at IS NOT NULL ORDER BY returned_at, code`)) as unknown as { rows: Array<Record<string, string>> }).rows.filter((_, i) => i % 3 === 0).slice(0, 40);
  const pattern = [5, 5, 4, 5, 3, 4, 5, 2, 5, 4];
  const rows = returned.map((d, i) => {
    const o = pattern[i % pattern.length];
    const near = (delta: number) => Math.min(5, Math.max(1, o + delta));
    return {
      dossierId: d.id,
      dossierCode: d.code,
      unitId: d.reception_unit_id,
      competentUnitId: d.competent_unit_id,
      procedureId: d.procedure_id,
      procedureCode: d.procedure_code,
      procedureName: d.procedure_name,
      officialId: d.received_by || null,
      channel: (['kiosk', 'link', 'kiosk', 'portal'] as const)[i % 4],
      access: near(0),
      procedures: near(i % 2 ? -1 : 0),
      conduct: near(0),
      results: near(i % 3 ? 0 : -1),
      feedbackHandling: near(-1),
      overall: o,
      comment: o <= 2 ? 'Phải chờ lâu, hướng dẫn chưa rõ.' : o === 5 && i % 4 === 0 ? 'Cán bộ nhiệt tình, chu đáo.' : null,
      ratedAt: new Date(new Date(d.returned_at).getTime() + 3600_000),
    };
  });
  if (rows.length) await db.insert(satisfactionRatings).values(rows).onConflictDoNothing();

  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const items: Array<IncomingFeedback & { answer?: string; publish?: boolean }> = [
    { channel: 'web', type: 'complaint', field: 'dossier_handling', unitId: unit.id, body: 'Hồ sơ đăng ký khai sinh của tôi bị yêu cầu nộp thêm bản sao giấy tờ không có trong danh mục.', sender: { name: 'Nguyễn Thị Mai', phone: '0912000111' }, consentPublish: true, receivedAt: at(20), answer: 'Trung tâm đã kiểm tra: yêu cầu nộp thêm bản sao là không đúng quy định. Cán bộ đã được nhắc nhở; hồ sơ được giải quyết đúng hẹn.', publish: true },
    { channel: 'book', type: 'recommendation', field: 'facilities', unitId: unit.id, body: 'Đề nghị bố trí thêm ghế chờ và quạt ở khu vực tiếp nhận.', sender: { name: 'Khách đến làm thủ tục' }, consentPublish: true, writtenOn: todayVn(at(18)), receivedAt: at(15), answer: 'Đã bổ sung 10 ghế chờ và 2 quạt treo tường.', publish: true },
    { channel: 'box', type: 'praise', field: 'conduct', unitId: unit.id, body: 'Cảm ơn cán bộ một cửa hướng dẫn tận tình.', sender: {}, consentPublish: false, receivedAt: at(12) },
    { channel: 'hotline', type: 'question', field: 'online_service', unitId: unit.id, body: 'Hỏi cách nộp hồ sơ trực tuyến và thanh toán phí.', sender: { phone: '0987000222' }, consentPublish: false, receivedAt: at(6), externalRef: 'DDN-0042' },
    { channel: 'email', type: 'complaint', field: 'conduct', unitId: unit.id, title: 'Thái độ tiếp dân', body: 'Chiều thứ Năm cán bộ trả lời điện thoại thiếu lịch sự.', sender: { name: 'Trần Văn Hùng', email: 'hung@example.vn' }, consentPublish: false, receivedAt: at(25), externalRef: '<demo-1@example.vn>' },
    { channel: 'open311', type: 'complaint', field: 'regulation', unitId: unit.id, body: 'Thủ tục chứng thực yêu cầu quá nhiều bản sao.', sender: { name: 'Ứng dụng phản ánh' }, consentPublish: false, receivedAt: at(3) },
  ];
  let n = 0;
  for (const it of items) {
    const exists = it.externalRef ? (await db.select({ id: feedbackItems.id }).from(feedbackItems).where(eq(feedbackItems.externalRef, it.externalRef))).length > 0 : false;
    if (exists) continue;
    const item = await receiveFeedback(database, actor, { ...it, isDemo: true }, it.receivedAt);
    n++;
    if (!it.answer) continue;
    const answeredAt = new Date(it.receivedAt.getTime() + 4 * DAY);
    const known = { name: item.senderName, address: item.senderAddress, dossierCode: item.dossierCode };
    await database.transaction(async (tx) => {
      await tx.db
        .update(feedbackItems)
        .set({ status: 'closed', acknowledgedAt: new Date(it.receivedAt.getTime() + DAY), answeredAt, answer: it.answer, closedAt: answeredAt, ...(it.publish ? { publishedAt: answeredAt, publicBody: redactPersonalData(item.body, known), publicAnswer: redactPersonalData(it.answer!, known) } : {}), version: 2 })
        .where(eq(feedbackItems.id, item.id));
      await tx.db.insert(feedbackEvents).values([
        { feedbackId: item.id, unitId: item.unitId, kind: 'acknowledged', at: new Date(it.receivedAt.getTime() + DAY), actorName: 'seed' },
        { feedbackId: item.id, unitId: item.unitId, kind: 'answered', at: answeredAt, actorName: 'seed' },
        ...(it.publish ? [{ feedbackId: item.id, unitId: item.unitId, kind: 'published', at: answeredAt, actorName: 'seed' }] : []),
        { feedbackId: item.id, unitId: item.unitId, kind: 'closed', at: answeredAt, actorName: 'seed' },
      ]);
      await recordAudit(tx, actor, { action: 'feedback.answer', subjectType: 'feedback', subjectId: item.id, unitId: item.unitId, after: { status: 'closed', demo: true } });
    });
  }
  await database.transaction((tx) => recordAudit(tx, actor, { action: 'seed.demo-feedback', subjectType: 'installation', after: { ratings: rows.length, feedback: n } }));
  return { ratings: rows.length, feedback: n };
}
