/**
 * Leaders' mailboxes: each enabled mailbox of a unit is polled over IMAP (imapflow); every message newer than the
 * last UID seen becomes a feedback item of that unit (channel `email`), parsed with mailparser. The Message-ID is
 * the item's external reference, so a message is never received twice (even after a UIDVALIDITY change).
 */
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { Database } from '../../db/client.ts';
import { systemActor } from '../audit/audit.service.ts';
import { MAX_BODY } from './feedback.kinds.ts';
import { feedbackItems, feedbackMailboxes } from './feedback.schema.ts';
import { receiveFeedback } from './feedback.service.ts';
import { and } from 'drizzle-orm';

export const POLL_JOB = 'feedback.poll-mailboxes';
type MailboxRow = typeof feedbackMailboxes.$inferSelect;

const stripTags = (html: string) => html.replace(/<style[\s\S]*?<\/style>/gi, '').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/[ \t]+/g, ' ').trim();

/** Polls one mailbox; returns how many messages became items and how many were skipped (already received). */
export async function pollMailbox(database: Database, box: MailboxRow, now = new Date()): Promise<{ received: number; skipped: number }> {
  const client = new ImapFlow({ host: box.host, port: box.port, secure: box.secure, auth: { user: box.username, pass: box.password }, logger: false, tls: { rejectUnauthorized: box.secure } });
  let received = 0;
  let skipped = 0;
  let lastUid = box.lastUid;
  let uidValidity = box.uidValidity;
  try {
    await client.connect();
    const lock = await client.getMailboxLock(box.mailbox);
    try {
      const mailbox = client.mailbox;
      const validity = mailbox ? String(mailbox.uidValidity) : null;
      if (validity !== uidValidity) {
        // A new UIDVALIDITY renumbers the mailbox: read it again from the start; Message-IDs prevent duplicates.
        uidValidity = validity;
        lastUid = 0;
      }
      const messages: Array<{ uid: number; source: Buffer; internalDate?: Date | string }> = [];
      for await (const m of client.fetch(`${lastUid + 1}:*`, { uid: true, source: true, internalDate: true }, { uid: true })) {
        if (m.uid > lastUid && m.source) messages.push({ uid: m.uid, source: m.source, internalDate: m.internalDate });
      }
      for (const m of messages.sort((a, b) => a.uid - b.uid)) {
        const parsed = await simpleParser(m.source);
        const externalRef = parsed.messageId ?? `${box.id}:${uidValidity}:${m.uid}`;
        const [dup] = await database.db.select({ id: feedbackItems.id }).from(feedbackItems).where(and(eq(feedbackItems.channel, 'email'), eq(feedbackItems.externalRef, externalRef)));
        if (dup) {
          skipped++;
        } else {
          const from = parsed.from?.value[0];
          let body = (parsed.text ?? (parsed.html ? stripTags(parsed.html) : '')).trim() || (parsed.subject ?? '').trim() || '(không có nội dung)';
          if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY - 40)}\n[… thư dài, đã cắt bớt]`;
          const sent = parsed.date && parsed.date <= now ? parsed.date : m.internalDate ? new Date(m.internalDate) : now;
          await receiveFeedback(database, systemActor(POLL_JOB), {
            channel: 'email',
            type: 'recommendation',
            field: 'other',
            unitId: box.unitId,
            title: parsed.subject?.slice(0, 200) ?? null,
            body: body.normalize('NFC'),
            sender: { name: from?.name?.normalize('NFC') || null, email: from?.address ?? null },
            consentPublish: false,
            receivedAt: sent > now ? now : sent,
            externalRef,
          }, now);
          received++;
        }
        lastUid = m.uid;
      }
    } finally {
      lock.release();
    }
    await client.logout();
    await database.db.update(feedbackMailboxes).set({ lastUid, uidValidity, lastPolledAt: now, lastError: null }).where(eq(feedbackMailboxes.id, box.id));
  } catch (err) {
    client.close();
    await database.db.update(feedbackMailboxes).set({ lastUid, uidValidity, lastPolledAt: now, lastError: (err as Error).message.slice(0, 500) }).where(eq(feedbackMailboxes.id, box.id));
    throw err;
  }
  return { received, skipped };
}

/** Polls every enabled mailbox; one failing mailbox does not stop the others (its error is stored on it). */
export async function pollAllMailboxes(database: Database, now = new Date()): Promise<{ received: number; failed: number }> {
  const boxes = await database.db.select().from(feedbackMailboxes).where(eq(feedbackMailboxes.enabled, true));
  let received = 0;
  let failed = 0;
  for (const box of boxes) {
    try {
      received += (await pollMailbox(database, box, now)).received;
    } catch {
      failed++;
    }
  }
  return { received, failed };
}
