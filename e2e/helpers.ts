/**
 * Browser-test plumbing: a real motcua server on a free port with a fresh data folder and the demo data,
 * and Debian's Chromium driven by playwright-core. No test double: the journey goes through the built web
 * app, the HTTP API and the database exactly as in production.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, '.tmp', 'e2e');

/** Where the web app is built: dist/web, or WEB_DIST (a private folder lets parallel runs rebuild safely). */
export const WEB_DIST = process.env.WEB_DIST ? resolve(ROOT, process.env.WEB_DIST) : join(ROOT, 'dist/web');

/** Builds the web app once when WEB_DIST is missing (or always with E2E_REBUILD=1). */
export function ensureWebBuilt(): void {
  if (existsSync(join(WEB_DIST, 'index.html')) && process.env.E2E_REBUILD !== '1') return;
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--outDir', WEB_DIST, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`web build failed (exit ${r.status})`);
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx server/main.ts` with PORT=<free>, DATA_DIR=<fresh temp dir>, SEED=demo, LOG_LEVEL=warn
 * (PostgreSQL instead of PGlite when E2E_DATABASE_URL is set) and resolves once GET /api/health answers.
 */
export async function startServer({ timeoutMs = 120_000 } = {}): Promise<RunningServer> {
  ensureWebBuilt();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, WEB_DIST, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED: 'demo', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code), resolve())));

  const stop = async () => {
    if (exited === undefined) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== undefined) {
      await stop();
      throw new Error(`server exited with code ${exited} before answering:\n${output}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /api/health within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop };
}

/** Debian's Chromium (or CHROMIUM_PATH), headless, with the network chatter of a fresh profile turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Saves a screenshot to .tmp/e2e/<name>.png (gitignored) once opening animations have settled, and returns its
 * path. Full page by default; `fullPage: false` for drawers and menus that cover the viewport.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.waitForTimeout(400);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

/** Screenshots every open page of the browser as FAILED-<name>-<n>.png, to see what the test saw when it failed. */
export async function screenshotOnFailure<T>(browser: Browser, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    await Promise.all(pages.map((p, i) => screenshot(p, `FAILED-${slug}-${i}`, { fullPage: false }).catch(() => undefined)));
    throw err;
  }
}

/** Picks a language in the header's switch; tries again if the click landed while the list was still opening. */
export async function switchLanguage(page: Page, label: string, language: string) {
  const button = page.getByRole('button', { name: label });
  for (let attempt = 1; ; attempt++) {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await page.getByRole('menuitem', { name: language }).click();
    try {
      await page.locator('html').and(page.locator(`[lang="${{ English: 'en', Français: 'fr' }[language] ?? 'vi'}"]`)).waitFor({ timeout: 2000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

/** The demo accounts' password (server/modules/system/demo-locality.ts). */
export const DEMO_PASSWORD = 'motcua2026';

/** A new page's browser context (viewport 1366×860 by default) and how long each step may wait (15 s by default). */
export type PageOptions = Pick<BrowserContextOptions, 'viewport' | 'acceptDownloads' | 'hasTouch'> & { timeout?: number };

/** The demo server and Chromium shared by the tests of one journey file, and what opens pages on them. */
export interface Journeys {
  /** The server, once the file's `before` hook has started it (reading it earlier throws). */
  readonly server: RunningServer;
  /** The browser, once the file's `before` hook has started it (reading it earlier throws). */
  readonly browser: Browser;
  /** A test that screenshots every open page (FAILED-<name>-<n>.png in .tmp/e2e) when it fails. */
  journey(name: string, fn: () => Promise<void>): void;
  /** A page in a fresh context set up as a person in Vietnam has it: locale vi-VN, time zone Asia/Ho_Chi_Minh. */
  newPage(options?: PageOptions): Promise<Page>;
  /** A new page signed in as `username` (the demo password unless given) on the home page, its heading shown. */
  signedIn(username: string, options?: PageOptions & { password?: string }): Promise<Page>;
  /**
   * A JSON client of the API with the session of `username` (the demo password), for a journey's set-up: each call
   * asserts a 2xx answer and resolves to the parsed body (undefined when empty).
   */
  apiAs(username: string): Promise<(method: string, path: string, body?: unknown) => Promise<ReturnType<typeof JSON.parse>>>;
}

/**
 * Registers the journey file's hooks: `before` starts the demo server and Chromium together (see startServer,
 * launchBrowser), then runs `setUp` if given; `after` closes both. Call it once, at the top of the file. A file's
 * set-up goes in `setUp`, not in a `before` of its own: Node 20 starts a top-level `before` hook as soon as it is
 * registered, so a second one would not wait for the server.
 */
export function useJourneys(setUp?: () => Promise<void>): Journeys {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    await setUp?.();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the journeys\' before hook has not run');
    return x;
  };
  const journeys: Journeys = {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    journey: (name, fn) => test(name, () => screenshotOnFailure(journeys.browser, name, fn)),
    async newPage({ viewport = { width: 1366, height: 860 }, timeout = 15_000, ...context } = {}) {
      const page = await (await journeys.browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...context })).newPage();
      page.setDefaultTimeout(timeout);
      return page;
    },
    async signedIn(username, { password, ...options } = {}) {
      const page = await journeys.newPage(options);
      await page.goto(`${journeys.server.url}/dang-nhap`);
      await signIn(page, username, password);
      await page.getByRole('heading', { name: 'Trang chủ', level: 1 }).waitFor();
      return page;
    },
    async apiAs(username) {
      const { url } = journeys.server;
      const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      assert.equal(login.status, 200, await login.text());
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      return async (method, path, body) => {
        const res = await fetch(`${url}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
        const text = await res.text();
        assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${text}`);
        return text ? JSON.parse(text) : undefined;
      };
    },
  };
  return journeys;
}

/** Types the username and password into the sign-in page the page shows and presses "Đăng nhập"; waits for nothing after. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/**
 * Runs axe-core on the page, or on a part of it (`selector`); fails on any serious or critical violation, naming
 * them. Colours are measured as painted: antd's transitions (a button turning enabled, a tab ink bar) settle first.
 */
export async function checkAccessibility(page: Page, where: string, selector?: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document | string, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const r = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  }, selector ?? null);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${where}: ${JSON.stringify(bad, null, 1)}`);
}
