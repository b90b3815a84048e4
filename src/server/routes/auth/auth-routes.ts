/**
 * Browser sign-in: `/auth/oidc/login` redirects to the identity provider,
 * `/auth/oidc/callback` verifies its answer, maps the claims and sets the
 * session cookie, `/auth/logout` ends the session. The session cookie is
 * http-only, SameSite=Lax and Secure (unless the public URL is plain
 * http); only its SHA-256 is stored. A SAML protocol would add its own
 * login/callback pair over the same `signIn`.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../../core/errors.ts';
import { signIn, signOut } from '../../../usecases/sign-in.ts';
import type { AppEnv } from '../../env.ts';
import { errorResponse } from '../../errors.ts';
import { OidcSignIn } from '../../sign-in/oidc-adapter.ts';
import type { SignInProtocol } from '../../sign-in/protocol.ts';

import { SESSION_COOKIE } from '../../auth.ts';
import { publicOrigin } from '../../public-origin.ts';
const PENDING_COOKIE = 'confer_oidc';
const PENDING_SECONDS = 600;

export const secureCookies = (c: Context<AppEnv>): boolean => publicOrigin(c).startsWith('https:');

/** Only same-site paths, so the sign-in cannot be used as an open redirect. */
function safeReturnTo(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

export function authRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  let protocol: SignInProtocol | null = null;
  const oidc = (c: Context<AppEnv>): SignInProtocol => {
    const config = c.var.services.config.identity.oidc;
    if (!config) throw new AppError('feature_unavailable', 'single sign-on is not configured: set CONFER_OIDC_ISSUER and CONFER_OIDC_CLIENT_ID');
    protocol ??= new OidcSignIn(config, `${publicOrigin(c)}/auth/oidc/callback`);
    return protocol;
  };
  app.onError((error, c) => errorResponse(c, error, c.var.services.logger));

  app.get('/auth/oidc/login', async (c) => {
    const { redirectUrl, pending } = await oidc(c).start();
    setCookie(c, PENDING_COOKIE, Buffer.from(JSON.stringify({ ...pending, returnTo: safeReturnTo(c.req.query('returnTo')) })).toString('base64url'), {
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
    if (!raw) throw new AppError('unauthenticated', 'the sign-in expired or was started in another browser; start again at /auth/oidc/login');
    deleteCookie(c, PENDING_COOKIE, { path: '/auth/oidc', secure: secureCookies(c) });
    let pending: Record<string, string>;
    try {
      pending = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    } catch {
      throw new AppError('unauthenticated', 'the sign-in cookie is damaged; start again at /auth/oidc/login');
    }
    const error = c.req.query('error');
    if (error) throw new AppError('unauthenticated', `the identity provider refused the sign-in: ${error}${c.req.query('error_description') ? ` (${c.req.query('error_description')})` : ''}`);
    const config = services.config.identity.oidc!;
    const identity = await oidc(c).finish(new URL(`${publicOrigin(c)}${c.req.path}?${new URL(c.req.url).searchParams}`), pending);
    const account = config.account ? await services.store.accounts.get(config.account) : ((await services.store.accounts.list())[0] ?? null);
    if (!account) throw new AppError('not_found', `no account to sign in to${config.account ? ` (CONFER_OIDC_ACCOUNT=${config.account})` : ''}`);
    const { session, expiresAt } = await signIn(services, account, identity, { createUsers: config.createUsers, sessionHours: services.config.identity.sessionHours });
    setCookie(c, SESSION_COOKIE, session, { httpOnly: true, secure: secureCookies(c), sameSite: 'Lax', path: '/', expires: expiresAt });
    return c.redirect(safeReturnTo(pending.returnTo), 302);
  });

  app.post('/auth/logout', async (c) => {
    const session = getCookie(c, SESSION_COOKIE);
    if (session) await signOut(c.var.services, session);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureCookies(c) });
    return c.body(null, 204);
  });
  return app;
}
