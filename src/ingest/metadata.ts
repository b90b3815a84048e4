import { ParseError } from '../core/errors.ts';
import { CONTROL_CHARACTERS_REFUSED, hasControlCharacters } from '../core/text.ts';
import type { TranscriptMetadata } from './types.ts';

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/**
 * Whether `value` is an ISO 8601 calendar date, optionally with a time and
 * offset, that names a real day and time (so `2024-02-30` is refused).
 *
 * @example
 * isIsoDate('2024-05-02T09:30:00Z'); // true
 * isIsoDate('02/05/2024');           // false
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0', offsetHour = '0', offsetMinute = '0'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day) &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60 &&
    Number(offsetHour) < 24 &&
    Number(offsetMinute) < 60
  );
}

/** The reason given for a date that `isIsoDate` refuses. */
export const invalidDateReason = (value: string): string =>
  `date "${value}" is not an ISO 8601 date (YYYY-MM-DD, optionally with a time such as 2024-05-02T09:30:00Z)`;

/**
 * Splits a comma-separated participant list, trimming names and dropping
 * blanks and repeats.
 *
 * @example
 * splitParticipants('Ana, Ben,, Ana'); // ['Ana', 'Ben']
 */
export function splitParticipants(value: string): string[] {
  return [...new Set(value.split(',').map((name) => name.replace(/\s+/g, ' ').trim()).filter(Boolean))];
}

const KEY_VALUE = /^\s*([A-Za-z][\w-]*)\s*:\s*(.*)$/;

/**
 * Reads a `key: value` line, as used in front matter and WebVTT NOTE blocks.
 * One pair of matching quotes around the value is removed.
 *
 * @example
 * matchKeyValue('Title: "Weekly sync"'); // { key: 'title', value: 'Weekly sync' }
 */
export function matchKeyValue(line: string): { key: string; value: string } | null {
  const match = KEY_VALUE.exec(line);
  if (!match) return null;
  const value = match[2].trim().replace(/^(["'])(.*)\1$/, '$2');
  return { key: match[1].toLowerCase(), value };
}

/**
 * Stores one known metadata field; unknown keys and empty values are
 * ignored so files can carry fields Confer does not use.
 *
 * @example
 * const metadata = {};
 * applyMetadataField(metadata, 'date', '2024-05-02', 'a.srt', 3); // metadata.date === '2024-05-02'
 */
export function applyMetadataField(
  metadata: TranscriptMetadata,
  key: string,
  value: string,
  file: string,
  line: number,
): void {
  if (value === '') return;
  if (key === 'title' && hasControlCharacters(value)) throw new ParseError(file, line, `the title ${CONTROL_CHARACTERS_REFUSED}`);
  if (key === 'title') metadata.title = value;
  // A YAML-style `[Ana, Ben]` list means the same as `Ana, Ben`.
  else if (key === 'participants') metadata.participants = splitParticipants(value.replace(/^\[(.*)\]$/, '$1'));
  else if (key === 'date') {
    if (!isIsoDate(value)) throw new ParseError(file, line, invalidDateReason(value));
    metadata.date = value;
  }
}
