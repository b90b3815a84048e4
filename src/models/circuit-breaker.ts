/**
 * A circuit breaker per provider. Closed: calls flow. Open: calls are refused
 * until a cool-down passes. Half-open: exactly one trial call is let through;
 * its success closes the circuit, its failure opens it again.
 *
 * The breaker opens after `failureThreshold` consecutive failures, or when
 * the failure rate over the last `rateWindow` calls reaches `failureRate`
 * (once at least `minimumCalls` are in the window), so that a provider
 * failing every other call is also taken out.
 */
import type { Clock } from '../core/clock.ts';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** Failure rate (0–1) over the window that opens the circuit. Default 0.5. */
  failureRate?: number;
  /** Number of most recent calls the rate is computed over. Default 20. */
  rateWindow?: number;
  /** Calls needed in the window before the rate counts. Default 10. */
  minimumCalls?: number;
  /** Time an open circuit refuses calls. Default 30 s. */
  coolDownMs?: number;
}

export interface CircuitSnapshot {
  state: CircuitState;
  /** When an open circuit will let a trial through; `null` unless open. */
  openUntil: Date | null;
  /** Half-open and the single trial call has been handed out. */
  trialInFlight: boolean;
  consecutiveFailures: number;
}

export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly failureRate: number;
  private readonly rateWindow: number;
  private readonly minimumCalls: number;
  private readonly coolDownMs: number;

  private openedAt: number | null = null;
  private trialStartedAt: number | null = null;
  private consecutiveFailures = 0;
  private recent: boolean[] = [];

  constructor(
    private readonly clock: Clock,
    options: CircuitBreakerOptions = {},
  ) {
    this.failureThreshold = options.failureThreshold ?? 5;
    this.failureRate = options.failureRate ?? 0.5;
    this.rateWindow = options.rateWindow ?? 20;
    this.minimumCalls = options.minimumCalls ?? 10;
    this.coolDownMs = options.coolDownMs ?? 30_000;
  }

  /**
   * The current state; an open circuit turns half-open once its cool-down has passed.
   *
   * @example
   * new CircuitBreaker(new ManualClock()).state(); // 'closed'
   */
  state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.now() >= this.openedAt + this.coolDownMs ? 'half-open' : 'open';
  }

  snapshot(): CircuitSnapshot {
    const state = this.state();
    return {
      state,
      openUntil: state === 'open' && this.openedAt !== null ? new Date(this.openedAt + this.coolDownMs) : null,
      trialInFlight: state === 'half-open' && this.trialHeld(),
      consecutiveFailures: this.consecutiveFailures,
    };
  }

  /**
   * Asks to make a call. In half-open state only the first caller gets a
   * trial; a trial whose outcome is never reported (e.g. a cancelled request)
   * is handed out again after another cool-down.
   *
   * @example
   * if (breaker.tryAcquire()) { try { await call(); breaker.recordSuccess(); } catch { breaker.recordFailure(); } }
   */
  tryAcquire(): boolean {
    const state = this.state();
    if (state === 'closed') return true;
    if (state === 'open' || this.trialHeld()) return false;
    this.trialStartedAt = this.now();
    return true;
  }

  recordSuccess(): void {
    const state = this.state();
    if (state === 'open') return; // a late answer to a call made before the circuit opened proves nothing
    if (state === 'half-open') {
      this.close();
      return;
    }
    this.consecutiveFailures = 0;
    this.remember(true);
  }

  recordFailure(): void {
    const state = this.state();
    if (state === 'open') return;
    if (state === 'half-open') {
      this.open();
      return;
    }
    this.consecutiveFailures += 1;
    this.remember(false);
    if (this.consecutiveFailures >= this.failureThreshold || this.rateExceeded()) this.open();
  }

  private trialHeld(): boolean {
    return this.trialStartedAt !== null && this.now() < this.trialStartedAt + this.coolDownMs;
  }

  private rateExceeded(): boolean {
    if (this.recent.length < this.minimumCalls) return false;
    const failures = this.recent.filter((ok) => !ok).length;
    return failures / this.recent.length >= this.failureRate;
  }

  private remember(ok: boolean): void {
    this.recent.push(ok);
    if (this.recent.length > this.rateWindow) this.recent.shift();
  }

  private open(): void {
    this.openedAt = this.now();
    this.trialStartedAt = null;
  }

  private close(): void {
    this.openedAt = null;
    this.trialStartedAt = null;
    this.consecutiveFailures = 0;
    this.recent = [];
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
