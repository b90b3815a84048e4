/**
 * How summary-worthy each sentence is: close to the meeting's overall
 * vocabulary (centroid centrality, as in MEAD), close to its own topic's, of
 * informative length and said in a substantial turn. Questions, fragments and
 * rambling sentences are not candidates at all.
 */
import type { TopicSpan } from '../chapters/topic-segmenter.ts';
import type { MeetingDocument } from '../meeting/meeting-document.ts';
import { cosine, countTerms, type TermVector, type TfIdfSpace } from '../retrieval/tfidf-space.ts';
import { isQuantityTerm } from '../text/term-analyzer.ts';

export interface SalienceOptions {
  centralityWeight: number;
  topicWeight: number;
  lengthWeight: number;
  turnWeight: number;
  /**
   * Weight of term density (SumBasic): the mean meeting frequency of the
   * sentence's distinct terms, so sentences made of what the meeting keeps
   * talking about rank high even when those words are too common for IDF.
   */
  frequencyWeight: number;
  /** Sentences this long or longer get the full length score. */
  idealWords: number;
  /** Turns this long or longer get the full turn score. */
  substantialTurnWords: number;
  minWords: number;
  maxWords: number;
  /** Distinct index terms a candidate needs. */
  minTerms: number;
}

export const DEFAULT_SALIENCE: SalienceOptions = {
  centralityWeight: 0.45,
  topicWeight: 0.3,
  lengthWeight: 0.15,
  turnWeight: 0.1,
  frequencyWeight: 1,
  idealWords: 16,
  substantialTurnWords: 60,
  minWords: 6,
  maxWords: 45,
  minTerms: 3,
};

export interface Salience {
  /** TF-IDF vector of every sentence, by id. */
  vectors: TermVector[];
  /** Combined score by sentence id; 0 for non-candidates. */
  score: Float64Array;
  /** Cosine with the whole meeting's centroid, by sentence id. */
  centrality: Float64Array;
  /** Topic index of every sentence. */
  topicOf: Int32Array;
  /** Sentence ids eligible for the summary. */
  candidates: number[];
}

/**
 * Scores every sentence of a meeting.
 *
 * @example
 * const salience = scoreSalience(doc, space, topics);
 * salience.candidates.sort((a, b) => salience.score[b] - salience.score[a])[0] // most salient sentence id
 */
export function scoreSalience(
  doc: MeetingDocument,
  space: TfIdfSpace,
  topics: readonly TopicSpan[],
  options: SalienceOptions = DEFAULT_SALIENCE,
): Salience {
  const count = doc.sentences.length;
  const vectors = doc.sentences.map((sentence) => space.vector(sentence.terms));
  const topicOf = new Int32Array(count);
  const topicCounts = topics.map(() => new Map<string, number>());
  const meetingCounts = new Map<string, number>();
  topics.forEach((topic, t) => {
    for (let turn = topic.fromTurn; turn <= topic.toTurn; turn++) {
      for (const id of doc.turns[turn]!.sentences) {
        topicOf[id] = t;
        countTerms(doc.sentences[id]!.terms, topicCounts[t]);
        countTerms(doc.sentences[id]!.terms, meetingCounts);
      }
    }
  });
  const meetingCentroid = space.weigh(meetingCounts);
  const topicCentroids = topicCounts.map((counts) => space.weigh(counts));

  const centrality = new Float64Array(count);
  const topical = new Float64Array(count);
  const candidates: number[] = [];
  for (const sentence of doc.sentences) {
    centrality[sentence.id] = cosine(vectors[sentence.id]!, meetingCentroid);
    topical[sentence.id] = cosine(vectors[sentence.id]!, topicCentroids[topicOf[sentence.id]!]!);
    const eligible = !sentence.isQuestion && sentence.words >= options.minWords && sentence.words <= options.maxWords &&
      new Set(sentence.terms).size >= options.minTerms;
    if (eligible) candidates.push(sentence.id);
  }
  const density = new Float64Array(count);
  if (options.frequencyWeight > 0) {
    for (const id of candidates) {
      const distinct = new Set(doc.sentences[id]!.terms);
      let sum = 0;
      for (const term of distinct) if (!isQuantityTerm(term)) sum += meetingCounts.get(term) ?? 0;
      density[id] = sum / Math.max(1, doc.sentences[id]!.words);
    }
  }
  let maxDensity = 1e-9;
  for (const id of candidates) maxDensity = Math.max(maxDensity, density[id]!);
  const maxCentrality = Math.max(1e-9, ...candidates.map((id) => centrality[id]!));
  const maxTopical = Math.max(1e-9, ...candidates.map((id) => topical[id]!));

  const score = new Float64Array(count);
  for (const id of candidates) {
    const sentence = doc.sentences[id]!;
    const turnWords = doc.turns[sentence.turn]!.words;
    score[id] = options.centralityWeight * (centrality[id]! / maxCentrality) +
      options.topicWeight * (topical[id]! / maxTopical) +
      options.lengthWeight * Math.min(1, sentence.words / options.idealWords) +
      options.turnWeight * Math.min(1, Math.log1p(turnWords) / Math.log1p(options.substantialTurnWords)) +
      options.frequencyWeight * (density[id]! / maxDensity);
  }
  return { vectors, score, centrality, topicOf, candidates };
}
