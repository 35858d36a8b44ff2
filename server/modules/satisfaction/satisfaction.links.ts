/**
 * The rating invitation's link (`/danh-gia?t=<token>`). The token is derived, not drawn: HMAC-SHA-256 of the
 * invitation's id and its stored nonce under the installation's link secret (LINK_SECRET, or the one generated in
 * the settings table — the same secret as the feedback verdict links, platform/link-secret.ts). So the slip printed at
 * the counter, a reprint and the SMS/e-mail invitation all carry the SAME link, re-derived each time; only the
 * token's SHA-256 is stored, indexed, and looked up. Invitations issued before keyed links have a random token
 * and no nonce: their hash stays accepted (satisfaction.service.ts `ensureInvite`).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { linkSecret } from '../../platform/link-secret.ts';

/** The secret rating links are keyed with: LINK_SECRET when set, otherwise the installation's generated one. */
export const ratingLinkSecret = (database: Database, configured: string | undefined = process.env.LINK_SECRET): Promise<string> => linkSecret(database, configured);

/** A fresh nonce for a new link (128 random bits). */
export const newNonce = () => randomBytes(16).toString('base64url');

/** The link's token: the first 32 base64url characters (192 bits) of HMAC-SHA-256(secret, 'rating:' + id + ':' + nonce). */
export const ratingToken = (secret: string, inviteId: string, nonce: string) => createHmac('sha256', secret).update(`rating:${inviteId}:${nonce}`).digest('base64url').slice(0, 32);

/** What is stored and looked up: the token's SHA-256 in hex (the token itself is never stored). */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const inviteUrl = (baseUrl: string, token: string) => `${baseUrl.replace(/\/+$/, '')}/danh-gia?t=${token}`;
