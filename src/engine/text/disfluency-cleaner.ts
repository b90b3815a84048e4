/**
 * Removes the noise of spontaneous speech — fillers, discourse openers,
 * stutters, repeated words, cut-off words — while keeping, for every kept
 * character, the offset it had in the source. Output built on the cleaned text
 * can therefore always be traced back to the exact words that were said.
 *
 * Nothing is added or reworded: the only edits are deletions, whitespace and
 * punctuation tidying, and capitalising a sentence whose opening words were
 * removed.
 */
import type { TextSpan } from './sentence-splitter.ts';
import { isStopWord } from './stop-words.ts';
import { tokenize, type Token } from './tokenizer.ts';

/** Cleaned text plus, for each of its characters, the source offset it came from. */
export interface CleanText {
  text: string;
  sourceOffsets: Int32Array;
  /** Words of the source as spoken (fillers count, annotations do not). */
  sourceWords: number;
}

// Transcriber annotations — "{disfmarker}", "[laughter]", "<unk>" — are not speech.
const MAY_ANNOTATE = /[{[<]/;
const ANNOTATION = /\{[^{}\n]{1,40}\}|\[[^[\]\n]{1,40}\]|<[^<>\n]{1,40}>/g;

// Vocal fillers carry no content wherever they appear.
const FILLERS = new Set([
  'um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'ahh', 'eh', 'hmm', 'hm', 'mm', 'mmm', 'mhm', 'mhmm',
  'mm-hmm', 'uh-huh',
]);

// Discourse openers are noise only at the start of a sentence ("So, we…"),
// never mid-sentence ("so much"), and some only when a comma marks them.
const OPENERS = new Set(['yeah', 'yep', 'yup', 'okay', 'ok', 'alright', 'oh', 'so', 'well', 'right', 'anyway', 'anyways']);
const OPENERS_NEEDING_COMMA = new Set(['like', 'now', 'basically', 'actually']);
// "right now", "so far", "well done": the opener is part of a phrase.
const OPENER_PHRASES = new Set(['right now', 'right away', 'right here', 'right there', 'so far', 'so much',
  'so many', 'so that', 'so long', 'well done', 'okay with', 'ok with', 'alright with']);

// Two-word hedges dropped when commas or a sentence edge set them apart.
const PARENTHETICALS = new Set(['you know', 'i mean', 'you see']);
const PAIR_OPENERS = new Set([...PARENTHETICALS, ...OPENER_PHRASES].map((pair) => pair.split(' ')[0]!));

// Legitimate doubled words of English ("had had", "that that").
const ALLOWED_REPEATS = new Set(['had', 'that', 'is', 'do']);

/**
 * Cleans one turn of speech.
 *
 * @example
 * cleanDisfluencies('Um, yeah, so we- we need the the budget, you know, by Friday.').text
 * // 'We need the budget by Friday.'
 */
export function cleanDisfluencies(text: string): CleanText {
  const deleted = new Uint8Array(text.length);
  // Blank the annotations out (same length, so offsets hold) before reading words.
  let spoken = text;
  if (MAY_ANNOTATE.test(text)) {
    spoken = text.replace(ANNOTATION, (tag) => ' '.repeat(tag.length));
    for (const match of text.matchAll(ANNOTATION)) deleted.fill(1, match.index, match.index + match[0].length);
  }
  const tokens = tokenize(spoken);
  markDeletions(spoken, tokens, deleted);
  return { ...rebuild(text, deleted), sourceWords: tokens.length };
}

/**
 * Maps a span of the cleaned text back to the span of source text it covers.
 *
 * @example
 * const clean = cleanDisfluencies('Um, we agreed.');
 * sourceSpan(clean, { start: 0, end: 2 }) // { start: 4, end: 6 }
 */
export function sourceSpan(clean: CleanText, span: TextSpan): TextSpan {
  if (span.end <= span.start) {
    const at = clean.sourceOffsets[span.start] ?? (clean.sourceOffsets.at(-1) ?? -1) + 1;
    return { start: at, end: at };
  }
  return { start: clean.sourceOffsets[span.start]!, end: clean.sourceOffsets[span.end - 1]! + 1 };
}

const DROP = 1;
// Fillers and hedges: dropped together with the comma that opened them.
const ASIDE = 2;

function markDeletions(text: string, tokens: Token[], deleted: Uint8Array): void {
  const drop = new Uint8Array(tokens.length);
  let clauseStart = true;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (k > 0) {
      const gapStart = tokens[k - 1]!.end;
      if (hasTerminator(text, gapStart, token.start)) clauseStart = true;
      else if (!(drop[k - 1] && isSpaceOrComma(text, gapStart, token.start))) clauseStart = false;
    }
    const next = tokens[k + 1];
    // Only a few words can open a two-word pattern; build the pair only for them.
    const pair = next && PAIR_OPENERS.has(token.norm) ? `${token.norm} ${next.norm}` : '';

    if (FILLERS.has(token.norm) || token.norm.endsWith('-') || isFragmentLetter(text, tokens, k)) {
      drop[k] = ASIDE;
    } else if (clauseStart && isOpener(text, token, next, pair)) {
      drop[k] = DROP;
    } else if (next && PARENTHETICALS.has(pair) && isSetApart(text, tokens, k, clauseStart)) {
      drop[k] = ASIDE;
      drop[k + 1] = ASIDE;
      k++;
    } else {
      const length = repeatedRunLength(text, tokens, k) || restartLength(text, tokens, k);
      drop.fill(DROP, k, k + length);
      k += Math.max(0, length - 1);
    }
  }
  for (let k = 0; k < tokens.length; k++) {
    if (!drop[k]) continue;
    const token = tokens[k]!;
    // Take the separator after the word with it, so "Yeah, so, we" loses its commas too.
    const stop = tokens[k + 1]?.start ?? text.length;
    let end = token.end;
    while (end < stop && /[\s,\-—–]/.test(text[end]!)) end++;
    deleted.fill(1, token.start, end);
    if (drop[k] === ASIDE && drop[k - 1] !== ASIDE) dropOpeningComma(text, tokens, drop, k, deleted);
  }
}

/**
 * An aside closed by punctuation takes its opening comma along — "the
 * budget, you know, by Friday" → "the budget by Friday" — unless a new clause
 * follows it, which still needs the comma: "the launch, uh, the build is…".
 */
function dropOpeningComma(text: string, tokens: Token[], drop: Uint8Array, k: number, deleted: Uint8Array): void {
  let last = k;
  while (drop[last + 1] === ASIDE) last++;
  const closing = text.slice(tokens[last]!.end, tokens[last + 1]?.start ?? text.length);
  const opening = text.slice(tokens[k - 1]?.end ?? 0, tokens[k]!.start);
  const comma = opening.indexOf(',');
  const next = tokens[last + 1];
  if (next && /,/.test(closing) && CLAUSE_OPENERS.has(next.norm)) return;
  if (k > 0 && comma !== -1 && /[,.;!?…]/.test(closing)) deleted[tokens[k - 1]!.end + comma] = 1;
}

// Words that open a clause of their own, so the comma before them stays.
const CLAUSE_OPENERS = new Set(['the', 'a', 'an', 'we', 'i', 'you', 'they', 'he', 'she', 'it', 'this', 'that', 'there',
  'and', 'but', 'so', 'because', "we're", "i'm", "it's", "that's", "there's", "we'll", "i'll", "they're"]);

/**
 * A lone letter is a word cut off ("we will sell the t at twenty-five"),
 * except the words "a", "I", "o", initials ("J. Smith") and labels after a
 * capitalised word ("Plan B").
 */
function isFragmentLetter(text: string, tokens: Token[], k: number): boolean {
  const token = tokens[k]!;
  if (token.end - token.start !== 1 || !/\p{L}/u.test(token.norm) || 'aio'.includes(token.norm)) return false;
  // An initial ("J.") or the tail of a split contraction ("that 's").
  if (text[token.end] === '.' || /['’]/.test(text[token.start - 1] ?? '')) return false;
  const previous = tokens[k - 1];
  return !previous || isStopWord(previous.norm) || !/^\p{Lu}/u.test(text.slice(previous.start, previous.end));
}

function isOpener(text: string, token: Token, next: Token | undefined, pair: string): boolean {
  if (OPENER_PHRASES.has(pair)) return false;
  if (OPENERS.has(token.norm)) return true;
  return OPENERS_NEEDING_COMMA.has(token.norm) && /^\s*,/.test(text.slice(token.end, next?.start ?? text.length));
}

function hasTerminator(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (TERMINATOR.test(text[i]!)) return true;
  return false;
}

function isSpaceOrComma(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== ',' && !/\s/.test(text[i]!)) return false;
  return true;
}

/** A hedge is parenthetical when punctuation or a sentence edge sits on both sides. */
function isSetApart(text: string, tokens: Token[], k: number, clauseStart: boolean): boolean {
  const second = tokens[k + 1]!;
  const before = text.slice(tokens[k - 1]?.end ?? 0, tokens[k]!.start);
  const after = text.slice(second.end, tokens[k + 2]?.start ?? text.length);
  const openedApart = clauseStart || /[,;—–-]/.test(before);
  const closedApart = /[,.;!?—–-]/.test(after) || tokens[k + 2] === undefined;
  return openedApart && closedApart;
}

const MAX_REPEAT = 3;

/**
 * How many words starting at `k` are said again right after ("the the",
 * "we need to we need to"): the first copy goes when only spaces or commas
 * separate the words. Returns 0 when nothing repeats.
 */
function repeatedRunLength(text: string, tokens: Token[], k: number): number {
  for (let n = MAX_REPEAT; n >= 1; n--) {
    if (k + 2 * n > tokens.length) continue;
    let same = true;
    for (let j = 0; j < n && same; j++) same = tokens[k + j]!.norm === tokens[k + n + j]!.norm;
    if (!same || !/^[\s,]*$/.test(text.slice(tokens[k]!.end, tokens[k + 2 * n - 1]!.start).replace(/[\p{L}\p{N}'’\-]+/gu, ''))) {
      continue;
    }
    if (n === 1 && (ALLOWED_REPEATS.has(tokens[k]!.norm) || /^\p{N}/u.test(tokens[k]!.norm))) continue;
    return n;
  }
  return 0;
}

const MAX_RESTART_EXTRA = 2;

/**
 * How many words starting at `k` a speaker took back to start again: two or
 * three words, then one more function word (two after three), then the same
 * opening words again ("would gain more in would gain more profit" keeps
 * "would gain more profit"). Only spaces or commas may separate them. Returns 0 when there is
 * no restart.
 */
function restartLength(text: string, tokens: Token[], k: number): number {
  for (let extra = 1; extra <= MAX_RESTART_EXTRA; extra++) {
    // Two words and two more is often a contrast, not a restart: "on the one hand, on the other".
    for (let n = MAX_REPEAT; n >= extra + 1; n--) {
      const restart = k + n + extra;
      if (restart + n > tokens.length) continue;
      let same = true;
      for (let j = 0; j < n && same; j++) same = tokens[k + j]!.norm === tokens[restart + j]!.norm;
      // Words abandoned in between are function words ("in", "it"); a content word there is a list ("the red one and the blue one and…").
      for (let j = k + n; j < restart && same; j++) same = isStopWord(tokens[j]!.norm);
      if (same && /^[\s,]*$/.test(text.slice(tokens[k]!.end, tokens[restart]!.start).replace(/[\p{L}\p{N}'’\-]+/gu, ''))) return n + extra;
    }
  }
  return 0;
}

// Sticky, so it can test at a position without slicing the text.
const CLITIC_AT = /(?:'(?:s|re|ll|ve|d|m|t)|n't)(?![\p{L}])/iuy;
const TERMINATOR = /[.!?…]/;
const TRAILING_QUOTE = /["'”’)\]]/;
const SOFT_PUNCTUATION = /[,;:]/;
const ORPHAN_PUNCTUATION = /[.,;:!?…\-—–]/;
const NO_SPACE_BEFORE = /[,.;:!?…)]/;

/** Copies the kept characters, tidying spacing and punctuation left by the deletions. */
function rebuild(text: string, deleted: Uint8Array): Omit<CleanText, 'sourceWords'> {
  let out = '';
  // One slot per kept character at most; trimmed to the cleaned length at the end.
  const offsets = new Int32Array(text.length);
  let kept = 0;
  let pendingSpace = -1;
  let clauseStart = true;
  let afterTerminator = false;
  for (let i = 0; i < text.length; i++) {
    if (deleted[i]) continue;
    const code = text.charCodeAt(i);
    // Most characters are plain letters in mid-word: copy them straight.
    if (!clauseStart && pendingSpace === -1 && isAsciiAlphanumeric(code)) {
      out += text[i];
      offsets[kept++] = i;
      afterTerminator = false;
      continue;
    }
    const ch = text[i]!;
    if (isSpace(code, ch)) {
      if (out.length > 0 && pendingSpace === -1) pendingSpace = i;
      if (afterTerminator) clauseStart = true;
      continue;
    }
    // Punctuation orphaned at a sentence start (", we…", ". . Let's") goes.
    if (clauseStart && ORPHAN_PUNCTUATION.test(ch)) continue;
    const last = out.length > 0 ? out[out.length - 1]! : '';
    const lastIsSoft = last !== '' && SOFT_PUNCTUATION.test(last);
    if (lastIsSoft && SOFT_PUNCTUATION.test(ch)) continue;
    if (lastIsSoft && TERMINATOR.test(ch)) {
      out = out.slice(0, -1);
      kept--;
    }
    // Transcripts spell "great ." and "that 's"; join them back.
    if (pendingSpace !== -1 && (NO_SPACE_BEFORE.test(ch) || isClitic(text, i, last))) pendingSpace = -1;
    if (pendingSpace !== -1) {
      out += ' ';
      offsets[kept++] = pendingSpace;
      pendingSpace = -1;
    }
    const upper = clauseStart && /\p{Ll}/u.test(ch) && !isSourceClauseStart(text, i) ? ch.toUpperCase() : ch;
    // "ß" upper-cases to two letters; keep one character per source character.
    out += upper.length === 1 ? upper : ch;
    offsets[kept++] = i;
    clauseStart = false;
    afterTerminator = TERMINATOR.test(ch) || (afterTerminator && TRAILING_QUOTE.test(ch));
  }
  return { text: out, sourceOffsets: offsets.subarray(0, kept) };
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function isSpace(code: number, ch: string): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(ch));
}

function isClitic(text: string, at: number, last: string): boolean {
  if (!/\p{L}/u.test(last)) return false;
  CLITIC_AT.lastIndex = at;
  return CLITIC_AT.test(text);
}

function isSourceClauseStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i < 0 || TERMINATOR.test(text[i]!);
}
