/**
 * Ranks a meeting's turns against a question, best first: what the answer's
 * sources list shows. A turn scores by its best sentence and by its own BM25
 * match, and gains from the turns around it that keep talking about the
 * question (a stretch of discussion outranks a word said in passing). The
 * ranking is spread out: a turn right next to one already ranked adds little
 * new evidence, so it waits behind turns from other parts of the meeting.
 */
import type { MeetingDocument } from '../meeting/meeting-document.ts';
import type { Bm25Index } from '../retrieval/bm25-index.ts';
import type { ExpandedQuery } from './query-expansion.ts';

export interface TurnRankingOptions {
  /** Weight of the turn's best sentence score, relative to its best in the meeting. */
  sentenceWeight: number;
  /** Weight of the turn's own BM25 score, relative to the best turn's. */
  turnWeight: number;
  /** Turns before a turn whose BM25 score counts as its context. */
  contextBefore: number;
  /** Turns after a turn whose BM25 score counts as its context. */
  contextAfter: number;
  /** Turns shorter than this many words lose score in proportion (square root): a few words rarely hold an answer. */
  fullWords: number;
  /** Weight of the context score, relative to the best context. */
  contextWeight: number;
  /** Turns either side of a ranked turn that count as the same place in the meeting. */
  spreadTurns: number;
  /** Score kept by a turn in the same place as one already ranked. */
  spreadPenalty: number;
  /** Multiplier for turns spoken by a person the question names. */
  speakerBoost: number;
  /**
   * Relevance a turn by a person the question names has before any of its words match:
   * asked what someone said or presented, their turns are candidates even where they word the
   * topic differently, the longer ones first (see `fullWords`).
   */
  speakerFloor: number;
  /** Context and spread reach at most this share of the meeting's turns: in a short meeting everything is near. */
  reachShare: number;
  /** Turns listed. */
  limit: number;
}

export const DEFAULT_TURN_RANKING: TurnRankingOptions = {
  sentenceWeight: 1,
  turnWeight: 0.5,
  contextBefore: 40,
  contextAfter: 10,
  fullWords: 10,
  contextWeight: 1,
  spreadTurns: 20,
  spreadPenalty: 0.5,
  speakerBoost: 3,
  speakerFloor: 0,
  reachShare: 0.1,
  limit: 10,
};

export interface RankedTurn {
  /** Position in `MeetingDocument.turns`. */
  turn: number;
  /** Relevance, 1 for the best turn. */
  score: number;
}

/**
 * The turns that best answer the question, best first.
 *
 * @example
 * rankTurns(doc, indexes.turns, query, sentenceScores)[0] // { turn: 42, score: 1 }
 */
export function rankTurns(
  doc: MeetingDocument,
  turns: Bm25Index,
  query: ExpandedQuery,
  sentenceScores: Float64Array,
  options: TurnRankingOptions = DEFAULT_TURN_RANKING,
  people: readonly string[] = [],
): RankedTurn[] {
  const n = doc.turns.length;
  if (n === 0) return [];
  const best = new Float64Array(n);
  for (const sentence of doc.sentences) best[sentence.turn] = Math.max(best[sentence.turn]!, sentenceScores[sentence.id]!);
  const own = turns.score(query.weights);
  // Context: the turns before a turn weigh more (a topic is named, then discussed), each less the further it is.
  const reach = (turns: number) => Math.min(turns, Math.floor(n * options.reachShare));
  const [before, after, spread] = [reach(options.contextBefore), reach(options.contextAfter), reach(options.spreadTurns)];
  const context = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = Math.max(0, i - before); j <= Math.min(n - 1, i + after); j++) {
      sum += own[j]! * (1 - Math.abs(i - j) / ((j <= i ? before : after) + 1));
    }
    context[i] = sum;
  }
  const norm = (values: Float64Array) => {
    let top = 0;
    for (const value of values) top = Math.max(top, value);
    return top > 0 ? top : 1;
  };
  const [bestTop, ownTop, contextTop] = [norm(best), norm(own), norm(context)];
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const byNamed = people.includes(doc.turns[i]!.speaker);
    const floor = byNamed ? options.speakerFloor : 0;
    if (best[i]! <= 0 && own[i]! <= 0 && floor <= 0) continue;
    const length = options.fullWords > 0 ? Math.sqrt(Math.min(1, doc.turns[i]!.words / options.fullWords)) : 1;
    const speaker = byNamed ? options.speakerBoost : 1;
    score[i] = speaker * length * (options.sentenceWeight * (best[i]! / bestTop) + options.turnWeight * (own[i]! / ownTop) +
      options.contextWeight * (context[i]! / contextTop) + floor);
  }
  const candidates = [...score.keys()].filter((i) => score[i]! > 0).sort((a, b) => score[b]! - score[a]! || a - b);
  const ranked: RankedTurn[] = [];
  const taken: number[] = [];
  const pool = candidates.slice(0, Math.max(options.limit * 20, 50));
  const current = new Map(pool.map((i) => [i, score[i]!]));
  while (ranked.length < options.limit && current.size > 0) {
    let pick = -1;
    let pickScore = -Infinity;
    for (const [i, s] of current) if (s > pickScore || (s === pickScore && i < pick)) [pick, pickScore] = [i, s];
    current.delete(pick);
    taken.push(pick);
    ranked.push({ turn: pick, score: pickScore });
    for (const [i, s] of current) {
      if (Math.abs(i - pick) <= spread) current.set(i, s * options.spreadPenalty);
    }
  }
  const top = ranked[0]?.score ?? 1;
  return ranked.map(({ turn, score: s }) => ({ turn, score: Math.round((s / top) * 1000) / 1000 }));
}
