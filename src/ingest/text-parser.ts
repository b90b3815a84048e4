import { ParseError } from '../core/errors.ts';
import { estimateTimes } from './estimate-times.ts';
import { readFrontMatter } from './front-matter.ts';
import { quoteLine } from './quote-line.ts';
import { matchSpeakerPrefix, UNKNOWN_SPEAKER } from './speaker.ts';
import { timestampSeconds } from './timestamp.ts';
import { TurnList } from './turn-list.ts';
import type { FormatResult, Turn } from './types.ts';

const CLOCK = String.raw`(?:\d{1,3}:)?\d{1,3}:\d{2}(?:\.\d{1,3})?`;
// `[hh:mm:ss]`, `[mm:ss]` (minutes may pass 59 without hours), `(hh:mm:ss)` or a bare `hh:mm:ss`, then whitespace.
const TIMESTAMP = new RegExp(String.raw`^\s*(?:\[(${CLOCK})\]|\((${CLOCK})\)|(\d{1,3}:\d{2}:\d{2}(?:\.\d{1,3})?)(?=\s|$))\s*`);

/** Seconds of a clock reading, or null when minutes or seconds are 60 or more. */
function clockSeconds(clock: string): number | null {
  const parts = clock.split(':').reverse();
  const [seconds, minutes, hours] = parts;
  const [whole, fraction = ''] = seconds.split('.');
  // Without hours, minutes may run past 59 (`[125:30]`).
  if (Number(whole) >= 60 || (parts.length === 3 && Number(minutes) >= 60)) return null;
  return timestampSeconds(hours ?? '0', minutes, whole, fraction.padEnd(3, '0'));
}

/**
 * Parses plain-text transcripts: optional front matter, then one turn per
 * line as `Name: text` (or `Name : text`), optionally after a `[hh:mm:ss]`,
 * `[mm:ss]`, `(hh:mm:ss)` or bare `hh:mm:ss` timestamp. A line without a
 * speaker continues the previous turn, unless it is timestamped, which makes
 * it a turn of `Unknown`. Missing times are estimated from word counts.
 *
 * @example
 * parseText('[00:00:05] Ana: Hello\nBen: Hi there', 'a.txt').turns;
 * // Ana 5–5.4, then Ben 5.4–6.2 (estimated at 150 words per minute)
 */
export function parseText(text: string, file: string): FormatResult {
  const lines = text.split('\n');
  const { metadata, bodyStart } = readFrontMatter(lines, file);
  const turns = new TurnList<Turn>(file);
  let open: { line: number; turn: Turn } | null = null;
  let lastStamp: { seconds: number; line: number; clock: string } | null = null;
  for (let index = bodyStart; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') continue;
    const stamp = TIMESTAMP.exec(line);
    const body = stamp ? line.slice(stamp[0].length) : line;
    const labelled = matchSpeakerPrefix(body);
    if (!labelled && !stamp) {
      if (!open) {
        throw new ParseError(file, index + 1, `expected a turn "Speaker: text", found ${quoteLine(line)}`);
      }
      open.turn.text += ` ${body}`;
      continue;
    }
    const turn: Turn = { speaker: labelled?.speaker ?? UNKNOWN_SPEAKER, text: labelled?.text ?? body };
    if (stamp) {
      const clock = stamp[1] ?? stamp[2] ?? stamp[3];
      const seconds = clockSeconds(clock);
      if (seconds === null) throw new ParseError(file, index + 1, `timestamp ${clock} has minutes or seconds above 59`);
      if (lastStamp && seconds < lastStamp.seconds) {
        throw new ParseError(
          file,
          index + 1,
          `timestamp ${clock} is earlier than the previous one (${lastStamp.clock} at line ${lastStamp.line})`,
        );
      }
      lastStamp = { seconds, line: index + 1, clock };
      turn.start = seconds;
    }
    if (open) turns.add(open.line, open.turn);
    open = { line: index + 1, turn };
  }
  if (open) turns.add(open.line, open.turn);
  const timed = estimateTimes(turns.items);
  return { turns: timed.turns, metadata, timesEstimated: timed.estimated };
}
