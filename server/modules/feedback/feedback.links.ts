/**
 * Keyed links sent to senders (the "was this answer helpful?" link): the token is an HMAC-SHA-256 of the item's id
 * under the installation's link secret, and only the token's SHA-256 is stored on the item, so the verdict finds
 * its item with one indexed query. Links sent before the secret existed (token = sha256('verdict:' + id), no key)
 * keep working: migration 0016 stored their token's hash on the items answered by then, and an item that still has
 * no stored hash is looked up by the old derivation (feedback.service.ts `findByVerdictToken`).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { settings } from '../system/system.schema.ts';

/** Key of the settings row holding the generated secret when LINK_SECRET is not set. */
export const LINK_SECRET_SETTING = 'link_secret';

const generated = new WeakMap<Database, Promise<string>>();

/**
 * The secret links are keyed with: LINK_SECRET when configured; otherwise one generated at the first start (when
 * the jobs are registered) or first use (32 random bytes) and kept in the settings table, so links survive restarts
 * and every process of the installation agrees.
 */
export function linkSecret(database: Database, configured?: string | null): Promise<string> {
  if (configured) return Promise.resolve(configured);
  let p = generated.get(database);
  if (!p) {
    p = (async () => {
      // Two processes starting together: the first insert wins and both read the same row.
      await database.db.insert(settings).values({ key: LINK_SECRET_SETTING, value: { secret: randomBytes(32).toString('base64url') } }).onConflictDoNothing();
      const res = (await database.db.execute(sql`SELECT value->>'secret' AS secret FROM settings WHERE key = ${LINK_SECRET_SETTING}`)) as unknown as { rows: Array<{ secret: string }> };
      return res.rows[0].secret;
    })();
    p.catch(() => generated.delete(database));
    generated.set(database, p);
  }
  return p;
}

/** The verdict link's token of an item: 32 hex digits of HMAC-SHA-256(secret, 'verdict:' + id). */
export const verdictToken = (secret: string, id: string) => createHmac('sha256', secret).update(`verdict:${id}`).digest('hex').slice(0, 32);

/** The token of links sent before the secret (unkeyed): still accepted for items without a stored token hash. */
export const legacyVerdictToken = (id: string) => createHash('sha256').update(`verdict:${id}`).digest('hex').slice(0, 32);

/** What is stored on the item: the token's SHA-256 (the token itself is never stored). */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
