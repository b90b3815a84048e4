import type { TimedTurn, Turn } from './types.ts';

/** Speaking rate assumed when a file gives no times. */
export const WORDS_PER_MINUTE = 150;

const SECONDS_PER_WORD = 60 / WORDS_PER_MINUTE;

interface Span {
  start: number;
  end: number;
}

/** Times are kept to the millisecond, as in the timed formats. */
const roundMs = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/**
 * Words of whitespace-normalised text (single spaces, trimmed), as every
 * turn's text is; at least 1, so a turn of one symbol still gets some time.
 */
function countWords(text: string): number {
  let words = 1;
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) words++;
  return words;
}

/**
 * Shares the window `[start, end]` among whitespace-normalised `texts` in
 * proportion to their word counts, back to back, in order.
 *
 * @example
 * splitByWords(10, 13, ['one two', 'three']); // [{ start: 10, end: 12 }, { start: 12, end: 13 }]
 */
export function splitByWords(start: number, end: number, texts: readonly string[]): Span[] {
  const weights = texts.map(countWords);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const at = (words: number): number => roundMs(start + ((end - start) * words) / total);
  let before = 0;
  return weights.map((weight) => {
    const span = { start: at(before), end: at(before + weight) };
    before += weight;
    return span;
  });
}

function backToBack(start: number, texts: readonly string[]): Span[] {
  let at = start;
  return texts.map((text) => {
    const from = at;
    at += countWords(text) * SECONDS_PER_WORD;
    return { start: roundMs(from), end: roundMs(at) };
  });
}

/**
 * Gives every turn a start and an end. Turns with a known start anchor the
 * timeline; a turn without an end runs to the next known start, and untimed
 * turns share the gap between the anchors around them (the file start counts
 * as 0) in proportion to their word counts. After the last anchor, or where
 * the next anchor is earlier, turns run back to back at 150 words per minute.
 *
 * @example
 * estimateTimes([{ speaker: 'A', text: 'hi', start: 0 }, { speaker: 'B', text: 'hello there' }, { speaker: 'A', text: 'ok', start: 6 }]);
 * // turns timed 0–2, 2–6 and 6–6.4; estimated: true
 */
export function estimateTimes(turns: readonly Turn[]): { turns: TimedTurn[]; estimated: boolean } {
  const timed: TimedTurn[] = [];
  let estimated = false;
  for (let head = 0; head < turns.length; ) {
    let next = head + 1;
    while (next < turns.length && turns[next].start === undefined) next++;
    const { start, end } = turns[head];
    if (start !== undefined && end !== undefined) timed.push({ ...turns[head], start, end });
    // The turns of this run whose times are still open, and the window they share.
    const open = turns.slice(start !== undefined && end !== undefined ? head + 1 : head, next);
    const from = end ?? start ?? 0;
    const until = turns[next]?.start;
    if (open.length > 0) {
      const texts = open.map((turn) => turn.text);
      const spans = until !== undefined && until >= from ? splitByWords(from, until, texts) : backToBack(from, texts);
      open.forEach((turn, k) => timed.push({ ...turn, start: spans[k].start, end: spans[k].end }));
      // A lone timestamped turn ending where the next begins is read from the file, not estimated.
      const exact = open.length === 1 && start !== undefined && until !== undefined && until >= from;
      estimated ||= !exact;
    }
    head = next;
  }
  return { turns: timed, estimated };
}
