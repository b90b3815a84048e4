import { readFile, stat } from 'node:fs/promises';
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
