import { Command, CommanderError } from 'commander';
import { registerAccount } from './commands/account-command.ts';
import { registerAdmin } from './commands/admin-command.ts';
import { registerAudit } from './commands/audit-command.ts';
import { registerDirectory } from './commands/directory-command.ts';
import { registerSettings } from './commands/settings-command.ts';
import { registerDemo } from './commands/demo-command.ts';
import { registerFeatures } from './commands/features-command.ts';
import { registerExport } from './commands/export-command.ts';
import { registerHolds } from './commands/holds-command.ts';
import { registerRedact } from './commands/redact-command.ts';
import { registerRetention } from './commands/retention-command.ts';
import { registerMeetings } from './commands/meetings-command.ts';
import { registerProviders } from './commands/providers-command.ts';
import { registerServe } from './commands/serve-command.ts';
import { registerSummarize } from './commands/summarize-command.ts';
import { processIo, reportError, type Io } from './output.ts';
import type { CliRuntime } from './runtime.ts';

/** The `confer` command tree. */
export function buildProgram(rt: CliRuntime): Command {
  const program = new Command('confer')
    .description('Confer: governed AI for workplace conversations')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => rt.io.out(s), writeErr: (s) => rt.io.err(s) });
  registerSummarize(program, rt);
  registerMeetings(program, rt);
  registerServe(program, rt);
  registerAdmin(program, rt);
  registerDemo(program, rt);
  registerSettings(program, rt);
  registerDirectory(program, rt);
  registerAudit(program, rt);
  registerFeatures(program, rt);
  registerAccount(program, rt);
  registerHolds(program, rt);
  registerRetention(program, rt);
  registerRedact(program, rt);
  registerExport(program, rt);
  registerProviders(program, rt);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs one command line; resolves to the process exit code. Errors go to stderr. */
export async function runCli(argv: string[], io: Io = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const program = buildProgram({ io, env });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; usage errors were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    return reportError(io, error);
  }
}
