/**
 * Satisfaction ratings: who may rate which dossier, the one rating per dossier, invitations, and aggregates.
 * Bindings to a dossier: (1) dossier code + last 4 digits of the applicant's phone or ID number (the kiosk at the
 * counter, like public tracking; the code can be scanned from the receipt slip's QR), (2) the dossier's invitation
 * link — one stable link for the QR on the return slip, the counter screen and the SMS/e-mail (satisfaction.links.ts)
 * — (3) the signed-in citizen's own dossier in the portal.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { KioskRatingBody, ListRatingsQuery, PortalRatingBody, RatingLookupBody, RatingSummaryQuery, Scores } from '../../../contracts/satisfaction.ts';
import type { Database, Db } from '../../db/client.ts';
import { AppError, conflict, notFound, ruleViolated } from '../../platform/errors.ts';
import type { Lang } from '../../platform/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { subtreeIds, type Context } from '../accounts/context.ts';
import { periodFilter } from './satisfaction.figures.ts';
import { hashToken, inviteUrl, newNonce, ratingLinkSecret, ratingToken } from './satisfaction.links.ts';
import { SATISFACTION_REFUSALS as REFUSALS } from './satisfaction.messages.ts';
import { RATABLE_STATUSES, SATISFACTION_RATE_FORMULA, SATISFIED_FROM, type RatingChannel } from './satisfaction.kinds.ts';
import { findDossierByCode, findDossierById, isCitizensDossier, type RatableDossier } from './satisfaction.repository.ts';
import { satisfactionInvites, satisfactionRatings } from './satisfaction.schema.ts';

type ScoreSet = z.infer<typeof Scores>;
/** An invitation stays valid 30 days after it was last issued (printed, shown or sent). */
export const INVITE_DAYS = 30;

const digitsOf = (s: string | null) => (s ?? '').replace(/\D/g, '');
function lastFourMatch(value: string | null, digits: string): boolean {
  const d = digitsOf(value);
  if (d.length < 4) return false;
  return timingSafeEqual(Buffer.from(d.slice(-4)), Buffer.from(digits));
}

/** The dossier named by a kiosk or link binding, and the channel it implies. Wrong code and wrong digits: the same 404. */
async function resolveBinding(db: Db, b: { code?: string; digits?: string; token?: string }, now: Date): Promise<{ dossier: RatableDossier; channel: RatingChannel }> {
  if (b.token) {
    const h = hashToken(b.token);
    const [invite] = await db.select().from(satisfactionInvites).where(or(eq(satisfactionInvites.tokenHash, h), eq(satisfactionInvites.earlierTokenHash, h)));
    if (!invite || invite.expiresAt <= now) throw notFound('invitation');
    const dossier = await findDossierById(db, invite.dossierId);
    if (!dossier) throw notFound('invitation');
    return { dossier, channel: 'link' };
  }
  const dossier = await findDossierByCode(db, b.code!);
  if (!dossier || !(lastFourMatch(dossier.applicantPhone, b.digits!) || lastFourMatch(dossier.applicantIdNumber, b.digits!))) throw notFound('dossier');
  return { dossier, channel: 'kiosk' };
}

async function isRated(db: Db, dossierId: string): Promise<boolean> {
  const rows = await db.select({ id: satisfactionRatings.id }).from(satisfactionRatings).where(eq(satisfactionRatings.dossierId, dossierId));
  return rows.length > 0;
}

/** What the kiosk shows before the rating: the dossier's procedure and unit, and whether it can be rated. */
export async function lookupRatingTarget(db: Db, body: z.infer<typeof RatingLookupBody>, now = new Date()) {
  const { dossier } = await resolveBinding(db, body, now);
  const alreadyRated = await isRated(db, dossier.id);
  return {
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
    unitName: dossier.unitName,
    returnedAt: dossier.returnedAt?.toISOString() ?? null,
    alreadyRated,
    ratable: !alreadyRated && (RATABLE_STATUSES as readonly string[]).includes(dossier.status),
  };
}

const presentRating = (r: typeof satisfactionRatings.$inferSelect) => ({
  id: r.id,
  dossierCode: r.dossierCode,
  channel: r.channel,
  scores: { access: r.access, procedures: r.procedures, conduct: r.conduct, results: r.results, feedbackHandling: r.feedbackHandling, overall: r.overall },
  comment: r.comment,
  ratedAt: r.ratedAt.toISOString(),
});

/**
 * Records the one rating of a dossier, in one transaction with its audit row (and the invitation consumed).
 * @throws RULE_VIOLATED before the result was returned; CONFLICT when the dossier was already rated.
 */
async function rate(database: Database, ctx: Context, dossier: RatableDossier, channel: RatingChannel, scores: ScoreSet, comment: string | undefined, citizenUserId: string | null, now: Date) {
  if (!(RATABLE_STATUSES as readonly string[]).includes(dossier.status)) {
    throw ruleViolated(REFUSALS.notReturnedToRate, { code: dossier.code });
  }
  if (await isRated(database.db, dossier.id)) throw conflict(REFUSALS.alreadyRated, { code: dossier.code });
  try {
    return await database.transaction(async (tx) => {
      const [row] = await tx.db
        .insert(satisfactionRatings)
        .values({
          dossierId: dossier.id,
          dossierCode: dossier.code,
          unitId: dossier.receptionUnitId,
          competentUnitId: dossier.competentUnitId,
          procedureId: dossier.procedureId,
          procedureCode: dossier.procedureCode,
          procedureName: dossier.procedureName,
          officialId: dossier.receivedBy,
          channel,
          ...scores,
          comment: comment ?? null,
          citizenUserId,
          ratedAt: now,
        })
        .returning();
      await tx.db.update(satisfactionInvites).set({ usedAt: now }).where(and(eq(satisfactionInvites.dossierId, dossier.id), sql`${satisfactionInvites.usedAt} IS NULL`));
      await recordAudit(tx, ctx.actor, { action: 'satisfaction.rate', subjectType: 'satisfaction_rating', subjectId: row.id, unitId: dossier.receptionUnitId, after: { dossierCode: dossier.code, channel, scores, comment: comment ?? null } });
      return presentRating(row);
    });
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    if (e?.code === '23505' || e?.cause?.code === '23505') throw conflict(REFUSALS.alreadyRated, { code: dossier.code });
    throw err;
  }
}

/** A rating from the kiosk (code + digits) or from an invitation link (token). */
export async function rateFromKiosk(database: Database, ctx: Context, body: z.infer<typeof KioskRatingBody>, now = new Date()) {
  const { dossier, channel } = await resolveBinding(database.db, body, now);
  return rate(database, ctx, dossier, channel, body.scores, body.comment, null, now);
}

/** A rating by the signed-in citizen for their own dossier (another person's dossier → the same 404 as unknown). */
export async function rateFromPortal(database: Database, ctx: Context, body: z.infer<typeof PortalRatingBody>, now = new Date()) {
  const userId = ctx.principal?.userId;
  if (!userId) throw new AppError('UNAUTHENTICATED');
  const dossier = await findDossierByCode(database.db, body.dossierCode);
  if (!dossier || !(await isCitizensDossier(database.db, userId, dossier))) throw notFound('dossier');
  return rate(database, ctx, dossier, 'portal', body.scores, body.comment, userId, now);
}

/**
 * The rating invitation of a returned dossier, to print on the return slip or show on the counter screen: its link
 * and QR code. The link is the dossier's one invitation link — the same on every print and the same as the
 * SMS/e-mail invitation (see `ensureInvite`). Audited each time (`satisfaction.invite`, with `link`: new, same or
 * renewed).
 * @throws FORBIDDEN outside the returning unit's scope; RULE_VIOLATED before return; CONFLICT when already rated.
 */
export async function issueInvite(database: Database, ctx: Context, dossierId: string, baseUrl: string, now = new Date()) {
  const dossier = await findDossierById(database.db, dossierId);
  if (!dossier) throw notFound('dossier');
  await ctx.requireUnit('dossiers.receive', dossier.returningUnitId);
  if (dossier.status !== 'returned') throw ruleViolated(REFUSALS.notReturnedToInvite, { code: dossier.code });
  if (await isRated(database.db, dossier.id)) throw conflict(REFUSALS.alreadyRated, { code: dossier.code });
  const secret = await ratingLinkSecret(database);
  const { token, expiresAt } = await database.transaction(async (tx) => {
    const r = await ensureInvite(tx.db, dossier, secret, now);
    await recordAudit(tx, ctx.actor, { action: 'satisfaction.invite', subjectType: 'dossier', subjectId: dossier.id, unitId: dossier.returningUnitId, after: { dossierCode: dossier.code, channel: 'counter', link: r.link, expiresAt: r.expiresAt.toISOString() } });
    return r;
  });
  const url = inviteUrl(baseUrl, token);
  return { url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1 }), expiresAt: expiresAt.toISOString() };
}

/** What `ensureInvite` did to the link: created it, re-derived the same one, or gave a new one (see there). */
export type InviteLink = 'new' | 'same' | 'renewed';

/**
 * The dossier's invitation link, in the caller's transaction (the row is locked, so a print and the invitation job
 * at the same moment agree). One invitation per dossier, whose token is re-derived from its id and nonce
 * (satisfaction.links.ts), so every issue gives the same link and every link handed out keeps working:
 * - no invitation yet → one is created (`new`);
 * - a valid one → the same link (`same`); its validity is extended to INVITE_DAYS from now;
 * - a valid one issued before keyed links (random token, no nonce), or keyed under a previous LINK_SECRET → a keyed
 *   link (`renewed`); the link handed out before stays accepted (`earlier_token_hash`, one earlier link is kept);
 * - an expired one → a new link (`renewed`); the expired link stays refused.
 * @throws CONFLICT when the invitation was used (the dossier is rated).
 */
export async function ensureInvite(db: Db, dossier: RatableDossier, secret: string, now: Date): Promise<{ token: string; expiresAt: Date; link: InviteLink }> {
  const until = new Date(now.getTime() + INVITE_DAYS * 86_400_000);
  const id = randomUUID();
  const nonce = newNonce();
  const token = ratingToken(secret, id, nonce);
  const [created] = await db
    .insert(satisfactionInvites)
    .values({ id, dossierId: dossier.id, unitId: dossier.returningUnitId, tokenHash: hashToken(token), nonce, expiresAt: until })
    .onConflictDoNothing({ target: satisfactionInvites.dossierId })
    .returning({ id: satisfactionInvites.id });
  if (created) return { token, expiresAt: until, link: 'new' };

  const [invite] = await db.select().from(satisfactionInvites).where(eq(satisfactionInvites.dossierId, dossier.id)).for('update');
  if (invite.usedAt) throw conflict(REFUSALS.alreadyRated, { code: dossier.code });
  if (invite.expiresAt <= now) {
    const fresh = ratingToken(secret, invite.id, nonce);
    await db.update(satisfactionInvites).set({ nonce, tokenHash: hashToken(fresh), earlierTokenHash: null, expiresAt: until }).where(eq(satisfactionInvites.id, invite.id));
    return { token: fresh, expiresAt: until, link: 'renewed' };
  }
  const expiresAt = invite.expiresAt > until ? invite.expiresAt : until;
  const same = invite.nonce ? ratingToken(secret, invite.id, invite.nonce) : null;
  if (same && hashToken(same) === invite.tokenHash) {
    if (expiresAt.getTime() !== invite.expiresAt.getTime()) await db.update(satisfactionInvites).set({ expiresAt }).where(eq(satisfactionInvites.id, invite.id));
    return { token: same, expiresAt, link: 'same' };
  }
  const keyed = same ?? ratingToken(secret, invite.id, nonce);
  await db
    .update(satisfactionInvites)
    .set({ nonce: invite.nonce ?? nonce, tokenHash: hashToken(keyed), earlierTokenHash: invite.tokenHash, expiresAt })
    .where(eq(satisfactionInvites.id, invite.id));
  return { token: keyed, expiresAt, link: 'renewed' };
}

/** Unit ids the caller may see aggregates of: the requested unit's subtree within the dashboard scope. */
async function visibleUnits(db: Db, ctx: Context, unitId: string | undefined): Promise<string[] | null> {
  const scope = await ctx.scope('dashboard.read');
  if (unitId) {
    await ctx.requireUnit('dashboard.read', unitId);
    return subtreeIds(db, [unitId]);
  }
  return scope.all ? null : [...scope.ids];
}

const unitIn = (ids: string[] | null) => (ids === null ? sql`TRUE` : ids.length === 0 ? sql`FALSE` : sql`r.unit_id IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`);

const AVG = sql`round(avg(r.score_access), 2)::float8 AS access, round(avg(r.score_procedures), 2)::float8 AS procedures,
  round(avg(r.score_conduct), 2)::float8 AS conduct, round(avg(r.score_results), 2)::float8 AS results,
  round(avg(r.score_feedback_handling), 2)::float8 AS "feedbackHandling", round(avg(r.score_overall), 2)::float8 AS overall,
  count(*)::int AS ratings, count(*) FILTER (WHERE r.score_overall >= ${SATISFIED_FROM})::int AS satisfied`;

type AggRow = { key: string; label: string | null; ratings: number; satisfied: number; access: number; procedures: number; conduct: number; results: number; feedbackHandling: number; overall: number };
const averagesOf = (r: AggRow) => ({ access: r.access, procedures: r.procedures, conduct: r.conduct, results: r.results, feedbackHandling: r.feedbackHandling, overall: r.overall });

/** Aggregates per unit, official, procedure or month (Vietnam time), with the satisfaction rate and its formula. */
export async function ratingSummary(db: Db, ctx: Context, q: z.infer<typeof RatingSummaryQuery>, lang: Lang) {
  const ids = await visibleUnits(db, ctx, q.unitId);
  const where = sql`${unitIn(ids)} AND ${periodFilter(sql`r.rated_at`, q.from, q.to)}`;
  const group = {
    unit: { key: sql`r.unit_id::text`, label: sql`min(u.name)`, join: sql`JOIN units u ON u.id = r.unit_id` },
    official: { key: sql`coalesce(r.official_id::text, '')`, label: sql`min(a.full_name)`, join: sql`LEFT JOIN users a ON a.id = r.official_id` },
    procedure: { key: sql`r.procedure_code`, label: sql`min(r.procedure_name)`, join: sql`` },
    month: { key: sql`to_char(r.rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')`, label: sql`min(to_char(r.rated_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'MM/YYYY'))`, join: sql`` },
  }[q.groupBy];
  const groups = ((await db.execute(sql`SELECT ${group.key} AS key, ${group.label} AS label, ${AVG} FROM satisfaction_ratings r ${group.join} WHERE ${where} GROUP BY 1 ORDER BY 1`)) as unknown as { rows: AggRow[] }).rows;
  const [total] = ((await db.execute(sql`SELECT '' AS key, '' AS label, ${AVG} FROM satisfaction_ratings r WHERE ${where}`)) as unknown as { rows: AggRow[] }).rows;
  const unknown = { vi: '(không rõ)', en: '(unknown)', fr: '(inconnu)' }[lang];
  return {
    formula: SATISFACTION_RATE_FORMULA[lang],
    total: { ratings: total.ratings, satisfied: total.satisfied, rate: total.ratings ? total.satisfied / total.ratings : null, averages: total.ratings ? averagesOf(total) : null },
    groups: groups.map((g) => ({ key: g.key, label: g.label ?? unknown, ratings: g.ratings, satisfied: g.satisfied, rate: g.ratings ? g.satisfied / g.ratings : null, averages: averagesOf(g) })),
  };
}

/** Ratings with their comments, newest first, within the caller's dashboard scope. */
export async function listRatings(db: Db, ctx: Context, q: z.infer<typeof ListRatingsQuery>) {
  const ids = await visibleUnits(db, ctx, q.unitId);
  let where = unitIn(ids);
  if (q.from && q.to) where = sql`${where} AND ${periodFilter(sql`r.rated_at`, q.from, q.to)}`;
  const rows = ((await db.execute(sql`SELECT r.*, u.name AS unit_name, a.full_name AS official_name, count(*) OVER ()::int AS total
    FROM satisfaction_ratings r JOIN units u ON u.id = r.unit_id LEFT JOIN users a ON a.id = r.official_id
    WHERE ${where} ORDER BY r.rated_at DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    items: rows.map((r) => ({
      id: String(r.id),
      dossierCode: String(r.dossier_code),
      channel: String(r.channel),
      scores: { access: Number(r.score_access), procedures: Number(r.score_procedures), conduct: Number(r.score_conduct), results: Number(r.score_results), feedbackHandling: Number(r.score_feedback_handling), overall: Number(r.score_overall) },
      comment: (r.comment as string | null) ?? null,
      ratedAt: new Date(r.rated_at as string).toISOString(),
      unitName: String(r.unit_name),
      procedureName: String(r.procedure_name),
      officialName: (r.official_name as string | null) ?? null,
    })),
  };
}
