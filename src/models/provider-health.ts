/**
 * Observed health of each provider: its circuit breaker, a moving average of
 * its latency and the number of calls in flight. One `HealthBook` belongs to
 * one registry instance; nothing here is module-level, and nothing here is
 * about any request's content.
 */
import type { Clock } from '../core/clock.ts';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitSnapshot } from './circuit-breaker.ts';

export interface HealthSnapshot {
  circuit: CircuitSnapshot;
  /** Exponentially weighted moving average of successful call latency; `null` before the first. */
  latencyMs: number | null;
  /** Calls started and not yet finished. */
  outstanding: number;
}

/** What the router reads. */
export interface HealthView {
  snapshot(provider: string): HealthSnapshot;
}

export interface HealthOptions {
  breaker?: CircuitBreakerOptions;
  /** Weight of the newest latency sample in the moving average (0–1]. Default 0.3. */
  latencyAlpha?: number;
}

export class ProviderHealth {
  readonly breaker: CircuitBreaker;
  private latency: number | null = null;
  private inFlight = 0;

  constructor(
    clock: Clock,
    private readonly options: HealthOptions = {},
  ) {
    this.breaker = new CircuitBreaker(clock, options.breaker);
  }

  started(): void {
    this.inFlight += 1;
  }

  /** Records the end of a call; only successful calls feed the latency average. */
  finished(outcome: { ok: boolean; latencyMs: number; countsAsFailure: boolean }): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (outcome.ok) {
      const alpha = this.options.latencyAlpha ?? 0.3;
      this.latency = this.latency === null ? outcome.latencyMs : alpha * outcome.latencyMs + (1 - alpha) * this.latency;
      this.breaker.recordSuccess();
    } else if (outcome.countsAsFailure) {
      this.breaker.recordFailure();
    }
  }

  snapshot(): HealthSnapshot {
    return { circuit: this.breaker.snapshot(), latencyMs: this.latency, outstanding: this.inFlight };
  }
}

/**
 * Health per provider name, created on first use.
 *
 * @example
 * const book = new HealthBook(systemClock);
 * book.of('ollama').started();
 * book.snapshot('ollama').outstanding; // 1
 */
export class HealthBook implements HealthView {
  private readonly byName = new Map<string, ProviderHealth>();

  constructor(
    private readonly clock: Clock,
    private readonly options: HealthOptions = {},
  ) {}

  of(provider: string): ProviderHealth {
    let health = this.byName.get(provider);
    if (!health) {
      health = new ProviderHealth(this.clock, this.options);
      this.byName.set(provider, health);
    }
    return health;
  }

  snapshot(provider: string): HealthSnapshot {
    return this.of(provider).snapshot();
  }
}
