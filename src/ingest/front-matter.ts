import { ParseError } from '../core/errors.ts';
import { applyMetadataField, matchKeyValue } from './metadata.ts';
import { quoteLine } from './quote-line.ts';
import type { TranscriptMetadata } from './types.ts';

/**
 * Where a front matter block sits: `open` is the index of its first `---`
 * line, `close` the index of the closing one (-1 when it is never closed).
 * Null when the first non-blank line is not `---`.
 *
 * @example
 * findFrontMatter(['---', 'title: Sync', '---', 'Ana: hi']); // { open: 0, close: 2 }
 */
export function findFrontMatter(lines: readonly string[]): { open: number; close: number } | null {
  let open = 0;
  while (open < lines.length && lines[open].trim() === '') open++;
  if (lines[open]?.trim() !== '---') return null;
  let close = open + 1;
  while (close < lines.length && lines[close].trim() !== '---') close++;
  return { open, close: close < lines.length ? close : -1 };
}

/**
 * Reads optional `---` / `key: value` / `---` front matter at the top of a
 * transcript and says where the body starts.
 *
 * @example
 * readFrontMatter(['---', 'date: 2024-05-02', '---', 'Ana: hi'], 'a.txt');
 * // { metadata: { date: '2024-05-02' }, bodyStart: 3 }
 */
export function readFrontMatter(
  lines: readonly string[],
  file: string,
): { metadata: TranscriptMetadata; bodyStart: number } {
  const metadata: TranscriptMetadata = {};
  const block = findFrontMatter(lines);
  if (!block) return { metadata, bodyStart: 0 };
  if (block.close === -1) {
    throw new ParseError(file, block.open + 1, 'front matter is never closed: end it with a "---" line');
  }
  for (let index = block.open + 1; index < block.close; index++) {
    if (lines[index].trim() === '') continue;
    const pair = matchKeyValue(lines[index]);
    if (!pair) throw new ParseError(file, index + 1, `front matter line ${quoteLine(lines[index])} is not "key: value"`);
    applyMetadataField(metadata, pair.key, pair.value, file, index + 1);
  }
  return { metadata, bodyStart: block.close + 1 };
}
