/**
 * End-to-end support: the real built web app, served by a real `confer serve`
 * process on loopback over a temporary SQLite database, driven by the
 * machine's Chromium through playwright-core. Nothing is downloaded.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

export const DESKTOP = { width: 1280, height: 860 };
export const PHONE = { width: 390, height: 844 };

function newestChange(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/**
 * Builds the web app unless `web/dist` is newer than every source of it, so
 * the tests always drive what `npm ci` would have built from this checkout.
 */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'web', 'dist', 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((p) => join(ROOT, 'web', p));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources.map(newestChange))) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the web app failed:\n${result.stdout}${result.stderr}`);
}

export interface ConferServer {
  url: string;
  /** The one-click sign-in link `confer serve` printed for the local owner. */
  signInLink: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** A loopback port free right now, for a server whose address must be known before it starts (an OIDC redirect URI). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts `confer serve` on a loopback port (`port`, default any free one) with a new database; resolves once it printed its sign-in link.
 * `env` adds to its environment, e.g. `CONFER_SMTP_URL` of a test mail server.
 */
export async function startConfer(env: Record<string, string> = {}, port = 0): Promise<ConferServer> {
  const dir = mkdtempSync(join(tmpdir(), 'confer-e2e-'));
  const databaseUrl = join(dir, 'confer.db');
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'confer.js'), 'serve', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, CONFER_DATABASE_URL: databaseUrl, CONFER_EXPORT_DIR: join(dir, 'exports'), CONFER_LOG_LEVEL: 'warn', CONFER_REGION: 'EU', CONFER_REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = new Promise<{ url: string; signInLink: string }>((resolve, reject) => {
    let url = '';
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      url ||= /^Confer listening on (http:\/\/\S+)/.exec(line)?.[1] ?? '';
      const link = /^Open (http:\/\/\S+#signin=\S+) to sign in/.exec(line)?.[1];
      if (url && link) resolve({ url, signInLink: link });
    });
    child.once('exit', (code) => reject(new Error(`confer serve exited with ${code} before it was ready:\n${stderr}`)));
    setTimeout(() => reject(new Error(`confer serve did not start within 60 s:\n${stderr}`)), 60_000).unref();
  });
  const { url, signInLink } = await started;
  return {
    url,
    signInLink,
    databaseUrl,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  /** A new tab, with its own session storage (signed out), recording console errors. */
  newPage(): Promise<Page>;
  /** Console errors and uncaught exceptions of a page since it opened, less those expected. */
  consoleErrors(page: Page): string[];
  /** A failed request the test provoked on purpose (e.g. a 403) is not a console error of the app. */
  expectFailedRequest(page: Page, status: number): void;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile and no background traffic. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'confer-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: DESKTOP,
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The profile opens with a blank tab; tests open their own.
  for (const blank of context.pages()) await blank.close();
  const errors = new Map<Page, string[]>();
  const allowed = new Map<Page, number[]>();
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const list: string[] = [];
      errors.set(page, list);
      page.on('console', (message) => {
        if (message.type() === 'error') list.push(message.text());
      });
      page.on('pageerror', (error) => list.push(`uncaught: ${error.message}`));
      return page;
    },
    consoleErrors(page) {
      const statuses = allowed.get(page) ?? [];
      return (errors.get(page) ?? []).filter((text) => !statuses.some((s) => text.includes(`status of ${s}`)));
    },
    expectFailedRequest(page, status) {
      allowed.set(page, [...(allowed.get(page) ?? []), status]);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot of the page as `<name>-<desktop|phone>.png` in test-output/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? DESKTOP.width;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width <= PHONE.width ? 'phone' : 'desktop'}.png`), fullPage: false });
}

/** Whether the page is wider than its viewport, i.e. scrolls sideways. */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}
