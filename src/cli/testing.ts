/** Test support for commands. */
import { runCli } from './main.ts';
import type { Io } from './output.ts';

/**
 * An `Io` that keeps what a command prints, as a pipe would (not a terminal).
 *
 * @example
 * const io = captureIo(); await runCli(['features'], io, env); io.stdout;
 */
export function captureIo(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    isTty: false,
    out(text: string) {
      io.stdout += text.endsWith('\n') ? text : `${text}\n`;
    },
    err(text: string) {
      io.stderr += text.endsWith('\n') ? text : `${text}\n`;
    },
  };
  return io;
}

/**
 * Runs the CLI in process, as a pipe would see it, with its own environment.
 *
 * @example
 * const { code, stdout } = await runCaptured(['meetings', 'list'], { CONFER_DATABASE_URL: file });
 */
export async function runCaptured(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await runCli(argv, io, env);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
