import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import { AppError, invalidInput } from '../../core/errors.ts';
import type { RetentionKind } from '../../core/lifecycle.ts';
import { authorize } from '../../governance/authorization.ts';
import { deleteArtifact, deleteContentOfUser, restoreArtifact } from '../../governance/lifecycle/deletion.ts';
import { listRetentionPolicies, removeRetentionPolicy, setRetentionPolicy } from '../../governance/lifecycle/retention-policies.ts';
import { runRetentionSweep } from '../../governance/lifecycle/retention-sweep.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

function parseDays(value: string): number | null {
  if (value === 'forever') return null;
  if (!/^\d+$/.test(value)) throw invalidInput(`--days "${value}" is not a number of days or "forever"`, [{ path: 'days', message: 'expected 1–4000 or "forever"' }]);
  return Number(value);
}

function kindOf(opts: { artifact?: string; output?: string }): { kind: RetentionKind; target: string } {
  if (!!opts.artifact === !!opts.output) throw invalidInput('give exactly one of --artifact TYPE or --output FEATURE', [{ path: 'target', message: 'missing or ambiguous' }]);
  return opts.artifact ? { kind: 'artifact', target: opts.artifact } : { kind: 'output', target: opts.output! };
}

export function registerRetention(program: Command, rt: CliRuntime): void {
  const retention = program.command('retention').description('retention policies, deletion and the retention sweep');
  retention
    .command('set')
    .description('set how long an artifact type or output type is kept')
    .option('--artifact <type>', 'artifact type: meeting, call, recording, voicemail, sms_thread…')
    .option('--output <feature>', 'output type: a feature id such as meeting.summary')
    .requiredOption('--days <n>', '1–4000, or "forever"')
    .option('--mode <mode>', 'soft (restorable for 30 days) or permanent', 'soft')
    .option('--json', 'print the policy as JSON')
    .action(async (opts: { artifact?: string; output?: string; days: string; mode: string; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const policy = await setRetentionPolicy(await localContext(services), { ...kindOf(opts), days: parseDays(opts.days), mode: opts.mode as 'soft' });
        if (opts.json) return rt.io.out(JSON.stringify(policy, null, 2));
        rt.io.out(`${policy.kind} ${policy.target}: ${policy.days === null ? 'kept forever' : `${policy.days} days`}, ${policy.mode} delete`);
      });
    });
  retention
    .command('unset')
    .description('remove a policy: keep forever again')
    .option('--artifact <type>')
    .option('--output <feature>')
    .action(async (opts: { artifact?: string; output?: string }) => {
      await withServices(rt, async (services) => {
        const { kind, target } = kindOf(opts);
        await removeRetentionPolicy(await localContext(services), kind, target);
        rt.io.out(`${kind} ${target}: kept forever`);
      });
    });
  retention
    .command('list')
    .description('list retention policies')
    .option('--json')
    .action(async (opts: { json?: boolean }) => {
      await withServices(rt, async (services) => {
        const policies = await listRetentionPolicies(await localContext(services));
        if (opts.json) return rt.io.out(JSON.stringify(policies, null, 2));
        if (policies.length === 0) return rt.io.out('no policies: everything is kept forever');
        for (const p of policies) rt.io.out(`${p.kind}\t${p.target}\t${p.days === null ? 'forever' : `${p.days} days`}\t${p.mode}`);
      });
    });
  retention
    .command('sweep')
    .description('expire and purge what is due now (the server also does this every hour)')
    .option('--batch-size <n>', 'items per batch', '100')
    .option('--json')
    .action(async (opts: { batchSize: string; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        await authorize(ctx, 'lifecycle.manage');
        const counts = await runRetentionSweep(services, { accountId: ctx.account.id, batchSize: Math.max(1, Number(opts.batchSize) || 100) });
        if (opts.json) return rt.io.out(JSON.stringify(counts, null, 2));
        rt.io.out(
          `expired ${counts.expired}; purged ${counts.purged.artifact} artifact(s), ${counts.purged.output} output(s), ${counts.purged.transcript} transcript(s) in ${counts.batches} batch(es); ${counts.held} held`,
        );
      });
    });
  retention
    .command('delete-user-content')
    .description("delete everything a user owns, as when they leave; held content is kept")
    .argument('<user>', 'user id or email')
    .option('--json')
    .action(async (who: string, opts: { json?: boolean }) => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        const user = who.includes('@') ? await ctx.store.users.getByEmail(ctx.account.id, who) : await ctx.store.users.get(ctx.account.id, who);
        if (!user) throw new AppError('not_found', `user ${who} was not found in this account`);
        const result = await deleteContentOfUser(ctx, user.id, 'deactivation');
        if (opts.json) return rt.io.out(JSON.stringify(result, null, 2));
        rt.io.out(`${result.requested} artifact(s) of ${user.email} deleted (held ones are kept until released)`);
      });
    });
  program
    .command('delete')
    .description('delete an artifact you own (admins: any); restorable for 30 days under a soft policy')
    .argument('<id>', 'artifact id')
    .option('--json')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withServices(rt, async (services) => {
        const result = await deleteArtifact(await localContext(services), id);
        if (opts.json) return rt.io.out(JSON.stringify(result, null, 2));
        rt.io.out(result.purged ? `${id} deleted` : `${id} deleted; kept until ${result.purgeAfter} (restorable) or while held`);
      });
    });
  program
    .command('restore')
    .description('restore a soft-deleted artifact within its 30 days')
    .argument('<id>', 'artifact id')
    .action(async (id: string) => {
      await withServices(rt, async (services) => {
        await restoreArtifact(await localContext(services), id);
        rt.io.out(`${id} restored`);
      });
    });
}
