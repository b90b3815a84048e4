/**
 * Provider failures as `AppError('provider_error')`. Messages name the
 * provider, the HTTP status and the provider's error type, never the request
 * or the provider's free-text message (which may quote the request). The
 * original library error is not attached as `cause` for the same reason.
 */
import { AppError } from '../../core/errors.ts';

/**
 * Statuses worth retrying: timeouts, conflicts, rate limits and server-side failures (incl. 529 overloaded).
 *
 * @example
 * isRetryableStatus(429); // true
 * isRetryableStatus(401); // false
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

/**
 * A failed HTTP call to a provider.
 *
 * @example
 * providerHttpError('openai-main', 429, '{"error":{"type":"requests","code":"rate_limit_exceeded"}}', { 'retry-after': '2' });
 * // AppError provider_error, retryable, details { provider, status: 429, errorType: 'rate_limit_exceeded', retryAfterMs: 2000 }
 */
export function providerHttpError(
  provider: string,
  status: number,
  body: string | undefined,
  headers: Record<string, string> | undefined,
): AppError {
  const errorType = errorTypeOf(body, headers);
  const retryAfterMs = retryAfterOf(headers);
  return new AppError('provider_error', `provider ${provider} answered HTTP ${status}${errorType ? ` (${errorType})` : ''}`, {
    retryable: isRetryableStatus(status),
    details: { provider, status, ...(errorType ? { errorType } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
  });
}

export function providerTimeout(provider: string, timeoutMs: number): AppError {
  return new AppError('provider_error', `provider ${provider} did not answer within ${timeoutMs} ms`, {
    retryable: true,
    details: { provider, timeout: true, timeoutMs },
  });
}

export function providerCancelled(provider: string): AppError {
  return new AppError('provider_error', `the request to provider ${provider} was cancelled`, {
    details: { provider, aborted: true },
  });
}

export function providerUnreachable(provider: string): AppError {
  return new AppError('provider_error', `provider ${provider} could not be reached`, {
    retryable: true,
    details: { provider, unreachable: true },
  });
}

/** A failure of an unknown kind; not retried, since nothing says another try would differ. */
export function providerUnexpected(provider: string, errorName: string): AppError {
  return new AppError('provider_error', `provider ${provider} failed unexpectedly${errorName ? ` (${errorName})` : ''}`, {
    details: { provider },
  });
}

/** The provider answered, but not in the requested shape (bad JSON, schema mismatch, empty answer). */
export function providerBadOutput(provider: string, what: string): AppError {
  return new AppError('provider_error', `provider ${provider} returned ${what}`, {
    retryable: true,
    details: { provider, invalidOutput: true },
  });
}

/** Only identifier-like error types are kept: free text may quote the request. */
function errorTypeOf(body: string | undefined, headers: Record<string, string> | undefined): string | undefined {
  const amazon = lower(headers)['x-amzn-errortype']?.split(':')[0];
  const candidates: unknown[] = [amazon];
  if (body) {
    try {
      const parsed = JSON.parse(body) as Record<string, unknown>;
      const error = typeof parsed.error === 'object' && parsed.error !== null ? (parsed.error as Record<string, unknown>) : {};
      candidates.push(error.code, error.type, parsed.__type, parsed.type === 'error' ? undefined : parsed.type);
    } catch {
      // Not JSON (an HTML error page from a proxy, say): the status alone has to do.
    }
  }
  return candidates.find((value): value is string => typeof value === 'string' && /^[A-Za-z][A-Za-z0-9_.#-]{0,63}$/.test(value));
}

function retryAfterOf(headers: Record<string, string> | undefined): number | undefined {
  const h = lower(headers);
  const ms = Number(h['retry-after-ms']);
  if (h['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = h['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function lower(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]));
}
