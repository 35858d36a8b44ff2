import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.ts';
import { dossiers } from '../dossiers/dossiers.schema.ts';
import { units } from '../units/units.schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const score = (name: string) => smallint(name).notNull();

/**
 * A satisfaction rating (đánh giá mức độ hài lòng): at most ONE per dossier (unique `dossier_id`), given after the
 * result was returned, from the kiosk, an invitation link or the citizen portal. Five SIPAS-like criteria and an
 * overall score, each 1 (very dissatisfied) … 5 (very satisfied). Copies of the dossier's unit, procedure and
 * returning official make aggregates plain indexed queries; `unit_id` is the reception unit (the one-stop desk).
 */
export const satisfactionRatings = pgTable(
  'satisfaction_ratings',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    dossierCode: text('dossier_code').notNull(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    competentUnitId: uuid('competent_unit_id').notNull().references(() => units.id),
    procedureId: uuid('procedure_id').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    /** The official who received the dossier at the counter (the one whose conduct is rated), if known. */
    officialId: uuid('official_id'),
    channel: text('channel').notNull(),
    access: score('score_access'),
    procedures: score('score_procedures'),
    conduct: score('score_conduct'),
    results: score('score_results'),
    feedbackHandling: score('score_feedback_handling'),
    overall: score('score_overall'),
    comment: text('comment'),
    /** The signed-in citizen who rated in the portal. */
    citizenUserId: uuid('citizen_user_id'),
    ratedAt: ts('rated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('satisfaction_ratings_dossier_uq').on(t.dossierId),
    index('satisfaction_ratings_unit_idx').on(t.unitId, t.ratedAt),
    index('satisfaction_ratings_official_idx').on(t.officialId, t.ratedAt),
    index('satisfaction_ratings_procedure_idx').on(t.procedureId, t.ratedAt),
    check('satisfaction_scores_range', sql`${t.access} BETWEEN 1 AND 5 AND ${t.procedures} BETWEEN 1 AND 5 AND ${t.conduct} BETWEEN 1 AND 5 AND ${t.results} BETWEEN 1 AND 5 AND ${t.feedbackHandling} BETWEEN 1 AND 5 AND ${t.overall} BETWEEN 1 AND 5`),
  ],
);

/**
 * An invitation to rate: ONE per dossier, its link printed as a QR on the result-return slip, shown at the counter
 * and sent by SMS/e-mail — the same link everywhere (satisfaction.links.ts: the token is re-derived from the id and
 * `nonce`, only its SHA-256 is stored). Valid until `expires_at` (each issue extends it to 30 days from then) and
 * until the dossier is rated (`used_at`).
 */
export const satisfactionInvites = pgTable(
  'satisfaction_invites',
  {
    id: id(),
    dossierId: uuid('dossier_id').notNull().references(() => dossiers.id),
    unitId: uuid('unit_id').notNull(),
    /** SHA-256 of the current link's token. */
    tokenHash: text('token_hash').notNull(),
    /** Random value the token is derived from (with the id, under the link secret); null on an invitation issued
     *  before keyed links, whose token was random and cannot be re-derived. */
    nonce: text('nonce'),
    /** SHA-256 of the link the invitation carried before its current one (a random token issued before keyed
     *  links, or a token under a previous LINK_SECRET): still accepted until the invitation expires or is used. */
    earlierTokenHash: text('earlier_token_hash'),
    /** Where and how the SMS/e-mail invitation went; null while it was only printed or shown at the counter. */
    sentTo: text('sent_to'),
    sentChannels: text('sent_channels'),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('satisfaction_invites_dossier_uq').on(t.dossierId),
    uniqueIndex('satisfaction_invites_token_uq').on(t.tokenHash),
    uniqueIndex('satisfaction_invites_earlier_token_uq').on(t.earlierTokenHash),
  ],
);
