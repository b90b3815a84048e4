import { AppError, toAppError } from '../core/errors.ts';

/** Where a command writes. Injected so tests can capture it. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars instead of lines). */
  isTty: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTty: Boolean(process.stderr.isTTY),
};

/** Prints an error for a person on stderr; returns the exit code to use. */
export function reportError(io: Io, thrown: unknown): number {
  const error = toAppError(thrown);
  io.err(`confer: ${error.code === 'internal' && !(thrown instanceof AppError) ? (thrown as Error).message : error.message}`);
  for (const field of error.fields ?? []) io.err(`  ${field.path}: ${field.message}`);
  return error.exitCode;
}

/**
 * Progress for long work: one rewritten line on a terminal, plain lines
 * otherwise (logs and CI keep every step).
 */
export function progress(io: Io, total: number, label: string) {
  let done = 0;
  const render = (detail: string) => {
    const line = `${label} ${done}/${total}${detail ? ` ${detail}` : ''}`;
    if (io.isTty) process.stderr.write(`\r\x1b[2K${line}`);
    else io.err(line);
  };
  return {
    tick(detail = '') {
      done++;
      render(detail);
    },
    finish() {
      if (io.isTty && total > 0) process.stderr.write('\n');
    },
  };
}
