import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import { AppError } from '../../core/errors.ts';
import { SETTING_DEFINITIONS } from '../../governance/settings/catalogue.ts';
import { explainSettings, listSettings, setSetting, unsetSetting } from '../../usecases/settings.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

/** `true`/`false`, a JSON value, a comma-separated list for list settings, or a plain word. */
function parseValue(key: string, text: string): unknown {
  const definition = SETTING_DEFINITIONS.find((d) => d.key === key);
  if (definition?.type === 'boolean') {
    const v = text.trim().toLowerCase();
    if (['true', 'on', 'yes'].includes(v)) return true;
    if (['false', 'off', 'no'].includes(v)) return false;
  }
  if (definition?.type === 'string_list' && !text.trim().startsWith('[')) return text.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `account`, `group:NAME`, `user:EMAIL` → scope and reference. */
function parseLevel(text: string): { scope: string; ref: string } {
  if (text === 'account') return { scope: 'account', ref: 'current' };
  const colon = text.indexOf(':');
  if (colon < 0) throw new AppError('invalid_input', `level must be account, group:NAME or user:EMAIL; got "${text}"`);
  return { scope: text.slice(0, colon), ref: text.slice(colon + 1) };
}

const fmt = (v: unknown) => (typeof v === 'boolean' ? (v ? 'on' : 'off') : Array.isArray(v) ? v.join(',') : String(v));

export function registerSettings(program: Command, rt: CliRuntime): void {
  const settings = program.command('settings').description('feature settings at account, group and user level, with locks');
  settings
    .command('set')
    .description('set a value at one level (account, group:NAME, user:EMAIL); --lock applies it to every level below')
    .argument('<level>', 'account, group:NAME or user:EMAIL')
    .argument('<key>', 'setting key, e.g. feature.meeting.summary (see `confer settings keys`)')
    .argument('<value>', 'on/off, a value, or a comma-separated list')
    .option('--lock', 'lock the value so lower levels cannot change it')
    .option('--json', 'print the stored value as JSON')
    .action(async (level: string, key: string, value: string, opts: { lock?: boolean; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        const stored = await setSetting(ctx, { ...parseLevel(level), key, value: parseValue(key, value), locked: Boolean(opts.lock) });
        if (opts.json) return rt.io.out(JSON.stringify(stored, null, 2));
        rt.io.out(`${key} = ${fmt(stored.value)} at ${level}${stored.locked ? ' (locked)' : ''}`);
      });
    });
  settings
    .command('unset')
    .description('remove the value (and lock) stored at one level')
    .argument('<level>', 'account, group:NAME or user:EMAIL')
    .argument('<key>', 'setting key')
    .action(async (level: string, key: string) => {
      await withServices(rt, async (services) => {
        const { removed } = await unsetSetting(await localContext(services), { ...parseLevel(level), key });
        rt.io.out(removed ? `${key} removed at ${level}` : `${key} was not set at ${level}`);
      });
    });
  settings
    .command('show')
    .description("a user's effective settings, or the values stored in the account with --stored")
    .argument('[user]', 'user email or id (default: you)')
    .option('--stored', 'list the values stored at every level instead')
    .option('--json', 'print as JSON')
    .action(async (user: string | undefined, opts: { stored?: boolean; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        if (opts.stored) {
          const items = await listSettings(ctx);
          if (opts.json) return rt.io.out(JSON.stringify(items, null, 2));
          for (const s of items) rt.io.out(`${s.scope}\t${s.scopeId}\t${s.key}\t${fmt(s.value)}${s.locked ? '\tlocked' : ''}`);
          return;
        }
        const result = await explainSettings(ctx, user);
        if (opts.json) return rt.io.out(JSON.stringify(result, null, 2));
        for (const s of result.settings) rt.io.out(`${s.key}\t${s.explanation}`);
      });
    });
  settings
    .command('explain')
    .description('the effective value of one setting for a user, the level that decided it, and every value considered')
    .argument('<user>', 'user email or id')
    .argument('<key>', 'setting key, or a feature id such as meeting.summary')
    .option('--json', 'print as JSON')
    .action(async (user: string, key: string, opts: { json?: boolean }) => {
      await withServices(rt, async (services) => {
        const fullKey = SETTING_DEFINITIONS.some((d) => d.key === key) ? key : `feature.${key}`;
        const result = await explainSettings(await localContext(services), user, fullKey);
        const [s] = result.settings;
        if (opts.json) return rt.io.out(JSON.stringify({ user: result.user, ...s }, null, 2));
        rt.io.out(`${s.key} for ${result.user.email}: ${s.explanation}`);
        for (const t of s.trail) {
          const where = t.level === 'default' ? 'default' : `${t.level} ${t.name}`;
          rt.io.out(`  ${t.used ? '*' : ' '} ${where}: ${fmt(t.value)}${t.locked ? ' (locked)' : ''} — ${t.reason}`);
        }
      });
    });
  settings
    .command('keys')
    .description('every setting with its type and default')
    .action(() => {
      for (const d of SETTING_DEFINITIONS) rt.io.out(`${d.key}\t${d.type}\tdefault ${fmt(d.default)}\t${d.description}`);
    });
}
