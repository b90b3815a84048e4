import { BullmqWorker } from '../jobs/bullmq-worker.ts';
import { DbWorker } from '../jobs/db-worker.ts';
import type { JobWorker } from '../jobs/job-worker.ts';
import { jobHandlers } from './job-handlers.ts';
import type { Services } from './services.ts';

/**
 * The worker for this process's queue: BullMQ on Redis when
 * `CONFER_REDIS_URL` is set, otherwise the database queue.
 */
export function createJobWorker(services: Services, opts: { leaseMs?: number; pollMs?: number } = {}): JobWorker {
  const handlers = jobHandlers(services);
  if (services.config.redisUrl) {
    return new BullmqWorker({ url: services.config.redisUrl, handlers, logger: services.logger, leaseMs: opts.leaseMs });
  }
  return new DbWorker({ store: services.store, handlers, clock: services.clock, logger: services.logger, leaseMs: opts.leaseMs, pollMs: opts.pollMs });
}
