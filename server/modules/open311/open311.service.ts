/**
 * Open311 GeoReport v2 over the feedback inbox. A service is a feedback field; a request is a feedback item. Items
 * created here come through the `open311` channel with the API key that sent them. What GET returns is public:
 * no contact data ever, and the description only with the sender's consent, personal data removed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApiKeyBody, Open311CreateParams, Open311ListParams } from '../../../contracts/open311.ts';
import type { Database, Db } from '../../db/client.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { Lang } from '../../platform/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { subtreeIds, type Context } from '../accounts/context.ts';
import { FEEDBACK_FIELDS, type FeedbackField } from '../feedback/feedback.kinds.ts';
import { redactPersonalData } from '../feedback/feedback.redact.ts';
import { feedbackItems } from '../feedback/feedback.schema.ts';
import { receiveFeedback } from '../feedback/feedback.service.ts';
import { OPEN311_REFUSALS } from './open311.messages.ts';
import { open311ApiKeys } from './open311.schema.ts';

/** An Open311 error: the HTTP status is also the `code` of the single error in the list. */
export class Open311Error extends Error {
  constructor(readonly status: number, readonly description: string) {
    super(description);
  }
}

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The service list: one service per feedback field. */
export function listServices(lang: Lang) {
  return Object.entries(FEEDBACK_FIELDS).map(([code, f]) => ({
    service_code: code,
    service_name: f[lang],
    description: f[lang === 'vi' ? 'en' : 'vi'],
    metadata: false,
    type: 'realtime',
    keywords: ['phản ánh', 'kiến nghị', f.group].join(', '),
    group: f.group,
  }));
}

async function unitByJurisdiction(db: Db, jurisdictionId: string): Promise<string> {
  const res = (await db.execute(sql`SELECT id FROM units WHERE code = ${jurisdictionId} OR admin_code = ${jurisdictionId} ORDER BY valid_to DESC NULLS FIRST LIMIT 1`)) as unknown as { rows: Array<{ id: string }> };
  if (!res.rows[0]) throw new Open311Error(404, `jurisdiction_id ${jurisdictionId} not found`);
  return res.rows[0].id;
}

/** Checks an API key: unknown or revoked → 403 (the spec's "Invalid api_key"). */
async function checkKey(db: Db, key: string) {
  const [row] = await db.select().from(open311ApiKeys).where(and(eq(open311ApiKeys.keyHash, hashKey(key)), isNull(open311ApiKeys.revokedAt)));
  if (!row) throw new Open311Error(403, 'Invalid api_key');
  return row;
}

/** POST requests: creates a feedback item (channel open311) in the jurisdiction's unit. */
export async function createRequest(database: Database, ctx: Context, p: z.infer<typeof Open311CreateParams>, now = new Date()) {
  const key = await checkKey(database.db, p.api_key);
  if (!(p.service_code in FEEDBACK_FIELDS)) throw new Open311Error(400, `service_code ${p.service_code} not found`);
  if ((p.lat === undefined) !== (p.long === undefined)) throw new Open311Error(400, 'lat and long must be given together');
  if (p.lat === undefined && !p.address_string && !p.address_id) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  let unitId: string;
  if (p.jurisdiction_id) unitId = await unitByJurisdiction(database.db, p.jurisdiction_id);
  else if (key.unitId) unitId = key.unitId;
  else throw new Open311Error(400, 'jurisdiction_id is required');
  if (key.unitId && !(await subtreeIds(database.db, [key.unitId])).includes(unitId)) throw new Open311Error(403, 'api_key not valid for this jurisdiction_id');
  const name = [p.first_name, p.last_name].filter(Boolean).join(' ').trim();
  const item = await receiveFeedback(database, { ...ctx.actor, label: `open311:${key.prefix}` }, {
    channel: 'open311',
    type: 'complaint',
    field: p.service_code as FeedbackField,
    unitId,
    body: p.description,
    sender: { name: name || null, email: p.email ?? null, phone: p.phone ?? null, address: p.address_string ?? null },
    consentPublish: false,
    receivedAt: now,
    open311: { keyId: key.id, lat: p.lat ?? null, long: p.long ?? null, addressString: p.address_string ?? null, mediaUrl: p.media_url ?? null },
  }, now);
  await database.db.update(open311ApiKeys).set({ lastUsedAt: now }).where(eq(open311ApiKeys.id, key.id));
  return [{ service_request_id: item.code, service_notice: `Đã tiếp nhận; hạn trả lời ${vnIso(item.answerDueAt)}`, account_id: null }];
}

/** ISO 8601 with the Vietnam offset, as the spec's examples show local time with its offset. */
export function vnIso(d: Date): string {
  return `${new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

type Item = typeof feedbackItems.$inferSelect;

function present(i: Item & { unitName: string }, lang: Lang) {
  const open = i.status === 'new' || i.status === 'in_progress';
  const known = { name: i.senderName, address: i.senderAddress, dossierCode: i.dossierCode };
  const notes = i.status === 'merged' ? 'duplicate' : i.publishedAt ? i.publicAnswer : !open && i.channel === 'open311' && i.answer ? redactPersonalData(i.answer, known) : null;
  return {
    service_request_id: i.code,
    status: open ? 'open' : 'closed',
    status_notes: notes,
    service_name: FEEDBACK_FIELDS[i.field as FeedbackField]?.[lang] ?? i.field,
    service_code: i.field,
    description: i.publishedAt ? i.publicBody : i.consentPublish ? redactPersonalData(i.body, known) : null,
    agency_responsible: i.unitName,
    service_notice: null,
    requested_datetime: vnIso(i.receivedAt),
    updated_datetime: vnIso(i.updatedAt),
    expected_datetime: vnIso(i.answerDueAt),
    address: i.addressString,
    address_id: null,
    zipcode: null,
    lat: i.lat,
    long: i.long,
    media_url: i.mediaUrl,
  };
}

/**
 * GET requests: by ids, or filtered by service codes, dates (default the last 90 days) and status; at most 1000,
 * newest first. `jurisdiction_id` narrows to a unit's subtree.
 */
export async function listRequests(db: Db, q: z.infer<typeof Open311ListParams>, lang: Lang, now = new Date()) {
  const conds: SQL[] = [];
  if (q.jurisdiction_id) {
    const ids = await subtreeIds(db, [await unitByJurisdiction(db, q.jurisdiction_id)]);
    conds.push(inArray(feedbackItems.unitId, ids));
  }
  if (q.service_request_id) {
    conds.push(inArray(feedbackItems.code, q.service_request_id.split(',').map((s) => s.trim()).filter(Boolean)));
  } else {
    if (q.service_code) conds.push(inArray(feedbackItems.field, q.service_code.split(',').map((s) => s.trim())));
    const end = q.end_date ? new Date(q.end_date) : now;
    const start = q.start_date ? new Date(q.start_date) : new Date(end.getTime() - 90 * 86_400_000);
    if (start > end) throw new Open311Error(400, 'start_date is after end_date');
    conds.push(gte(feedbackItems.receivedAt, start), lte(feedbackItems.receivedAt, end));
    if (q.status) {
      const st = q.status.split(',').map((s) => s.trim());
      if (st.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
      if (!(st.includes('open') && st.includes('closed'))) conds.push(st.includes('open') ? inArray(feedbackItems.status, ['new', 'in_progress']) : inArray(feedbackItems.status, ['answered', 'closed', 'refused', 'merged']));
    }
  }
  const rows = await db
    .select({ item: feedbackItems, unitName: sql<string>`(SELECT name FROM units u WHERE u.id = ${feedbackItems.unitId})` })
    .from(feedbackItems)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(feedbackItems.receivedAt))
    .limit(1000);
  return rows.map((r) => present({ ...r.item, unitName: r.unitName }, lang));
}

export async function getRequest(db: Db, id: string, lang: Lang) {
  const rows = await listRequests(db, { service_request_id: id }, lang);
  if (!rows.length) throw new Open311Error(404, `service_request_id ${id} not found`);
  return rows;
}

// ——— API keys (administration) ———

const presentKey = (k: typeof open311ApiKeys.$inferSelect) => ({ id: k.id, name: k.name, prefix: k.prefix, unitId: k.unitId, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null, lastUsedAt: k.lastUsedAt?.toISOString() ?? null });

export async function listKeys(db: Db, ctx: Context) {
  const scope = await ctx.scope('feedback.configure');
  return (await db.select().from(open311ApiKeys).orderBy(desc(open311ApiKeys.createdAt))).filter((k) => (k.unitId ? scope.covers(k.unitId) : scope.all)).map(presentKey);
}

/** Issues a key; the key itself is returned once and only its SHA-256 is stored. A key for every unit needs a global grant. */
export async function createKey(database: Database, ctx: Context, b: z.infer<typeof ApiKeyBody>) {
  if (b.unitId) await ctx.requireUnit('feedback.configure', b.unitId);
  else if (!(await ctx.scope('feedback.configure')).all) throw forbidden(OPEN311_REFUSALS.keyForEveryUnit);
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  return database.transaction(async (tx) => {
    const [row] = await tx.db.insert(open311ApiKeys).values({ name: b.name, keyHash: hashKey(key), prefix: key.slice(0, 12), unitId: b.unitId, createdBy: ctx.actor.userId }).returning();
    await recordAudit(tx, ctx.actor, { action: 'open311.key.create', subjectType: 'open311_key', subjectId: row.id, unitId: row.unitId, after: presentKey(row) });
    return { ...presentKey(row), key };
  });
}

export async function revokeKey(database: Database, ctx: Context, id: string, now = new Date()) {
  const [k] = await database.db.select().from(open311ApiKeys).where(eq(open311ApiKeys.id, id));
  const scope = await ctx.scope('feedback.configure');
  if (!k || !(k.unitId ? scope.covers(k.unitId) : scope.all)) throw notFound('api key');
  return database.transaction(async (tx) => {
    const [row] = await tx.db.update(open311ApiKeys).set({ revokedAt: k.revokedAt ?? now }).where(eq(open311ApiKeys.id, id)).returning();
    await recordAudit(tx, ctx.actor, { action: 'open311.key.revoke', subjectType: 'open311_key', subjectId: id, unitId: row.unitId, before: presentKey(k), after: presentKey(row) });
    return presentKey(row);
  });
}
