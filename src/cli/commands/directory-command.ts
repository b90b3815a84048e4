import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import { AppError } from '../../core/errors.ts';
import type { Role } from '../../core/types.ts';
import { createToken, listTokens, revokeToken } from '../../usecases/api-tokens.ts';
import {
  changeMembers,
  createGroup,
  createUser,
  deactivateUser,
  deleteGroup,
  getGroup,
  licencesOf,
  setAccountLicence,
  listGroups,
  listUsers,
  reactivateUser,
  updateGroup,
  updateUser,
} from '../../usecases/directory.ts';
import { countCsvRows, importUsersCsv } from '../../usecases/user-import.ts';
import { progress } from '../output.ts';
import { readInputFile } from '../files.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

const bool = (name: string, v: string | undefined): boolean | undefined => {
  if (v === undefined) return undefined;
  if (['true', 'yes', 'on', '1'].includes(v.toLowerCase())) return true;
  if (['false', 'no', 'off', '0'].includes(v.toLowerCase())) return false;
  throw new AppError('invalid_input', `${name} must be true or false; got "${v}"`);
};

export function registerDirectory(program: Command, rt: CliRuntime): void {
  const run = <T>(fn: (ctx: Awaited<ReturnType<typeof localContext>>) => Promise<T>) => withServices(rt, async (s) => fn(await localContext(s)));
  const users = program.command('users').description('users, roles and licences');
  users
    .command('list')
    .option('--q <text>', 'words in the name or email')
    .option('--json', 'print as JSON')
    .action((opts: { q?: string; json?: boolean }) =>
      run(async (ctx) => {
        const page = await listUsers(ctx, { q: opts.q, limit: 10_000 });
        if (opts.json) return rt.io.out(JSON.stringify(page.items, null, 2));
        for (const u of page.items) {
          rt.io.out(`${u.id}\t${u.email}\t${u.name}\t${u.role}\t${u.status}\tai:${u.aiAccess ? 'yes' : 'no'}\taddon:${u.customAddOn ? 'yes' : 'no'}`);
        }
      }),
    );
  users
    .command('add')
    .argument('<email>')
    .option('--name <name>')
    .option('--role <role>', 'owner, admin or member', 'member')
    .option('--ai-access <bool>', 'base AI licence', 'true')
    .option('--custom-add-on <bool>', 'custom add-on licence', 'false')
    .action((email: string, opts: { name?: string; role: string; aiAccess: string; customAddOn: string }) =>
      run(async (ctx) => {
        const u = await createUser(ctx, { email, name: opts.name, role: opts.role as Role, aiAccess: bool('--ai-access', opts.aiAccess), customAddOn: bool('--custom-add-on', opts.customAddOn) });
        rt.io.out(`created ${u.email} (${u.id})`);
      }),
    );
  users
    .command('set')
    .description("change a user's role or licences")
    .argument('<user>', 'email or id')
    .option('--name <name>')
    .option('--role <role>', 'owner, admin or member')
    .option('--ai-access <bool>')
    .option('--custom-add-on <bool>')
    .option('--studio <bool>')
    .action((ref: string, opts: { name?: string; role?: string; aiAccess?: string; customAddOn?: string; studio?: string }) =>
      run(async (ctx) => {
        const u = await updateUser(ctx, ref, {
          name: opts.name,
          role: opts.role as Role | undefined,
          aiAccess: bool('--ai-access', opts.aiAccess),
          customAddOn: bool('--custom-add-on', opts.customAddOn),
          studio: bool('--studio', opts.studio),
        });
        rt.io.out(`${u.email}: ${u.role}, ai:${u.aiAccess ? 'yes' : 'no'}, addon:${u.customAddOn ? 'yes' : 'no'}`);
      }),
    );
  users
    .command('deactivate')
    .description('block sign-in, tokens and AI use; content is kept')
    .argument('<user>', 'email or id')
    .action((ref: string) => run(async (ctx) => rt.io.out(`deactivated ${(await deactivateUser(ctx, ref)).email}`)));
  users
    .command('reactivate')
    .argument('<user>', 'email or id')
    .action((ref: string) => run(async (ctx) => rt.io.out(`reactivated ${(await reactivateUser(ctx, ref)).email}`)));
  users
    .command('import')
    .description('create and update users from CSV (columns email,name,groups,role,aiAccess,customAddOn); exits 2 when a row failed')
    .argument('<file>', 'CSV file')
    .option('--dry-run', 'report what would change without changing anything')
    .option('--json', 'print the report as JSON')
    .action((file: string, opts: { dryRun?: boolean; json?: boolean }) =>
      run(async (ctx) => {
        const text = (await readInputFile(file)).toString('utf8');
        const bar = progress(rt.io, countCsvRows(text, file), opts.dryRun ? 'checking' : 'importing');
        const report = await importUsersCsv(ctx, text, { file, dryRun: opts.dryRun, onRow: (line, outcome) => bar.tick(`line ${line} ${outcome}`) });
        bar.finish();
        if (opts.json) rt.io.out(JSON.stringify(report, null, 2));
        else {
          const verb = opts.dryRun ? 'would be ' : '';
          for (const r of report.rows) {
            if (r.action !== 'unchanged') rt.io.out(`${file}:${r.line}: ${r.email} ${verb}${r.action}${r.changes.length ? ` (${r.changes.join(', ')})` : ''}`);
          }
          rt.io.out(`${report.created} ${verb}created, ${report.updated} ${verb}updated, ${report.unchanged} unchanged, ${report.errors.length} failed${opts.dryRun ? ' (dry run: nothing changed)' : ''}`);
        }
        for (const e of report.errors) rt.io.err(`${file}:${e.line}: ${e.message}`);
        if (report.errors.length) throw new AppError('invalid_input', `${report.errors.length} row(s) of ${file} were not imported`);
      }),
    );

  const groups = program.command('groups').description('groups and memberships');
  groups
    .command('list')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) =>
      run(async (ctx) => {
        const items = await listGroups(ctx);
        if (opts.json) return rt.io.out(JSON.stringify(items, null, 2));
        for (const g of items) rt.io.out(`${g.id}\t${g.name}\t${g.memberCount} members\tai:${g.aiAccess ? 'yes' : 'restricted'}`);
      }),
    );
  groups
    .command('show')
    .argument('<group>', 'name or id')
    .option('--json', 'print as JSON')
    .action((ref: string, opts: { json?: boolean }) =>
      run(async (ctx) => {
        const g = await getGroup(ctx, ref);
        if (opts.json) return rt.io.out(JSON.stringify(g, null, 2));
        rt.io.out(`${g.name} (${g.id}) ai:${g.aiAccess ? 'yes' : 'restricted'}`);
        for (const m of g.members) rt.io.out(`  ${m.email}\t${m.name}`);
      }),
    );
  groups
    .command('create')
    .argument('<name>')
    .option('--no-ai-access', 'withhold base AI access from members')
    .action((name: string, opts: { aiAccess: boolean }) => run(async (ctx) => rt.io.out(`created ${(await createGroup(ctx, { name, aiAccess: opts.aiAccess })).id}`)));
  groups
    .command('set')
    .argument('<group>', 'name or id')
    .option('--name <name>', 'rename')
    .option('--ai-access <bool>', 'false withholds base AI access from members')
    .action((ref: string, opts: { name?: string; aiAccess?: string }) =>
      run(async (ctx) => {
        const g = await updateGroup(ctx, ref, { name: opts.name, aiAccess: bool('--ai-access', opts.aiAccess) });
        rt.io.out(`${g.name}: ai:${g.aiAccess ? 'yes' : 'restricted'}`);
      }),
    );
  groups
    .command('delete')
    .argument('<group>', 'name or id')
    .action((ref: string) =>
      run(async (ctx) => {
        await deleteGroup(ctx, ref);
        rt.io.out(`deleted ${ref}`);
      }),
    );
  groups
    .command('add')
    .description('add users to a group')
    .argument('<group>', 'name or id')
    .argument('<users...>', 'emails or ids')
    .action((ref: string, list: string[]) => run(async (ctx) => rt.io.out(`added ${(await changeMembers(ctx, ref, { add: list })).added.length}`)));
  groups
    .command('remove')
    .description('remove users from a group')
    .argument('<group>', 'name or id')
    .argument('<users...>', 'emails or ids')
    .action((ref: string, list: string[]) => run(async (ctx) => rt.io.out(`removed ${(await changeMembers(ctx, ref, { remove: list })).removed.length}`)));

  const licences = program.command('licences').description('base AI and custom add-on licences');
  licences
    .command('show')
    .description('the licences that apply to a user, as AI runs check them')
    .argument('<user>', 'email or id')
    .option('--json', 'print as JSON')
    .action((ref: string, opts: { json?: boolean }) =>
      run(async (ctx) => {
        const l = await licencesOf(ctx, ref);
        if (opts.json) return rt.io.out(JSON.stringify(l, null, 2));
        const yes = (b: boolean) => (b ? 'yes' : 'no');
        rt.io.out(`${l.user.email}: base AI ${l.baseAiEffective ? 'allowed' : 'not allowed'}, custom add-on ${yes(l.customAddOn)}`);
        rt.io.out(`  account licence: ${yes(l.account.baseAiLicence)}; assigned to user: ${yes(l.aiAccess)}; restricted by groups: ${l.restrictingGroups.map((g) => g.name).join(', ') || 'none'}`);
      }),
    );
  licences
    .command('account')
    .description("turn the account's paid base AI licence on or off")
    .argument('<state>', 'on or off')
    .action((state: string) =>
      run(async (ctx) => {
        const on = bool('state', state);
        if (on === undefined) throw new AppError('invalid_input', 'state must be on or off');
        await setAccountLicence(ctx, on);
        rt.io.out(`account base AI licence ${on ? 'on' : 'off'}`);
      }),
    );

  const tokens = program.command('tokens').description('API and SCIM bearer tokens');
  tokens
    .command('create')
    .argument('<name>')
    .option('--scim', 'a SCIM provisioning token (needs users.manage)')
    .option('--expires-in-days <n>')
    .option('--json', 'print as JSON')
    .action((name: string, opts: { scim?: boolean; expiresInDays?: string; json?: boolean }) =>
      run(async (ctx) => {
        const days = opts.expiresInDays === undefined ? undefined : Number(opts.expiresInDays);
        const { token, record } = await createToken(ctx, { name, kind: opts.scim ? 'scim' : 'api', expiresInDays: days });
        if (opts.json) return rt.io.out(JSON.stringify({ token, ...record }, null, 2));
        rt.io.out(`${record.kind} token ${record.id} (shown once, store it now): ${token}`);
      }),
    );
  tokens
    .command('list')
    .option('--all', 'every token of the account (needs users.manage)')
    .option('--json', 'print as JSON')
    .action((opts: { all?: boolean; json?: boolean }) =>
      run(async (ctx) => {
        const items = await listTokens(ctx, { all: opts.all });
        if (opts.json) return rt.io.out(JSON.stringify(items, null, 2));
        for (const t of items) rt.io.out(`${t.id}\t${t.prefix}…\t${t.kind}\t${t.name}\t${t.revokedAt ? 'revoked' : t.expiresAt ? `expires ${t.expiresAt}` : 'active'}`);
      }),
    );
  tokens
    .command('revoke')
    .argument('<id>', 'token id or prefix')
    .action((id: string) => run(async (ctx) => rt.io.out(`revoked ${(await revokeToken(ctx, id)).id}`)));
}
