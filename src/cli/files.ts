import { once } from 'node:events';
import { open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../core/errors.ts';

/**
 * Reads a file named on the command line, turning the operating system's
 * refusals into errors that say what was wrong with the name: a missing file
 * is "not found" (exit 4); a directory, an unreadable file or one over
 * `maxBytes` is bad input (exit 2) and is rejected before it is read.
 *
 * @example
 * const content = await readInputFile('meeting.vtt', { maxBytes: MAX_TRANSCRIPT_BYTES, what: 'a transcript' });
 */
export async function readInputFile(file: string, options: { maxBytes?: number; what?: string } = {}): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new AppError('invalid_input', `cannot read ${file}: it is a directory; name a file`);
    if (options.maxBytes !== undefined && info.size > options.maxBytes) {
      const limit = `${options.maxBytes} bytes (${Math.round(options.maxBytes / 1024 / 1024)} MB)`;
      throw new AppError('payload_too_large', `${file} is ${info.size} bytes; the limit for ${options.what ?? 'this file'} is ${limit}`, {
        details: { file, bytes: info.size, limit: options.maxBytes },
      });
    }
    return await readFile(file);
  } catch (error) {
    if (AppError.isInstance(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('not_found', `cannot read ${file}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('invalid_input', `cannot read ${file}: permission denied`);
    throw new AppError('invalid_input', `cannot read ${file}: ${(error as Error).message}`);
  }
}

/**
 * Writes a file named on the command line all at once or not at all: lines go
 * to a temporary file beside it, renamed over the target only when `produce`
 * succeeds, so a failed export neither leaves half a file nor destroys the
 * one already there. A name that cannot be written fails before any work,
 * saying what was wrong.
 *
 * @example
 * const count = await writeOutputFile('audit.jsonl', (write) => exportAudit(ctx, {}, write));
 */
export async function writeOutputFile<T>(file: string, produce: (writeLine: (line: string) => Promise<void>) => Promise<T>): Promise<T> {
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory()) throw cannotWrite(file, 'it is a directory; name a file');
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  let handle: FileHandle;
  try {
    handle = await open(partial, 'w');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw cannotWrite(file, code === 'ENOENT' || code === 'ENOTDIR' ? 'its directory does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message);
  }
  const stream = handle.createWriteStream();
  try {
    const result = await produce(async (line) => {
      if (!stream.write(`${line}\n`)) await once(stream, 'drain');
    });
    stream.end();
    await once(stream, 'finish');
    await rename(partial, file);
    return result;
  } catch (error) {
    stream.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

const cannotWrite = (file: string, reason: string) => new AppError('invalid_input', `cannot write ${file}: ${reason}`);
