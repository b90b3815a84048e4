/** Test support for commands. */
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
