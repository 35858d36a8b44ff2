/**
 * Test helpers of the portal: walk a real sign-in through the local OpenID Connect provider (its development login
 * page, a cookie-keeping fetch), and build multipart bodies. No mock: the provider is oidc-provider, the relying
 * party is the server's own code.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '../../http/constants.ts';
import type { TestServer } from '../../test-support/server.ts';
import { OIDC_COOKIE } from './portal.oidc.ts';

/** A cookie jar for one browser at the provider (name → value; paths and expiry ignored: one short session). */
class Jar {
  private readonly values = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.values.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }
  header(): string {
    return [...this.values].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Signs in at the provider as `login` starting from its authorization URL, following redirects until the provider
 * sends the browser back to the relying party; returns that callback URL (with code, state and iss).
 */
export async function walkProvider(authUrl: string, login: string): Promise<URL> {
  const jar = new Jar();
  let url = authUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, { method, body, redirect: 'manual', headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) } });
    jar.take(res);
    method = 'GET';
    body = undefined;
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.pathname.endsWith('/api/v1/portal/oidc/callback')) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    assert.equal(res.status, 200, `provider answered ${res.status} at ${url}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    assert.ok(action, `no form at ${url}`);
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1] ?? 'login';
    url = new URL(action.replace(/&amp;/g, '&'), url).href;
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any-password' } : { prompt }).toString();
  }
  throw new Error('too many redirects at the provider');
}

/**
 * Leaves for the provider through the server (from the portal's section `muc`, if given): its authorization URL and
 * the browser's pending-sign-in cookie.
 */
export async function beginAtServer(s: TestServer, muc?: string): Promise<{ authUrl: string; cookie: string; requestId: string }> {
  const res = await s.app.inject({ method: 'GET', url: `/api/v1/portal/oidc/login${muc === undefined ? '' : `?${new URLSearchParams({ muc })}`}` });
  assert.equal(res.statusCode, 302, res.body);
  const c = res.cookies.find((x) => x.name === OIDC_COOKIE);
  assert.ok(c, 'the pending sign-in cookie is set');
  return { authUrl: res.headers.location as string, cookie: `${OIDC_COOKIE}=${c.value}`, requestId: c.value };
}

/** Comes back to the server's callback with the provider's answer. */
export function callback(s: TestServer, back: URL, cookie: string | null, json = false) {
  return s.app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { ...(cookie ? { cookie } : {}), ...(json ? { accept: 'application/json' } : {}) } });
}

/** A full sign-in as `login` at the local provider; returns the motcua session's Cookie header. */
export async function signInCitizen(s: TestServer, login: string): Promise<string> {
  const start = await beginAtServer(s);
  const back = await walkProvider(start.authUrl, login);
  const res = await callback(s, back, start.cookie);
  assert.equal(res.statusCode, 302, res.body);
  assert.equal(res.headers.location, '/cong-dan');
  const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
  assert.ok(session, 'a session cookie is set');
  return `${SESSION_COOKIE}=${session.value}`;
}

/** A multipart/form-data body with one file part. */
export function multipart(bytes: Buffer, fileName = 'scan.pdf', type = 'application/pdf', field = 'file') {
  const boundary = `----motcua${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
