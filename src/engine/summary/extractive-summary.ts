/**
 * The extractive part of a meeting summary: an overview of the most central
 * sentences and key points that cover the topics without repeating
 * themselves, both within a word budget.
 */
import type { SummaryItem } from '../../core/outputs.ts';
import { citeSentences } from '../meeting/citations.ts';
import type { MeetingDocument } from '../meeting/meeting-document.ts';
import { turnText } from '../meeting/turn-text.ts';
import type { TextStyle } from '../../core/outputs.ts';
import { selectByMmr, type MmrCandidate } from './mmr-selector.ts';
import type { Salience } from './salience-scorer.ts';

export interface ExtractiveOptions {
  /** Share of the budget the overview may use. */
  overviewShare: number;
  overviewMaxSentences: number;
  maxKeyPoints: number;
  /** Best-scoring candidates considered for selection; bounds the MMR cost on long meetings. */
  poolSize: number;
  /** Overview sentences shorter than this are discounted in proportion. */
  overviewIdealWords: number;
}

export const DEFAULT_EXTRACTIVE: ExtractiveOptions = {
  overviewShare: 0.3,
  overviewMaxSentences: 3,
  maxKeyPoints: 12,
  poolSize: 150,
  overviewIdealWords: 16,
};

/**
 * Sentence ids of the overview, in transcript order. When no sentence fits
 * its share, the overview may take one sentence from the whole budget.
 *
 * @example
 * selectOverview(doc, salience, 150) // e.g. [12, 88]
 */
export function selectOverview(
  doc: MeetingDocument,
  salience: Salience,
  budgetWords: number,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): number[] {
  // Overview sentences speak for the whole meeting: rank by global centrality,
  // discounting short sentences that are central only by saying little.
  const rank = (id: number): number =>
    salience.centrality[id]! * Math.min(1, doc.sentences[id]!.words / options.overviewIdealWords);
  const candidates = pool(doc, salience, rank, () => 0, options.poolSize);
  const share = Math.floor(budgetWords * options.overviewShare);
  let picked = selectByMmr(candidates, { budgetWords: share, maxItems: options.overviewMaxSentences });
  if (picked.length === 0) picked = selectByMmr(candidates, { budgetWords, maxItems: 1 });
  return picked.sort((a, b) => a - b);
}

/**
 * Sentence ids of the key points, in transcript order, avoiding what `taken` already says.
 *
 * @example
 * selectKeyPoints(doc, salience, 120, new Set(overviewIds)) // e.g. [3, 40, 57, 91]
 */
export function selectKeyPoints(
  doc: MeetingDocument,
  salience: Salience,
  budgetWords: number,
  taken: ReadonlySet<number>,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE,
): number[] {
  const candidates = pool(doc, salience, (id) => salience.score[id]!, (id) => salience.topicOf[id]!, options.poolSize)
    .filter((candidate) => !taken.has(candidate.id));
  const picked = selectByMmr(candidates, {
    budgetWords,
    maxItems: options.maxKeyPoints,
    taken: [...taken].map((id) => salience.vectors[id]!),
  });
  return picked.sort((a, b) => a - b);
}

/**
 * Summary items from sentence ids: consecutive sentences of one turn read as one item.
 *
 * @example
 * toSummaryItems(doc, [3, 4, 9]) // two items when 3 and 4 share a turn
 */
export function toSummaryItems(doc: MeetingDocument, ids: readonly number[], style: TextStyle = 'quotes'): SummaryItem[] {
  const items: SummaryItem[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    items.push({ text: turnText(doc, run, style), citations: citeSentences(doc, run) });
    run = [];
  };
  for (const id of ids) {
    const previous = run.at(-1);
    if (previous !== undefined && (id !== previous + 1 || doc.sentences[id]!.turn !== doc.sentences[previous]!.turn)) flush();
    run.push(id);
  }
  flush();
  return items;
}

/**
 * One item joining all sentences (the overview). A sentence that ends without
 * punctuation (common in transcripts) is followed by a line break rather than
 * a space, so it does not run into the next one; nothing is added to it.
 */
export function toSingleItem(doc: MeetingDocument, ids: readonly number[], style: TextStyle = 'quotes'): SummaryItem {
  let text = '';
  for (const id of ids) {
    const sentence = turnText(doc, [id], style);
    if (text.length > 0) text += /[.!?…]["'”’)]*$/.test(text) ? ' ' : '\n';
    text += sentence;
  }
  return { text, citations: citeSentences(doc, ids) };
}

function pool(
  doc: MeetingDocument,
  salience: Salience,
  rank: (id: number) => number,
  group: (id: number) => number,
  size: number,
): MmrCandidate[] {
  return salience.candidates
    .map((id) => ({ id, score: rank(id), vector: salience.vectors[id]!, words: doc.sentences[id]!.words, group: group(id) }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, size);
}
