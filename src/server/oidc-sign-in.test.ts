import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../app/config.ts';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { systemClock } from '../core/clock.ts';
import { hashToken } from '../governance/tokens.ts';
import { createApp } from './app.ts';
import { startTestOidcProvider, type TestOidcProvider } from './sign-in/oidc-test-provider.ts';

const CONFER = 'http://confer.test';

/** People at the identity provider; tests change their claims between sign-ins. */
const PEOPLE: Record<string, Record<string, unknown>> = {
  alice: { email: 'alice@acme.test', email_verified: true, name: 'Alice Archer', groups: ['Legal', 'Sales'], confer_ai: true, confer_addon: true },
  bob: { email: 'bob@acme.test', email_verified: true, name: 'Bob Brown', groups: [] },
};

/** Cookies by name, as a browser would keep them for these two hosts. */
class Browser {
  private jar = new Map<string, Map<string, string>>();
  /** `headers` go with every request, e.g. the `accept` of a browser's navigations. */
  constructor(
    private readonly confer: ReturnType<typeof createApp>,
    private readonly headers: Record<string, string> = {},
  ) {}

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  private store(host: string, res: Response) {
    const jar = this.jar.get(host) ?? new Map();
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    this.jar.set(host, jar);
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers({ ...this.headers, ...Object.fromEntries(new Headers(init.headers)) });
    const jar = this.jar.get(target.host);
    if (jar?.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = target.origin === CONFER ? await this.confer.request(url, { ...init, headers }) : await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(target.host, res);
    return res;
  }

  /** Follows redirects and the provider's login and consent forms until Confer answers without a redirect to the provider. */
  async signIn(login: string, start = `${CONFER}/auth/oidc/login?returnTo=/meetings`): Promise<Response> {
    let res = await this.request(start);
    for (let hops = 0; hops < 20; hops++) {
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, res.url || start).href;
        if (next.startsWith(CONFER) && !next.includes('/auth/oidc/callback')) return res;
        res = await this.request(next);
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) return new Response(html, { status: res.status, headers: res.headers });
      const prompt = /name="prompt" value="(\w+)"/.exec(html)![1];
      const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
      res = await this.request(new URL(action, issuer).href, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    }
    throw new Error('too many redirects');
  }
}

let issuer: string;

describe('OIDC sign-in against a real OpenID provider', () => {
  let world: TestWorld;
  let idp: TestOidcProvider;
  let app: ReturnType<typeof createApp>;

  before(async () => {
    idp = await startTestOidcProvider(CONFER, PEOPLE);
    issuer = idp.issuer;
    // Real time: the provider signs and checks tokens on the wall clock.
    world = await createTestWorld({ clock: systemClock });
    const config = loadConfig({ ...idp.conferEnv, CONFER_DATABASE_URL: world.testStore.url, CONFER_PUBLIC_URL: CONFER, CONFER_OIDC_LABEL: 'Acme' });
    app = createApp({ ...world.services, config });
  });
  after(async () => {
    await idp.close();
    await world.close();
  });

  it('signs a new user in with PKCE, maps groups and licences, and sets an http-only session cookie', async () => {
    const browser = new Browser(app);
    const first = await browser.request(`${CONFER}/auth/oidc/login`);
    assert.equal(first.status, 302);
    const authorize = new URL(first.headers.get('location')!);
    assert.equal(authorize.origin, issuer);
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorize.searchParams.get('code_challenge') && authorize.searchParams.get('state') && authorize.searchParams.get('nonce'));

    const done = await browser.signIn('alice');
    assert.equal(done.status, 302);
    assert.equal(done.headers.get('location'), '/meetings');
    const setCookie = done.headers.getSetCookie().find((c) => c.startsWith('confer_session='))!;
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.match(setCookie, /Path=\//);
    const session = browser.cookie('confer.test', 'confer_session')!;
    // The readable hint carries nothing but that a session was set.
    assert.equal(browser.cookie('confer.test', 'confer_signed_in'), '1');
    assert.doesNotMatch(done.headers.getSetCookie().find((c) => c.startsWith('confer_signed_in='))!, /HttpOnly/);
    const stored = await world.services.store.tokens.findByHash(hashToken(session));
    assert.equal(stored?.kind, 'session');

    const me = await browser.request(`${CONFER}/v1/me`);
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as any).user.email, 'alice@acme.test');
    const alice = (await world.services.store.users.getByEmail(world.account.id, 'alice@acme.test'))!;
    assert.deepEqual([alice.name, alice.role, alice.aiAccess, alice.customAddOn], ['Alice Archer', 'member', true, true]);
    assert.deepEqual((await world.services.store.groups.groupsOf(world.account.id, alice.id)).map((g) => g.name).sort(), ['Legal', 'Sales']);
    const [event] = await world.services.store.audit.list(world.account.id, { action: 'auth.sign_in', targetId: alice.id });
    assert.equal(event.outcome, 'ok');
    assert.equal(event.details.protocol, 'oidc');
    assert.equal(event.details.subject, 'alice');
  });

  it('re-applies claims at every sign-in', async () => {
    PEOPLE.alice.groups = ['Legal'];
    PEOPLE.alice.confer_addon = false;
    const done = await new Browser(app).signIn('alice');
    assert.equal(done.status, 302);
    const alice = (await world.services.store.users.getByEmail(world.account.id, 'alice@acme.test'))!;
    assert.equal(alice.customAddOn, false);
    assert.deepEqual((await world.services.store.groups.groupsOf(world.account.id, alice.id)).map((g) => g.name), ['Legal']);
    // A changed email at the provider follows the linked subject: same user, new email.
    PEOPLE.alice.email = 'alice.archer@acme.test';
    assert.equal((await new Browser(app).signIn('alice')).status, 302);
    const renamed = (await world.services.store.users.get(world.account.id, alice.id))!;
    assert.equal(renamed.email, 'alice.archer@acme.test');
    assert.equal(await world.services.store.users.getByEmail(world.account.id, 'alice@acme.test'), null);
    const [link] = await world.services.store.identities.listForUser(world.account.id, alice.id);
    assert.deepEqual([link.issuer, link.subject, link.protocol], [issuer, 'alice', 'oidc']);
  });

  it('ends the session at logout and refuses cross-site writes made with the cookie', async () => {
    const browser = new Browser(app);
    await browser.signIn('bob');
    assert.equal((await browser.request(`${CONFER}/v1/me`)).status, 200);
    const forged = await browser.request(`${CONFER}/v1/tasks/tsk_x`, { method: 'PATCH', headers: { origin: 'https://evil.test', 'content-type': 'application/json' }, body: '{"status":"done"}' });
    assert.equal(forged.status, 403);
    const session = browser.cookie('confer.test', 'confer_session')!;
    assert.equal((await browser.request(`${CONFER}/auth/logout`, { method: 'POST' })).status, 204);
    assert.equal(browser.cookie('confer.test', 'confer_session'), undefined);
    assert.equal(browser.cookie('confer.test', 'confer_signed_in'), undefined);
    const [signedOut] = await world.services.store.audit.list(world.account.id, { action: 'auth.sign_out' });
    assert.equal(signedOut.details.sessionId, (await world.services.store.tokens.findByHash(hashToken(session)))?.id);
    const replay = await app.request('/v1/me', { headers: { cookie: `confer_session=${session}` } });
    assert.equal(replay.status, 401);
    assert.equal(((await replay.json()) as any).error.message, 'the session cookie is invalid or expired (revoked); sign in again');
    const garbled = await app.request('/v1/me', { headers: { cookie: 'confer_session=garbled' } });
    assert.equal(garbled.status, 401);
    assert.equal(((await garbled.json()) as any).error.message, 'the session cookie is invalid or expired (not a Confer token); sign in again');
  });

  it('refuses a deactivated user and audits the refusal', async () => {
    const bob = (await world.services.store.users.getByEmail(world.account.id, 'bob@acme.test'))!;
    await world.services.store.users.update(world.account.id, bob.id, { status: 'deactivated' });
    const res = await new Browser(app).signIn('bob');
    assert.equal(res.status, 403);
    assert.match(((await res.json()) as any).error.message, /deactivated/);
    const denied = (await world.services.store.audit.list(world.account.id, { action: 'auth.sign_in', targetId: bob.id })).at(-1)!;
    assert.equal(denied.outcome, 'denied');
    assert.equal(((await (await new Browser(app).signIn('bob')).json()) as any).error.details.refusal, 'deactivated');
  });

  it('sends a browser whose sign-in fails back to where it was going, with the reason for the sign-in page', async () => {
    const browser = new Browser(app, { accept: 'text/html,application/xhtml+xml' });
    const refused = await browser.signIn('bob', `${CONFER}/auth/oidc/login?returnTo=${encodeURIComponent('/meetings?q=budget')}`);
    assert.equal(refused.status, 302);
    assert.equal(refused.headers.get('location'), '/meetings?q=budget&signin_error=deactivated');
    assert.equal(browser.cookie('confer.test', 'confer_session'), undefined);
    assert.equal(browser.cookie('confer.test', 'confer_signed_in'), undefined);
    // The person declined at the provider.
    await browser.request(`${CONFER}/auth/oidc/login`);
    const declined = await browser.request(`${CONFER}/auth/oidc/callback?error=access_denied&error_description=End-User+aborted`);
    assert.equal(declined.headers.get('location'), '/?signin_error=denied');
    // A callback without a started sign-in, and one whose state was forged.
    assert.equal((await browser.request(`${CONFER}/auth/oidc/callback?code=abc&state=x`)).headers.get('location'), '/?signin_error=expired');
    await browser.request(`${CONFER}/auth/oidc/login?returnTo=/tasks`);
    const forged = await browser.request(`${CONFER}/auth/oidc/callback?code=abc&state=forged&iss=${encodeURIComponent(issuer)}`);
    assert.equal(forged.headers.get('location'), '/tasks?signin_error=failed');
  });

  it('tells the sign-in page that single sign-on is open and how to name it, and nothing more', async () => {
    const res = await app.request('/auth/methods');
    assert.equal(res.status, 200);
    const body = (await res.text()) as string;
    assert.deepEqual(JSON.parse(body), { oidc: { enabled: true, label: 'Acme' }, token: { enabled: true } });
    assert.doesNotMatch(body, /confer-secret|127\.0\.0\.1/);
    const plain = createApp(world.services);
    assert.deepEqual(await (await plain.request('/auth/methods')).json(), { oidc: { enabled: false, label: null }, token: { enabled: true } });
    const login = await plain.request('/auth/oidc/login?returnTo=/meetings', { headers: { accept: 'text/html' } });
    assert.equal(login.headers.get('location'), '/meetings?signin_error=unavailable');
    assert.equal((await plain.request('/auth/oidc/login')).status, 503);
  });

  it('rejects a callback whose state does not match the sign-in that was started', async () => {
    const browser = new Browser(app);
    await browser.request(`${CONFER}/auth/oidc/login`);
    const res = await browser.request(`${CONFER}/auth/oidc/callback?code=abc&state=forged&iss=${encodeURIComponent(issuer)}`);
    assert.equal(res.status, 401);
    const noCookie = await app.request(`${CONFER}/auth/oidc/callback?code=abc&state=x`);
    assert.equal(noCookie.status, 401);
  });
});
