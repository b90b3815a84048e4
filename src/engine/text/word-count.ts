/**
 * Word counting that agrees with `tokenize`, used for every length budget so
 * "60 words" means the same thing everywhere in the engine.
 */
import { forEachWord } from './tokenizer.ts';

/**
 * Counts the words of a text; punctuation does not count.
 *
 * @example
 * countWords("We'll ship v2.5 on Friday.") // 5
 */
export function countWords(text: string): number {
  let words = 0;
  forEachWord(text, () => words++);
  return words;
}
