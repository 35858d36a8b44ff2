/**
 * Browser-test plumbing: a real motcua server on a free port with a fresh data folder and the demo data,
 * and Debian's Chromium driven by playwright-core. No test double: the journey goes through the built web
 * app, the HTTP API and the database exactly as in production.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

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
