import { Queue } from 'bullmq';
import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { newId } from '../core/ids.ts';
import type { EnqueuedJob, EnqueueOptions, JobQueue } from '../core/job-queue.ts';
import { silentLogger, type Logger } from '../core/logger.ts';
import type { Store } from '../core/store.ts';
import { BACKOFF_TYPE, DEFAULT_PREFIX, openRedis, QUEUE_NAME, type BullmqConnectionOptions, type BullmqJobData } from './bullmq-layout.ts';
import { DEFAULT_MAX_ATTEMPTS } from './db-job-queue.ts';

export interface BullmqJobQueueOptions extends BullmqConnectionOptions {
  /**
   * How long a finished job is kept, and so how long its idempotency key
   * keeps returning it. Default 7 days. BullMQ evicts lazily, when a later
   * job finishes, so jobs may stay longer, never shorter.
   */
  keepCompletedMs?: number;
  /** The same for jobs that failed for good. Default 30 days, to leave time to look into them. */
  keepFailedMs?: number;
  logger?: Logger;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Job ids derived from idempotency keys: a second enqueue with the same key
 * names the same BullMQ job, which BullMQ then does not add again. Hashing
 * makes any key a valid id (BullMQ refuses ids with `:` or that are integers)
 * and keeps ids short.
 */
const jobIdForKey = (key: string): string => `job_k${createHash('sha256').update(key).digest('base64url')}`;

/**
 * Jobs in Redis through BullMQ, for the scale-out deployment: any number of
 * `serve` and `worker` processes share one queue. Holds one connection;
 * `close()` releases it.
 *
 * Redis is not part of the database transaction. A job enqueued inside a
 * store transaction is visible to workers at once, before the commit, and
 * stays queued if the transaction rolls back: a handler may start before
 * the data it refers to is committed, or find that data missing for good.
 * Handlers therefore load what they need and treat "not found" as nothing
 * to do (the meeting handlers do), and jobs are enqueued as late as
 * possible in a transaction.
 *
 * @example
 * const queue = new BullmqJobQueue({ url: 'redis://127.0.0.1:6379' });
 * await queue.enqueue('meeting.index', { artifactId }, { accountId, idempotencyKey: `index:${artifactId}` });
 * await queue.close();
 */
export class BullmqJobQueue implements JobQueue {
  private readonly redis: Redis;
  private readonly queue: Queue<BullmqJobData>;
  private readonly keepCompletedSeconds: number;
  private readonly keepFailedSeconds: number;

  constructor(options: BullmqJobQueueOptions) {
    const logger = options.logger ?? silentLogger;
    this.redis = openRedis(options.url, 'producer');
    this.queue = new Queue<BullmqJobData>(QUEUE_NAME, { connection: this.redis, prefix: options.prefix ?? DEFAULT_PREFIX });
    this.queue.on('error', (error) => logger.error('job queue connection error', { error: error.message }));
    this.keepCompletedSeconds = Math.ceil((options.keepCompletedMs ?? 7 * DAY_MS) / 1000);
    this.keepFailedSeconds = Math.ceil((options.keepFailedMs ?? 30 * DAY_MS) / 1000);
  }

  async enqueue(name: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<EnqueuedJob> {
    const key = options.idempotencyKey ?? null;
    const data: BullmqJobData = { accountId: options.accountId ?? null, payload, enqueueId: randomUUID() };
    const job = await this.queue.add(name, data, {
      jobId: key === null ? newId('job') : jobIdForKey(key),
      delay: options.runAt ? Math.max(0, options.runAt.getTime() - Date.now()) : undefined,
      attempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoff: { type: BACKOFF_TYPE },
      removeOnComplete: { age: this.keepCompletedSeconds },
      removeOnFail: { age: this.keepFailedSeconds },
    });
    const id = job.id!;
    if (key === null) return { id, created: true };
    // BullMQ answers a duplicate id with the same id and no sign of it; the stored data says whose job it is.
    const stored = await this.queue.getJob(id);
    return { id, created: stored?.data.enqueueId === data.enqueueId };
  }

  /** Redis cannot join the store's transaction; see the class comment for what that means for handlers. */
  withStore(_store: Store): JobQueue {
    return this;
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.redis.quit();
  }
}
