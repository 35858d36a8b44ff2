import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.ts';
import { units } from '../units/units.schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Open311 API keys (GeoReport v2 `api_key`), issued by an administrator to an application. Only the SHA-256 of
 * the key is stored; `prefix` (first 8 characters) identifies it in lists. `unit_id` null = any jurisdiction.
 */
export const open311ApiKeys = pgTable(
  'open311_api_keys',
  {
    id: id(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    prefix: text('prefix').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    revokedAt: ts('revoked_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('open311_api_keys_hash_uq').on(t.keyHash), index('open311_api_keys_unit_idx').on(t.unitId)],
);
