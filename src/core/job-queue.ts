import type { Store } from './store.ts';

/**
 * Background jobs. Guarantees every implementation gives:
 * - at-least-once delivery: a job runs again if its worker dies (lease expiry);
 * - idempotent enqueue: a second enqueue with the same key returns the first job;
 * - handlers must therefore be idempotent themselves.
 */
export interface EnqueueOptions {
  accountId?: string | null;
  idempotencyKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

export interface EnqueuedJob {
  id: string;
  /** False when a job with the same idempotency key already existed. */
  created: boolean;
}

export interface JobQueue {
  enqueue(name: string, payload: Record<string, unknown>, options?: EnqueueOptions): Promise<EnqueuedJob>;
  /**
   * The same queue enqueuing inside the given store transaction, when the
   * queue lives in that database; queues elsewhere return themselves.
   */
  withStore(store: Store): JobQueue;
}

export interface JobRun {
  id: string;
  name: string;
  accountId: string | null;
  payload: Record<string, unknown>;
  attempt: number;
  /** Aborted when the lease is lost or the worker stops. */
  signal: AbortSignal;
}

export type JobHandler = (job: JobRun) => Promise<void>;
