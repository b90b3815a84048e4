import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import { exportBundle, verifyBundle } from '../../governance/lifecycle/ediscovery-export.ts';
import { AppError } from '../../core/errors.ts';
import { progress } from '../output.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

export function registerExport(program: Command, rt: CliRuntime): void {
  const exportCommand = program
    .command('export')
    .description('eDiscovery export: what a legal hold or a search covers, as a bundle with a SHA-256 manifest')
    .option('--hold <name>', 'export what this legal hold covers')
    .option('--user <id|email>', "export this user's content (owner or participant)")
    .option('--from <date>', 'content from this ISO-8601 date')
    .option('--to <date>', 'content up to this ISO-8601 date')
    .option('--out <dir>', 'bundle directory to create (default ./confer-export-<time>)')
    .option('--json', 'print the manifest as JSON')
    .action(async (opts: { hold?: string; user?: string; from?: string; to?: string; out?: string; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        let userId = opts.user;
        if (userId?.includes('@')) {
          const user = await ctx.store.users.getByEmail(ctx.account.id, userId);
          if (!user) throw new AppError('not_found', `user ${opts.user} was not found in this account`);
          userId = user.id;
        }
        const dir = opts.out ?? `confer-export-${services.clock.now().toISOString().replace(/[:.]/g, '-')}`;
        let bar: ReturnType<typeof progress> | null = null;
        const manifest = await exportBundle(ctx, { hold: opts.hold, userId, from: opts.from, to: opts.to }, dir, (done, total) => {
          bar ??= progress(rt.io, total, 'exporting artifacts');
          bar.tick();
        });
        (bar as ReturnType<typeof progress> | null)?.finish();
        if (opts.json) return rt.io.out(JSON.stringify({ bundle: dir, ...manifest }, null, 2));
        const c = manifest.counts;
        rt.io.out(`wrote ${dir}: ${c.artifacts} artifact(s), ${c.segments} segment(s), ${c.outputs} output(s), ${c.files} original file(s), ${c.auditEvents} audit event(s)`);
      });
    });
  exportCommand
    .command('verify')
    .description('check every file of a bundle against its manifest')
    .argument('<bundle>', 'bundle directory')
    .option('--json', 'print the result as JSON')
    .action(async (bundle: string, opts: { json?: boolean }) => {
      const result = verifyBundle(bundle);
      if (opts.json) rt.io.out(JSON.stringify(result, null, 2));
      else if (result.ok) rt.io.out(`${bundle}: ${result.checked} file(s) match the manifest (manifest SHA-256 ${result.manifestSha256})`);
      if (!result.ok) {
        if (!opts.json) for (const p of result.problems) rt.io.err(p);
        throw new AppError('malformed_file', `${bundle} does not match its manifest: ${result.problems.length} problem(s)`);
      }
    });
}
