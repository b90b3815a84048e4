import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createJobWorker } from '../app/job-worker.ts';
import type { Services } from '../app/services.ts';
import { scheduleSweep } from '../governance/lifecycle/retention-sweep.ts';
import { createApp } from './app.ts';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server and, unless turned off, the in-process job worker
 * (the embedded default: one process does everything).
 */
export async function startServer(services: Services, opts: { host: string; port: number; worker: boolean }): Promise<RunningServer> {
  const app = createApp(services);
  const worker = opts.worker ? createJobWorker(services, { pollMs: 2000 }) : null;
  const poke = () => worker?.poke();
  services.events.on('jobs', poke);
  worker?.start();
  if (worker) await scheduleSweep(services.queue, services.clock);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, () => resolve(s));
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    async close() {
      services.events.off('jobs', poke);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.stop();
    },
  };
}
