/**
 * The installation's secret for keyed links sent to people (LINK_SECRET): the feedback "was this answer helpful?"
 * link and the dossier's rating invitation link are HMAC-SHA-256 under it, so a link can be re-derived and checked
 * without storing the link itself.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.ts';

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
      // Two processes starting together: the first insert wins and both read the same row (the system module's
      // settings table).
      await database.query(`INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING`, [LINK_SECRET_SETTING, JSON.stringify({ secret: randomBytes(32).toString('base64url') })]);
      const { rows } = await database.query(`SELECT value->>'secret' AS secret FROM settings WHERE key = $1`, [LINK_SECRET_SETTING]);
      return String(rows[0].secret);
    })();
    p.catch(() => generated.delete(database));
    generated.set(database, p);
  }
  return p;
}
