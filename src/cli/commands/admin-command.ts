import type { Command } from 'commander';
import { loadConfig } from '../../app/config.ts';
import { AppError } from '../../core/errors.ts';
import type { DeploymentMode } from '../../core/types.ts';
import { runMigrations } from '../../store/connect.ts';
import { bootstrapAccount } from '../../usecases/bootstrap-account.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

export function registerAdmin(program: Command, rt: CliRuntime): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (also done at every start)')
    .action(async () => {
      const config = loadConfig(rt.env);
      const { dialect, target, applied } = await runMigrations({ url: config.databaseUrl });
      rt.io.out(applied.length ? `applied ${applied.join(', ')} to ${dialect} ${target}` : `${dialect} ${target} is up to date`);
    });

  const admin = program.command('admin').description('administration');
  admin
    .command('bootstrap')
    .description('create the first account, its owner and an API token (printed once)')
    .requiredOption('--owner-email <email>', 'email of the owner')
    .option('--owner-name <name>', 'name of the owner', '')
    .option('--account-name <name>', 'organisation name', 'My organisation')
    .option('--region <code>', 'home region: EU, US, SG, KSA, AU, IN, CA…', 'EU')
    .option('--mode <mode>', 'self-hosted-only, self-hosted-plus or federated (default suggested by region)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { ownerEmail: string; ownerName: string; accountName: string; region: string; mode?: string; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const existing = await services.store.accounts.list();
        if (existing.some((a) => a.name === opts.accountName)) {
          throw new AppError('conflict', `an account named "${opts.accountName}" already exists; choose another --account-name`);
        }
        const { account, owner, token } = await bootstrapAccount(services.store, services.clock, {
          accountName: opts.accountName,
          region: opts.region,
          mode: opts.mode as DeploymentMode | undefined,
          ownerEmail: opts.ownerEmail,
          ownerName: opts.ownerName,
          via: 'cli',
        });
        if (opts.json) return rt.io.out(JSON.stringify({ account, owner, token }, null, 2));
        rt.io.out(`account ${account.name} (${account.id}), region ${account.homeRegion}, mode ${account.deploymentMode}`);
        rt.io.out(`owner ${owner.email} (${owner.id})`);
        rt.io.out(`API token (shown once, store it now): ${token}`);
      });
    });
}
