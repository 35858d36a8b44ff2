import type { Db } from '../../db/client.ts';
import type { Principal } from './permissions.ts';

/**
 * In-process cache of authenticated sessions, so a request does not pay two database round trips to learn
 * who is calling. Entries live at most TTL_MS; every write that changes who a user is or what they may do
 * (logout, password change or reset, account edit, grant change) forgets that user's entries at once. With
 * several server processes on one PostgreSQL, another process may serve a revoked session for up to TTL_MS
 * (ADR 0004).
 */
const TTL_MS = 10_000;

type Entry = { principal: Principal & { sessionId: string }; until: number };
const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db) {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Map()));
  return c;
}

export function getCachedSession(db: Db, tokenHash: string, now = Date.now()) {
  const e = cacheOf(db).get(tokenHash);
  if (!e) return undefined;
  if (e.until <= now) {
    cacheOf(db).delete(tokenHash);
    return undefined;
  }
  return e.principal;
}

export function cacheSession(db: Db, tokenHash: string, principal: Principal & { sessionId: string }, sessionExpiresAt: Date) {
  const c = cacheOf(db);
  if (c.size > 10_000) c.clear(); // bounded: a flood of sessions only costs database lookups
  c.set(tokenHash, { principal, until: Math.min(Date.now() + TTL_MS, sessionExpiresAt.getTime()) });
}

/** Forgets every cached session of a user (call after any change to the account or its grants). */
export function forgetUser(db: Db, userId: string) {
  const c = cacheOf(db);
  for (const [k, e] of c) if (e.principal.userId === userId) c.delete(k);
}
