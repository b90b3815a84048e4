/**
 * Browser sign-in: `/auth/methods` tells the sign-in page which ways to sign
 * in are open, `/auth/oidc/login` redirects to the identity provider,
 * `/auth/oidc/callback` verifies its answer, maps the claims and sets the
 * session cookie, `/auth/logout` ends the session. The session cookie is
 * http-only, SameSite=Lax and Secure (unless the public URL is plain
 * http); only its SHA-256 is stored. Beside it, a readable cookie holding
 * only `1` tells the web app a session may exist, so it asks `/v1/me` only
 * then. A SAML protocol would add its own login/callback pair over the same
 * `signIn`.
 *
 * A browser (one that accepts `text/html`) whose sign-in fails is sent back
 * to where it was going with `?signin_error=<id>` (see `SignInError`), which
 * the sign-in page explains; other clients get the JSON error.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../../core/errors.ts';
import { signIn, signOut, type SignInRefusal } from '../../../usecases/sign-in.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponse } from '../../errors.ts';
import { OidcSignIn } from '../../sign-in/oidc-adapter.ts';
import type { SignInProtocol } from '../../sign-in/protocol.ts';

import { SESSION_COOKIE } from '../../auth.ts';
import { publicOrigin } from '../../public-origin.ts';
const PENDING_COOKIE = 'confer_oidc';
const PENDING_SECONDS = 600;
/** Readable by the web app; says nothing but that a session cookie was set. */
const SIGNED_IN_HINT_COOKIE = 'confer_signed_in';

/**
 * Why a browser sign-in failed, as the `signin_error` query parameter:
 * `denied` (the person or provider said no), `provider` (another provider
 * error), `expired` (no or damaged pending sign-in), `failed` (the answer
 * did not verify), `unavailable` (single sign-on is not configured or not
 * reachable), or a refusal of the directory (`deactivated`,
 * `not_provisioned`, `email`).
 */
export type SignInError = SignInRefusal | 'denied' | 'provider' | 'expired' | 'failed' | 'unavailable';

const refusal = (id: SignInError) => ({ details: { refusal: id } });

function signInErrorOf(thrown: unknown): SignInError {
  if (!AppError.isInstance(thrown)) return 'failed';
  const id = thrown.details?.refusal;
  if (typeof id === 'string') return id as SignInError;
  return thrown.code === 'feature_unavailable' || thrown.code === 'not_found' ? 'unavailable' : 'failed';
}

export const secureCookies = (c: Context<AppEnv>): boolean => publicOrigin(c).startsWith('https:');

/** Only same-site paths, so the sign-in cannot be used as an open redirect. */
function safeReturnTo(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

/** Sends a browser back to `returnTo` with the reason its sign-in failed; other clients get the error itself. */
function failSignIn(c: Context<AppEnv>, thrown: unknown, returnTo: string | undefined): Response {
  if (!(c.req.header('accept') ?? '').includes('text/html')) throw thrown;
  const id = signInErrorOf(thrown);
  c.var.services.logger.warn('browser sign-in failed', { path: c.req.path, refusal: id, error: (thrown as Error).message });
  const target = new URL(safeReturnTo(returnTo), 'http://confer.invalid');
  target.searchParams.set('signin_error', id);
  return c.redirect(`${target.pathname}${target.search}${target.hash}`, 302);
}

export function authRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let protocol: SignInProtocol | null = null;
  const oidc = (c: Context<AppEnv>): SignInProtocol => {
    const config = c.var.services.config.identity.oidc;
    if (!config) throw new AppError('feature_unavailable', 'single sign-on is not configured: set CONFER_OIDC_ISSUER and CONFER_OIDC_CLIENT_ID', refusal('unavailable'));
    protocol ??= new OidcSignIn(config, `${publicOrigin(c)}/auth/oidc/callback`);
    return protocol;
  };
  app.onError((error, c) => errorResponse(c, error, c.var.services.logger));

  app.get('/auth/methods', (c) => {
    const oidc = c.var.services.config.identity.oidc;
    return c.json({ oidc: { enabled: oidc !== null, label: oidc?.label ?? null }, token: { enabled: true } });
  });

  app.get('/auth/oidc/login', async (c) => {
    const returnTo = safeReturnTo(c.req.query('returnTo'));
    let started: Awaited<ReturnType<SignInProtocol['start']>>;
    try {
      started = await oidc(c).start();
    } catch (error) {
      return failSignIn(c, AppError.isInstance(error) ? error : new AppError('feature_unavailable', `the identity provider cannot be reached: ${(error as Error).message}`, refusal('unavailable')), returnTo);
    }
    const { redirectUrl, pending } = started;
    setCookie(c, PENDING_COOKIE, Buffer.from(JSON.stringify({ ...pending, returnTo })).toString('base64url'), {
      httpOnly: true,
      secure: secureCookies(c),
      sameSite: 'Lax',
      path: '/auth/oidc',
      maxAge: PENDING_SECONDS,
    });
    return c.redirect(redirectUrl.href, 302);
  });

  app.get('/auth/oidc/callback', async (c) => {
    const services = c.var.services;
    const raw = getCookie(c, PENDING_COOKIE);
    let pending: Record<string, string> | undefined;
    try {
      if (!raw) throw new AppError('unauthenticated', 'the sign-in expired or was started in another browser; start again at /auth/oidc/login', refusal('expired'));
      deleteCookie(c, PENDING_COOKIE, { path: '/auth/oidc', secure: secureCookies(c) });
      try {
        pending = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, string>;
      } catch {
        throw new AppError('unauthenticated', 'the sign-in cookie is damaged; start again at /auth/oidc/login', refusal('expired'));
      }
      const error = c.req.query('error');
      if (error) {
        const description = c.req.query('error_description');
        throw new AppError('unauthenticated', `the identity provider refused the sign-in: ${error}${description ? ` (${description})` : ''}`, refusal(error === 'access_denied' ? 'denied' : 'provider'));
      }
      const config = services.config.identity.oidc;
      if (!config) throw new AppError('feature_unavailable', 'single sign-on is not configured', refusal('unavailable'));
      const identity = await oidc(c).finish(new URL(`${publicOrigin(c)}${c.req.path}?${new URL(c.req.url).searchParams}`), pending);
      const account = config.account ? await services.store.accounts.get(config.account) : ((await services.store.accounts.list())[0] ?? null);
      if (!account) throw new AppError('not_found', `no account to sign in to${config.account ? ` (CONFER_OIDC_ACCOUNT=${config.account})` : ''}`);
      const { session, expiresAt } = await signIn(services, account, identity, { createUsers: config.createUsers, sessionHours: services.config.identity.sessionHours });
      setCookie(c, SESSION_COOKIE, session, { httpOnly: true, secure: secureCookies(c), sameSite: 'Lax', path: '/', expires: expiresAt });
      setCookie(c, SIGNED_IN_HINT_COOKIE, '1', { secure: secureCookies(c), sameSite: 'Lax', path: '/', expires: expiresAt });
    } catch (error) {
      return failSignIn(c, error, pending?.returnTo);
    }
    return c.redirect(safeReturnTo(pending.returnTo), 302);
  });

  app.post('/auth/logout', async (c) => {
    const session = getCookie(c, SESSION_COOKIE);
    if (session) await signOut(c.var.services, session);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(c) });
    deleteCookie(c, SIGNED_IN_HINT_COOKIE, { path: '/', secure: secureCookies(c) });
    return c.body(null, 204);
  });
  return app;
}
