/**
 * How Confer jobs live in BullMQ, shared by the queue and the worker: one
 * BullMQ queue for every job type (the type is the BullMQ job name), the
 * payload wrapped with the account, and the connection settings.
 */
import { Redis } from 'ioredis';

/** The one BullMQ queue; its keys are `<prefix>:confer:*`. */
export const QUEUE_NAME = 'confer';

/** Where the queue lives. */
export interface BullmqConnectionOptions {
  /** `redis://…` or `rediss://…`, as in `CONFER_REDIS_URL`. */
  url: string;
  /** Key prefix; tests use a unique one each. Default `bull`, BullMQ's own, so standard dashboards find the queue. */
  prefix?: string;
}

export const DEFAULT_PREFIX = 'bull';

/**
 * Retries are scheduled by the worker's backoff (see `BullmqWorkerOptions.backoffMs`),
 * so every job names this custom strategy rather than a fixed delay chosen at enqueue time.
 */
export const BACKOFF_TYPE = 'confer';

/** The data of a BullMQ job. */
export interface BullmqJobData {
  accountId: string | null;
  payload: Record<string, unknown>;
  /** Unique per enqueue call: tells whether the stored job is ours or an earlier one with the same idempotency key. */
  enqueueId: string;
}

/**
 * A connection of our own for one BullMQ object; BullMQ leaves connections it
 * was handed open, so whoever opens one quits it after closing the object.
 * Workers wait through a Redis restart (`maxRetriesPerRequest: null`, which
 * BullMQ requires of them); producers give up after ioredis' default retries,
 * so a request that enqueues fails instead of hanging.
 */
export function openRedis(url: string, role: 'producer' | 'worker'): Redis {
  return new Redis(url, role === 'worker' ? { maxRetriesPerRequest: null } : {});
}
