/**
 * Single sign-on in a real browser: Debian's Chromium, a real `confer serve`
 * on loopback, and a real OpenID provider (`oidc-provider`) in this process,
 * whose login and consent forms the person fills in. The tests run in order
 * and build on each other.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Store } from '../../src/core/store.ts';
import { hashToken } from '../../src/governance/tokens.ts';
import { startTestOidcProvider, type TestOidcProvider } from '../../src/server/sign-in/oidc-test-provider.ts';
import { openStore } from '../../src/store/connect.ts';
import { CHROMIUM, ensureWebBuilt, freePort, launchBrowser, overflowsHorizontally, PHONE, screenshot, startConfer, type Browser, type ConferServer } from './harness.ts';
import { inCi } from '../../src/app/ci-env.ts';

// Functions passed to the page run in the browser; this file is compiled without the DOM types.
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown): { outlineStyle: string };

const missing = existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM}; install it with apt-get install chromium`;
if (missing && inCi()) throw new Error(`${missing} (required in CI)`);

const PEOPLE: Record<string, Record<string, unknown>> = {
  alice: { email: 'alice@acme.test', email_verified: true, name: 'Alice Archer', groups: ['Legal', 'Sales'], confer_ai: true },
};

describe('single sign-on in Chromium', { skip: missing ?? false, timeout: 180_000 }, () => {
  let idp: TestOidcProvider;
  let server: ConferServer;
  let store: Store;
  let browser: Browser;
  let page: Page;
  let origin = '';
  let accountId = '';
  let session = '';

  /** Fills the provider's login form and accepts its consent, as often as the provider asks, until the browser is back at Confer. */
  const throughProvider = async (login: string) => {
    for (let step = 0; step < 6; step++) {
      await page.waitForURL((url) => url.origin === origin || url.origin === idp.issuer);
      await page.waitForLoadState();
      if (new URL(page.url()).origin === origin) return;
      const loginField = page.locator('input[name="login"]');
      if (await loginField.count()) {
        await loginField.fill(login);
        await page.locator('input[name="password"]').fill('any password');
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sign-in' }).click()]);
      } else {
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continue' }).click()]);
      }
    }
    throw new Error(`still at the provider: ${page.url()}`);
  };
  const focusRing = () => page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);

  before(async () => {
    ensureWebBuilt();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    idp = await startTestOidcProvider(origin, PEOPLE);
    server = await startConfer({ ...idp.conferEnv, CONFER_PUBLIC_URL: origin, CONFER_OIDC_LABEL: 'Acme ID' }, port);
    store = await openStore({ url: server.databaseUrl, migrate: false });
    [{ id: accountId }] = await store.accounts.list();
    browser = await launchBrowser();
    page = await browser.newPage();
    // The provider's built-in pages import a web font; there is no network here.
    await page.route('https://fonts.googleapis.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  });
  after(async () => {
    await browser?.close();
    await store?.close();
    await server?.stop();
    await idp?.close();
  });

  it('offers "Sign in with Acme ID" first, with the API token form one step away, from the keyboard', async () => {
    await page.goto(`${origin}/tasks?status=open`);
    const sso = page.getByRole('link', { name: 'Sign in with Acme ID' });
    await sso.waitFor();
    assert.equal(await sso.getAttribute('href'), `/auth/oidc/login?returnTo=${encodeURIComponent('/tasks?status=open')}`);
    assert.equal(await page.getByLabel('API token').count(), 0, 'the token form waits behind its button');
    await screenshot(page, 'sign-in-sso');

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Sign in with Acme ID');
    assert.notEqual(await focusRing(), 'none', 'focus is visible on the link');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Use an API token instead');
    assert.notEqual(await focusRing(), 'none', 'focus is visible on the button');
    await page.keyboard.press('Enter');
    const field = page.getByLabel('API token');
    await field.waitFor();
    await page.waitForFunction(() => document.activeElement?.name === 'token');
    // The form still works: a wrong token is refused with the server's reason.
    browser.expectFailedRequest(page, 401);
    await field.fill('cfr_wrong');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('That token was not accepted').waitFor();
  });

  it('signs in at the identity provider and comes back where it was going, as the mapped user with the groups of the claims', async () => {
    await page.goto(`${origin}/tasks?status=open`);
    await page.getByRole('link', { name: 'Sign in with Acme ID' }).click();
    await throughProvider('alice');
    await page.locator('.app-header').waitFor();
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/tasks?status=open');
    await page.getByText('Alice Archer', { exact: true }).first().waitFor();

    // Signed in by the http-only cookie alone: no token in the tab.
    assert.equal(await page.evaluate(() => window.sessionStorage.getItem('confer.token')), null);
    const cookies = await browser.context.cookies(origin);
    const cookie = cookies.find((c) => c.name === 'confer_session')!;
    assert.equal(cookie.httpOnly, true);
    session = cookie.value;
    assert.equal((await store.tokens.findByHash(hashToken(session)))?.kind, 'session');
    const alice = (await store.users.getByEmail(accountId, 'alice@acme.test'))!;
    assert.equal(alice.name, 'Alice Archer');
    assert.deepEqual((await store.groups.groupsOf(accountId, alice.id)).map((g) => g.name).sort(), ['Legal', 'Sales']);

    // A reload keeps the session: the app asks /v1/me with the cookie.
    await page.reload();
    await page.locator('.app-header').waitFor();
    await page.getByLabel('Account menu for Alice Archer').waitFor();
  });

  it('signs out, ending the cookie session on the server, and shows the sign-in page', async () => {
    await page.getByLabel('Account menu for Alice Archer').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByText('You signed out.').waitFor();
    await page.getByRole('link', { name: 'Sign in with Acme ID' }).waitFor();
    assert.deepEqual((await browser.context.cookies(origin)).map((c) => c.name).filter((n) => n.startsWith('confer_')), []);
    const replay = await fetch(`${origin}/v1/me`, { headers: { cookie: `confer_session=${session}` } });
    assert.equal(replay.status, 401);
    const alice = (await store.users.getByEmail(accountId, 'alice@acme.test'))!;
    const [signedOut] = await store.audit.list(accountId, { action: 'auth.sign_out', targetId: alice.id });
    assert.equal(signedOut.outcome, 'ok');
    // A fresh load stays signed out without asking the server.
    await page.reload();
    await page.getByRole('link', { name: 'Sign in with Acme ID' }).waitFor();
  });

  it('tells a deactivated user plainly why they are not signed in, also on a phone', async () => {
    const alice = (await store.users.getByEmail(accountId, 'alice@acme.test'))!;
    await store.users.update(accountId, alice.id, { status: 'deactivated' });
    await page.setViewportSize(PHONE);
    await page.goto(`${origin}/meetings`);
    await page.getByRole('link', { name: 'Sign in with Acme ID' }).click();
    await throughProvider('alice');
    const alert = page.getByRole('alert');
    await alert.getByText('You are not signed in').waitFor();
    await alert.getByText('Your Confer account is deactivated').waitFor();
    assert.equal(await page.locator('.app-header').count(), 0);
    // Back where it was going, with the reason gone from the address.
    assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/meetings');
    assert.equal(await overflowsHorizontally(page), false, 'no sideways scrolling at 390 px');
    await screenshot(page, 'sign-in-refused');
    const [refused] = (await store.audit.list(accountId, { action: 'auth.sign_in', targetId: alice.id })).filter((e) => e.outcome === 'denied');
    assert.match(String(refused.details.reason), /deactivated/);
  });

  it('logs no console errors', () => {
    assert.deepEqual(browser.consoleErrors(page), []);
  });
});
