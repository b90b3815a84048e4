/**
 * Noun phrases ("battery supplier", "Q3 launch plan") from part-of-speech
 * tags. The tagger is wink-nlp's small English model, loaded on first use and
 * shared: it holds no request data.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isStopWord } from '../text/stop-words.ts';
import { foldCase } from '../text/tokenizer.ts';

/** A noun phrase: its words as written, and lower-cased. */
export interface NounPhrase {
  surface: string[];
  words: string[];
}

type Tagger = ReturnType<typeof winkNLP>;
let tagger: Tagger | null = null;

function getTagger(): Tagger {
  // Tags only: the other pipes (sentence boundaries, entities, sentiment) cost time and are unused.
  tagger ??= winkNLP(model, ['pos']);
  return tagger;
}

const MAX_PHRASE_WORDS = 4;
const MODIFIER_TAGS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const HEAD_TAGS = new Set(['NOUN', 'PROPN']);

/**
 * The noun phrases of each group of sentences: maximal runs of adjectives,
 * nouns and numbers that end in a noun, without stop words, at most four
 * words long. A group is tagged in one pass, which costs far less than one
 * pass per sentence.
 *
 * @example
 * nounPhrases([['We chose the new battery supplier.']])[0].map((phrase) => phrase.surface.join(' '))
 * // ['new battery supplier']
 */
export function nounPhrases(groups: readonly (readonly string[])[]): NounPhrase[][] {
  const nlp = getTagger();
  return groups.map((sentences) => {
    // Sentences without closing punctuation get a break, so no phrase runs across two.
    const text = sentences.map((sentence) => (/[.!?…]["'”’)]*$/.test(sentence) ? sentence : `${sentence} .`)).join('\n');
    const doc = nlp.readDoc(text);
    const words = doc.tokens().out();
    const tags = doc.tokens().out(nlp.its.pos);
    const phrases: NounPhrase[] = [];
    let run: number[] = [];
    const close = (): void => {
      while (run.length > 0 && !HEAD_TAGS.has(tags[run.at(-1)!]!)) run.pop();
      while (run.length > 0 && tags[run[0]!] === 'NUM') run.shift();
      const kept = run.slice(-MAX_PHRASE_WORDS);
      if (kept.length > 0) {
        phrases.push({ surface: kept.map((i) => words[i]!), words: kept.map((i) => foldCase(words[i]!)) });
      }
      run = [];
    };
    for (let i = 0; i < words.length; i++) {
      const usable = MODIFIER_TAGS.has(tags[i]!) && !isStopWord(foldCase(words[i]!)) && /[\p{L}\p{N}]/u.test(words[i]!);
      if (usable) run.push(i);
      else close();
    }
    close();
    return phrases;
  });
}
