import type { Command } from 'commander';
import { loadConfig } from '../../app/config.ts';
import { createJobWorker } from '../../app/job-worker.ts';
import { scheduleSweep } from '../../governance/lifecycle/retention-sweep.ts';
import { isLoopback, LOCAL_SIGN_IN_HOURS, localSignInLink } from '../../app/local-sign-in.ts';
import { createServices } from '../../app/services.ts';
import { AppError } from '../../core/errors.ts';
import { startServer } from '../../server/serve.ts';
import type { CliRuntime } from '../runtime.ts';

/** Resolves when the process is asked to stop. */
const untilSignal = () =>
  new Promise<string>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve(signal));
  });

export function registerServe(program: Command, rt: CliRuntime): void {
  program
    .command('serve')
    .description('run the HTTP API (and the job worker, unless CONFER_WORKER=off)')
    .option('--port <port>', 'port to listen on (default CONFER_PORT or 8080)')
    .option('--host <host>', 'address to listen on (default CONFER_HOST or 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }) => {
      const config = loadConfig(rt.env);
      const port = opts.port === undefined ? config.port : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('invalid_input', `--port must be 0–65535; got "${opts.port}"`);
      const services = await createServices(config, { defaultLogLevel: 'info' });
      const host = opts.host ?? config.host;
      const server = await startServer(services, { host, port, worker: config.worker }).catch(async (error: unknown) => {
        await services.close();
        throw error;
      });
      rt.io.out(`Confer listening on ${server.url} (${services.store.dialect}${config.worker ? ', worker in process' : ''})`);
      const signIn = isLoopback(host) ? await localSignInLink(services, server.url) : null;
      if (signIn) rt.io.out(`Open ${signIn.url} to sign in as ${signIn.userName} (the link works for ${LOCAL_SIGN_IN_HOURS} hours)`);
      const signal = await untilSignal();
      services.logger.info('stopping', { signal });
      await server.close();
      await services.close();
    });

  program
    .command('worker')
    .description('run background jobs only (scale-out: any number of workers)')
    .action(async () => {
      const services = await createServices(loadConfig(rt.env), { defaultLogLevel: 'info' });
      const worker = createJobWorker(services);
      worker.start();
      await scheduleSweep(services.queue, services.clock);
      rt.io.out(`Confer worker ${worker.id} running on ${services.config.redisUrl ? 'redis' : services.store.dialect}`);
      await untilSignal();
      await worker.stop();
      await services.close();
    });
}
