import { AppError, ParseError } from '../core/errors.ts';
import { MAX_TRANSCRIPT_BYTES } from './limits.ts';

const NOT_TEXT = 'is not a text transcript';

/**
 * Turns uploaded bytes into transcript text: enforces the size limit before
 * any decoding work, decodes UTF-8 or BOM-marked UTF-16, drops the BOM,
 * rejects binary content and normalises line ends to `\n`.
 *
 * @example
 * decodeTranscriptText('notes.txt', Buffer.from('\uFEFFAna: hi\r\n')); // 'Ana: hi\n'
 */
export function decodeTranscriptText(file: string, content: Buffer | string): string {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
  if (bytes > MAX_TRANSCRIPT_BYTES) {
    throw new AppError(
      'payload_too_large',
      `${file} is ${bytes} bytes; the limit for a transcript is ${MAX_TRANSCRIPT_BYTES} bytes (50 MB)`,
      { details: { file, bytes, limit: MAX_TRANSCRIPT_BYTES } },
    );
  }
  const text = typeof content === 'string' ? content.replace(/^\uFEFF/, '') : decodeBytes(file, content);
  // NUL never occurs in a real transcript; it is the surest sign of binary data.
  if (text.includes('\0')) throw new ParseError(file, 1, `${NOT_TEXT}: it contains NUL bytes`);
  return text.replace(/\r\n?/g, '\n');
}

function decodeBytes(file: string, bytes: Buffer): string {
  // Without a BOM a UTF-16 file is full of NUL bytes; checking the raw bytes
  // first avoids decoding a large binary file only to reject it.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (!utf16 && bytes.includes(0)) throw new ParseError(file, 1, `${NOT_TEXT}: it contains NUL bytes`);
  try {
    // The decoder removes the BOM of its own encoding.
    return new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ParseError(file, 1, `${NOT_TEXT}: it is not valid ${utf16 ? utf16.toUpperCase() : 'UTF-8'}`);
  }
}
