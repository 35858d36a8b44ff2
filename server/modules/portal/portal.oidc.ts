/**
 * Sign-in with an electronic identity (OpenID Connect, authorization code + PKCE + state + nonce; openid-client).
 * The provider is configuration (OIDC_*), so a locality plugs in VNeID or the national portal's identity service.
 * In demo mode without OIDC_ISSUER, the local development provider (server/test-support/idp.ts, oidc-provider, a
 * development dependency) is started on first use; a production install without it simply has no sign-in here.
 *
 * The browser carries only the id of the pending request (a cookie); state, nonce and PKCE verifier stay in the
 * database, each request is used once and expires. The first sign-in of a citizen creates the account (role
 * `citizen`) linked by (issuer, subject); later sign-ins refresh name, phone and e-mail. Then an ordinary session.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { Config } from '../../config.ts';
import type { Database, Tx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { roleGrants, users } from '../accounts/accounts.schema.ts';
import { openSession } from '../accounts/accounts.service.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { portalIdentities, portalOfficialIds, portalOidcRequests } from './portal.schema.ts';

export const OIDC_COOKIE = 'motcua_oidc';
export const CALLBACK_PATH = '/api/v1/portal/oidc/callback';

/** Why a sign-in was refused: the code travels to the portal page (?loi=…), which words it in the reader's language. */
export type RefusalReason = 'state_missing' | 'state_mismatch' | 'state_expired' | 'state_used' | 'nonce_mismatch' | 'provider_error' | 'official_not_allowed' | 'not_configured';

/**
 * Sections of the portal page a link may open (`/cong-dan?muc=…`, e.g. "my dossiers" in the messages the applicant
 * receives); a sign-in started from one comes back to it. A closed list: nothing else is ever put in the return address.
 */
export const PORTAL_SECTIONS = ['ho-so-cua-toi'] as const;
export type PortalSection = (typeof PORTAL_SECTIONS)[number];
/** The section named by `?muc=`, or null for anything not in PORTAL_SECTIONS. */
export const portalSectionOf = (v: unknown): PortalSection | null => (PORTAL_SECTIONS as readonly unknown[]).includes(v) ? (v as PortalSection) : null;

export class SignInRefused extends AppError {
  readonly reason: RefusalReason;
  /** The section the refused sign-in started from, when the pending request was found (so a retry keeps it). */
  section: PortalSection | null = null;
  constructor(reason: RefusalReason, detail: string) {
    super('SIGN_IN_REFUSED', { detail, params: { reason } });
    this.reason = reason;
  }
}

interface ProviderHandle {
  issuer: string;
  config: oidc.Configuration;
  close?: () => Promise<void>;
}

/** One provider per server: discovered once (again after a failure); the dev provider is started at most once. */
export class OidcProvider {
  private handle: Promise<ProviderHandle> | null = null;
  constructor(private readonly cfg: Config) {}

  /** Whether sign-in can work at all: an issuer is configured, or the demo may start the local provider. */
  get available(): boolean {
    return !!this.cfg.OIDC_ISSUER || (this.cfg.SEED === 'demo' && this.cfg.OIDC_DEV_IDP === 'auto');
  }

  get(redirectUri: string): Promise<ProviderHandle> {
    if (!this.handle) {
      this.handle = this.open(redirectUri);
      this.handle.catch(() => (this.handle = null));
    }
    return this.handle;
  }

  private async open(redirectUri: string): Promise<ProviderHandle> {
    let issuer = this.cfg.OIDC_ISSUER;
    let close: (() => Promise<void>) | undefined;
    if (!issuer) {
      if (!this.available) throw new SignInRefused('not_configured', 'no OIDC_ISSUER configured');
      let mod: typeof import('../../test-support/idp.ts');
      try {
        mod = await import('../../test-support/idp.ts');
      } catch {
        throw new SignInRefused('not_configured', 'no OIDC_ISSUER configured and the development provider (oidc-provider) is not installed');
      }
      const u = new URL(redirectUri);
      const variants = new Set([redirectUri, ...['localhost', '127.0.0.1'].map((h) => `${u.protocol}//${h}${u.port ? `:${u.port}` : ''}${u.pathname}`)]);
      // The demo reached through the network (PUBLIC_URL, e.g. http://192.168.1.10:3000) comes back there.
      if (this.cfg.PUBLIC_URL) variants.add(new URL(CALLBACK_PATH, this.cfg.PUBLIC_URL).href);
      const idp = await mod.startDevIdp({ port: this.cfg.OIDC_DEV_IDP_PORT, clientId: this.cfg.OIDC_CLIENT_ID, clientSecret: this.cfg.OIDC_CLIENT_SECRET, redirectUris: [...variants] });
      issuer = idp.issuer;
      close = idp.close;
    }
    const url = new URL(issuer);
    const config = await oidc.discovery(url, this.cfg.OIDC_CLIENT_ID, this.cfg.OIDC_CLIENT_SECRET, undefined, url.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined);
    return { issuer: config.serverMetadata().issuer, config, close };
  }

  async close(): Promise<void> {
    const h = await this.handle?.catch(() => null);
    await h?.close?.();
  }
}

/**
 * Begins a sign-in: stores state, nonce, PKCE verifier and the portal section to come back to; returns the
 * provider's authorization URL and the id the browser keeps in a cookie.
 */
export async function beginSignIn(database: Database, provider: OidcProvider, cfg: Config, redirectUri: string, section: PortalSection | null = null, now = new Date()): Promise<{ url: string; requestId: string; expiresAt: Date }> {
  const { config } = await provider.get(redirectUri);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const expiresAt = new Date(now.getTime() + cfg.OIDC_STATE_TTL_SECONDS * 1000);
  // Sign-ins abandoned at the provider leave a row each: forget those expired for a day (kept that long for the audit's sake).
  await database.db.delete(portalOidcRequests).where(lt(portalOidcRequests.expiresAt, new Date(now.getTime() - 86_400_000)));
  const [row] = await database.db.insert(portalOidcRequests).values({ state, nonce, codeVerifier, redirectUri, returnSection: section, createdAt: now, expiresAt }).returning({ id: portalOidcRequests.id });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: cfg.OIDC_SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, requestId: row.id, expiresAt };
}

export interface Identity {
  subject: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim().normalize('NFC') : typeof v === 'number' ? String(v) : null);

/** The identity's fields under the configured claim names. */
export function identityOf(claims: Record<string, unknown>, cfg: Config): Identity {
  const subject = str(claims[cfg.OIDC_CLAIM_SUBJECT]) ?? str(claims.sub);
  if (!subject) throw new SignInRefused('provider_error', 'the identity has no subject');
  return {
    subject,
    name: (str(claims[cfg.OIDC_CLAIM_NAME]) ?? subject).slice(0, 300),
    idNumber: str(claims[cfg.OIDC_CLAIM_ID_NUMBER])?.replace(/\s+/g, '').slice(0, 30) ?? null,
    phone: str(claims[cfg.OIDC_CLAIM_PHONE])?.slice(0, 30) ?? null,
    email: str(claims[cfg.OIDC_CLAIM_EMAIL])?.slice(0, 300) ?? null,
  };
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
  userId: string;
  created: boolean;
  /** The portal section the sign-in started from. */
  section: PortalSection | null;
}

/**
 * Completes a sign-in from the provider's redirect: the pending request (used once, not expired), the state, the
 * code exchange with the PKCE verifier, the ID token's nonce, then the account and a session.
 * Every refusal is audited (`portal.signin_refused`) and throws SignInRefused; nothing else is written then.
 */
export async function completeSignIn(
  database: Database,
  provider: OidcProvider,
  cfg: Config,
  input: { requestId: string | undefined; currentUrl: URL; ip: string | null; userAgent: string | null },
  actor: Actor,
  now = new Date(),
): Promise<SignInResult> {
  try {
    return await completeOrThrow(database, provider, cfg, input, actor, now);
  } catch (err) {
    if (err instanceof SignInRefused) {
      if (isUuid(input.requestId)) {
        const [req] = await database.db.select({ section: portalOidcRequests.returnSection }).from(portalOidcRequests).where(eq(portalOidcRequests.id, input.requestId));
        err.section = portalSectionOf(req?.section);
      }
      await database.transaction((tx) => recordAudit(tx, actor, { action: 'portal.signin_refused', subjectType: 'oidc_request', subjectId: isUuid(input.requestId) ? input.requestId : null, after: { reason: err.reason, detail: err.message } }));
    }
    throw err;
  }
}

const isUuid = (s: string | undefined): s is string => !!s && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

async function completeOrThrow(database: Database, provider: OidcProvider, cfg: Config, input: { requestId: string | undefined; currentUrl: URL; ip: string | null; userAgent: string | null }, actor: Actor, now: Date): Promise<SignInResult> {
  if (!isUuid(input.requestId)) throw new SignInRefused('state_missing', 'no pending sign-in in this browser (cookie missing)');
  // Used once: taken before anything else, so a replayed answer finds it consumed.
  const [req] = await database.db
    .update(portalOidcRequests)
    .set({ consumedAt: now })
    .where(and(eq(portalOidcRequests.id, input.requestId), isNull(portalOidcRequests.consumedAt)))
    .returning();
  if (!req) {
    const [seen] = await database.db.select({ id: portalOidcRequests.id }).from(portalOidcRequests).where(eq(portalOidcRequests.id, input.requestId));
    throw new SignInRefused(seen ? 'state_used' : 'state_missing', seen ? 'this sign-in was already used' : 'unknown sign-in request');
  }
  if (req.expiresAt.getTime() <= now.getTime()) throw new SignInRefused('state_expired', `the sign-in expired at ${req.expiresAt.toISOString()}`);
  const error = input.currentUrl.searchParams.get('error');
  if (error) throw new SignInRefused('provider_error', `the provider answered ${error}: ${input.currentUrl.searchParams.get('error_description') ?? ''}`);
  if (input.currentUrl.searchParams.get('state') !== req.state) throw new SignInRefused('state_mismatch', 'the state returned does not match this browser’s sign-in');

  const { issuer, config } = await provider.get(req.redirectUri);
  let claims: Record<string, unknown>;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, input.currentUrl, { pkceCodeVerifier: req.codeVerifier, expectedState: req.state, expectedNonce: req.nonce, idTokenExpected: true }, { redirect_uri: req.redirectUri });
    const idClaims = tokens.claims() ?? {};
    const info = await oidc.fetchUserInfo(config, tokens.access_token, String((idClaims as { sub?: unknown }).sub));
    claims = { ...idClaims, ...info };
  } catch (err) {
    const cause = (err as { error?: string; error_description?: string }).error;
    const message = `${err instanceof Error ? err.message : String(err)}${cause ? ` (${cause}: ${(err as { error_description?: string }).error_description ?? ''})` : ''}`;
    // openid-client wraps oauth4webapi's error: the compared claim is named in the cause (or its cause).
    const inner = (err as { cause?: { message?: string; claim?: string; cause?: { claim?: string } } }).cause;
    if (inner?.claim === 'nonce' || inner?.cause?.claim === 'nonce' || /nonce/i.test(`${message} ${inner?.message ?? ''}`)) throw new SignInRefused('nonce_mismatch', `${message} (nonce)`);
    throw new SignInRefused('provider_error', message);
  }
  const id = identityOf(claims, cfg);
  return database.transaction(async (tx) => {
    const { user, created } = await linkAccount(tx, cfg, issuer, id, actor, now);
    const session = await openSession(tx, { sessionTtlHours: cfg.SESSION_TTL_HOURS }, user, { ip: input.ip, userAgent: input.userAgent, method: 'oidc' }, actor, now);
    return { ...session, userId: user.id, created, section: portalSectionOf(req.returnSection) };
  });
}

const usernameOf = (issuer: string, subject: string) => `eid-${createHash('sha256').update(`${issuer}\n${subject}`).digest('hex').slice(0, 16)}`;

/** Finds or creates the account of an identity (audited) and refreshes what the provider asserts. */
async function linkAccount(tx: Tx, cfg: Config, issuer: string, id: Identity, actor: Actor, now: Date) {
  const [link] = await tx.db.select().from(portalIdentities).where(and(eq(portalIdentities.issuer, issuer), eq(portalIdentities.subject, id.subject)));
  const official = async (userId: string) => (await tx.db.select({ role: roleGrants.role }).from(roleGrants).where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)))).some((g) => g.role !== 'citizen');
  if (link) {
    if (!cfg.OIDC_ALLOW_OFFICIALS && (await official(link.userId))) throw new SignInRefused('official_not_allowed', 'officials may not sign in through the identity provider (OIDC_ALLOW_OFFICIALS)');
    const [user] = await tx.db.select().from(users).where(eq(users.id, link.userId));
    const changes = { fullName: id.name, phone: id.phone, email: id.email, idNumber: id.idNumber };
    const before = { fullName: link.fullName, phone: link.phone, email: link.email, idNumber: link.idNumber };
    await tx.db.update(portalIdentities).set({ ...changes, lastSignInAt: now }).where(eq(portalIdentities.id, link.id));
    if (!(await official(link.userId))) await tx.db.update(users).set({ fullName: id.name, phone: id.phone, email: id.email, updatedAt: now }).where(eq(users.id, link.userId));
    if (JSON.stringify(before) !== JSON.stringify(changes)) {
      await recordAudit(tx, { ...actor, userId: user.id, label: user.username }, { action: 'portal.identity.update', subjectType: 'user', subjectId: user.id, before, after: changes });
    }
    return { user, created: false };
  }
  if (cfg.OIDC_ALLOW_OFFICIALS && id.idNumber) {
    const [o] = await tx.db.select().from(portalOfficialIds).where(eq(portalOfficialIds.idNumber, id.idNumber));
    if (o) {
      const [user] = await tx.db.select().from(users).where(eq(users.id, o.userId));
      await tx.db.insert(portalIdentities).values({ issuer, subject: id.subject, userId: user.id, idNumber: id.idNumber, fullName: id.name, phone: id.phone, email: id.email, lastSignInAt: now });
      await recordAudit(tx, { ...actor, userId: user.id, label: user.username }, { action: 'portal.identity.link_official', subjectType: 'user', subjectId: user.id, after: { issuer, subject: id.subject, idNumber: id.idNumber } });
      return { user, created: false };
    }
  }
  const [user] = await tx.db.insert(users).values({ username: usernameOf(issuer, id.subject), fullName: id.name, phone: id.phone, email: id.email, passwordHash: null, createdAt: now, updatedAt: now }).returning();
  await tx.db.insert(roleGrants).values({ userId: user.id, role: 'citizen', unitId: null });
  await tx.db.insert(portalIdentities).values({ issuer, subject: id.subject, userId: user.id, idNumber: id.idNumber, fullName: id.name, phone: id.phone, email: id.email, createdAt: now, lastSignInAt: now });
  await recordAudit(tx, { ...actor, userId: user.id, label: user.username }, { action: 'portal.citizen.create', subjectType: 'user', subjectId: user.id, after: { username: user.username, fullName: id.name, issuer, subject: id.subject, idNumber: id.idNumber, phone: id.phone, email: id.email } });
  return { user, created: true };
}
