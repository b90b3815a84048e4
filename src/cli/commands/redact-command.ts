import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { localContext } from '../../app/context.ts';
import { invalidInput } from '../../core/errors.ts';
import { readRedactionPolicy, redactorFor } from '../../governance/lifecycle/redaction-policy.ts';
import { isPiiEntityType, PII_ENTITY_TYPES, type PiiEntityType } from '../../governance/redaction/index.ts';
import { readInputFile } from '../files.ts';
import { withServices, type CliRuntime } from '../runtime.ts';

function parseEntities(list: string | undefined): PiiEntityType[] | null {
  if (list === undefined) return null;
  const names = list.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  const unknown = names.filter((n) => !isPiiEntityType(n));
  if (unknown.length > 0) {
    throw invalidInput(`unknown entity type(s) ${unknown.join(', ')}; expected some of ${PII_ENTITY_TYPES.join(', ')}`, [{ path: 'entities', message: `unknown: ${unknown.join(', ')}` }]);
  }
  return names as PiiEntityType[];
}

async function readInput(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') return readFileSync(0, 'utf8');
  return (await readInputFile(file)).toString('utf8');
}

export function registerRedact(program: Command, rt: CliRuntime): void {
  program
    .command('redact')
    .description("redact personal data from a text file or stdin, with the account's blocked patterns")
    .argument('[file]', 'text file, or - (default) for stdin')
    .option('--entities <list>', `comma-separated types (default: the account's choice, or all): ${PII_ENTITY_TYPES.join(',')}`)
    .option('--participants <names>', 'comma-separated names that count as NAME')
    .option('--json', 'print {text, redacted, spans:[{type,start,end,value}]}')
    .action(async (file: string | undefined, opts: { entities?: string; participants?: string; json?: boolean }) => {
      const entities = parseEntities(opts.entities);
      const text = await readInput(file);
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        const policy = await readRedactionPolicy(ctx.store, ctx.account.id);
        const chosen = entities ?? (policy.entities.length > 0 ? policy.entities : [...PII_ENTITY_TYPES]);
        const participants = (opts.participants ?? '').split(',').map((s) => s.trim()).filter(Boolean);
        const redactor = redactorFor({ ...policy, entities: chosen }, participants);
        const { text: redacted, spans } = redactor ? redactor.redact(text) : { text, spans: [] };
        if (opts.json) {
          return rt.io.out(JSON.stringify({ text, redacted, spans: spans.map((s) => ({ type: s.type, start: s.start, end: s.end, value: s.value })) }, null, 2));
        }
        rt.io.out(redacted);
      });
    });
}
