/**
 * The classic extractive baselines the engine is measured against. Each takes
 * candidate sentences in document order and a word budget, and returns the
 * chosen sentences in document order (budget rule: `fillBudget`).
 */
import { contentTerms } from './lexical.ts';
import { ngramCounts, overlapScore, rougeTokens } from './rouge.ts';
import { countWords, fillBudget } from './word-budget.ts';

/** mulberry32: a small, fast 32-bit generator, plenty for shuffling. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Sentences drawn in a random order; the same seed gives the same summary.
 *
 * @example
 * randomSummary(sentences, 100, 42)
 */
export function randomSummary(sentences: readonly string[], maxWords: number, seed: number): string[] {
  const random = seededRandom(seed);
  const order = sentences.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return fillBudget(order, sentences, maxWords);
}

/**
 * The first sentences of the document.
 *
 * @example
 * leadSummary(['a b', 'c d', 'e f'], 4) // ['a b', 'c d']
 */
export function leadSummary(sentences: readonly string[], maxWords: number): string[] {
  return fillBudget(
    sentences.map((_, i) => i),
    sentences,
    maxWords,
  );
}

const DAMPING = 0.85;
const CONVERGENCE = 1e-4;

/**
 * TextRank sentence scores (Mihalcea & Tarau 2004, §4): an undirected graph
 * whose edge weight is |common terms| / (log|Si| + log|Sj|) over stemmed,
 * stop-word-free terms, ranked by weighted PageRank with d = 0.85 until no
 * score moves by 1e-4. A pair of one-term sentences has no edge, since the
 * formula's denominator is zero there.
 *
 * @example
 * textRankScores(['the remote control', 'a remote with buttons', 'lunch']) // [1.0, 1.0, 0.15]
 */
export function textRankScores(sentences: readonly string[]): number[] {
  const n = sentences.length;
  const terms = sentences.map((s) => contentTerms(s));
  const distinct = terms.map((t) => [...new Set(t)]);
  const postings = new Map<string, number[]>();
  distinct.forEach((set, i) => {
    for (const term of set) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });

  const neighbours: number[][] = Array.from({ length: n }, () => []);
  const weights: number[][] = Array.from({ length: n }, () => []);
  // Common-term counts via the postings lists: only pairs that share a term are visited.
  const common = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const touched: number[] = [];
    for (const term of distinct[i]) {
      for (const j of postings.get(term) ?? []) {
        if (j <= i) continue;
        if (common[j] === 0) touched.push(j);
        common[j]++;
      }
    }
    for (const j of touched) {
      const denominator = Math.log(terms[i].length) + Math.log(terms[j].length);
      if (denominator > 0) {
        const weight = common[j] / denominator;
        neighbours[i].push(j);
        weights[i].push(weight);
        neighbours[j].push(i);
        weights[j].push(weight);
      }
      common[j] = 0;
    }
  }

  const outWeight = weights.map((ws) => ws.reduce((sum, w) => sum + w, 0));
  let score = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (;;) {
    let change = 0;
    for (let i = 0; i < n; i++) {
      let incoming = 0;
      const ns = neighbours[i];
      const ws = weights[i];
      for (let e = 0; e < ns.length; e++) incoming += (ws[e] / outWeight[ns[e]]) * score[ns[e]];
      next[i] = 1 - DAMPING + DAMPING * incoming;
      change = Math.max(change, Math.abs(next[i] - score[i]));
    }
    [score, next] = [next, score];
    if (change < CONVERGENCE) return [...score];
  }
}

/**
 * The highest-ranked TextRank sentences; ties go to the earlier sentence.
 *
 * @example
 * textRankSummary(sentences, 100)
 */
export function textRankSummary(sentences: readonly string[], maxWords: number): string[] {
  const scores = textRankScores(sentences);
  const order = sentences.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  return fillBudget(order, sentences, maxWords);
}

/** Clipped n-gram overlap with the reference, kept up to date as sentences are added. */
class OverlapTracker {
  private readonly chosen = new Map<string, number>();
  overlap = 0;
  size = 0;

  constructor(private readonly reference: ReadonlyMap<string, number>) {}

  /** Overlap and size if `grams` (restricted to the reference) and `size` more were added. */
  withAdded(grams: ReadonlyMap<string, number>, size: number): { overlap: number; size: number } {
    let overlap = this.overlap;
    for (const [gram, count] of grams) {
      const have = this.chosen.get(gram) ?? 0;
      const cap = this.reference.get(gram) ?? 0;
      overlap += Math.min(have + count, cap) - Math.min(have, cap);
    }
    return { overlap, size: this.size + size };
  }

  add(grams: ReadonlyMap<string, number>, size: number): void {
    ({ overlap: this.overlap, size: this.size } = this.withAdded(grams, size));
    for (const [gram, count] of grams) this.chosen.set(gram, (this.chosen.get(gram) ?? 0) + count);
  }
}

function restrictTo(grams: Map<string, number>, reference: ReadonlyMap<string, number>): Map<string, number> {
  for (const gram of grams.keys()) if (!reference.has(gram)) grams.delete(gram);
  return grams;
}

/**
 * Greedy extractive oracle (as in SummaRuNNer and the QMSum paper): keep
 * adding the sentence that most raises ROUGE-1 F1 + ROUGE-2 F1 against the
 * reference, until nothing raises it or nothing else fits the budget.
 * During the search n-grams are counted within sentences, so bigrams that
 * would straddle two chosen sentences are ignored; the result is then scored
 * as a whole like any other system.
 *
 * @example
 * oracleSummary(sentences, referenceSummary, 100)
 */
export function oracleSummary(sentences: readonly string[], reference: string, maxWords: number): string[] {
  const referenceTokens = rougeTokens(reference);
  const reference1 = ngramCounts(referenceTokens, 1);
  const reference2 = ngramCounts(referenceTokens, 2);
  const referenceSize1 = referenceTokens.length;
  const referenceSize2 = Math.max(0, referenceTokens.length - 1);
  const candidates = sentences.map((sentence) => {
    const tokens = rougeTokens(sentence);
    return {
      words: countWords(sentence),
      unigrams: restrictTo(ngramCounts(tokens, 1), reference1),
      bigrams: restrictTo(ngramCounts(tokens, 2), reference2),
      size1: tokens.length,
      size2: Math.max(0, tokens.length - 1),
    };
  });

  const unigrams = new OverlapTracker(reference1);
  const bigrams = new OverlapTracker(reference2);
  const chosen = new Set<number>();
  let wordsLeft = maxWords;
  let current = 0;
  for (;;) {
    let best = -1;
    let bestScore = current;
    candidates.forEach((candidate, i) => {
      if (chosen.has(i) || candidate.words === 0 || candidate.words > wordsLeft) return;
      const u = unigrams.withAdded(candidate.unigrams, candidate.size1);
      const b = bigrams.withAdded(candidate.bigrams, candidate.size2);
      const score =
        overlapScore(u.overlap, u.size, referenceSize1).f1 + overlapScore(b.overlap, b.size, referenceSize2).f1;
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    if (best < 0) break;
    const pick = candidates[best];
    unigrams.add(pick.unigrams, pick.size1);
    bigrams.add(pick.bigrams, pick.size2);
    chosen.add(best);
    wordsLeft -= pick.words;
    current = bestScore;
  }
  return [...chosen].sort((a, b) => a - b).map((i) => sentences[i]);
}
