import type { MiddlewareHandler } from 'hono';
import { userContext } from '../app/context.ts';
import { AppError } from '../core/errors.ts';
import { authenticateToken } from '../governance/tokens.ts';
import type { AppEnv } from './env.ts';

/** Bearer-token authentication; puts the request context on `c.var.ctx`. */
export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const services = c.var.services;
  const header = c.req.header('authorization');
  if (!header) throw new AppError('unauthenticated', 'missing Authorization header; send "Authorization: Bearer <token>"');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('unauthenticated', 'malformed Authorization header; expected "Bearer <token>"');
  const { account, user, token } = await authenticateToken(services.store, services.clock, match[1]);
  c.set('ctx', userContext(services, account, user, 'api', token.id));
  await next();
};
