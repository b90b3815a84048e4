import { loadConfig } from '../app/config.ts';
import { createJobWorker } from '../app/job-worker.ts';
import { createServices, type Services } from '../app/services.ts';
import type { LogLevel } from '../core/logger.ts';
import type { JobWorker } from '../jobs/job-worker.ts';
import type { Io } from './output.ts';

/** What every command gets: where to print, and how to reach the store. */
export interface CliRuntime {
  io: Io;
  env: Record<string, string | undefined>;
}

/** Opens the services for one command and always closes them. */
export async function withServices<T>(rt: CliRuntime, fn: (services: Services) => Promise<T>, defaultLogLevel: LogLevel = 'warn'): Promise<T> {
  const services = await createServices(loadConfig(rt.env), { defaultLogLevel, env: rt.env });
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

/** A worker for the CLI's own jobs, run to completion before the command exits. */
export function inlineWorker(services: Services): JobWorker {
  return createJobWorker(services, { leaseMs: 120_000 });
}
