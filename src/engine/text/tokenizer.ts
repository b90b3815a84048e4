/**
 * Word tokenisation with character offsets, so callers can always point back
 * at the exact text a token came from.
 */

/** One word of a text: its lower-cased form and where it sits. */
export interface Token {
  /** Lower-cased, with typographic apostrophes folded to `'`. */
  norm: string;
  /** Offset of the first character in the source text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

// A word is a run of letters/digits that may continue through an apostrophe,
// hyphen or a dot between digits ("don't", "follow-up", "3.5"), so contractions
// and decimals stay whole. A trailing hyphen marks a cut-off word ("defin-").
const WORD = /[\p{L}\p{N}]+(?:(?:['’\-][\p{L}\p{N}]+)|(?:(?<=\p{N})[.,:](?=\p{N})\p{N}+))*-?/gu;

/**
 * Splits text into word tokens, ignoring punctuation.
 *
 * @example
 * tokenize("Don't ship v2.5 yet").map((t) => t.norm) // ["don't", 'ship', 'v2.5', 'yet']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (norm, start, end) => tokens.push({ norm, start, end }));
  return tokens;
}

/**
 * Calls `visit` for each word of a text, as `tokenize` would list it, without
 * building the list: the hot paths only count words or collect their terms.
 */
export function forEachWord(text: string, visit: (norm: string, start: number, end: number) => void): void {
  // A local copy keeps the shared expression's lastIndex out of reach of re-entrant calls.
  const word = new RegExp(WORD);
  for (let match = word.exec(text); match !== null; match = word.exec(text)) {
    visit(foldCase(match[0]), match.index, match.index + match[0].length);
  }
}

/**
 * Lower-cases text and folds typographic apostrophes, as `tokenize` does for
 * each word; cue patterns match against this form.
 *
 * @example
 * foldCase('We’ll Decide') // "we'll decide"
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}
