import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../db/columns.ts';
import { dossiers } from '../dossiers/dossiers.schema.ts';
import { units } from '../units/units.schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A feedback item (phản ánh, kiến nghị — PAKN): one inbox for every channel (web form, suggestion book or box,
 * hotline, leader's mailbox, Open311, portal). Time limits are snapshotted from `feedback_rules` at receipt and
 * counted on the handling unit's working calendar; `*_due_at` are the computed moments.
 */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: id(),
    /** Public reference, e.g. `PAKN-261127-0003`. */
    code: text('code').notNull(),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    /** Field (lĩnh vực) = Open311 service_code: conduct, regulation, procedure, result, facilities, other. */
    field: text('field').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    assigneeId: uuid('assignee_id'),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    dossierCode: text('dossier_code'),
    senderName: text('sender_name'),
    senderPhone: text('sender_phone'),
    senderEmail: text('sender_email'),
    senderAddress: text('sender_address'),
    senderUserId: uuid('sender_user_id'),
    consentPublish: boolean('consent_publish').notNull().default(false),
    /** The date the sender wrote it (suggestion book/box, letters), when transcribed later. */
    writtenOn: date('written_on', { mode: 'string' }),
    receivedAt: ts('received_at').notNull(),
    status: text('status').notNull(),
    ackDays: integer('ack_days').notNull(),
    answerDays: integer('answer_days').notNull(),
    ackDueAt: ts('ack_due_at').notNull(),
    answerDueAt: ts('answer_due_at').notNull(),
    calendarVersion: integer('calendar_version').notNull(),
    acknowledgedAt: ts('acknowledged_at'),
    answeredAt: ts('answered_at'),
    closedAt: ts('closed_at'),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    publishedAt: ts('published_at'),
    /** Public wording of the item and of the answer, with personal data removed (set at publication). */
    publicBody: text('public_body'),
    publicAnswer: text('public_answer'),
    /** The sender's verdict on the answer (like / dislike): 'satisfied' | 'unsatisfied' (766 indicator 5.3). */
    senderVerdict: text('sender_verdict'),
    /** SHA-256 of the verdict link's token (HMAC under LINK_SECRET), stored when the answer is sent; null for items
     *  answered before keyed links (their unkeyed links still work, see feedback.links.ts). */
    verdictTokenHash: text('verdict_token_hash'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => feedbackItems.id),
    /** Where it came from outside: e-mail Message-ID, Open311 key id, hotline call reference. */
    externalRef: text('external_ref'),
    open311KeyId: uuid('open311_key_id'),
    lat: doublePrecision('lat'),
    long: doublePrecision('long'),
    addressString: text('address_string'),
    mediaUrl: text('media_url'),
    remindedAt: ts('reminded_at'),
    escalatedAt: ts('escalated_at'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchText: text('search_text').notNull().generatedAlwaysAs(sql`search_norm(code || ' ' || coalesce(title, '') || ' ' || body || ' ' || coalesce(sender_name, ''))`),
  },
  (t) => [
    uniqueIndex('feedback_items_code_uq').on(t.code),
    uniqueIndex('feedback_items_external_uq').on(t.channel, t.externalRef),
    index('feedback_items_unit_idx').on(t.unitId, t.status),
    index('feedback_items_received_idx').on(t.receivedAt),
    index('feedback_items_dossier_idx').on(t.dossierId),
    index('feedback_items_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    uniqueIndex('feedback_items_verdict_token_uq').on(t.verdictTokenHash),
  ],
);

/** Every transition of a feedback item with its timestamp (each limit is measured between two of them). Append-only. */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: id(),
    feedbackId: uuid('feedback_id').notNull().references(() => feedbackItems.id),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    note: text('note'),
    detail: jsonb('detail'),
  },
  (t) => [index('feedback_events_item_idx').on(t.feedbackId, t.at)],
);

/**
 * Time-limit rules per feedback type (configurable data): working days to acknowledge and to answer, with the
 * source and whether the value is verified (feedback.md §4: the 766 service-level values are [S]).
 */
export const feedbackRules = pgTable('feedback_rules', {
  type: text('type').primaryKey(),
  ackDays: integer('ack_days').notNull(),
  answerDays: integer('answer_days').notNull(),
  /** Working days before the answer is due when the reminder goes out. */
  remindDaysBefore: integer('remind_days_before').notNull().default(2),
  source: text('source').notNull(),
  verified: boolean('verified').notNull().default(false),
  version: version(),
  updatedAt: updatedAt(),
});

/** A leader's mailbox polled over IMAP; each new message becomes a feedback item of the unit. */
export const feedbackMailboxes = pgTable(
  'feedback_mailboxes',
  {
    id: id(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    label: text('label').notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    secure: boolean('secure').notNull().default(true),
    username: text('username').notNull(),
    /** Stored as given: an IMAP login needs the password itself (protect the database accordingly). */
    password: text('password').notNull(),
    mailbox: text('mailbox').notNull().default('INBOX'),
    enabled: boolean('enabled').notNull().default(true),
    uidValidity: text('uid_validity'),
    lastUid: integer('last_uid').notNull().default(0),
    lastPolledAt: ts('last_polled_at'),
    lastError: text('last_error'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('feedback_mailboxes_unit_idx').on(t.unitId)],
);

/** Outgoing answers and reminders, one row per job, channel and recipient (a retried job skips sent rows). */
export const feedbackNotifications = pgTable(
  'feedback_notifications',
  {
    id: id(),
    feedbackId: uuid('feedback_id').notNull().references(() => feedbackItems.id),
    jobKey: text('job_key').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    status: text('status').notNull(),
    providerId: text('provider_id'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('feedback_notifications_job_uq').on(t.jobKey, t.channel, t.recipient)],
);

/** Daily sequence of feedback codes; the upsert row-locks until COMMIT. */
export const feedbackCodeSequences = pgTable(
  'feedback_code_sequences',
  {
    day: date('day', { mode: 'string' }).notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day] })],
);
