/**
 * The public tracking answers, cached per dossier code and language. An answer is served from memory for up to
 * 2 seconds after it was last checked (a micro-cache: a page refreshed by many people costs one database read per
 * 2 s), then re-validated by one indexed query (the dossier's version and its last opening by an official). This
 * process forgets an answer at once when it changes the dossier or logs an opening; another server process sees
 * the change within the 2 seconds.
 */
export interface CachedAnswer<B> {
  version: number;
  lastAccess: string | null;
  /** Last four digits of the applicant's phone and ID number, to check a request without the database. */
  phone4: string | null;
  id4: string | null;
  /** Paused dossiers' wording depends on the time ("if resumed now"): rebuilt after a minute. */
  paused: boolean;
  builtAt: number;
  checkedAt: number;
  body: B;
  /** The body checked against the contract and serialised once, sent as is. */
  json: string;
}

export const FRESH_MS = 2_000;
const MAX = 10_000;
const cache = new Map<string, CachedAnswer<unknown>>();

/** Counters since start: served from memory, re-validated by the probe, built from the database. */
export const trackingCacheStats = { fresh: 0, revalidated: 0, built: 0 };

export function getAnswer<B>(key: string): CachedAnswer<B> | undefined {
  return cache.get(key) as CachedAnswer<B> | undefined;
}

export function putAnswer<B>(key: string, value: CachedAnswer<B>): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > MAX) cache.delete(cache.keys().next().value as string);
}

/** Forgets the answers of a dossier code (every language). */
export function forgetTracking(code: string): void {
  for (const lang of ['vi', 'en', 'fr']) cache.delete(`${code}|${lang}`);
}
