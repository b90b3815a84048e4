/**
 * Context words decide whether an ambiguous shape (four digits, a nine-digit
 * number, an alphanumeric token) is a PIN, a routing number or a licence.
 * The window stops at a sentence end or a blank line, so a keyword in an
 * earlier sentence does not vouch for a number in a later one.
 */

const SENTENCE_BREAK = /[.!?]\s+(?=\S)|\n\s*\n/;
const SENTENCE_BREAKS = new RegExp(SENTENCE_BREAK.source, 'g');

/** Lower-cased text of the same sentence before `index`, at most `maxChars` long. */
export function textBefore(text: string, index: number, maxChars: number): string {
  const from = Math.max(0, index - maxChars);
  let window = text.slice(from, index);
  let cut = -1;
  for (const m of window.matchAll(SENTENCE_BREAKS)) cut = m.index + m[0].length;
  if (cut >= 0) window = window.slice(cut);
  return window.toLowerCase();
}

/** Lower-cased text of the same sentence after `index`, at most `maxChars` long. */
export function textAfter(text: string, index: number, maxChars: number): string {
  let window = text.slice(index, index + maxChars);
  const m = SENTENCE_BREAK.exec(window);
  if (m) window = window.slice(0, m.index + 1);
  return window.toLowerCase();
}

export interface ContextWindow {
  before: number;
  after: number;
}

const globalCopies = new WeakMap<RegExp, RegExp>();

function globalCopy(re: RegExp): RegExp {
  let copy = globalCopies.get(re);
  if (!copy) {
    copy = new RegExp(re.source, re.flags.replace('g', '') + 'g');
    globalCopies.set(re, copy);
  }
  return copy;
}

/**
 * How close the nearest of `keywords` is to the span `[start, end)`: 1 when
 * adjacent, falling towards 0 at the edge of the window, `null` when absent.
 * When two detectors claim the same value ("licence plate … driver licence
 * A1234567"), the one whose keyword is nearer wins.
 */
export function keywordProximity(text: string, start: number, end: number, keywords: RegExp, window: ContextWindow): number | null {
  let best: number | null = null;
  const re = globalCopy(keywords);
  if (window.before > 0) {
    const before = textBefore(text, start, window.before);
    let lastEnd = -1;
    for (const m of before.matchAll(re)) lastEnd = m.index + m[0].length;
    if (lastEnd >= 0) best = 1 - (before.length - lastEnd) / (window.before + 1);
  }
  if (window.after > 0) {
    const m = re.exec(textAfter(text, end, window.after));
    re.lastIndex = 0;
    if (m) best = Math.max(best ?? 0, 1 - m.index / (window.after + 1));
  }
  return best;
}

/** Whether `keywords` occurs near the span `[start, end)` of `text`. */
export function hasContext(text: string, start: number, end: number, keywords: RegExp, window: ContextWindow): boolean {
  return keywordProximity(text, start, end, keywords, window) !== null;
}
