import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import { changeDeploymentMode, getAccount, type AccountView } from '../../usecases/models-admin.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

function show(rt: CliRuntime, account: AccountView, json?: boolean): void {
  if (json) rt.io.out(JSON.stringify(account, null, 2));
  else rt.io.out(`account ${account.name} (${account.id}): region ${account.homeRegion}, mode ${account.deploymentMode} (allows ${account.allowedHosting.join(', ')})`);
}

/** `confer account`: the CLI account's region and deployment mode, and changing the mode (owners only, audited). */
export function registerAccount(program: Command, rt: CliRuntime): void {
  const account = program.command('account').description("the account's home region and deployment mode");
  account
    .command('show')
    .description('print the home region and deployment mode')
    .option('--json', 'print the account as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withServices(rt, async (services) => show(rt, await getAccount(await localContext(services)), opts.json));
    });
  account
    .command('set-mode')
    .description('change the deployment mode (owners only; audited with the old and new mode)')
    .argument('<mode>', 'self-hosted-only, self-hosted-plus or federated')
    .option('--json', 'print the account as JSON')
    .action(async (mode: string, opts: { json?: boolean }) => {
      await withServices(rt, async (services) => show(rt, await changeDeploymentMode(await localContext(services), mode), opts.json));
    });
}
