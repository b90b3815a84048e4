import { ParseError } from '../core/errors.ts';
import { CONTROL_CHARACTERS_REFUSED, hasControlCharacters } from '../core/text.ts';
import { estimateTimes } from './estimate-times.ts';
import { findJsonSyntaxError, findJsonValue, lineAtOffset } from './json-locator.ts';
import { invalidDateReason, isIsoDate, splitParticipants } from './metadata.ts';
import { normaliseSpace } from './speaker.ts';
import { TurnList } from './turn-list.ts';
import type { FormatResult, TranscriptMetadata, Turn } from './types.ts';

type JsonObject = Record<string, unknown>;
type JsonPath = readonly (string | number)[];

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A problem with one value, to be reported at the line where the value at `path` starts. */
class ValueError extends Error {
  constructor(
    readonly path: JsonPath,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The first of `keys` that `item` sets (null counts as unset), with its value. */
function field(item: JsonObject, keys: readonly string[]): { key: string; value: unknown } {
  const key = keys.find((name) => item[name] !== undefined && item[name] !== null) ?? keys[0];
  return { key, value: item[key] ?? undefined };
}

/** Reads `{ speaker | name, text | content, start?, end? }`, the segment at `path`. */
function readSegment(item: unknown, path: JsonPath): Turn {
  const at = `segments[${path.at(-1)}]`;
  const fail = (reason: string): never => {
    throw new ValueError(path, `${at}${reason}`);
  };
  if (!isObject(item)) return fail(' must be an object with a speaker and a text');
  const speaker = field(item, ['speaker', 'name']);
  if (typeof speaker.value !== 'string' || normaliseSpace(speaker.value) === '') {
    fail(`.${speaker.key} must be a non-empty string`);
  }
  const text = field(item, ['text', 'content']);
  if (typeof text.value !== 'string') fail(`.${text.key} must be a string`);
  const turn: Turn = { speaker: speaker.value as string, text: text.value as string };
  for (const key of ['start', 'end'] as const) {
    const value = item[key] ?? undefined;
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`.${key} must be a number of seconds ≥ 0`);
    turn[key] = value as number;
  }
  if (turn.end !== undefined && turn.start === undefined) fail('.end is given without a start');
  if (turn.start !== undefined && turn.end !== undefined && turn.end < turn.start) {
    fail(`.end (${turn.end}) is before its start (${turn.start})`);
  }
  return turn;
}

/** Reads `title`, `date` and `participants` of the envelope object; keys match regardless of case. */
function readMetadata(envelope: JsonObject): TranscriptMetadata {
  const metadata: TranscriptMetadata = {};
  for (const [name, value] of Object.entries(envelope)) {
    const key = name.toLowerCase();
    if (value === null) continue;
    if (key === 'title') {
      if (typeof value !== 'string') throw new ValueError([name], `${name} must be a string`);
      if (hasControlCharacters(value.trim())) throw new ValueError([name], `${name} ${CONTROL_CHARACTERS_REFUSED}`);
      if (value.trim() !== '') metadata.title = value.trim();
    } else if (key === 'date') {
      if (typeof value !== 'string' || !isIsoDate(value.trim())) {
        throw new ValueError([name], invalidDateReason(String(value)));
      }
      metadata.date = value.trim();
    } else if (key === 'participants') {
      const names = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(names) || !names.every((entry) => typeof entry === 'string')) {
        throw new ValueError([name], `${name} must be a list of names`);
      }
      metadata.participants = splitParticipants(names.join(','));
    }
  }
  return metadata;
}

/**
 * Parses JSON transcripts: an array of segments or
 * `{ title?, date?, participants?, segments: [...] }`, each segment
 * `{ speaker, text, start?, end? }` with `name` and `content` accepted as
 * aliases (as in QMSum). Missing times are estimated from word counts.
 * Errors name the line where the offending value starts.
 *
 * @example
 * parseJson('[{"speaker": "Ana", "content": "Hello there"}]', 'a.json').turns;
 * // [{ speaker: 'Ana', text: 'Hello there', start: 0, end: 0.8 }]
 */
export function parseJson(text: string, file: string): FormatResult {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    const problem = findJsonSyntaxError(text) ?? { offset: 0, reason: 'not valid JSON' };
    throw new ParseError(file, lineAtOffset(text, problem.offset), `invalid JSON: ${problem.reason}`);
  }
  const lineOf = (path: JsonPath): number => lineAtOffset(text, findJsonValue(text, path) ?? 0);
  const envelope = isObject(document) ? document : null;
  const segmentsKey = envelope ? Object.keys(envelope).find((key) => key.toLowerCase() === 'segments') : undefined;
  const items = envelope ? envelope[segmentsKey ?? 'segments'] : document;
  if (!Array.isArray(items)) {
    throw new ParseError(file, 1, 'expected an array of segments or an object with a "segments" array');
  }
  const prefix = segmentsKey ? [segmentsKey] : [];
  const turns = new TurnList<Turn>(file);
  let metadata: TranscriptMetadata = {};
  try {
    if (envelope) metadata = readMetadata(envelope);
    for (let index = 0; index < items.length; index++) {
      const path = [...prefix, index];
      turns.add(() => lineOf(path), readSegment(items[index], path));
    }
  } catch (error) {
    if (error instanceof ValueError) throw new ParseError(file, lineOf(error.path), error.reason);
    throw error;
  }
  const timed = estimateTimes(turns.items);
  return { turns: timed.turns, metadata, timesEstimated: timed.estimated };
}
