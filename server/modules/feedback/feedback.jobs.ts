/**
 * Background work of the feedback module (pg-boss):
 * - `feedback.send-answer`: the answer goes back through the channel it came from — e-mail for e-mail and for any
 *   sender who gave an address, SMS otherwise, the portal for a signed-in citizen (their portal page shows it),
 *   Open311 through `status_notes` — to the item's sender and to the senders of its merged duplicates;
 * - `feedback.deadlines` (every 15 minutes): one reminder to the unit's handlers when an item is still
 *   unacknowledged after its acknowledgement limit or its answer is due within the rule's reminder window
 *   (working days); one escalation to the leaders of the unit and its parents when the answer is overdue;
 * - `feedback.poll-mailboxes` (every 5 minutes): leaders' mailboxes over IMAP (feedback.imap.ts).
 */
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { todayVn } from '../../platform/clock.ts';
import type { Queue } from '../../platform/queue.ts';
import { recordAudit, systemActor } from '../audit/audit.service.ts';
import { subtractWorkingTime } from '../calendar/index.ts';
import { messagingFromEnv, type MessagingDeps } from '../satisfaction/satisfaction.jobs.ts';
import { calendarForUnit } from './feedback.deadlines.ts';
import { pollAllMailboxes, POLL_JOB } from './feedback.imap.ts';
import { feedbackEvents, feedbackItems, feedbackNotifications, feedbackRules } from './feedback.schema.ts';
import { linkSecret, tokenHash, verdictToken } from './feedback.links.ts';
import { SEND_ANSWER_JOB } from './feedback.service.ts';

export const DEADLINES_JOB = 'feedback.deadlines';
type Item = typeof feedbackItems.$inferSelect;

async function sendOnce(deps: MessagingDeps, feedbackId: string, jobKey: string, channel: string, recipient: string, send: () => Promise<{ id: string }>): Promise<boolean> {
  const [prior] = await deps.database.db.select().from(feedbackNotifications).where(and(eq(feedbackNotifications.jobKey, jobKey), eq(feedbackNotifications.channel, channel), eq(feedbackNotifications.recipient, recipient)));
  if (prior?.status === 'sent' || prior?.status === 'available') return false;
  let status = 'sent';
  let providerId: string | null = null;
  let error: string | null = null;
  try {
    providerId = (await send()).id;
    if (channel === 'portal') status = 'available';
  } catch (err) {
    status = 'failed';
    error = (err as Error).message.slice(0, 500);
  }
  await deps.database.db
    .insert(feedbackNotifications)
    .values({ feedbackId, jobKey, channel, recipient, status, providerId, error })
    .onConflictDoUpdate({ target: [feedbackNotifications.jobKey, feedbackNotifications.channel, feedbackNotifications.recipient], set: { status, providerId, error } });
  if (status === 'failed') throw new Error(`${channel} to ${recipient}: ${error}`);
  return true;
}

/** Which channel answers a sender: the one they wrote through when it can carry an answer, else e-mail, else SMS. */
export function answerRoute(i: Pick<Item, 'channel' | 'senderEmail' | 'senderPhone' | 'senderUserId'>): Array<{ channel: 'email' | 'sms' | 'portal' | 'open311'; recipient: string }> {
  const out: Array<{ channel: 'email' | 'sms' | 'portal' | 'open311'; recipient: string }> = [];
  if (i.channel === 'portal' && i.senderUserId) out.push({ channel: 'portal', recipient: i.senderUserId });
  if (i.channel === 'open311') out.push({ channel: 'open311', recipient: 'status_notes' });
  if (i.senderEmail) out.push({ channel: 'email', recipient: i.senderEmail });
  else if (i.senderPhone) out.push({ channel: 'sms', recipient: i.senderPhone });
  return out;
}

/** The messaging platform and the configured link secret (LINK_SECRET; unset → the generated one, feedback.links.ts). */
export type AnswerDeps = MessagingDeps & { linkSecret?: string | null };

/**
 * Delivers the answer of an item to its sender and to the senders of its merged duplicates, each with their keyed
 * verdict link (its token's hash stored on the item first, so the link works as soon as it arrives). Idempotent per job.
 */
export async function handleSendAnswer(deps: AnswerDeps, data: { feedbackId: string; version: number }): Promise<number> {
  const db = deps.database.db;
  const [item] = await db.select().from(feedbackItems).where(eq(feedbackItems.id, data.feedbackId));
  if (!item?.answer) return 0;
  const dups = await db.select().from(feedbackItems).where(eq(feedbackItems.mergedIntoId, item.id));
  const jobKey = `answer:${item.id}:${data.version}`;
  const secret = await linkSecret(deps.database, deps.linkSecret);
  let sent = 0;
  for (const target of [item, ...dups]) {
    const refused = item.status === 'refused';
    const subject = `${refused ? 'Thông báo không tiếp nhận' : 'Trả lời'} phản ánh, kiến nghị ${target.code}${target.title ? ` – ${target.title}` : ''}`;
    const token = verdictToken(secret, target.id);
    await db.update(feedbackItems).set({ verdictTokenHash: tokenHash(token) }).where(and(eq(feedbackItems.id, target.id), sql`${feedbackItems.verdictTokenHash} IS DISTINCT FROM ${tokenHash(token)}`));
    const verdictUrl = `${deps.publicUrl}/phan-anh-kien-nghi?y=${token}`;
    const text = [`Kính gửi ông/bà ${target.senderName ?? ''},`.replace(' ,', ','), '', `${refused ? 'Phản ánh, kiến nghị' : 'Về phản ánh, kiến nghị'} ${target.code} của ông/bà gửi ngày ${todayVn(target.receivedAt)}${refused ? ' không thuộc phạm vi tiếp nhận. Lý do:' : ', chúng tôi trả lời như sau:'}`, '', item.answer, '', `Ông/bà có hài lòng với câu trả lời không? ${verdictUrl}`, '', 'Trân trọng.'].join('\n');
    const channels: string[] = [];
    for (const r of answerRoute(target)) {
      const ok = await sendOnce(deps, target.id, jobKey, r.channel, r.recipient, async () => {
        if (r.channel === 'email') return { id: (await deps.mailer.send({ to: r.recipient, subject, text })).messageId };
        if (r.channel === 'sms') return deps.sms.send(r.recipient, `Tra loi PAKN ${target.code}: ${item.answer!.slice(0, 300)} Danh gia: ${verdictUrl}`);
        return { id: r.channel };
      });
      if (ok) channels.push(r.channel);
    }
    if (channels.length) {
      await deps.database.transaction(async (tx) => {
        await tx.db.insert(feedbackEvents).values({ feedbackId: target.id, unitId: target.unitId, kind: 'answer_sent', at: new Date(), actorName: SEND_ANSWER_JOB, note: channels.join(', '), detail: { channels } });
      });
      sent += channels.length;
    }
  }
  return sent;
}

async function officialsOf(tx: Tx | { db: Database['db'] }, unitId: string, roles: string[], withParents: boolean): Promise<Array<{ id: string; email: string | null }>> {
  const today = todayVn();
  const res = (await tx.db.execute(sql`WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM units WHERE id = ${unitId}::uuid
      UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE ${withParents} AND up.depth < 20
    ) SELECT DISTINCT us.id, us.email FROM role_grants g JOIN up ON up.id = g.unit_id JOIN users us ON us.id = g.user_id
    WHERE g.role IN (${sql.join(roles.map((r) => sql`${r}`), sql`, `)}) AND g.revoked_at IS NULL AND g.valid_from <= ${today}::date
      AND (g.valid_to IS NULL OR g.valid_to >= ${today}::date) AND us.status = 'active'`)) as unknown as { rows: Array<{ id: string; email: string | null }> };
  return res.rows;
}

/**
 * Reminders and escalations due at `now`. Reminder (once): unacknowledged past the acknowledgement limit, or the
 * answer due within `remind_days_before` working days. Escalation (once): the answer is overdue.
 * Returns the numbers of items reminded and escalated.
 */
export async function runFeedbackDeadlines(deps: MessagingDeps, now = new Date()): Promise<{ reminded: number; escalated: number }> {
  const db = deps.database.db;
  const open = inArray(feedbackItems.status, ['new', 'in_progress']);
  const rules = new Map((await db.select().from(feedbackRules)).map((r) => [r.type, r]));
  const remindCandidates = await db.select().from(feedbackItems).where(and(open, isNull(feedbackItems.remindedAt), or(and(eq(feedbackItems.status, 'new'), lt(feedbackItems.ackDueAt, now)), lt(feedbackItems.answerDueAt, new Date(now.getTime() + 60 * 86_400_000)))));
  let reminded = 0;
  for (const i of remindCandidates) {
    const ackLate = i.status === 'new' && i.ackDueAt < now;
    const days = rules.get(i.type)?.remindDaysBefore ?? 2;
    const cal = await calendarForUnit(db, i.unitId, i.receivedAt);
    const remindAt = subtractWorkingTime(cal.work, i.answerDueAt, { value: days, unit: 'working_day' });
    if (!ackLate && remindAt > now) continue;
    const reason = ackLate ? 'chưa xác nhận tiếp nhận quá thời hạn' : `sắp đến hạn trả lời (${i.answerDueAt.toISOString()})`;
    await notifyOfficials(deps, i, 'reminded', ['counter_officer', 'unit_leader', 'reform_officer'], false, reason, now);
    reminded++;
  }
  const overdue = await db.select().from(feedbackItems).where(and(open, isNull(feedbackItems.escalatedAt), lt(feedbackItems.answerDueAt, now)));
  for (const i of overdue) {
    await notifyOfficials(deps, i, 'escalated', ['unit_leader'], true, 'quá hạn trả lời', now);
  }
  return { reminded, escalated: overdue.length };
}

async function notifyOfficials(deps: MessagingDeps, i: Item, kind: 'reminded' | 'escalated', roles: string[], withParents: boolean, reason: string, now: Date) {
  const people = await officialsOf({ db: deps.database.db }, i.unitId, roles, withParents);
  const claimed = await deps.database.transaction(async (tx) => {
    const col = kind === 'reminded' ? { remindedAt: now } : { escalatedAt: now };
    const guard = kind === 'reminded' ? isNull(feedbackItems.remindedAt) : isNull(feedbackItems.escalatedAt);
    const [row] = await tx.db.update(feedbackItems).set(col).where(and(eq(feedbackItems.id, i.id), guard)).returning({ id: feedbackItems.id });
    if (!row) return false;
    await tx.db.insert(feedbackEvents).values({ feedbackId: i.id, unitId: i.unitId, kind, at: now, actorName: DEADLINES_JOB, note: reason, detail: { recipients: people.map((p) => p.id) } });
    await recordAudit(tx, systemActor(DEADLINES_JOB), { action: `feedback.${kind === 'reminded' ? 'remind' : 'escalate'}`, subjectType: 'feedback', subjectId: i.id, unitId: i.unitId, after: { reason, recipients: people.length } });
    return true;
  });
  if (!claimed) return;
  for (const p of people) {
    if (!p.email) continue;
    await sendOnce(deps, i.id, `${kind}:${i.id}`, 'email', p.email, async () => ({
      id: (await deps.mailer.send({ to: p.email!, subject: `[${kind === 'reminded' ? 'Nhắc hạn' : 'Quá hạn'}] Phản ánh, kiến nghị ${i.code}`, text: `Phản ánh, kiến nghị ${i.code} ${reason}.\nHạn trả lời: ${i.answerDueAt.toISOString()}.\n${deps.publicUrl}/phan-anh/${i.id}` })).messageId,
    })).catch(() => undefined);
  }
}

export async function registerFeedbackJobs(queue: Queue, database: Database, deps: AnswerDeps = { ...messagingFromEnv(database, 'feedback'), linkSecret: process.env.LINK_SECRET }): Promise<void> {
  await linkSecret(database, deps.linkSecret); // without LINK_SECRET: generated now, at the first start
  await queue.register<{ feedbackId: string; version: number }>(SEND_ANSWER_JOB, async (data) => {
    await handleSendAnswer(deps, data);
  }, { retryLimit: 5 });
  await queue.register(DEADLINES_JOB, async () => {
    await runFeedbackDeadlines(deps);
  }, { cron: '*/15 * * * *' });
  await queue.register(POLL_JOB, async () => {
    await pollAllMailboxes(database);
  }, { cron: '*/5 * * * *' });
}
