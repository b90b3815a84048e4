import { DelayedError, Job, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { newId } from '../core/ids.ts';
import type { JobHandler } from '../core/job-queue.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import { DEFAULT_PREFIX, openRedis, QUEUE_NAME, type BullmqConnectionOptions, type BullmqJobData } from './bullmq-layout.ts';
import type { DrainedJob, JobWorker } from './job-worker.ts';

export interface BullmqWorkerOptions extends BullmqConnectionOptions {
  handlers: Record<string, JobHandler>;
  logger?: Logger;
  workerId?: string;
  /** How long a job stays ours without renewal (BullMQ `lockDuration`); renewed well before it runs out while the handler runs. Default 30 s. */
  leaseMs?: number;
  /**
   * How often a started worker looks for jobs whose worker died (BullMQ
   * `stalledInterval`). A check marks the running jobs; the next one puts
   * back those whose lease has expired since. So such a job runs again
   * within about `leaseMs` + 2 × this. Default 30 s.
   */
  stalledCheckMs?: number;
  /** Times a job may lose its worker before it fails for good (BullMQ `maxStalledCount`). Default 5; each loss also uses up an attempt. */
  maxStalledCount?: number;
  /** Delay before retrying after failed attempt number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
}

const defaultBackoff = (attempt: number) => Math.min(60_000, 1000 * 2 ** (attempt - 1));

/** Every start of a job counts, whether it ended in an error, a success or the death of its worker; 1-based. */
const attemptOf = (job: Job) => job.attemptsMade + job.stalledCounter + 1;

const toError = (thrown: unknown): Error => (thrown instanceof Error ? thrown : new Error(String(thrown)));

/**
 * Runs jobs from the BullMQ queue with the process's handlers, one at a time.
 *
 * Leases are BullMQ locks: a job's lock is renewed while its handler runs,
 * and the handler's signal aborts when a renewal fails (the lease is lost)
 * or when the worker stops. If the process dies, the lock expires and the
 * stalled-job check of any started worker puts the job back in the queue.
 *
 * `start()` runs BullMQ's own worker loop, which takes every job in the
 * queue: a type without a handler fails at once, so every worker process
 * should know every job type (deploy new job types to workers first).
 * `runOnce()` and `drain()` fetch jobs by hand, with a connection of their
 * own that they close before returning, so a command can drain and exit
 * without stopping the worker. All job types share one BullMQ queue, so
 * they take jobs in queue order and put back at once, unchanged, those of
 * types they were not asked to run. They do not look for stalled jobs:
 * that is the started workers' job.
 *
 * @example
 * const worker = new BullmqWorker({ url: process.env.CONFER_REDIS_URL!, handlers: jobHandlers(services) });
 * worker.start();
 * process.once('SIGTERM', () => worker.stop());
 */
export class BullmqWorker implements JobWorker {
  readonly id: string;
  private readonly connection: BullmqConnectionOptions;
  private readonly handlers: Record<string, JobHandler>;
  private readonly logger: Logger;
  private readonly leaseMs: number;
  private readonly stalledCheckMs: number;
  private readonly maxStalledCount: number;
  private readonly backoffMs: (attempt: number) => number;
  private loop: { worker: Worker<BullmqJobData>; redis: Redis } | null = null;
  /** The lease of each job this process is running, by job id. */
  private readonly leases = new Map<string, AbortController>();
  private readonly handRuns = new Set<Promise<number>>();
  private stopping: Error | null = null;
  private tokens = 0;

  constructor(options: BullmqWorkerOptions) {
    this.connection = { url: options.url, prefix: options.prefix ?? DEFAULT_PREFIX };
    this.handlers = options.handlers;
    this.logger = options.logger ?? silentLogger;
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${newId('wrk').slice(-6)}`;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.stalledCheckMs = options.stalledCheckMs ?? 30_000;
    this.maxStalledCount = options.maxStalledCount ?? 5;
    this.backoffMs = options.backoffMs ?? defaultBackoff;
  }

  start(): void {
    if (this.loop) return;
    const redis = openRedis(this.connection.url, 'worker');
    const worker = new Worker<BullmqJobData>(QUEUE_NAME, (job, token) => this.process(job, token!), this.workerOptions(redis));
    worker.on('error', (error) => this.logger.error('job worker error', { error: error.message }));
    worker.on('lockRenewalFailed', (jobIds) => {
      for (const jobId of jobIds) this.leases.get(jobId)?.abort(new Error('lease lost'));
    });
    this.loop = { worker, redis };
  }

  /**
   * Stops taking jobs, aborts the signal of the jobs in progress and waits
   * for their handlers. A job whose handler gives up because of that goes
   * back to the queue without using up an attempt; one whose handler
   * finishes anyway is done.
   */
  async stop(): Promise<void> {
    const loop = this.loop;
    this.loop = null;
    this.stopping = new Error('worker stopping');
    const closing = loop?.worker.close();
    for (const lease of this.leases.values()) lease.abort(this.stopping);
    try {
      await Promise.all([closing, ...this.handRuns]);
      await loop?.redis.quit();
    } finally {
      this.stopping = null;
    }
  }

  /** Nothing to do: an idle started worker blocks on Redis and wakes as soon as a job is added. */
  poke(): void {}

  async runOnce(names?: string[]): Promise<boolean> {
    return (await this.byHand(names, 1)) === 1;
  }

  async drain(names?: string[], onJob?: (job: DrainedJob, ok: boolean) => void): Promise<number> {
    return this.byHand(names, Infinity, onJob);
  }

  private workerOptions(redis: Redis): WorkerOptions {
    return {
      connection: redis,
      prefix: this.connection.prefix,
      name: this.id,
      concurrency: 1,
      lockDuration: this.leaseMs,
      stalledInterval: this.stalledCheckMs,
      maxStalledCount: this.maxStalledCount,
      settings: {
        backoffStrategy: (attemptsMade, _type, _error, job) => this.backoffMs(job instanceof Job ? attemptOf(job) : attemptsMade),
      },
    };
  }

  /** The processor of the started worker: BullMQ completes the job, or fails it from the error thrown. */
  private async process(job: Job<BullmqJobData>, token: string): Promise<void> {
    const error = await this.execute(job, token);
    if (error) throw error;
  }

  /** Fetches and runs up to `limit` jobs of the wanted types with a worker of its own. */
  private async byHand(names: string[] | undefined, limit: number, onJob?: (job: DrainedJob, ok: boolean) => void): Promise<number> {
    const wanted = names ?? Object.keys(this.handlers);
    const redis = openRedis(this.connection.url, 'worker');
    const worker = new Worker<BullmqJobData>(QUEUE_NAME, null, this.workerOptions(redis));
    worker.on('error', (error) => this.logger.error('job worker error', { error: error.message }));
    const run = (async () => {
      const passedOver = new Set<string>();
      let count = 0;
      while (count < limit && !this.stopping) {
        const token = `${this.id}:${this.tokens++}`;
        const job = await this.fetch(worker, token, wanted, passedOver);
        if (!job) break;
        const ok = await this.runFetched(job, token);
        onJob?.({ id: job.id!, name: job.name }, ok);
        count++;
      }
      return count;
    })();
    this.handRuns.add(run);
    try {
      return await run;
    } finally {
      this.handRuns.delete(run);
      await worker.close();
      await redis.quit();
    }
  }

  /**
   * The next runnable job of a wanted type (an empty list wants every type,
   * as in the database queue). Others are put back; meeting one of those a
   * second time means the queue has gone round.
   */
  private async fetch(worker: Worker<BullmqJobData>, token: string, wanted: string[], passedOver: Set<string>): Promise<Job<BullmqJobData> | undefined> {
    for (;;) {
      const job = await worker.getNextJob(token, { block: false });
      if (!job || wanted.length === 0 || wanted.includes(job.name)) return job;
      await job.moveToDelayed(Date.now(), token);
      if (passedOver.has(job.id!)) return undefined;
      passedOver.add(job.id!);
    }
  }

  /** Runs a job fetched by hand: renews its lock meanwhile, then completes or fails it. */
  private async runFetched(job: Job<BullmqJobData>, token: string): Promise<boolean> {
    const renew = setInterval(() => {
      job
        .extendLock(token, this.leaseMs)
        .then((kept) => {
          if (!kept) this.leases.get(job.id!)?.abort(new Error('lease lost'));
        })
        .catch(() => {});
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    try {
      const error = await this.execute(job, token);
      if (!error) await job.moveToCompleted(undefined, token, false);
      else if (!(error instanceof DelayedError)) await job.moveToFailed(error, token, false);
      return !error;
    } catch (error) {
      // Finishing needs the lock; without it the job is another worker's now.
      this.logger.warn('job outcome not recorded', { job: job.id, name: job.name, error: toError(error).message });
      return false;
    } finally {
      clearInterval(renew);
    }
  }

  /**
   * Runs the handler of a job under a lease that aborts when the lock is
   * lost or the worker stops. Returns null on success, or the error to fail
   * the job with: an `UnrecoverableError` when it must not be retried, a
   * `DelayedError` when the job was put back for another run.
   */
  private async execute(job: Job<BullmqJobData>, token: string): Promise<Error | null> {
    const attempt = attemptOf(job);
    const maxAttempts = job.opts.attempts ?? 1;
    const log = this.logger.child({ job: job.id, name: job.name, attempt });
    const handler = this.handlers[job.name];
    if (job.deferredFailure) return new UnrecoverableError(job.deferredFailure);
    if (!handler) return new UnrecoverableError(`no handler for job type ${job.name}`);
    if (attempt > maxAttempts) return new UnrecoverableError('lease expired on the last attempt');
    const lease = new AbortController();
    this.leases.set(job.id!, lease);
    try {
      await handler({ id: job.id!, name: job.name, accountId: job.data.accountId, payload: job.data.payload, attempt, signal: lease.signal });
      log.debug('job done');
      return null;
    } catch (thrown) {
      const error = toError(thrown);
      if (this.stopping && lease.signal.reason === this.stopping) {
        const putBack = await job.moveToDelayed(Date.now(), token).then(
          () => true,
          () => false,
        );
        if (putBack) {
          log.info('job interrupted by stop, queued again');
          return new DelayedError();
        }
      }
      const willRetry = (error as { retryable?: boolean }).retryable !== false && attempt < maxAttempts;
      log.warn('job failed', { error: error.message, willRetry });
      return willRetry ? error : new UnrecoverableError(error.message);
    } finally {
      this.leases.delete(job.id!);
    }
  }
}
