import { bigint, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. `seq` orders the hash chain (the chain needs a total order). Two link formats:
 * - v1 (rows written before migration 0014): `hash = sha256(prev_hash + '\n' + canonical(seq, row))`, computed in
 *   the application after reading the head;
 * - v2: the application computes `row_digest = sha256(canonical(row))` and inserts; the database's BEFORE INSERT
 *   trigger takes the head under a row lock, sets `seq`, `prev_hash` and `hash = sha256(prev_hash + '\n' + seq +
 *   '\n' + row_digest)` and moves the head — one statement per audit row instead of three (ADR 0007).
 * A trigger refuses UPDATE and DELETE; `audit verify` recomputes every digest and link in the application and
 * detects rows edited or removed behind the triggers' back.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    unitId: uuid('unit_id'),
    requestId: text('request_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** Link format: 1 (hash over the whole row, application-side) or 2 (digest + database-side link). */
    hashVersion: smallint('hash_v').notNull().default(1),
    /** v2: sha256 of the canonical row without seq and hashes; verification recomputes it, never trusts it. */
    rowDigest: text('row_digest'),
  },
  (t) => [
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_unit_idx').on(t.unitId),
    index('audit_log_at_idx').on(t.at),
  ],
);

/** The head of the chain: one row, locked by each writer so the chain stays linear. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
