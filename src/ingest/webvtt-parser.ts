import { ParseError } from '../core/errors.ts';
import { addCue } from './cue-voices.ts';
import { applyMetadataField, matchKeyValue } from './metadata.ts';
import { quoteLine } from './quote-line.ts';
import { timestampSeconds } from './timestamp.ts';
import { TurnList } from './turn-list.ts';
import type { FormatResult, TimedTurn, TranscriptMetadata } from './types.ts';
import { readCueVoices } from './webvtt-cue-text.ts';

/** The signature line: `WEBVTT` alone or followed by a space or tab and free text. */
export const WEBVTT_HEADER = /^WEBVTT(?:[ \t].*)?$/;

// Hours are optional and may have any number of digits; minutes and seconds
// are two digits below 60 and the fraction exactly three digits.
const TIMESTAMP = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const COMMENT_OR_DEFINITION = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

function parseTimestamp(value: string): number | null {
  const match = TIMESTAMP.exec(value);
  if (!match) return null;
  const [, hours = '0', minutes, seconds, millis] = match;
  return timestampSeconds(hours, minutes, seconds, millis);
}

/** Reads `start --> end [settings]`; the settings are presentation only and ignored. */
function parseTiming(line: string, file: string, lineNumber: number): { start: number; end: number } {
  const arrow = line.indexOf('-->');
  const startText = line.slice(0, arrow).trim();
  const [endText = ''] = line.slice(arrow + 3).trim().split(/\s+/, 1);
  const start = parseTimestamp(startText);
  const end = parseTimestamp(endText);
  if (start === null || end === null) {
    throw new ParseError(file, lineNumber, `cue timing ${quoteLine(line)} is not hh:mm:ss.mmm`);
  }
  if (end < start) throw new ParseError(file, lineNumber, `cue ends at ${endText}, before it starts at ${startText}`);
  return { start, end };
}

/** Reads the `key: value` lines of the first NOTE block, including any on the NOTE line itself. */
function readNoteMetadata(lines: readonly string[], from: number, to: number, file: string): TranscriptMetadata {
  const metadata: TranscriptMetadata = {};
  for (let index = from; index < to; index++) {
    const pair = matchKeyValue(index === from ? lines[index].slice(4) : lines[index]);
    if (pair) applyMetadataField(metadata, pair.key, pair.value, file, index + 1);
  }
  return metadata;
}

/**
 * Parses WebVTT (W3C): the `WEBVTT` header, an optional first NOTE block of
 * `title` / `date` / `participants` metadata, and cues whose speakers come
 * from voice spans or the `Name: text` convention. STYLE, REGION and other
 * NOTE blocks are skipped. A blank line missing before a cue timing line is
 * tolerated, as the W3C parser does.
 *
 * @example
 * parseWebVtt('WEBVTT\n\n00:01.000 --> 00:04.000\n<v Ana>Hello', 'a.vtt').turns;
 * // [{ speaker: 'Ana', text: 'Hello', start: 1, end: 4 }]
 */
export function parseWebVtt(text: string, file: string): FormatResult {
  const lines = text.split('\n');
  let index = 0;
  while (index < lines.length && lines[index].trim() === '') index++;
  if (!WEBVTT_HEADER.test(lines[index] ?? '')) {
    throw new ParseError(file, index + 1, 'missing "WEBVTT" header: a WebVTT file must start with a WEBVTT line');
  }
  index++;
  // Header text runs to the first blank line.
  while (index < lines.length && lines[index].trim() !== '' && !lines[index].includes('-->')) index++;

  const turns = new TurnList<TimedTurn>(file);
  let metadata: TranscriptMetadata | null = null;
  let timesEstimated = false;
  while (index < lines.length) {
    if (lines[index].trim() === '') {
      index++;
      continue;
    }
    const blockStart = index;
    if (COMMENT_OR_DEFINITION.test(lines[index])) {
      while (index < lines.length && lines[index].trim() !== '') index++;
      // Only a NOTE before any cue can describe the whole file.
      if (metadata === null && turns.items.length === 0 && lines[blockStart].startsWith('NOTE')) {
        metadata = readNoteMetadata(lines, blockStart, index, file);
      }
      continue;
    }
    // An optional cue identifier precedes the timing line.
    if (!lines[index].includes('-->')) index++;
    if (index >= lines.length || !lines[index].includes('-->')) {
      throw new ParseError(
        file,
        Math.min(index, lines.length - 1) + 1,
        `expected a cue timing line "hh:mm:ss.mmm --> hh:mm:ss.mmm" after cue identifier ${quoteLine(lines[blockStart])}`,
      );
    }
    const timingLine = index + 1;
    const { start, end } = parseTiming(lines[index], file, timingLine);
    const payload: string[] = [];
    for (index++; index < lines.length && lines[index].trim() !== '' && !lines[index].includes('-->'); index++) {
      payload.push(lines[index]);
    }
    timesEstimated = addCue(turns, timingLine, start, end, readCueVoices(payload)) || timesEstimated;
  }
  return { turns: turns.items, metadata: metadata ?? {}, timesEstimated };
}
