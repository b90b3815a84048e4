import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, toAppError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[]; details?: Record<string, unknown> };
}

export function errorBody(error: AppError): ErrorBody {
  return { error: error.toJSON() as ErrorBody['error'] };
}

/** Renders any thrown value as an error response; internal details stay in the log. */
export function errorResponse(c: Context, thrown: unknown, logger: Logger): Response {
  const error = toAppError(thrown);
  if (error.code === 'internal') {
    logger.error('request failed', { path: c.req.path, error: error.message, stack: (error.cause as Error | undefined)?.stack });
    return c.json(errorBody(new AppError('internal', 'internal error; the server log has the details')), 500);
  }
  if (error.code === 'unauthenticated') c.header('WWW-Authenticate', 'Bearer realm="confer"');
  return c.json(errorBody(error), error.status as ContentfulStatusCode);
}
