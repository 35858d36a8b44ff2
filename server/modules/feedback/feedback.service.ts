/**
 * The feedback inbox (phản ánh, kiến nghị): every channel enters through `receiveFeedback`; officials classify,
 * assign, answer, refuse, close, publish and merge duplicates. Each write is one transaction with its event row
 * (the timeline the time limits are measured on), its audit row and any job (the answer's delivery).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AcknowledgeBody, AnswerBody, AssignBody, ListFeedbackQuery, MergeBody, OfficialFeedbackBody, PublicFeedbackBody, PublishedQuery, ReasonBody, RuleBody } from '../../../contracts/feedback.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { todayVn } from '../../platform/clock.ts';
import { AppError, conflict, notFound, type FieldError } from '../../platform/errors.ts';
import type { Lang } from '../../platform/messages.ts';
import type { Queue } from '../../platform/queue.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { Context } from '../accounts/context.ts';
import { calendarForUnit, feedbackDeadlines } from './feedback.deadlines.ts';
import { FEEDBACK_EVENT_KINDS, FEEDBACK_FIELDS, FEEDBACK_TYPES, OPEN_STATUSES, type FeedbackChannel, type FeedbackEventKind, type FeedbackField, type FeedbackStatus, type FeedbackType } from './feedback.kinds.ts';
import { tokenHash } from './feedback.links.ts';
import { FEEDBACK_REFUSALS, FEEDBACK_STEP_REFUSALS, type FeedbackStep } from './feedback.messages.ts';
import { redactPersonalData } from './feedback.redact.ts';
import { feedbackCodeSequences, feedbackEvents, feedbackItems, feedbackRules } from './feedback.schema.ts';

export const SEND_ANSWER_JOB = 'feedback.send-answer';

export interface FeedbackDeps {
  database: Database;
  queue: Queue | null;
}

type Item = typeof feedbackItems.$inferSelect;

/** Everything a channel hands to the inbox, already validated for shape. */
export interface IncomingFeedback {
  channel: FeedbackChannel;
  type: FeedbackType;
  field: FeedbackField;
  unitId: string;
  title?: string | null;
  body: string;
  dossierCode?: string | null;
  sender: { name?: string | null; phone?: string | null; email?: string | null; address?: string | null };
  senderUserId?: string | null;
  consentPublish: boolean;
  writtenOn?: string | null;
  receivedAt: Date;
  externalRef?: string | null;
  open311?: { keyId: string; lat?: number | null; long?: number | null; addressString?: string | null; mediaUrl?: string | null };
  isDemo?: boolean;
}

const invalid = (field: string, message: FieldError['message']) => new AppError('VALIDATION_FAILED', { detail: `${field}: ${message.en}`, fields: [{ field, code: 'invalid', message }] });

/** Current time-limit rules, by type. */
export async function getRules(db: Db) {
  return db.select().from(feedbackRules).orderBy(feedbackRules.type);
}

async function nextCode(tx: Tx, now: Date): Promise<string> {
  const day = todayVn(now);
  const [row] = await tx.db
    .insert(feedbackCodeSequences)
    .values({ day, lastValue: 1 })
    .onConflictDoUpdate({ target: feedbackCodeSequences.day, set: { lastValue: sql`${feedbackCodeSequences.lastValue} + 1` } })
    .returning();
  return `PAKN-${day.slice(2).replace(/-/g, '')}-${String(row.lastValue).padStart(4, '0')}`;
}

async function addEvent(tx: Tx, item: { id: string; unitId: string }, kind: FeedbackEventKind, actor: Actor, at: Date, note: string | null = null, detail: unknown = null) {
  await tx.db.insert(feedbackEvents).values({ feedbackId: item.id, unitId: item.unitId, kind, at, actorId: actor.userId, actorName: actor.label, note, detail });
}

/**
 * Puts one item in the inbox, whatever its channel: checks the unit, the dates and the dossier link, snapshots the
 * type's time limits and computes the due moments on the unit's working calendar; writes the item, its `received`
 * event and the audit row in one transaction.
 * @throws VALIDATION_FAILED unknown unit, a date in the future, written after it was received.
 * @throws CONFLICT the same external reference (e-mail Message-ID, call reference) was already received.
 */
export async function receiveFeedback(database: Database, actor: Actor, input: IncomingFeedback, now = new Date()): Promise<Item> {
  const db = database.db;
  const unit = (await db.execute(sql`SELECT id FROM units WHERE id = ${input.unitId}::uuid`)) as unknown as { rows: unknown[] };
  if (unit.rows.length === 0) throw invalid('unitId', { vi: 'Đơn vị không tồn tại', en: 'Unknown unit', fr: 'Unité inconnue' });
  if (input.receivedAt.getTime() > now.getTime() + 60_000) throw invalid('receivedAt', { vi: 'Thời điểm tiếp nhận không được ở tương lai', en: 'The reception time cannot be in the future', fr: 'La réception ne peut pas être dans le futur' });
  if (input.writtenOn && input.writtenOn > todayVn(input.receivedAt)) throw invalid('writtenOn', { vi: 'Ngày viết không được sau ngày tiếp nhận', en: 'The date written cannot be after the reception', fr: 'La date de rédaction ne peut pas suivre la réception' });
  let dossierId: string | null = null;
  if (input.dossierCode) {
    const d = (await db.execute(sql`SELECT id FROM dossiers WHERE code = ${input.dossierCode}`)) as unknown as { rows: Array<{ id: string }> };
    dossierId = d.rows[0]?.id ?? null;
  }
  const [rule] = await db.select().from(feedbackRules).where(eq(feedbackRules.type, input.type));
  const limits = rule ?? { ackDays: 2, answerDays: 15 };
  const cal = await calendarForUnit(db, input.unitId, input.receivedAt);
  const due = feedbackDeadlines(cal.work, input.receivedAt, limits);
  try {
    return await database.transaction(async (tx) => {
      const code = await nextCode(tx, now);
      const [item] = await tx.db
        .insert(feedbackItems)
        .values({
          code,
          channel: input.channel,
          type: input.type,
          field: input.field,
          title: input.title ?? null,
          body: input.body,
          unitId: input.unitId,
          dossierId,
          dossierCode: input.dossierCode ?? null,
          senderName: input.sender.name ?? null,
          senderPhone: input.sender.phone ?? null,
          senderEmail: input.sender.email ?? null,
          senderAddress: input.sender.address ?? null,
          senderUserId: input.senderUserId ?? null,
          consentPublish: input.consentPublish,
          writtenOn: input.writtenOn ?? null,
          receivedAt: input.receivedAt,
          status: 'new',
          ackDays: limits.ackDays,
          answerDays: limits.answerDays,
          ackDueAt: due.ackDueAt,
          answerDueAt: due.answerDueAt,
          calendarVersion: cal.version,
          externalRef: input.externalRef ?? null,
          open311KeyId: input.open311?.keyId ?? null,
          lat: input.open311?.lat ?? null,
          long: input.open311?.long ?? null,
          addressString: input.open311?.addressString ?? null,
          mediaUrl: input.open311?.mediaUrl ?? null,
          isDemo: input.isDemo ?? false,
        })
        .returning();
      await addEvent(tx, item, 'received', actor, input.receivedAt, null, { channel: input.channel, writtenOn: input.writtenOn ?? null });
      await recordAudit(tx, actor, { action: 'feedback.receive', subjectType: 'feedback', subjectId: item.id, unitId: item.unitId, after: { code, channel: item.channel, type: item.type, field: item.field, dossierCode: item.dossierCode, ackDueAt: item.ackDueAt, answerDueAt: item.answerDueAt } });
      return item;
    });
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if (e?.code === '23505' || e?.cause?.code === '23505') throw conflict(FEEDBACK_REFUSALS.alreadyReceived, { ref: input.externalRef ?? '' });
    throw err;
  }
}

const receipt = (i: Item) => ({ id: i.id, code: i.code, ackDueAt: i.ackDueAt.toISOString(), answerDueAt: i.answerDueAt.toISOString() });

/** The public web form; a signed-in citizen's item comes through the `portal` channel, linked to their account. */
export async function submitPublicFeedback(deps: FeedbackDeps, ctx: Context, body: z.infer<typeof PublicFeedbackBody>, now = new Date()) {
  const citizen = ctx.principal?.permissions.has('portal.self') ? ctx.principal.userId : null;
  const item = await receiveFeedback(deps.database, ctx.actor, { ...body, channel: citizen ? 'portal' : 'web', senderUserId: citizen, receivedAt: now }, now);
  return receipt(item);
}

/** An official transcribes an item: suggestion book or box (with the date written), hotline call, visit, letter. */
export async function enterFeedback(deps: FeedbackDeps, ctx: Context, body: z.infer<typeof OfficialFeedbackBody>, now = new Date()) {
  await ctx.requireUnit('feedback.handle', body.unitId);
  const item = await receiveFeedback(deps.database, ctx.actor, { ...body, receivedAt: body.receivedAt ? new Date(body.receivedAt) : now }, now);
  return getFeedback(deps.database.db, ctx, item.id, now);
}

async function loadInScope(db: Db, ctx: Context, id: string): Promise<Item> {
  const [item] = await db.select().from(feedbackItems).where(eq(feedbackItems.id, id));
  if (!item || !(await ctx.scope('feedback.handle')).covers(item.unitId)) throw notFound('feedback');
  return item;
}

const isOpen = (s: string) => (OPEN_STATUSES as readonly string[]).includes(s);

export function allowedActions(i: Pick<Item, 'status' | 'consentPublish' | 'publishedAt' | 'answer'>): string[] {
  const s = i.status as FeedbackStatus;
  if (s === 'new') return ['acknowledge', 'assign', 'answer', 'refuse', 'merge'];
  if (s === 'in_progress') return ['assign', 'answer', 'refuse', 'merge'];
  const publishable = i.consentPublish && !i.publishedAt && !!i.answer;
  if (s === 'answered') return ['close', ...(publishable ? ['publish'] : [])];
  if (s === 'refused') return ['close'];
  if (s === 'closed') return publishable ? ['publish'] : [];
  return [];
}

function summaryOf(i: Item & { unitName?: string }, now: Date) {
  return {
    id: i.id,
    code: i.code,
    channel: i.channel,
    type: i.type,
    field: i.field,
    title: i.title,
    status: i.status,
    unitId: i.unitId,
    unitName: i.unitName ?? '',
    senderName: i.senderName,
    receivedAt: i.receivedAt.toISOString(),
    ackDueAt: i.ackDueAt.toISOString(),
    answerDueAt: i.answerDueAt.toISOString(),
    answeredAt: i.answeredAt?.toISOString() ?? null,
    overdue: isOpen(i.status) ? i.answerDueAt < now : !!i.answeredAt && i.answeredAt > i.answerDueAt,
    dossierCode: i.dossierCode,
    version: i.version,
  };
}

/** One item with its timeline, for an official of its unit (another unit's item → 404). */
export async function getFeedback(db: Db, ctx: Context, id: string, now = new Date()) {
  const item = await loadInScope(db, ctx, id);
  const unitName = ((await db.execute(sql`SELECT name FROM units WHERE id = ${item.unitId}::uuid`)) as unknown as { rows: Array<{ name: string }> }).rows[0]?.name ?? '';
  const events = await db.select().from(feedbackEvents).where(eq(feedbackEvents.feedbackId, id)).orderBy(feedbackEvents.at, feedbackEvents.id);
  const assignee = item.assigneeId ? ((await db.execute(sql`SELECT id, full_name AS name FROM users WHERE id = ${item.assigneeId}::uuid`)) as unknown as { rows: Array<{ id: string; name: string }> }).rows[0] ?? null : null;
  const merged = item.mergedIntoId ? (await db.select({ id: feedbackItems.id, code: feedbackItems.code }).from(feedbackItems).where(eq(feedbackItems.id, item.mergedIntoId)))[0] ?? null : null;
  const duplicates = await db.select({ id: feedbackItems.id, code: feedbackItems.code }).from(feedbackItems).where(eq(feedbackItems.mergedIntoId, id));
  return {
    ...summaryOf({ ...item, unitName }, now),
    body: item.body,
    dossierId: item.dossierId,
    sender: { name: item.senderName, phone: item.senderPhone, email: item.senderEmail, address: item.senderAddress },
    consentPublish: item.consentPublish,
    writtenOn: item.writtenOn,
    assignee,
    acknowledgedAt: item.acknowledgedAt?.toISOString() ?? null,
    answer: item.answer,
    closedAt: item.closedAt?.toISOString() ?? null,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    publicBody: item.publicBody,
    publicAnswer: item.publicAnswer,
    mergedInto: merged,
    duplicates,
    externalRef: item.externalRef,
    rule: { ackDays: item.ackDays, answerDays: item.answerDays },
    events: events.map((e) => ({ kind: e.kind, label: FEEDBACK_EVENT_KINDS[e.kind as FeedbackEventKind]?.[ctx.lang] ?? e.kind, at: e.at.toISOString(), actorName: e.actorName, note: e.note })),
    allowedActions: allowedActions(item),
  };
}

/** The inbox: items of the units the caller handles, newest first, with filters and accent-insensitive search. */
export async function listFeedback(db: Db, ctx: Context, q: z.infer<typeof ListFeedbackQuery>, now = new Date()) {
  const scope = await ctx.scope('feedback.handle');
  const conds = [];
  if (!scope.all) conds.push(scope.ids.size ? sql`f.unit_id IN (${sql.join([...scope.ids].map((i) => sql`${i}::uuid`), sql`, `)})` : sql`FALSE`);
  if (q.unitId) conds.push(sql`f.unit_id = ${q.unitId}::uuid`);
  if (q.status) conds.push(sql`f.status = ${q.status}`);
  if (q.channel) conds.push(sql`f.channel = ${q.channel}`);
  if (q.type) conds.push(sql`f.type = ${q.type}`);
  if (q.q) conds.push(sql`f.search_text LIKE '%' || search_norm(${q.q}) || '%'`);
  if (q.overdue === 'true') conds.push(sql`f.status IN ('new', 'in_progress') AND f.answer_due_at < ${now.toISOString()}::timestamptz`);
  const where = conds.length ? sql.join(conds, sql` AND `) : sql`TRUE`;
  const rows = ((await db.execute(sql`SELECT f.id, u.name AS "unitName", count(*) OVER ()::int AS total FROM feedback_items f JOIN units u ON u.id = f.unit_id
    WHERE ${where} ORDER BY f.received_at DESC, f.code DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`)) as unknown as { rows: Array<{ id: string; unitName: string; total: number }> }).rows;
  if (rows.length === 0) return { items: [], total: 0 };
  const items = await db.select().from(feedbackItems).where(inArray(feedbackItems.id, rows.map((r) => r.id)));
  const byId = new Map(items.map((i) => [i.id, i]));
  return { total: rows[0].total, items: rows.map((r) => summaryOf({ ...byId.get(r.id)!, unitName: r.unitName }, now)) };
}

/**
 * A handling step: loads the item in the caller's scope, checks the action is allowed in its status and the
 * version, then writes the change, its event, the audit row and any job in one transaction.
 */
async function act(
  deps: FeedbackDeps,
  ctx: Context,
  id: string,
  version: number,
  action: FeedbackStep,
  decide: (item: Item, tx: Tx) => Promise<{ patch: Partial<typeof feedbackItems.$inferInsert>; event: FeedbackEventKind; note?: string | null; detail?: unknown; after?: (tx: Tx, updated: Item) => Promise<void> }>,
  now: Date,
) {
  const db = deps.database.db;
  const item = await loadInScope(db, ctx, id);
  if (!allowedActions(item).includes(action)) throw new AppError('RULE_VIOLATED', { detail: FEEDBACK_STEP_REFUSALS[action], params: { code: item.code } });
  if (item.version !== version) throw conflict(FEEDBACK_REFUSALS.staleItem, { code: item.code, current: item.version, sent: version });
  await deps.database.transaction(async (tx) => {
    const d = await decide(item, tx);
    const [updated] = await tx.db
      .update(feedbackItems)
      .set({ ...d.patch, version: item.version + 1, updatedAt: now })
      .where(and(eq(feedbackItems.id, id), eq(feedbackItems.version, version)))
      .returning();
    if (!updated) throw conflict(FEEDBACK_REFUSALS.itemChangedMeanwhile, { code: item.code });
    await addEvent(tx, updated, d.event, ctx.actor, now, d.note ?? null, d.detail ?? null);
    await recordAudit(tx, ctx.actor, { action: `feedback.${action}`, subjectType: 'feedback', subjectId: id, unitId: updated.unitId, before: { status: item.status, version: item.version }, after: { status: updated.status, ...d.patch } });
    if (d.after) await d.after(tx, updated);
  });
  return getFeedback(db, ctx, id, now);
}

export async function acknowledge(deps: FeedbackDeps, ctx: Context, id: string, b: z.infer<typeof AcknowledgeBody>, now = new Date()) {
  return act(deps, ctx, id, b.version, 'acknowledge', async (i) => ({
    patch: { status: 'in_progress', acknowledgedAt: i.acknowledgedAt ?? now, ...(b.type ? { type: b.type } : {}), ...(b.field ? { field: b.field } : {}) },
    event: 'acknowledged',
    note: b.note ?? null,
    detail: { type: b.type ?? i.type, field: b.field ?? i.field },
  }), now);
}

export async function assign(deps: FeedbackDeps, ctx: Context, id: string, b: z.infer<typeof AssignBody>, now = new Date()) {
  if (!b.unitId && !b.assigneeId) throw invalid('unitId', { vi: 'Chọn đơn vị hoặc người xử lý', en: 'Choose a unit or an official', fr: 'Choisissez une unité ou un agent' });
  const db = deps.database.db;
  if (b.unitId) {
    const u = (await db.execute(sql`SELECT id FROM units WHERE id = ${b.unitId}::uuid`)) as unknown as { rows: unknown[] };
    if (!u.rows.length) throw invalid('unitId', { vi: 'Đơn vị không tồn tại', en: 'Unknown unit', fr: 'Unité inconnue' });
  }
  let assigneeName: string | null = null;
  if (b.assigneeId) {
    const u = (await db.execute(sql`SELECT full_name FROM users WHERE id = ${b.assigneeId}::uuid AND status = 'active'`)) as unknown as { rows: Array<{ full_name: string }> };
    if (!u.rows.length) throw invalid('assigneeId', { vi: 'Người xử lý không tồn tại', en: 'Unknown official', fr: 'Agent inconnu' });
    assigneeName = u.rows[0].full_name;
  }
  return act(deps, ctx, id, b.version, 'assign', async (i) => ({
    patch: { status: 'in_progress', acknowledgedAt: i.acknowledgedAt ?? now, ...(b.unitId ? { unitId: b.unitId } : {}), ...(b.assigneeId ? { assigneeId: b.assigneeId } : {}) },
    event: 'assigned',
    note: [assigneeName, b.note].filter(Boolean).join(' — ') || null,
    detail: { fromUnitId: i.unitId, unitId: b.unitId ?? i.unitId, assigneeId: b.assigneeId ?? null },
  }), now);
}

const sendAnswer = (deps: FeedbackDeps) => async (tx: Tx, updated: Item) => {
  if (deps.queue) await deps.queue.send(tx, SEND_ANSWER_JOB, { feedbackId: updated.id, version: updated.version });
};

export async function answer(deps: FeedbackDeps, ctx: Context, id: string, b: z.infer<typeof AnswerBody>, now = new Date()) {
  return act(deps, ctx, id, b.version, 'answer', async (i) => ({
    patch: { status: 'answered', answer: b.answer, answeredAt: now, answeredBy: ctx.actor.userId, acknowledgedAt: i.acknowledgedAt ?? now },
    event: 'answered',
    detail: { onTime: now <= i.answerDueAt },
    after: sendAnswer(deps),
  }), now);
}

export async function refuse(deps: FeedbackDeps, ctx: Context, id: string, b: z.infer<typeof ReasonBody>, now = new Date()) {
  return act(deps, ctx, id, b.version, 'refuse', async (i) => ({
    patch: { status: 'refused', answer: b.reason, answeredAt: now, answeredBy: ctx.actor.userId, acknowledgedAt: i.acknowledgedAt ?? now },
    event: 'refused',
    note: b.reason,
    after: sendAnswer(deps),
  }), now);
}

export async function close(deps: FeedbackDeps, ctx: Context, id: string, version: number, now = new Date()) {
  return act(deps, ctx, id, version, 'close', async () => ({ patch: { status: 'closed', closedAt: now }, event: 'closed' }), now);
}

/** Publishes an answered item whose sender consented, with personal data removed from the item and the answer. */
export async function publish(deps: FeedbackDeps, ctx: Context, id: string, version: number, now = new Date()) {
  return act(deps, ctx, id, version, 'publish', async (i) => {
    const known = { name: i.senderName, address: i.senderAddress, dossierCode: i.dossierCode };
    return { patch: { publishedAt: now, publicBody: redactPersonalData(i.body, known), publicAnswer: redactPersonalData(i.answer ?? '', known) }, event: 'published' };
  }, now);
}

/** Marks this item a duplicate of `intoId` (both in the caller's scope); the answer of the other reaches both senders. */
export async function merge(deps: FeedbackDeps, ctx: Context, id: string, b: z.infer<typeof MergeBody>, now = new Date()) {
  if (b.intoId === id) throw invalid('intoId', { vi: 'Không thể gộp vào chính nó', en: 'An item cannot be merged into itself', fr: 'Un élément ne peut pas être fusionné avec lui-même' });
  const target = await loadInScope(deps.database.db, ctx, b.intoId).catch(() => {
    throw invalid('intoId', { vi: 'Phản ánh đích không tồn tại hoặc ngoài phạm vi', en: 'Unknown target item', fr: 'Élément cible inconnu' });
  });
  if (target.status === 'merged') throw invalid('intoId', { vi: 'Phản ánh đích đã được gộp vào phản ánh khác', en: 'The target was itself merged', fr: 'La cible a elle-même été fusionnée' });
  return act(deps, ctx, id, b.version, 'merge', async () => ({
    patch: { status: 'merged', mergedIntoId: target.id },
    event: 'merged',
    note: target.code,
    after: async (tx, updated) => {
      await addEvent(tx, target, 'duplicate_attached', ctx.actor, now, updated.code);
      await tx.db.update(feedbackItems).set({ version: sql`${feedbackItems.version} + 1`, updatedAt: now }).where(eq(feedbackItems.id, target.id));
    },
  }), now);
}

/** Published items: no sender data at all, text with personal data removed. */
export async function listPublished(db: Db, q: z.infer<typeof PublishedQuery>) {
  const unit = q.unitId ? sql`AND f.unit_id = ${q.unitId}::uuid` : sql``;
  const rows = ((await db.execute(sql`SELECT f.code, f.type, f.field, u.name AS "unitName", f.title, f.public_body AS body, f.public_answer AS answer,
      to_char(f.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "receivedOn",
      to_char(f.answered_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS "answeredOn", count(*) OVER ()::int AS total
    FROM feedback_items f JOIN units u ON u.id = f.unit_id
    WHERE f.published_at IS NOT NULL AND f.consent_publish ${unit}
    ORDER BY f.published_at DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`)) as unknown as { rows: Array<Record<string, unknown> & { total: number }> }).rows;
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map(({ total: _t, title, ...r }) => ({ ...r, title: title ? redactPersonalData(String(title)) : null })) as never[],
  };
}

/** Units, types and fields for the public form. */
export async function feedbackOptions(db: Db, lang: Lang) {
  const today = todayVn();
  const units = ((await db.execute(sql`SELECT id, name, code FROM units WHERE valid_from <= ${today}::date AND (valid_to IS NULL OR valid_to >= ${today}::date) ORDER BY vi_sort_key(name)`)) as unknown as { rows: Array<{ id: string; name: string; code: string | null }> }).rows;
  return {
    units,
    types: Object.entries(FEEDBACK_TYPES).map(([code, l]) => ({ code, label: l[lang] })),
    fields: Object.entries(FEEDBACK_FIELDS).map(([code, l]) => ({ code, label: l[lang] })),
  };
}

/** Replaces one type's time limits (new items only; items already received keep their snapshot). */
export async function updateRule(database: Database, ctx: Context, type: string, b: z.infer<typeof RuleBody>) {
  if (!(type in FEEDBACK_TYPES)) throw notFound('feedback rule');
  const scope = await ctx.scope('feedback.configure');
  if (!scope.all) throw new AppError('FORBIDDEN', { detail: FEEDBACK_REFUSALS.rulesInstallationWide });
  return database.transaction(async (tx) => {
    const [before] = await tx.db.select().from(feedbackRules).where(eq(feedbackRules.type, type));
    const values = { ackDays: b.ackDays, answerDays: b.answerDays, remindDaysBefore: b.remindDaysBefore, source: b.source, verified: b.verified };
    let row;
    if (!before) {
      if (b.version !== 1) throw conflict(FEEDBACK_REFUSALS.ruleChanged);
      [row] = await tx.db.insert(feedbackRules).values({ type, ...values }).returning();
    } else {
      [row] = await tx.db.update(feedbackRules).set({ ...values, version: before.version + 1, updatedAt: new Date() }).where(and(eq(feedbackRules.type, type), eq(feedbackRules.version, b.version))).returning();
      if (!row) throw conflict(FEEDBACK_REFUSALS.ruleChanged);
    }
    await recordAudit(tx, ctx.actor, { action: 'feedback.rule.update', subjectType: 'feedback_rule', subjectId: null, before: before ?? null, after: row });
    return row;
  });
}

/** The signed-in citizen's own items (sent through the portal channel) with their answers, newest first. */
export async function listMine(db: Db, ctx: Context) {
  const userId = ctx.principal?.userId;
  if (!userId) throw new AppError('UNAUTHENTICATED');
  const rows = ((await db.execute(sql`SELECT f.*, u.name AS unit_name FROM feedback_items f JOIN units u ON u.id = f.unit_id
    WHERE f.sender_user_id = ${userId}::uuid ORDER BY f.received_at DESC LIMIT 200`)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return rows.map((r) => ({
    code: String(r.code),
    type: String(r.type),
    field: String(r.field),
    unitName: String(r.unit_name),
    title: (r.title as string | null) ?? null,
    body: String(r.body),
    status: String(r.status),
    receivedAt: iso(r.received_at)!,
    answerDueAt: iso(r.answer_due_at)!,
    answeredAt: iso(r.answered_at),
    answer: (r.answer as string | null) ?? null,
  }));
}

/**
 * The item a verdict link names: by the stored hash of its token (one indexed query; the hash is stored when the
 * answer is sent, feedback.jobs.ts), else — links sent before keyed links — by the old unkeyed derivation, among
 * answered items that have no stored hash. A forged token (made without the secret) matches neither.
 */
async function findByVerdictToken(database: Database, token: string): Promise<string | null> {
  const [keyed] = await database.db.select({ id: feedbackItems.id }).from(feedbackItems).where(eq(feedbackItems.verdictTokenHash, tokenHash(token)));
  if (keyed) return keyed.id;
  const res = (await database.db.execute(sql`SELECT id FROM feedback_items WHERE verdict_token_hash IS NULL AND status IN ('answered', 'closed', 'refused')
    AND substr(encode(sha256(convert_to('verdict:' || id::text, 'UTF8')), 'hex'), 1, 32) = ${token}`)) as unknown as { rows: Array<{ id: string }> };
  return res.rows[0]?.id ?? null;
}

/**
 * The sender likes or dislikes the answer (766 indicator 5.3: an answer rated unsatisfied lowers the score), once.
 * @throws NOT_FOUND unknown or forged link, or no answer sent yet; CONFLICT already given.
 */
export async function recordVerdict(database: Database, ctx: Context, token: string, verdict: 'satisfied' | 'unsatisfied', now = new Date()) {
  const id = await findByVerdictToken(database, token);
  if (!id) throw notFound('feedback');
  return database.transaction(async (tx) => {
    const [row] = await tx.db.update(feedbackItems).set({ senderVerdict: verdict, updatedAt: now }).where(and(eq(feedbackItems.id, id), sql`${feedbackItems.senderVerdict} IS NULL`)).returning();
    if (!row) throw conflict(FEEDBACK_REFUSALS.alreadyRated);
    await addEvent(tx, row, 'verdict', ctx.actor, now, verdict);
    await recordAudit(tx, ctx.actor, { action: 'feedback.verdict', subjectType: 'feedback', subjectId: id, unitId: row.unitId, after: { verdict } });
    return { code: row.code, verdict };
  });
}
