/**
 * Ranks a meeting's sentences against a question: BM25 on the sentence, plus
 * what its whole turn says (a reply often names its topic only in the turn
 * around it), adjusted for who spoke, whether it states rather than asks, and
 * for "when" questions whether it names a time.
 */
import { findDueDate } from '../dates/due-date-finder.ts';
import type { MeetingDocument } from '../meeting/meeting-document.ts';
import { Bm25Index, DEFAULT_BM25 } from '../retrieval/bm25-index.ts';
import type { ExpandedQuery } from './query-expansion.ts';
import type { QuestionIntent } from './question-intent.ts';

export interface RankingOptions {
  /**
   * Score kept by a sentence that matches none of the asked terms itself
   * (only expansions, or only through its turn); matching all keeps it whole.
   */
  coordinationFloor: number;
  /** BM25 length normalisation for sentences: milder than for documents, sentences being short. */
  sentenceLengthNormalisation: number;
  /** Share of the turn's BM25 score added to each of its sentences. */
  turnWeight: number;
  /** Multiplier for sentences spoken by a person the question names. */
  speakerBoost: number;
  /** Multiplier for sentences naming a person the question names. */
  mentionBoost: number;
  /** Multiplier for questions: answers state things. */
  questionPenalty: number;
  /** Multiplier, for "when" questions, for sentences naming a date or time. */
  timeBoost: number;
  /** Sentences this short or shorter weigh half: too little to answer with. */
  shortWords: number;
  /** How many leading sentences "when" questions check for times. */
  timeCheckDepth: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  coordinationFloor: 0.4,
  sentenceLengthNormalisation: 0.5,
  turnWeight: 0.3,
  speakerBoost: 1.6,
  mentionBoost: 1.3,
  questionPenalty: 0.6,
  timeBoost: 1.5,
  shortWords: 3,
  timeCheckDepth: 20,
};

/** The question's indexes over one meeting, built once per question. */
export interface MeetingIndexes {
  sentences: Bm25Index;
  turns: Bm25Index;
}

/**
 * Indexes a meeting's sentences and turns for BM25.
 *
 * @example
 * const indexes = indexMeeting(doc);
 * indexes.sentences.size === doc.sentences.length // true
 */
export function indexMeeting(doc: MeetingDocument, options: RankingOptions = DEFAULT_RANKING): MeetingIndexes {
  return {
    sentences: new Bm25Index(doc.sentences.map((sentence) => sentence.terms), { ...DEFAULT_BM25, b: options.sentenceLengthNormalisation }),
    turns: new Bm25Index(doc.turns.map((turn) => turn.sentences.flatMap((id) => doc.sentences[id]!.terms))),
  };
}

/**
 * A relevance score for every sentence (by id); 0 means unrelated.
 *
 * @example
 * const scores = rankSentences(doc, indexes, query, intent);
 * scores.indexOf(Math.max(...scores)) // id of the best sentence
 */
export function rankSentences(
  doc: MeetingDocument,
  indexes: MeetingIndexes,
  query: ExpandedQuery,
  intent: QuestionIntent,
  options: RankingOptions = DEFAULT_RANKING,
): Float64Array {
  const sentenceScores = indexes.sentences.score(query.weights);
  const turnScores = indexes.turns.score(query.weights);
  const people = new Set(intent.people);
  const asked = [...query.equivalents].map(([term, same]) => ({ same, weight: indexes.sentences.idf(term) }));
  const totalWeight = asked.reduce((sum, { weight }) => sum + weight, 0);
  const scores = new Float64Array(doc.sentences.length);
  for (const sentence of doc.sentences) {
    let score = sentenceScores[sentence.id]! + options.turnWeight * turnScores[sentence.turn]!;
    if (score > 0 && totalWeight > 0) {
      // Sentences that contain more of what was asked beat ones repeating a single word of it.
      const matched = asked.reduce((sum, { same, weight }) => sum + (sentence.terms.some((term) => same.has(term)) ? weight : 0), 0);
      score *= options.coordinationFloor + (1 - options.coordinationFloor) * (matched / totalWeight);
    }
    if (people.size > 0) {
      if (people.has(doc.turns[sentence.turn]!.speaker)) score = (score || 1e-3) * options.speakerBoost;
      if (doc.people.findMentions(sentence.text).some((mention) => people.has(mention.name))) score *= options.mentionBoost;
    }
    if (sentence.isQuestion) score *= options.questionPenalty;
    if (sentence.words <= options.shortWords) score *= 0.5;
    scores[sentence.id] = score;
  }
  if (intent.kind === 'when') boostTimes(doc, scores, options);
  return scores;
}

function boostTimes(doc: MeetingDocument, scores: Float64Array, options: RankingOptions): void {
  const leading = [...scores.keys()].filter((id) => scores[id]! > 0)
    .sort((a, b) => scores[b]! - scores[a]!)
    .slice(0, options.timeCheckDepth);
  for (const id of leading) {
    if (findDueDate(doc.sentences[id]!.text, null) !== null) scores[id]! *= options.timeBoost;
  }
}
