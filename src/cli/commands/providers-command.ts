import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import { listProviders } from '../../usecases/models-admin.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

/** `confer providers`: the providers the account can name, whether its mode and region allow each, and their health. */
export function registerProviders(program: Command, rt: CliRuntime): void {
  program
    .command('providers')
    .description('list the model providers (built-in engine, CONFER_CONFIG, the account\'s own) with usability for the account and health')
    .option('--json', 'print the providers as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withServices(rt, async (services) => {
        const providers = await listProviders(await localContext(services));
        if (opts.json) {
          rt.io.out(JSON.stringify(providers, null, 2));
          return;
        }
        for (const p of providers) {
          const capabilities = p.capabilities.length > 0 ? p.capabilities.join(',') : '-';
          rt.io.out(`${p.name} (${p.kind}, ${p.hosting}, ${p.regions.join(',')}) ${p.usable ? 'usable' : 'not usable'}: ${p.reason}; capabilities ${capabilities}; circuit ${p.health.circuit}`);
        }
      });
    });
}
