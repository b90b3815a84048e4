import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import type { LegalHold } from '../../core/lifecycle.ts';
import { createHold, listHolds, releaseHold } from '../../governance/lifecycle/legal-holds.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

function scopeOf(h: LegalHold): string {
  if (h.userId) return `user ${h.userId}`;
  if (h.artifactId) return `artifact ${h.artifactId}`;
  return `${h.from ?? '…'} to ${h.to ?? '…'}`;
}

export function registerHolds(program: Command, rt: CliRuntime): void {
  const holds = program.command('holds').description('legal holds: content kept whatever deletes it, until released');
  holds
    .command('create')
    .description('place a hold on a user, an artifact or a date range')
    .requiredOption('--name <name>', 'unique name of the hold')
    .requiredOption('--reason <text>', 'why the content is held')
    .option('--user <id>', 'hold everything this user owns or took part in')
    .option('--artifact <id>', 'hold one artifact')
    .option('--from <date>', 'hold content from this ISO-8601 date')
    .option('--to <date>', 'hold content up to this ISO-8601 date')
    .option('--json', 'print the hold as JSON')
    .action(async (opts: { name: string; reason: string; user?: string; artifact?: string; from?: string; to?: string; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        const hold = await createHold(ctx, { name: opts.name, reason: opts.reason, userId: opts.user, artifactId: opts.artifact, from: opts.from, to: opts.to });
        if (opts.json) return rt.io.out(JSON.stringify(hold, null, 2));
        rt.io.out(`hold "${hold.name}" (${hold.id}) placed on ${scopeOf(hold)}`);
      });
    });
  holds
    .command('list')
    .description('list legal holds')
    .option('--active', 'only holds not released')
    .option('--json', 'print the holds as JSON')
    .action(async (opts: { active?: boolean; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const list = await listHolds(await localContext(services), opts.active ? { active: true } : {});
        if (opts.json) return rt.io.out(JSON.stringify(list, null, 2));
        if (list.length === 0) return rt.io.out('no legal holds');
        for (const h of list) {
          rt.io.out(`${h.name}\t${h.releasedAt ? `released ${h.releasedAt}` : 'active'}\t${scopeOf(h)}\t${h.reason}`);
        }
      });
    });
  holds
    .command('release')
    .description('release a hold; deletions it held back go ahead')
    .argument('<hold>', 'hold name or id')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      await withServices(rt, async (services) => {
        const result = await releaseHold(await localContext(services), name);
        if (opts.json) return rt.io.out(JSON.stringify(result, null, 2));
        rt.io.out(`hold "${result.hold.name}" released; ${result.purged} pending deletion(s) carried out`);
      });
    });
}
