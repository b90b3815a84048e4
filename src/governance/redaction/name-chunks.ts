import { isHonorific } from './honorifics.ts';
import type { NlpWord } from './nlp-adapter.ts';

/**
 * Candidate name chunks: runs of capitalised words ("Faina D. Yefremova",
 * "Willemine ten Pas", "Kevin Veitonen II") that could be a person's name.
 * Whether a chunk is a person is decided by the name detector; this file
 * only finds the runs.
 */

export interface NameChunk {
  /** The words of the chunk, without a leading title or a trailing possessive "'s". */
  words: NlpWord[];
  start: number;
  end: number;
  /** A title ("Dr.", "ms.") stands right before the chunk. */
  titled: boolean;
  possessive: boolean;
}

/** Lower-case particles inside names: "Ludwig van Beethoven", "Maria da Silva", "Willemine ten Pas". */
const PARTICLES = new Set('van von de da di del della der den du le la bin ibn al ter ten dos das do y zu'.split(' '));
const GENERATION = /^(?:II|III|IV|Jr|Sr)$/;

const NOT_NAMES = new Set(
  (
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday tonight ' +
    'hi hello hey dear thanks thank welcome congrats congratulations ok okay yes no oh well please sorry sure ' +
    'apt apartment suite unit box floor room ste bldg building po'
  ).split(' '),
);
const FUNCTION_TAGS = ['Determiner', 'Conjunction', 'Preposition', 'Pronoun', 'QuestionWord', 'Actor'];
const POSSESSIVE = /['’]s$/;

export function bareWord(word: NlpWord): string {
  return word.text.replace(POSSESSIVE, '');
}

function isInitial(word: NlpWord): boolean {
  return /^\p{Lu}$/u.test(word.text);
}

function isNameWord(word: NlpWord): boolean {
  const bare = bareWord(word);
  if (!/^\p{Lu}/u.test(bare) || bare.length < 2 || /\p{N}/u.test(bare) || /^I['’]/.test(bare)) return false;
  if (NOT_NAMES.has(bare.toLowerCase()) || isHonorific(bare) || FUNCTION_TAGS.some((t) => word.tags.has(t))) return false;
  // All-capital words are headings, acronyms or shouted place names unless compromise knows them as people.
  return bare !== bare.toUpperCase() || word.tags.has('Person');
}

/** Verbs that open a request about a person and that compromise reads as nouns ("Email Bo"). */
const COMMAND_WORDS = new Set('call email e-mail ask tell ping text message invite remind thank cc loop contact phone meet'.split(' '));

/** A command word that opens a chunk: an imperative verb that is not itself known as a name. */
function isLeadingCommand(word: NlpWord): boolean {
  if (word.tags.has('Person') || word.tags.has('FirstName')) return false;
  return word.tags.has('Imperative') || COMMAND_WORDS.has(word.text.toLowerCase());
}

/** Whether the text between two words keeps them in one name. */
function joins(gap: string, left: NlpWord): boolean {
  return gap === ' ' || (isInitial(left) && /^\. ?$/.test(gap));
}

export function findNameChunks(text: string, words: readonly NlpWord[]): NameChunk[] {
  const chunks: NameChunk[] = [];
  let i = 0;
  while (i < words.length) {
    const first = words[i]!;
    const startsWithInitial = isInitial(first) && words[i + 1] !== undefined && joins(text.slice(first.end, words[i + 1]!.start), first);
    if (!isNameWord(first) && !(startsWithInitial && isNameWord(words[i + 1]!))) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < words.length && !POSSESSIVE.test(words[j]!.text)) {
      const next = words[j + 1]!;
      if (!joins(text.slice(words[j]!.end, next.start), words[j]!)) break;
      if (isNameWord(next) || isInitial(next) || GENERATION.test(next.text)) {
        j++;
        continue;
      }
      // A particle joins only when a capitalised word follows it.
      const after = words[j + 2];
      if (PARTICLES.has(next.text) && after !== undefined && text.slice(next.end, after.start) === ' ' && isNameWord(after)) {
        j += 2;
        continue;
      }
      break;
    }
    // A trailing initial is more likely a sentence's "I" or a list letter than part of the name.
    while (j > i && isInitial(words[j]!)) j--;
    // "Call Ann Lee", "Email Bo Chen": a capitalised command before a name is not part of it.
    if (j > i && isLeadingCommand(first)) i++;
    const run = words.slice(i, j + 1);
    const last = run[run.length - 1]!;
    const previous = words[i - 1];
    const possessive = POSSESSIVE.test(last.text);
    const head = run[0]!;
    chunks.push({
      words: run,
      start: head.start,
      end: possessive ? last.end - 2 : last.end,
      titled: previous !== undefined && isHonorific(previous.text) && /^\.? +$/.test(text.slice(previous.end, head.start)),
      possessive,
    });
    i = j + 1;
  }
  return chunks;
}
