/** Test support for commands. */
import { runCli } from './main.ts';
import type { Io } from './output.ts';

/** A short plain-text stand-up with a front-matter date, an owner and a due date. */
export const STANDUP = `---
title: Platform stand-up
date: 2026-03-04T09:30:00Z
---
[00:00:05] Ann Lee: Yesterday I finished the billing export.
[00:00:12] Bo Chen: I'll review the billing export by Friday.
[00:00:20] Ann Lee: We agreed to freeze the schema until the release.
[00:00:31] Cy Diaz: The staging database ran out of disk space last night.
`;

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
