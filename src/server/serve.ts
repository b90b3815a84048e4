import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createJobWorker } from '../app/job-worker.ts';
import type { Services } from '../app/services.ts';
import { scheduleSweep } from '../governance/lifecycle/retention-sweep.ts';
import { AppError } from '../core/errors.ts';
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
  const server = await listen(createApp(services), opts.host, opts.port);
  const worker = opts.worker ? createJobWorker(services, { pollMs: 2000 }) : null;
  const poke = () => worker?.poke();
  services.events.on('jobs', poke);
  worker?.start();
  if (worker) await scheduleSweep(services.queue, services.clock);
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

/** Why the operating system refused the address, as something the operator can act on. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): AppError {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new AppError('conflict', `cannot listen on ${where}: the address is already in use; stop the other process or choose another --port`);
    case 'EACCES':
      return new AppError('forbidden', `cannot listen on ${where}: permission denied; choose a port above 1023`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('invalid_input', `cannot listen on ${where}: ${host} is not an address of this machine; check --host`);
    default:
      return new AppError('internal', `cannot listen on ${where}: ${error.message}`, { cause: error });
  }
}

function listen(app: ReturnType<typeof createApp>, host: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, () => {
      server.off('error', fail);
      resolve(server);
    });
    const fail = (error: NodeJS.ErrnoException) => reject(listenError(error, host, port));
    server.once('error', fail);
  });
}
