import { EventEmitter } from 'node:events';
import { systemClock, type Clock } from '../core/clock.ts';
import type { JobQueue } from '../core/job-queue.ts';
import { createLogger, type Logger, type LogLevel } from '../core/logger.ts';
import type { Store } from '../core/store.ts';
import { BullmqJobQueue } from '../jobs/bullmq-job-queue.ts';
import { DbJobQueue } from '../jobs/db-job-queue.ts';
import { loadProviderConfig } from '../models/config.ts';
import { ModelService } from '../models/model-service.ts';
import { openStore } from '../store/connect.ts';
import type { AppConfig } from './config.ts';

/** The long-lived handles of one process, shared by every request. */
export interface Services {
  readonly config: AppConfig;
  readonly store: Store;
  readonly queue: JobQueue;
  readonly clock: Clock;
  readonly logger: Logger;
  /** In-process notifications; `jobs` is emitted after enqueuing so an idle worker wakes up. */
  readonly events: EventEmitter;
  close(): Promise<void>;
  /** Model providers (CONFER_CONFIG and the admin API) with their health; absent: built-in engine only. */
  readonly models?: ModelService;
}

export interface ServiceOverrides {
  clock?: Clock;
  logger?: Logger;
  defaultLogLevel?: LogLevel;
  /** Where provider secrets are read from; defaults to `process.env`. */
  env?: Record<string, string | undefined>;
}

/** Opens the store (running migrations) and the job queue named by the configuration. */
export async function createServices(config: AppConfig, overrides: ServiceOverrides = {}): Promise<Services> {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createLogger(config.logLevel ?? overrides.defaultLogLevel ?? 'info');
  const { providers } = await loadProviderConfig(config.configFile);
  const store = await openStore({ url: config.databaseUrl });
  const queue = config.redisUrl ? new BullmqJobQueue({ url: config.redisUrl, logger }) : new DbJobQueue(store, clock);
  return {
    config,
    store,
    queue,
    clock,
    logger,
    events: new EventEmitter(),
    models: new ModelService(store, providers, { clock, env: overrides.env }),
    async close() {
      if (queue instanceof BullmqJobQueue) await queue.close();
      await store.close();
    },
  };
}
