import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, invalidInput, toAppError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string; message: string }[]; details?: Record<string, unknown> };
}

export function errorBody(error: AppError): ErrorBody {
  return { error: error.toJSON() as ErrorBody['error'] };
}

/**
 * The request validators (Hono's and the OpenAPI media-type gate) reject a
 * body they cannot read with an `HTTPException`; these are the client's
 * mistakes, so they keep their status and get a message saying what to send.
 */
function fromHttpException(c: Context, thrown: HTTPException): AppError {
  const contentType = c.req.header('content-type');
  switch (thrown.status) {
    case 400:
      return invalidInput(/json/i.test(thrown.message) ? 'the request body is not valid JSON' : `the request cannot be read: ${thrown.message}`);
    case 413:
      return new AppError('payload_too_large', 'the request body is too large');
    case 415:
      return new AppError('unsupported_media_type', `send the request body as application/json; got ${contentType ? `"${contentType}"` : 'no content type'}`);
    default:
      return toAppError(thrown);
  }
}

/** Renders any thrown value as an error response; internal details stay in the log. */
export function errorResponse(c: Context, thrown: unknown, logger: Logger): Response {
  const error = thrown instanceof HTTPException ? fromHttpException(c, thrown) : toAppError(thrown);
  if (error.code === 'internal') {
    logger.error('request failed', { path: c.req.path, error: error.message, stack: (error.cause as Error | undefined)?.stack });
    return c.json(errorBody(new AppError('internal', 'internal error; the server log has the details')), 500);
  }
  if (error.code === 'unauthenticated') c.header('WWW-Authenticate', 'Bearer realm="confer"');
  return c.json(errorBody(error), error.status as ContentfulStatusCode);
}
