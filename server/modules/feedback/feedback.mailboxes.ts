/** Leaders' mailboxes per unit (IMAP settings): administrators of feedback configure them; passwords never leave. */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { MailboxBody, MailboxUpdateBody } from '../../../contracts/feedback.ts';
import type { Database, Db } from '../../db/client.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Context } from '../accounts/context.ts';
import { pollMailbox } from './feedback.imap.ts';
import { FEEDBACK_REFUSALS } from './feedback.messages.ts';
import { feedbackMailboxes } from './feedback.schema.ts';

type Row = typeof feedbackMailboxes.$inferSelect;
const present = ({ password: _p, createdAt: _c, updatedAt: _u, uidValidity: _v, ...m }: Row) => ({ ...m, lastPolledAt: m.lastPolledAt?.toISOString() ?? null });
const safe = (m: Row) => ({ id: m.id, unitId: m.unitId, label: m.label, host: m.host, port: m.port, username: m.username, enabled: m.enabled });

export async function listMailboxes(db: Db, ctx: Context) {
  const scope = await ctx.scope('feedback.configure');
  return (await db.select().from(feedbackMailboxes).orderBy(feedbackMailboxes.label)).filter((m) => scope.covers(m.unitId)).map(present);
}

export async function createMailbox(database: Database, ctx: Context, b: z.infer<typeof MailboxBody>) {
  await ctx.requireUnit('feedback.configure', b.unitId);
  return database.transaction(async (tx) => {
    const [row] = await tx.db.insert(feedbackMailboxes).values(b).returning();
    await recordAudit(tx, ctx.actor, { action: 'feedback.mailbox.create', subjectType: 'feedback_mailbox', subjectId: row.id, unitId: row.unitId, after: safe(row) });
    return present(row);
  });
}

async function load(db: Db, ctx: Context, id: string): Promise<Row> {
  const [row] = await db.select().from(feedbackMailboxes).where(eq(feedbackMailboxes.id, id));
  if (!row || !(await ctx.scope('feedback.configure')).covers(row.unitId)) throw notFound('mailbox');
  return row;
}

export async function updateMailbox(database: Database, ctx: Context, id: string, b: z.infer<typeof MailboxUpdateBody>) {
  const before = await load(database.db, ctx, id);
  const { version, ...patch } = b;
  return database.transaction(async (tx) => {
    const [row] = await tx.db.update(feedbackMailboxes).set({ ...patch, version: before.version + 1, updatedAt: new Date() }).where(and(eq(feedbackMailboxes.id, id), eq(feedbackMailboxes.version, version))).returning();
    if (!row) throw conflict(FEEDBACK_REFUSALS.mailboxChanged);
    await recordAudit(tx, ctx.actor, { action: 'feedback.mailbox.update', subjectType: 'feedback_mailbox', subjectId: id, unitId: row.unitId, before: safe(before), after: { ...safe(row), passwordChanged: !!patch.password } });
    return present(row);
  });
}

/** Polls one mailbox now (the same code as the job). */
export async function pollNow(database: Database, ctx: Context, id: string) {
  const box = await load(database.db, ctx, id);
  return pollMailbox(database, box);
}
