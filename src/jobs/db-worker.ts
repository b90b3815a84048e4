import { hostname } from 'node:os';
import { systemClock, type Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { JobHandler } from '../core/job-queue.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import type { Store } from '../core/store.ts';
import type { Job } from '../core/types.ts';
import type { DrainedJob, JobWorker } from './job-worker.ts';

export interface DbWorkerOptions {
  store: Store;
  handlers: Record<string, JobHandler>;
  clock?: Clock;
  logger?: Logger;
  workerId?: string;
  /** How long a claimed job stays ours without a heartbeat. */
  leaseMs?: number;
  /** Idle wait between polls when the queue is empty. */
  pollMs?: number;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => Math.min(60_000, 1000 * 2 ** (attempt - 1));

/**
 * Runs jobs from the database queue, one at a time. The lease is renewed
 * while a handler runs; if this process dies, the lease expires and another
 * worker picks the job up again.
 */
export class DbWorker implements JobWorker {
  readonly id: string;
  private readonly store: Store;
  private readonly handlers: Record<string, JobHandler>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly backoffMs: (attempt: number) => number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly leases = new Set<AbortController>();

  constructor(options: DbWorkerOptions) {
    this.store = options.store;
    this.handlers = options.handlers;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${newId('wrk').slice(-6)}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 1000;
    this.backoffMs = options.backoffMs ?? defaultBackoff;
  }

  /** Polls and runs jobs until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const ran = await this.runOnce().catch((error) => {
          this.logger.error('worker poll failed', { error: (error as Error).message });
          return false;
        });
        if (!ran && this.running) await this.idle();
      }
    })();
  }

  /** Stops polling, aborts the signal of the job in progress and waits for its handler to return. */
  async stop(): Promise<void> {
    this.running = false;
    for (const lease of this.leases) lease.abort(new Error('worker stopping'));
    this.wake?.();
    await this.loop;
  }

  /** Wakes an idle worker, e.g. right after enqueuing. */
  poke(): void {
    this.wake?.();
  }

  /** Claims and runs one job; false when none was runnable. */
  async runOnce(names?: string[]): Promise<boolean> {
    const job = await this.claimNext(names);
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  /** Runs runnable jobs until none is left (used by CLI commands that wait for their own jobs). */
  async drain(names?: string[], onJob?: (job: DrainedJob, ok: boolean) => void): Promise<number> {
    let count = 0;
    for (let job = await this.claimNext(names); job; job = await this.claimNext(names)) {
      const ok = await this.execute(job);
      onJob?.(job, ok);
      count++;
    }
    return count;
  }

  private claimNext(names?: string[]): Promise<Job | null> {
    const now = this.clock.now();
    return this.store.jobs.claim({
      workerId: this.id,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
      names: names ?? Object.keys(this.handlers),
    });
  }

  private async execute(job: Job): Promise<boolean> {
    const handler = this.handlers[job.name];
    const log = this.logger.child({ job: job.id, name: job.name, attempt: job.attempts });
    if (!handler) {
      await this.store.jobs.fail(job.id, this.id, `no handler for job type ${job.name}`, null, this.clock.now().toISOString());
      return false;
    }
    const lease = new AbortController();
    this.leases.add(lease);
    const heartbeat = setInterval(() => {
      const until = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
      this.store.jobs
        .heartbeat(job.id, this.id, until)
        .then((kept) => {
          if (!kept) lease.abort(new Error('lease lost'));
        })
        .catch(() => {});
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    try {
      await handler({ id: job.id, name: job.name, accountId: job.accountId, payload: job.payload, attempt: job.attempts, signal: lease.signal });
      await this.store.jobs.complete(job.id, this.id, this.clock.now().toISOString());
      log.debug('job done');
      return true;
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      const retryable = (error as { retryable?: boolean }).retryable !== false;
      const retryAt = retryable ? new Date(this.clock.now().getTime() + this.backoffMs(job.attempts)).toISOString() : null;
      await this.store.jobs.fail(job.id, this.id, message, retryAt, this.clock.now().toISOString());
      log.warn('job failed', { error: message, willRetry: retryAt !== null && job.attempts < job.maxAttempts });
      return false;
    } finally {
      clearInterval(heartbeat);
      this.leases.delete(lease);
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
