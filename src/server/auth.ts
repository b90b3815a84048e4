import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { userContext } from '../app/context.ts';
import { AppError } from '../core/errors.ts';
import { authenticateToken } from '../governance/tokens.ts';
import type { AppEnv } from './env.ts';
import { publicOrigin } from './public-origin.ts';

/** Name of the http-only cookie holding a web session (set by the sign-in routes). */
export const SESSION_COOKIE = 'confer_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication of `/v1`: a bearer token (API token, for scripts) or the
 * web session cookie. Puts the request context on `c.var.ctx`. Requests that
 * change something on the strength of the cookie must come from Confer's own
 * origin (the `Origin` header, when the browser sends one), against
 * cross-site request forgery.
 */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const services = c.var.services;
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('unauthenticated', 'malformed Authorization header; expected "Bearer <token>"');
    const { account, user, token } = await authenticateToken(services.store, services.clock, match[1]);
    c.set('ctx', userContext(services, account, user, 'api', token.id));
    return next();
  }
  const session = getCookie(c, SESSION_COOKIE);
  if (!session) throw new AppError('unauthenticated', 'missing Authorization header; send "Authorization: Bearer <token>" or sign in at /auth/oidc/login');
  const { account, user, token } = await authenticateToken(services.store, services.clock, session, ['session']);
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(publicOrigin(c)).origin) throw new AppError('forbidden', `cross-site request from ${origin} refused`);
  }
  c.set('ctx', userContext(services, account, user, 'web', token.id));
  await next();
};
