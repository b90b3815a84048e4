/**
 * The only file that talks to compromise and wink-nlp. It hands out plain
 * data: words with offsets and tags, person spans, and vocabulary look-ups.
 * Both libraries run in process on their bundled lexicons; nothing is
 * downloaded.
 */
import nlp from 'compromise';
import type { Term } from 'compromise/misc';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface NlpWord {
  text: string;
  start: number;
  end: number;
  /** compromise tags of the terms the word overlaps, e.g. `Person`, `FirstName`, `Place`, `Organization`. */
  tags: ReadonlySet<string>;
}

export interface NlpAnalysis {
  /** Words as Confer splits them: letters with inner apostrophes and hyphens ("O'Brien", "Hauta-aho"), or digit runs. */
  words: NlpWord[];
  /** Spans compromise reads as people, honorifics included. */
  people: Array<{ start: number; end: number }>;
}

/** compromise fills in `offset` after `compute('offset')`; its typings leave it out. */
interface OffsetTerm extends Term {
  offset?: { start: number; length: number };
}
interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
}

const compromiseModel = nlp.model() as CompromiseModel;
const wink = winkNLP(model);
/** wink answers vocabulary questions through any document; one empty document serves them all. */
const winkVocabulary = wink.readDoc('');

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’-][\p{L}\p{M}\p{N}]+)*|\p{N}+/gu;

function termSpans(terms: readonly OffsetTerm[]): Array<{ start: number; end: number; tags: ReadonlySet<string> }> {
  return terms
    .filter((t) => t.offset !== undefined)
    .map((t) => ({ start: t.offset!.start, end: t.offset!.start + t.offset!.length, tags: t.tags ?? new Set<string>() }));
}

/** Analyses `text`: words with compromise tags, and the people compromise finds. */
export function analyse(text: string): NlpAnalysis {
  const doc = nlp(text);
  doc.compute('offset');
  const terms = termSpans(doc.docs.flat());
  const words: NlpWord[] = [];
  let t = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    while (t < terms.length && terms[t]!.end <= start) t++;
    const tags = new Set<string>();
    for (let k = t; k < terms.length && terms[k]!.start < end; k++) for (const tag of terms[k]!.tags) tags.add(tag);
    words.push({ text: m[0], start, end, tags });
  }
  const people = doc
    .people()
    .docs.map((run) => termSpans(run))
    .filter((run) => run.length > 0)
    .map((run) => ({ start: run[0]!.start, end: run[run.length - 1]!.end }));
  return { words, people };
}

/** Whether the lower-cased word is in wink's English vocabulary (proper names mostly are not). */
export function isVocabularyWord(word: string): boolean {
  return !winkVocabulary.isOOV(word.toLowerCase());
}

/** compromise's own lexicon tags for a word, e.g. `['FemaleName']` for "june". */
export function lexiconTags(word: string): readonly string[] {
  const entry = compromiseModel.one.lexicon[word.toLowerCase()];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
}

/** Words that end organisation names ("Bank", "Orchestra", "University"). */
export function isOrganisationWord(word: string): boolean {
  return Object.hasOwn(compromiseModel.two.orgWords, word.toLowerCase());
}

/** Words that end place names ("Bay", "Creek", "Heights"). */
export function isPlaceWord(word: string): boolean {
  return Object.hasOwn(compromiseModel.two.placeWords, word.toLowerCase());
}
