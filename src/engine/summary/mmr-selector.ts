/**
 * Maximal Marginal Relevance (Carbonell & Goldstein 1998) under a word
 * budget: repeatedly take the candidate that best trades its own score
 * against its similarity to what was already taken. A per-group penalty
 * spreads picks across topics.
 */
import { cosine, type TermVector } from '../retrieval/tfidf-space.ts';

export interface MmrCandidate {
  id: number;
  score: number;
  vector: TermVector;
  words: number;
  /** Candidates of the same group (topic) discourage each other. */
  group: number;
}

export interface MmrOptions {
  /** 1 ranks by score alone; lower values push harder against redundancy. */
  lambda: number;
  /** Each earlier pick from the same group divides the score by (1 + this). */
  groupPenalty: number;
  /** A candidate at least this similar to a pick is a repeat and never taken. */
  duplicateSimilarity: number;
}

export const DEFAULT_MMR: MmrOptions = { lambda: 0.7, groupPenalty: 0.35, duplicateSimilarity: 0.75 };

export interface MmrLimits {
  budgetWords: number;
  maxItems: number;
  /** Vectors already in the summary that new picks must not repeat. */
  taken?: readonly TermVector[];
}

/**
 * Picks candidates in MMR order while they fit the budget; returns their ids in pick order.
 *
 * @example
 * selectByMmr(candidates, { budgetWords: 120, maxItems: 8 }) // e.g. [42, 7, 93]
 */
export function selectByMmr(candidates: readonly MmrCandidate[], limits: MmrLimits, options: MmrOptions = DEFAULT_MMR): number[] {
  const pool = [...candidates];
  const redundancy = pool.map((candidate) => Math.max(0, ...(limits.taken ?? []).map((vector) => cosine(candidate.vector, vector))));
  const perGroup = new Map<number, number>();
  const picked: number[] = [];
  let budget = limits.budgetWords;
  while (pool.length > 0 && picked.length < limits.maxItems) {
    let best = -1;
    let bestValue = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      const candidate = pool[i]!;
      if (candidate.words > budget || redundancy[i]! >= options.duplicateSimilarity) continue;
      const spread = candidate.score / (1 + options.groupPenalty * (perGroup.get(candidate.group) ?? 0));
      const value = options.lambda * spread - (1 - options.lambda) * redundancy[i]!;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best === -1) break;
    const [chosen] = pool.splice(best, 1);
    redundancy.splice(best, 1);
    picked.push(chosen!.id);
    budget -= chosen!.words;
    perGroup.set(chosen!.group, (perGroup.get(chosen!.group) ?? 0) + 1);
    pool.forEach((candidate, i) => {
      redundancy[i] = Math.max(redundancy[i]!, cosine(candidate.vector, chosen!.vector));
    });
  }
  return picked;
}
