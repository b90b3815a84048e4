import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import { AppError } from '../../core/errors.ts';
import { AUDIT_PAGE_MAX, exportAudit, listAudit, verifyAudit } from '../../usecases/audit-log.ts';
import { writeOutputFile } from '../files.ts';
import { instantOption, wholeNumberOption } from '../options.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

export function registerAudit(program: Command, rt: CliRuntime): void {
  const auditCmd = program.command('audit').description('the append-only, hash-chained audit log');
  auditCmd
    .command('verify')
    .description('recompute the hash chain; exits 5 naming the first tampered, missing or reordered record')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withServices(rt, async (services) => {
        const result = await verifyAudit(await localContext(services));
        if (opts.json) rt.io.out(JSON.stringify(result, null, 2));
        else if (result.ok) rt.io.out(`audit log intact: ${result.checked} records, head ${result.head?.hash.slice(0, 16) ?? '(empty)'}`);
        if (!result.ok) {
          throw new AppError('conflict', `audit log verification failed at record ${result.problem!.seq}: ${result.problem!.message}`, {
            details: { ...result.problem },
          });
        }
      });
    });
  auditCmd
    .command('list')
    .description('audit events, oldest first')
    .option('--actor <user>', 'user id or email')
    .option('--action <action>', 'e.g. settings.set, user.deactivate, feature.run')
    .option('--target <target>', 'TYPE:ID or ID')
    .option('--since <time>', 'ISO date or time')
    .option('--until <time>', 'ISO date or time')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print as JSON')
    .action(async (opts: { actor?: string; action?: string; target?: string; since?: string; until?: string; limit: string; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const limit = wholeNumberOption('--limit', opts.limit, { min: 1, max: AUDIT_PAGE_MAX, fallback: 100 });
        const [from, to] = [instantOption('--since', opts.since), instantOption('--until', opts.until)];
        const events = await listAudit(await localContext(services), { actor: opts.actor, action: opts.action, target: opts.target, from, to, limit });
        if (opts.json) return rt.io.out(JSON.stringify(events, null, 2));
        for (const e of events) {
          rt.io.out(`${e.seq}\t${e.at}\t${e.actorType}:${e.actorId ?? '-'}\t${e.action}\t${e.targetType ?? '-'}:${e.targetId ?? '-'}\t${e.outcome}`);
        }
      });
    });
  auditCmd
    .command('export')
    .description('write events as JSON lines (to stdout, or --out FILE)')
    .option('--since <time>', 'ISO date or time; events at or after it')
    .option('--until <time>', 'ISO date or time')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { since?: string; until?: string; out?: string }) => {
      await withServices(rt, async (services) => {
        const range = { since: instantOption('--since', opts.since), until: instantOption('--until', opts.until) };
        const ctx = await localContext(services);
        if (!opts.out) {
          const count = await exportAudit(ctx, range, (line) => rt.io.out(line));
          rt.io.err(`exported ${count} events`);
          return;
        }
        const count = await writeOutputFile(opts.out, (writeLine) => exportAudit(ctx, range, writeLine));
        rt.io.err(`exported ${count} events to ${opts.out}`);
      });
    });
}
