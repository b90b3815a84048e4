/**
 * Turns text into index terms: content words, stemmed, so "budgets",
 * "budgeting" and "budget" meet in one term for retrieval and topic weights.
 */
import { porterStem } from './porter-stemmer.ts';
import { STOP_WORDS, isStopWord } from './stop-words.ts';
import { forEachWord } from './tokenizer.ts';

/**
 * The index term of a word, or null when the word carries no topic: a stop
 * word or an inflection of one ("gets", "looking"), a cut-off fragment, or a
 * single letter that is not a number.
 *
 * @example
 * contentTerm('budgets') // 'budget'
 * contentTerm('gets')    // null
 */
export function contentTerm(norm: string): string | null {
  if (norm.endsWith('-') || isStopWord(norm)) return null;
  const hasDigit = /\p{N}/u.test(norm);
  if (norm.length < 2 && !hasDigit) return null;
  // Possessives on names ("Priya's") index as the bare word.
  const bare = norm.endsWith("'s") ? norm.slice(0, -2) : norm;
  if (hasDigit) return bare;
  const term = porterStem(bare);
  return STOP_STEMS.has(term) ? null : term;
}

const STOP_STEMS: ReadonlySet<string> = new Set([...STOP_WORDS].map((word) => porterStem(word)));

/**
 * The index terms of a text, in order, repeats kept.
 *
 * @example
 * analyzeTerms('The budgets were approved by the board') // ['budget', 'approv', 'board']
 */
export function analyzeTerms(text: string): string[] {
  return analyzeWords(text).terms;
}

/**
 * The index terms of a text and its word count, in one pass.
 *
 * @example
 * analyzeWords('The budgets were approved') // { terms: ['budget', 'approv'], words: 4 }
 */
export function analyzeWords(text: string): { terms: string[]; words: number } {
  const terms: string[] = [];
  let words = 0;
  forEachWord(text, (norm) => {
    words++;
    const term = contentTerm(norm);
    if (term !== null) terms.push(term);
  });
  return { terms, words };
}

/** Letters two terms must share from the start to count as one word spelled two ways. */
const VARIANT_PREFIX = 5;

/**
 * Whether two index terms are the same word, allowing spelling variants the
 * stemmer keeps apart ("optimis" / "optimiz"); short terms must match exactly.
 *
 * @example
 * isTermVariant('optimis', 'optimiz') // true
 * isTermVariant('plan', 'planet')     // false
 */
export function isTermVariant(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= VARIANT_PREFIX && b.length >= VARIANT_PREFIX && a.slice(0, VARIANT_PREFIX) === b.slice(0, VARIANT_PREFIX);
}

const QUANTITY_WORDS = `
two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
thousands million millions billion half twice double triple couple dozen first second third
`;

const QUANTITY_TERMS: ReadonlySet<string> = new Set(QUANTITY_WORDS.trim().split(/\s+/).map((word) => porterStem(word)));

/**
 * Whether an index term is a spelled-out quantity ("two", "hundred"). Such
 * words recur in every meeting without saying what it was about, so they
 * should not make a sentence look central.
 *
 * @example
 * isQuantityTerm(contentTerm('weeks')!) // false
 * isQuantityTerm(contentTerm('two')!)   // true
 */
export function isQuantityTerm(term: string): boolean {
  return QUANTITY_TERMS.has(term);
}
