/**
 * Keyed links sent to senders (the "was this answer helpful?" link): the token is an HMAC-SHA-256 of the item's id
 * under the installation's link secret, and only the token's SHA-256 is stored on the item, so the verdict finds
 * its item with one indexed query. Links sent before the secret existed (token = sha256('verdict:' + id), no key)
 * keep working: migration 0016 stored their token's hash on the items answered by then, and an item that still has
 * no stored hash is looked up by the old derivation (feedback.service.ts `findByVerdictToken`).
 */
import { createHash, createHmac } from 'node:crypto';

export { linkSecret, LINK_SECRET_SETTING } from '../../platform/link-secret.ts';

/** The verdict link's token of an item: 32 hex digits of HMAC-SHA-256(secret, 'verdict:' + id). */
export const verdictToken = (secret: string, id: string) => createHmac('sha256', secret).update(`verdict:${id}`).digest('hex').slice(0, 32);

/** The token of links sent before the secret (unkeyed): still accepted for items without a stored token hash. */
export const legacyVerdictToken = (id: string) => createHash('sha256').update(`verdict:${id}`).digest('hex').slice(0, 32);

/** What is stored on the item: the token's SHA-256 (the token itself is never stored). */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
