/**
 * Sentence boundaries inside one speaker turn. Spoken transcripts punctuate
 * loosely ("great . So", lower-cased ASR text, trailing "..."), so the rules
 * lean on what follows a terminator as much as on the terminator itself.
 */

/** A half-open character range `[start, end)` of a source text. */
export interface TextSpan {
  start: number;
  end: number;
}

// Abbreviations whose trailing dot does not end a sentence (lower-case, final
// dot dropped). Ordinary spoken words that double as abbreviations ("no",
// "sat", "min") are left out: in speech they end sentences far more often.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'approx', 'dept', 'inc', 'ltd',
  'corp', 'fig', 'vol', 'al', 'cf', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'tue', 'tues', 'thu', 'thur', 'thurs', 'fri', 'e.g', 'i.e', 'a.m', 'p.m',
  'u.s', 'u.k', 'ph.d',
]);

// Dotted abbreviations that often close a sentence ("at 5 p.m. Then …"): they
// end one only when a capitalised word follows.
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['etc', 'a.m', 'p.m', 'u.s', 'u.k']);

const TERMINATORS = /[.!?…]/;
const CLOSERS = /["'”’)\]]/;

/**
 * Splits text into sentence spans, trimmed of surrounding whitespace.
 *
 * @example
 * splitSentences('Dr. Rao joined at 3.30 p.m. today. Shall we start?')
 *   .map((s) => text.slice(s.start, s.end))
 * // ['Dr. Rao joined at 3.30 p.m. today.', 'Shall we start?']
 */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let sentenceStart = 0;
  let i = 0;
  while (i < text.length) {
    if (!TERMINATORS.test(text[i]!)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && (TERMINATORS.test(text[end]!) || CLOSERS.test(text[end]!))) end++;
    if (isBoundary(text, i, end)) {
      pushTrimmed(text, sentenceStart, end, spans);
      sentenceStart = end;
    }
    i = end;
  }
  pushTrimmed(text, sentenceStart, text.length, spans);
  return spans;
}

/** Decides whether the terminator run `text[at..end)` closes a sentence. */
function isBoundary(text: string, at: number, end: number): boolean {
  const next = nextWordStart(text, end);
  if (next === -1) return true;
  // "3.5", "v2.0", "e.g.the": no space after the dot means it is inside a word.
  if (end === next) return false;
  const run = text.slice(at, end);
  const nextChar = text[next]!;
  const nextIsUpper = nextChar !== nextChar.toLowerCase();
  if (run.startsWith('...') || run.startsWith('…')) {
    // A trailing-off ellipsis continues the sentence unless a new one clearly starts.
    return nextIsUpper;
  }
  if (run[0] !== '.') return true;
  const word = wordBefore(text, at);
  if (word === '') return true;
  if (SENTENCE_FINAL_ABBREVIATIONS.has(word)) return nextIsUpper;
  if (ABBREVIATIONS.has(word)) return false;
  // A single capital letter with a dot is an initial ("J. Smith").
  if (/^\p{Lu}$/u.test(text.slice(at - 1, at)) && word.length === 1) return false;
  return true;
}

/** The lower-cased word (dots inside kept) just before position `at`. */
function wordBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && /[\p{L}.]/u.test(text[from - 1]!)) from--;
  return text.slice(from, at).toLowerCase().replace(/^\.+/, '');
}

function nextWordStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (!/\s/.test(text[i]!)) return i;
  }
  return -1;
}

function pushTrimmed(text: string, start: number, end: number, spans: TextSpan[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  // A lone punctuation run ("." left by a transcript's spacing) is no sentence.
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) spans.push({ start, end });
}
