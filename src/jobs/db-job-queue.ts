import { systemClock, type Clock } from '../core/clock.ts';
import { newId } from '../core/ids.ts';
import type { EnqueuedJob, EnqueueOptions, JobQueue } from '../core/job-queue.ts';
import type { Store } from '../core/store.ts';

export const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Jobs stored in the application database. Enqueuing inside a store
 * transaction makes the job appear exactly when the data it refers to does.
 */
export class DbJobQueue implements JobQueue {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock = systemClock,
  ) {}

  async enqueue(name: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<EnqueuedJob> {
    const now = this.clock.now();
    const { job, created } = await this.store.jobs.enqueue({
      id: newId('job'),
      name,
      accountId: options.accountId ?? null,
      payload,
      idempotencyKey: options.idempotencyKey ?? null,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      runAt: (options.runAt ?? now).toISOString(),
      now: now.toISOString(),
    });
    return { id: job.id, created };
  }

  withStore(store: Store): JobQueue {
    return new DbJobQueue(store, this.clock);
  }
}
