/**
 * Chapter titles made of the chapter's own key phrases: noun phrases from its
 * most topical sentences, ranked by how specific their words are to this
 * chapter compared with the rest of the meeting (TF-IDF).
 */
import type { MeetingDocument } from '../meeting/meeting-document.ts';
import { countTerms, type TfIdfSpace } from '../retrieval/tfidf-space.ts';
import { analyzeTerms, contentTerm } from '../text/term-analyzer.ts';
import { tokenize } from '../text/tokenizer.ts';
import { nounPhrases, type NounPhrase } from './noun-phrases.ts';
import type { TopicSpan } from './topic-segmenter.ts';

export interface ChapterTitlerOptions {
  /** Sentences per chapter searched for phrases. */
  sentencesPerChapter: number;
  /** Sentences longer than this are rambling and skipped. */
  maxSentenceWords: number;
  /** A second phrase joins the title when it scores at least this share of the first. */
  secondPhraseShare: number;
  /** Score kept by a phrase already used in an earlier title. */
  reusePenalty: number;
}

export const DEFAULT_CHAPTER_TITLER: ChapterTitlerOptions = {
  sentencesPerChapter: 8,
  maxSentenceWords: 40,
  secondPhraseShare: 0.6,
  reusePenalty: 0.2,
};

const PHRASE_LENGTH_BONUS = 0.15;
const MIN_SENTENCE_WORDS = 4;
const REPEAT_BONUS = 0.2;

// Words frequent in every meeting that name no topic ("the first", "minutes").
const GENERIC_WORDS = new Set(analyzeTerms(
  'first second third last next minute minutes hour hours day days week weeks month months year years time times ' +
  'today tomorrow meeting meetings idea ideas point points part parts moment example examples question questions ' +
  'fact case end beginning start people guys everybody everyone ' +
  'monday tuesday wednesday thursday friday saturday sunday weekend',
));

interface ScoredPhrase {
  key: string;
  text: string;
  terms: string[];
  score: number;
}

/**
 * One title per topic span.
 *
 * @example
 * titleChapters(doc, spans, space) // e.g. ['Battery supplier', 'Launch date and press release']
 */
export function titleChapters(
  doc: MeetingDocument,
  spans: readonly TopicSpan[],
  space: TfIdfSpace,
  options: ChapterTitlerOptions = DEFAULT_CHAPTER_TITLER,
): string[] {
  const chapterCounts = spans.map((span) => {
    const counts = new Map<string, number>();
    for (let turn = span.fromTurn; turn <= span.toTurn; turn++) {
      for (const id of doc.turns[turn]!.sentences) countTerms(doc.sentences[id]!.terms, counts);
    }
    return counts;
  });
  const meetingCounts = new Map<string, number>();
  for (const counts of chapterCounts) for (const [term, count] of counts) meetingCounts.set(term, (meetingCounts.get(term) ?? 0) + count);

  const chapterWeights = chapterCounts.map((counts) => termWeights(counts, meetingCounts, space));
  const chapterSentences = spans.map((span, chapter) => topicalSentences(doc, span, chapterWeights[chapter]!, options));
  const phrasesPerChapter = nounPhrases(chapterSentences.map((ids) => ids.map((id) => doc.sentences[id]!.text)));

  const used = new Set<string>();
  return spans.map((span, chapter) => {
    const ranked = rankPhrases(doc, phrasesPerChapter[chapter]!, chapterWeights[chapter]!, used, options);
    if (ranked.length === 0) return fallbackTitle(doc, span, chapterWeights[chapter]!);
    const [first, ...rest] = ranked;
    used.add(first!.key);
    const second = rest.find((other) => other.score >= first!.score * options.secondPhraseShare &&
      !other.terms.some((term) => first!.terms.includes(term)));
    if (!second) return capitalise(first!.text);
    used.add(second.key);
    return capitalise(`${first!.text} and ${second.text}`);
  });
}

/** The chapter's noun phrases, best first, scored by the weight of their words. */
function rankPhrases(
  doc: MeetingDocument,
  found: readonly NounPhrase[],
  weights: Map<string, number>,
  used: ReadonlySet<string>,
  options: ChapterTitlerOptions,
): ScoredPhrase[] {
  const phrases = new Map<string, ScoredPhrase>();
  for (const candidate of found) {
    const phrase = withoutGenericOpening(candidate);
    // A person is who spoke about the topic, not the topic.
    if (phrase.words.length === 0 || phrase.words.every((word) => doc.people.resolve(word) !== null)) continue;
    const terms = phrase.words.map(contentTerm).filter((term) => term !== null);
    if (terms.length === 0 || terms.every((term) => GENERIC_WORDS.has(term))) continue;
    // Mean weight, so a phrase is not favoured just for being long; a little
    // credit per extra word still prefers "battery supplier" to "supplier".
    const mean = terms.reduce((sum, term) => sum + (weights.get(term) ?? 0), 0) / terms.length;
    const score = mean * (1 + PHRASE_LENGTH_BONUS * (terms.length - 1));
    if (score <= 0) continue;
    const key = phrase.words.join(' ');
    const known = phrases.get(key);
    // Said again, a phrase gains a little: repetition marks the topic.
    if (known) known.score += score * REPEAT_BONUS;
    else phrases.set(key, { key, text: phrase.surface.join(' '), terms, score: used.has(key) ? score * options.reusePenalty : score });
  }
  return [...phrases.values()].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/** "second payment bug" → "payment bug": ordinals and other generic openers name no topic. */
function withoutGenericOpening(phrase: NounPhrase): NounPhrase {
  let from = 0;
  while (from < phrase.words.length && GENERIC_WORDS.has(contentTerm(phrase.words[from]!) ?? '')) from++;
  return { surface: phrase.surface.slice(from), words: phrase.words.slice(from) };
}

/**
 * How characteristic each term is of a chapter: its count there (linear, so
 * what the chapter keeps coming back to wins) times IDF times the share of
 * the term's meeting-wide uses that fall in this chapter.
 */
function termWeights(counts: Map<string, number>, meetingCounts: Map<string, number>, space: TfIdfSpace): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [term, count] of counts) {
    weights.set(term, count * space.idf(term) * (count / meetingCounts.get(term)!));
  }
  return weights;
}

/** The chapter's sentences richest in its characteristic terms. */
function topicalSentences(doc: MeetingDocument, span: TopicSpan, weights: Map<string, number>, options: ChapterTitlerOptions): number[] {
  const scored: { id: number; score: number }[] = [];
  for (let turn = span.fromTurn; turn <= span.toTurn; turn++) {
    for (const id of doc.turns[turn]!.sentences) {
      const sentence = doc.sentences[id]!;
      // One-word exclamations ("Perfect.") tag as nouns but name nothing.
      if (sentence.words > options.maxSentenceWords || sentence.words < MIN_SENTENCE_WORDS) continue;
      let score = 0;
      for (const term of new Set(sentence.terms)) score += weights.get(term) ?? 0;
      scored.push({ id, score: score / Math.sqrt(sentence.words) });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.id - b.id);
  return scored.slice(0, options.sentencesPerChapter).map(({ id }) => id).sort((a, b) => a - b);
}

/** Without noun phrases, the chapter's strongest word as it was spoken. */
function fallbackTitle(doc: MeetingDocument, span: TopicSpan, weights: Map<string, number>): string {
  let best: { word: string; weight: number } | null = null;
  for (let turn = span.fromTurn; turn <= span.toTurn; turn++) {
    for (const id of doc.turns[turn]!.sentences) {
      const text = doc.sentences[id]!.text;
      for (const token of tokenize(text)) {
        const term = contentTerm(token.norm);
        if (term === null) continue;
        const weight = weights.get(term) ?? 0;
        if (!best || weight > best.weight) best = { word: text.slice(token.start, token.end), weight };
      }
    }
  }
  return best ? capitalise(best.word) : '';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
