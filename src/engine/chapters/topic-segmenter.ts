/**
 * Topic segmentation of a meeting in the manner of TextTiling (Hearst 1997):
 * compare the vocabulary of a window of speech before and after each turn
 * boundary, smooth the similarity curve, and cut where it dips deepest.
 * Boundaries fall only between turns, and chapters keep a minimum length so
 * an aside does not become a chapter.
 */
import type { MeetingDocument } from '../meeting/meeting-document.ts';
import type { TfIdfSpace } from '../retrieval/tfidf-space.ts';

/** A run of consecutive turns, by position in `MeetingDocument.turns`. */
export interface TopicSpan {
  fromTurn: number;
  toTurn: number;
}

export interface TopicSegmenterOptions {
  /** Content terms on each side of a boundary that are compared. */
  windowTerms: number;
  /** Smoothing passes of a 3-point moving average over the similarity curve. */
  smoothingPasses: number;
  /**
   * Topics grow with the logarithm of length: at most
   * 1 + topicsPerLogUnit × ln(words / wordsPerLogUnit) chapters.
   */
  topicsPerLogUnit: number;
  wordsPerLogUnit: number;
  maxTopics: number;
  /** A chapter is never shorter than this many words, nor (unless announced) than a third of an average chapter. */
  minTopicWords: number;
  /** Boundaries need a depth of at least mean + this × standard deviation of all depths. */
  depthDeviations: number;
  /**
   * Depth added, in standard deviations, where a turn announces a new topic
   * ("let's move to…", "moving on", "next item").
   */
  transitionDeviations: number;
}

export const DEFAULT_TOPIC_SEGMENTER: TopicSegmenterOptions = {
  windowTerms: 60,
  smoothingPasses: 2,
  topicsPerLogUnit: 1.3,
  wordsPerLogUnit: 600,
  maxTopics: 8,
  minTopicWords: 100,
  depthDeviations: 0.5,
  transitionDeviations: 1.5,
};

// How chairs move a meeting on: the turn saying it opens the next topic.
const TRANSITION = /\b(?:let's (?:move|get|turn|go|jump|switch) (?:on )?(?:to|into)|moving on|move on to|next (?:item|topic|point|up)|let's talk about|let's (?:start|begin) with|on to the|last (?:big )?(?:one|item|topic)|switching gears|(?:the )?next thing)\b/;

/**
 * Splits a meeting into topical runs of turns, covering every turn in order.
 *
 * @example
 * segmentTopics(doc, space).map((span) => [span.fromTurn, span.toTurn]) // e.g. [[0, 41], [42, 97]]
 */
export function segmentTopics(
  doc: MeetingDocument,
  space: TfIdfSpace,
  options: TopicSegmenterOptions = DEFAULT_TOPIC_SEGMENTER,
): TopicSpan[] {
  const lastTurn = doc.turns.length - 1;
  if (lastTurn < 0) return [];
  const whole = [{ fromTurn: 0, toTurn: lastTurn }];
  const expected = 1 + options.topicsPerLogUnit * Math.log(Math.max(1, doc.words / options.wordsPerLogUnit));
  const maxTopics = Math.min(options.maxTopics, Math.max(1, Math.round(expected)));
  const turnTerms = doc.turns.map((turn) => turn.sentences.flatMap((id) => doc.sentences[id]!.terms));
  const content = doc.turns.map((turn) => turn.position).filter((position) => turnTerms[position]!.length > 0);
  if (content.length < 4) return whole;

  const raw = gapSimilarities(content, turnTerms, space, options.windowTerms);
  const similarity = smooth(raw, options.smoothingPasses);
  const depth = depthScores(similarity);
  const mean = depth.reduce((sum, value) => sum + value, 0) / depth.length;
  const deviation = Math.sqrt(depth.reduce((sum, value) => sum + (value - mean) ** 2, 0) / depth.length);
  const threshold = mean + options.depthDeviations * deviation;
  const announced = new Set<number>();
  for (let gap = 0; gap < depth.length; gap++) {
    if (announcesTopic(doc, content[gap + 1]!)) {
      depth[gap]! += options.transitionDeviations * deviation + mean;
      announced.add(gap);
    }
  }

  // Words said before each turn, to measure chapter lengths.
  const wordsBefore = [0];
  for (const turn of doc.turns) wordsBefore.push(wordsBefore.at(-1)! + turn.words);
  // An announced topic may be short; an inferred one must be a real share of the meeting.
  const inferredMinWords = Math.max(options.minTopicWords, doc.words / maxTopics / 3);

  const order = depth.map((value, gap) => ({ value, gap }))
    .filter(({ value, gap }) => value > 0 && value >= threshold && (announced.has(gap) || isValley(similarity, gap)));
  order.sort((a, b) => b.value - a.value || a.gap - b.gap);
  const starts: number[] = [];
  for (const { gap } of order) {
    // Topics the chair announces count even beyond the expected number.
    if (starts.length >= options.maxTopics - 1 || (starts.length >= maxTopics - 1 && !announced.has(gap))) continue;
    // Gap g separates content[g] from content[g + 1]; the new chapter opens at the latter.
    const start = content[(announced.has(gap) ? gap : sharpen(raw, gap)) + 1]!;
    const bounds = [0, ...starts, doc.turns.length].sort((a, b) => a - b);
    const after = bounds.find((bound) => bound > start)!;
    const before = bounds.filter((bound) => bound < start).at(-1)!;
    const minWords = announced.has(gap) ? options.minTopicWords : inferredMinWords;
    if (wordsBefore[start]! - wordsBefore[before]! < minWords || wordsBefore[after]! - wordsBefore[start]! < minWords) {
      continue;
    }
    starts.push(start);
  }
  starts.sort((a, b) => a - b);
  const spans: TopicSpan[] = [];
  let from = 0;
  for (const start of starts) {
    spans.push({ fromTurn: from, toTurn: start - 1 });
    from = start;
  }
  spans.push({ fromTurn: from, toTurn: lastTurn });
  return spans;
}

/**
 * Similarity between the speech before and after each boundary between
 * content turns. The windows slide, and the dot product and norms are
 * updated term by term as turns enter and leave them, so the whole curve
 * costs one pass over the meeting.
 */
function gapSimilarities(content: number[], turnTerms: string[][], space: TfIdfSpace, windowTerms: number): number[] {
  const left = new SlidingWindow(space);
  const right = new SlidingWindow(space);
  let leftFrom = 0;
  let rightTo = 0;
  const similarities: number[] = [];
  for (let gap = 0; gap < content.length - 1; gap++) {
    // Left window: content turns ending at `gap`, just enough to hold windowTerms terms.
    left.add(turnTerms[content[gap]!]!, right);
    while (leftFrom < gap && left.size - turnTerms[content[leftFrom]!]!.length >= windowTerms) {
      left.remove(turnTerms[content[leftFrom++]!]!, right);
    }
    // Right window: content turns starting at `gap + 1`.
    if (rightTo <= gap) rightTo = gap + 1;
    else right.remove(turnTerms[content[gap]!]!, left);
    while (rightTo < content.length && right.size < windowTerms) right.add(turnTerms[content[rightTo++]!]!, left);
    similarities.push(left.cosineWith(right));
  }
  return similarities;
}

/** A bag of terms that keeps its idf-weighted norm and its dot product with a partner bag up to date. */
class SlidingWindow {
  readonly counts = new Map<string, number>();
  size = 0;
  private squares = 0;
  private dot = 0;

  constructor(private readonly space: TfIdfSpace) {}

  add(terms: readonly string[], partner: SlidingWindow): void {
    this.shift(terms, 1, partner);
  }

  remove(terms: readonly string[], partner: SlidingWindow): void {
    this.shift(terms, -1, partner);
  }

  cosineWith(partner: SlidingWindow): number {
    return this.squares > 0 && partner.squares > 0 ? this.dot / Math.sqrt(this.squares * partner.squares) : 0;
  }

  private shift(terms: readonly string[], step: 1 | -1, partner: SlidingWindow): void {
    for (const term of terms) {
      const idf = this.space.idf(term);
      const weight = idf * idf;
      const before = this.counts.get(term) ?? 0;
      const after = before + step;
      if (after === 0) this.counts.delete(term);
      else this.counts.set(term, after);
      this.squares += (after * after - before * before) * weight;
      const shared = step * (partner.counts.get(term) ?? 0) * weight;
      this.dot += shared;
      partner.dot += shared;
    }
    this.size += step * terms.length;
  }
}

function smooth(values: number[], passes: number): number[] {
  let current = values;
  for (let pass = 0; pass < passes; pass++) {
    current = current.map((value, i) => {
      const previous = current[i - 1] ?? value;
      const next = current[i + 1] ?? value;
      return (previous + value + next) / 3;
    });
  }
  return current;
}

/** Smoothing blurs where a valley bottoms out; the unsmoothed curve next to it knows. */
function sharpen(raw: number[], gap: number): number {
  let best = gap;
  for (const near of [gap - 1, gap + 1]) if (near >= 0 && near < raw.length && raw[near]! < raw[best]!) best = near;
  return best;
}

function announcesTopic(doc: MeetingDocument, turn: number): boolean {
  return doc.turns[turn]!.sentences.some((id) => TRANSITION.test(doc.sentences[id]!.lower));
}

function isValley(similarity: number[], i: number): boolean {
  return similarity[i]! <= (similarity[i - 1] ?? Infinity) && similarity[i]! <= (similarity[i + 1] ?? Infinity);
}

/** TextTiling depth: how far the curve climbs on each side of a point before falling again. */
function depthScores(similarity: number[]): number[] {
  return similarity.map((value, i) => {
    let left = value;
    for (let j = i - 1; j >= 0 && similarity[j]! >= left; j--) left = similarity[j]!;
    let right = value;
    for (let j = i + 1; j < similarity.length && similarity[j]! >= right; j++) right = similarity[j]!;
    return left - value + (right - value);
  });
}
