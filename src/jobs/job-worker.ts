import type { JobRun } from '../core/job-queue.ts';

/** What `drain` reports for each job it ran. */
export type DrainedJob = Pick<JobRun, 'id' | 'name'>;

/**
 * Runs the jobs of a `JobQueue` with the process's handlers. Both workers
 * (database and BullMQ) give the same guarantees:
 * - one job at a time per worker; a job is held under a lease (a lock) that
 *   is renewed while its handler runs, and a job whose worker died is run
 *   again by another worker once the lease has expired;
 * - a handler error is retried with backoff until the job's `maxAttempts`,
 *   unless it says `retryable: false`; a job the worker takes but has no
 *   handler for fails at once;
 * - every start counts as an attempt, including one cut short by the death
 *   of the worker.
 *
 * @example
 * const worker: JobWorker = redisUrl ? new BullmqWorker({ url: redisUrl, handlers }) : new DbWorker({ store, handlers });
 * worker.start();
 * // … on SIGTERM:
 * await worker.stop();
 */
export interface JobWorker {
  readonly id: string;
  /** Runs jobs in the background until `stop()`. */
  start(): void;
  /**
   * Stops taking jobs, aborts the signal of the job in progress (a handler
   * may ignore it and finish) and resolves once its handler has returned.
   */
  stop(): Promise<void>;
  /** Hints that jobs were just enqueued, so an idle worker looks now. */
  poke(): void;
  /** Runs one runnable job of the given types (default: every type with a handler); false when there was none. */
  runOnce(names?: string[]): Promise<boolean>;
  /**
   * Runs runnable jobs of the given types until none is left (a retry is
   * runnable once its backoff has passed) and returns how many runs there
   * were. For commands that enqueue work and want it done before they exit.
   */
  drain(names?: string[], onJob?: (job: DrainedJob, ok: boolean) => void): Promise<number>;
}
