/**
 * The word budget shared by the extractive baselines, so that every system
 * is compared at the same summary length.
 */

/**
 * Words in a text: white-space separated tokens holding a letter or digit,
 * so the spaced-out punctuation of tokenised transcripts (` , `) is free.
 *
 * @example
 * countWords('so , we agreed .') // 3
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count++;
  return count;
}

/**
 * Takes sentences in priority order while they fit in `maxWords`; a sentence
 * that would overflow is skipped and later, shorter ones are still tried.
 * Sentences without words are never taken.
 * Returns the chosen sentences in document order.
 *
 * @example
 * fillBudget([2, 0, 1], ['a b c', 'd e', 'f'], 3) // ['d e', 'f']
 */
export function fillBudget(priority: readonly number[], sentences: readonly string[], maxWords: number): string[] {
  const chosen: number[] = [];
  let left = maxWords;
  for (const index of priority) {
    const words = countWords(sentences[index]);
    if (words === 0 || words > left) continue;
    chosen.push(index);
    left -= words;
  }
  return chosen.sort((a, b) => a - b).map((index) => sentences[index]);
}
