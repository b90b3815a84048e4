import { ParseError } from '../core/errors.ts';
import { addCue, groupVoices } from './cue-voices.ts';
import { readFrontMatter } from './front-matter.ts';
import { quoteLine } from './quote-line.ts';
import { isSpeakerName, matchSpeakerPrefix, normaliseSpace, UNKNOWN_SPEAKER } from './speaker.ts';
import type { SpeakerLine } from './speaker.ts';
import { timestampSeconds } from './timestamp.ts';
import { TurnList } from './turn-list.ts';
import type { FormatResult, TimedTurn } from './types.ts';

// SubRip uses a comma before the milliseconds; many tools write a dot.
const TIMESTAMP = String.raw`(\d+):([0-5]\d):([0-5]\d)[,.](\d{3})`;
// Some files append display coordinates after the end time.
const TIMING = new RegExp(String.raw`^\s*${TIMESTAMP}\s*-->\s*${TIMESTAMP}(?:\s.*)?$`);
const SEQUENCE_NUMBER = /^\s*\d+\s*$/;
// Formatting tags (<i>, <font …>) and ASS override codes ({\an8}) carry no words.
const MARKUP = /<\/?[A-Za-z][^>]*>|\{\\[^}]*\}/g;

/**
 * Reads an SRT timing line `hh:mm:ss,mmm --> hh:mm:ss,mmm` (a dot is accepted
 * before the milliseconds); null when the line is not one.
 *
 * @example
 * parseSrtTiming('00:00:01,500 --> 00:00:04,000'); // { start: 1.5, end: 4 }
 */
export function parseSrtTiming(line: string): { start: number; end: number } | null {
  const match = TIMING.exec(line);
  if (!match) return null;
  const [, h1, m1, s1, ms1, h2, m2, s2, ms2] = match;
  return { start: timestampSeconds(h1, m1, s1, ms1), end: timestampSeconds(h2, m2, s2, ms2) };
}

/** `- Ana: text`, `[Ana] text` or `Ana: text`; a bare dialogue dash marks an unnamed new speaker. */
function matchSrtSpeaker(line: string): SpeakerLine | null {
  const dash = /^\s*-\s*(.*)$/.exec(line);
  const rest = dash ? dash[1] : line;
  const bracket = /^\s*\[([^\]]+)\]\s*(.*)$/.exec(rest);
  if (bracket && isSpeakerName(normaliseSpace(bracket[1]))) return { speaker: normaliseSpace(bracket[1]), text: bracket[2] };
  return matchSpeakerPrefix(rest) ?? (dash ? { speaker: UNKNOWN_SPEAKER, text: rest } : null);
}

/** A missing blank line is tolerated only where a number is followed by a timing line. */
const startsBlock = (lines: readonly string[], index: number): boolean =>
  SEQUENCE_NUMBER.test(lines[index]) && index + 1 < lines.length && parseSrtTiming(lines[index + 1]) !== null;

/**
 * Parses SubRip subtitles: optional front matter, then blocks of a sequence
 * number, a timing line and text lines whose speakers follow `Name: text`,
 * `[Name] text` or `- Name: text` (unnamed text is `Unknown`).
 *
 * @example
 * parseSrt('1\n00:00:01,000 --> 00:00:03,000\nAna: Hello\n', 'a.srt').turns;
 * // [{ speaker: 'Ana', text: 'Hello', start: 1, end: 3 }]
 */
export function parseSrt(text: string, file: string): FormatResult {
  const lines = text.split('\n');
  const { metadata, bodyStart } = readFrontMatter(lines, file);
  const turns = new TurnList<TimedTurn>(file);
  let timesEstimated = false;
  let index = bodyStart;
  while (index < lines.length) {
    const numberLine = lines[index].trim();
    if (numberLine === '') {
      index++;
      continue;
    }
    if (!SEQUENCE_NUMBER.test(numberLine)) {
      throw new ParseError(file, index + 1, `expected a subtitle number, found ${quoteLine(numberLine)}`);
    }
    index++;
    if (index >= lines.length || lines[index].trim() === '') {
      throw new ParseError(file, index, `subtitle ${numberLine} has no timing line`);
    }
    const timing = parseSrtTiming(lines[index]);
    if (!timing) {
      throw new ParseError(file, index + 1, `timing ${quoteLine(lines[index])} is not hh:mm:ss,mmm`);
    }
    if (timing.end < timing.start) {
      throw new ParseError(file, index + 1, `subtitle ${numberLine} ends before it starts: ${quoteLine(lines[index])}`);
    }
    const timingLine = index + 1;
    const payload: string[] = [];
    for (index++; index < lines.length && lines[index].trim() !== '' && !startsBlock(lines, index); index++) {
      payload.push(lines[index].replace(MARKUP, ''));
    }
    const voices = groupVoices(payload, matchSrtSpeaker);
    timesEstimated = addCue(turns, timingLine, timing.start, timing.end, voices) || timesEstimated;
  }
  return { turns: turns.items, metadata, timesEstimated };
}
