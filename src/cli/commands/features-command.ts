import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import { listFeatures } from '../../usecases/models-admin.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

/** `confer features`: every feature of the catalogue, available or the exact reason it is not. */
export function registerFeatures(program: Command, rt: CliRuntime): void {
  program
    .command('features')
    .description('list every feature with whether the account can use it, or exactly why not (mode, region, providers)')
    .option('--account <id>', 'the account to compute availability for; default the CLI account (CONFER_ACCOUNT or the first)')
    .option('--json', 'print {account, features: [{featureId, available, servedBy, reason, implemented}]}')
    .action(async (opts: { account?: string; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const scoped = opts.account ? { ...services, config: { ...services.config, account: opts.account, user: undefined } } : services;
        const listing = await listFeatures(await localContext(scoped));
        if (opts.json) {
          rt.io.out(JSON.stringify(listing, null, 2));
          return;
        }
        const { account, features } = listing;
        rt.io.out(`account ${account.id}: mode ${account.deploymentMode}, region ${account.homeRegion}`);
        const width = Math.max(...features.map((f) => f.featureId.length));
        for (const f of features) {
          rt.io.out(`${f.featureId.padEnd(width)}  ${f.available ? 'yes' : 'no '}  ${f.reason}${f.implemented ? '' : ' (not in this version of Confer yet)'}`);
        }
        const available = features.filter((f) => f.available);
        const runnable = available.filter((f) => f.implemented).length;
        rt.io.out(`${available.length} of ${features.length} features available; ${runnable} of them run in this version`);
      });
    });
}
