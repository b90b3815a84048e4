import { invalidInput, ParseError } from '../core/errors.ts';
import type { Segment } from '../core/types.ts';
import { decodeTranscriptText } from './decode-text.ts';
import { detectTranscriptFormat } from './detect-format.ts';
import { parseJson } from './json-parser.ts';
import { UNKNOWN_SPEAKER } from './speaker.ts';
import { parseSrt } from './srt-parser.ts';
import { parseText } from './text-parser.ts';
import { TRANSCRIPT_FORMATS } from './types.ts';
import type { FormatParser, ParsedTranscript, TranscriptFormat } from './types.ts';
import { parseWebVtt } from './webvtt-parser.ts';

const PARSERS: Readonly<Record<TranscriptFormat, FormatParser>> = {
  webvtt: parseWebVtt,
  srt: parseSrt,
  text: parseText,
  json: parseJson,
};

/**
 * Parses a transcript file into speech segments, all or nothing: any
 * malformed part throws a `ParseError` naming the file and line, and
 * oversized input throws `AppError('payload_too_large')`. The format is
 * detected from the content unless `format` forces one.
 *
 * @example
 * const parsed = parseTranscript({ filename: 'sync.txt', content: '[00:00:05] Ana: Shall we start?\n[00:00:09] Ben: Yes.' });
 * parsed.segments[1]; // { index: 1, speaker: 'Ben', start: 9, end: 9.4, text: 'Yes.', kind: 'speech' }
 * parsed.participants; // ['Ana', 'Ben']
 */
export function parseTranscript(input: {
  filename: string;
  content: Buffer | string;
  format?: TranscriptFormat;
}): ParsedTranscript {
  const file = input.filename;
  if (input.format !== undefined && !TRANSCRIPT_FORMATS.includes(input.format)) {
    throw invalidInput(`format "${input.format}" is not one of ${TRANSCRIPT_FORMATS.join(', ')}`, [
      { path: 'format', message: `must be one of ${TRANSCRIPT_FORMATS.join(', ')}` },
    ]);
  }
  const text = decodeTranscriptText(file, input.content);
  const format = input.format ?? detectTranscriptFormat(file, text);
  const { turns, metadata, timesEstimated } = PARSERS[format](text, file);
  if (turns.length === 0) throw new ParseError(file, 1, 'contains no transcript segments: no turn with any text was found');
  const segments = turns.map(
    (turn, index): Segment => ({ index, speaker: turn.speaker, start: turn.start, end: turn.end, text: turn.text, kind: 'speech' }),
  );
  // `Unknown` stands for nobody in particular, so it is not a participant.
  const speakers = [...new Set(segments.map((segment) => segment.speaker))].filter((name) => name !== UNKNOWN_SPEAKER);
  return {
    format,
    segments,
    metadata,
    participants: metadata.participants?.length ? [...metadata.participants] : speakers,
    durationSeconds: segments.reduce((latest, segment) => Math.max(latest, segment.end), 0),
    timesEstimated,
  };
}
