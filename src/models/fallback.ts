/**
 * Runs one operation down a routed chain: the first provider that answers
 * wins; a provider failure moves on to the next, after retrying retryable
 * failures on the same provider; providers whose circuit is open are
 * skipped. Only the given chain is ever tried, so a request cannot leave the
 * set the router allowed. Every attempt is recorded for the audit record's
 * fallback path.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { AppError, type ErrorCode } from '../core/errors.ts';
import type { Provider } from '../core/provider.ts';
import type { ProviderHealth } from './provider-health.ts';

export interface FallbackAttempt {
  provider: string;
  /** 1 for the first call to this provider, 2 for its first retry, … */
  attempt: number;
  outcome: 'ok' | 'error' | 'skipped';
  latencyMs: number;
  /** Set when the outcome is `skipped`. */
  skipped?: 'circuit_open';
  errorCode?: ErrorCode;
  /** HTTP status of a provider failure, when there was one. */
  status?: number;
  retryable?: boolean;
}

export interface FallbackResult<T> {
  value: T;
  provider: Provider;
  attempts: FallbackAttempt[];
}

export interface FallbackOptions {
  /** Health of each provider (circuit breaker, latency, calls in flight). */
  health: { of(provider: string): ProviderHealth };
  /** The caller's cancellation; a cancelled request stops the walk. */
  signal?: AbortSignal;
  /** Extra attempts on the same provider after a retryable failure. Default 1. */
  retries?: number;
  /** First retry delay, doubled for each further retry. Default 250 ms. */
  backoffMs?: number;
  /** A provider asking to wait longer than this (Retry-After) is left for the next one. Default 5 s. */
  maxRetryDelayMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Monotonic milliseconds; injectable for tests. */
  now?: () => number;
}

/** HTTP statuses that describe the request rather than the provider's health. */
const REQUEST_FAULTS = new Set([400, 413, 422]);

/**
 * Tries `operation` on each provider of the chain in turn.
 *
 * @example
 * const { value, provider, attempts } = await runWithFallback(
 *   route.chain.map((info) => registry.require(info.name)),
 *   (p) => p.generateText!({ messages }),
 *   { health: registry.health, signal },
 * );
 */
export async function runWithFallback<T>(
  chain: readonly Provider[],
  operation: (provider: Provider) => Promise<T>,
  options: FallbackOptions,
): Promise<FallbackResult<T>> {
  if (chain.length === 0) throw new AppError('feature_unavailable', 'the route holds no provider to try');
  const retries = options.retries ?? 1;
  const backoffMs = options.backoffMs ?? 250;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 5_000;
  const sleep = options.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, { signal }));
  const now = options.now ?? (() => performance.now());
  const attempts: FallbackAttempt[] = [];
  let lastError: AppError | null = null;

  for (const provider of chain) {
    const name = provider.info.name;
    const health = options.health.of(name);
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      throwIfCancelled(options.signal, attempts);
      if (!health.breaker.tryAcquire()) {
        attempts.push({ provider: name, attempt, outcome: 'skipped', skipped: 'circuit_open', latencyMs: 0 });
        break;
      }
      const started = now();
      health.started();
      try {
        const value = await operation(provider);
        const latencyMs = now() - started;
        health.finished({ ok: true, latencyMs, countsAsFailure: false });
        attempts.push({ provider: name, attempt, outcome: 'ok', latencyMs });
        return { value, provider, attempts };
      } catch (thrown) {
        const latencyMs = now() - started;
        const error = AppError.isInstance(thrown) ? thrown : null;
        const cancelled = options.signal?.aborted === true || error?.details?.aborted === true;
        const status = typeof error?.details?.status === 'number' ? error.details.status : undefined;
        const providerFault = error?.code === 'provider_error' && !cancelled;
        health.finished({ ok: false, latencyMs, countsAsFailure: providerFault && !(status !== undefined && REQUEST_FAULTS.has(status)) });
        attempts.push({
          provider: name,
          attempt,
          outcome: 'error',
          latencyMs,
          errorCode: error?.code ?? 'internal',
          ...(status !== undefined ? { status } : {}),
          retryable: error?.retryable ?? false,
        });
        throwIfCancelled(options.signal, attempts);
        // Anything other than a provider failure (a bug, a cancelled request) is not the provider's fault: stop.
        if (!providerFault || !error) throw thrown;
        lastError = error;
        if (!error.retryable || attempt > retries) break;
        const requested = typeof error.details?.retryAfterMs === 'number' ? error.details.retryAfterMs : null;
        const wait = requested ?? backoffMs * 2 ** (attempt - 1);
        if (wait > maxRetryDelayMs) break;
        await sleep(wait, options.signal).catch(() => throwIfCancelled(options.signal, attempts));
      }
    }
  }

  const tried = attempts.filter((a) => a.outcome !== 'skipped').length;
  if (lastError === null) {
    throw new AppError('provider_error', `every provider in the chain has an open circuit (${chain.length} skipped)`, {
      retryable: true,
      details: { attempts },
    });
  }
  throw new AppError('provider_error', `no provider in the chain could serve the request (${tried} attempts, last: ${lastError.message})`, {
    retryable: lastError.retryable,
    details: { attempts, ...(typeof lastError.details?.status === 'number' ? { status: lastError.details.status } : {}) },
  });
}

function throwIfCancelled(signal: AbortSignal | undefined, attempts: FallbackAttempt[]): void {
  if (signal?.aborted) throw new AppError('provider_error', 'the request was cancelled', { details: { aborted: true, attempts } });
}
