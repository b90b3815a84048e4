/**
 * Widens a question's terms with the meeting's own vocabulary: spellings the
 * stemmer keeps apart ("optimize" / "optimisation"), words that mean the same
 * in meetings ("cost" / "price"), and terms that keep company with the asked
 * ones in this meeting's sentences. Expansions weigh less than the asked words.
 */
import type { Bm25Index } from '../retrieval/bm25-index.ts';
import { isTermVariant } from '../text/term-analyzer.ts';
import { synonymsOf } from './meeting-synonyms.ts';

export interface ExpansionOptions {
  /** Weight of a meeting term that spells a question term differently. */
  variantWeight: number;
  /** Weight of a meeting term that means the same as a question term. */
  synonymWeight: number;
  /** Weight of the strongest co-occurring term; others scale down from it. */
  neighbourWeight: number;
  /** Co-occurring terms added per question term. */
  neighboursPerTerm: number;
  /** Minimum association (co-occurrences / √(df·df)) for a neighbour. */
  minAssociation: number;
}

export const DEFAULT_EXPANSION: ExpansionOptions = {
  variantWeight: 0.6,
  synonymWeight: 0.5,
  neighbourWeight: 0.3,
  neighboursPerTerm: 2,
  minAssociation: 0.3,
};

export interface ExpandedQuery {
  /** Every term to search for, with its weight. */
  weights: Map<string, number>;
  /** For each asked term, the meeting terms that stand for it: itself, its spellings and synonyms. */
  equivalents: Map<string, Set<string>>;
}

/**
 * The weighted query for a question's terms.
 *
 * @example
 * expandQuery(['cost'], index).weights // Map { 'cost' => 1, 'price' => 0.5, 'relaymark' => 0.24 }
 */
export function expandQuery(terms: readonly string[], index: Bm25Index, options: ExpansionOptions = DEFAULT_EXPANSION): ExpandedQuery {
  const query = new Map<string, number>();
  const equivalents = new Map<string, Set<string>>();
  const raise = (term: string, weight: number): void => {
    query.set(term, Math.max(query.get(term) ?? 0, weight));
  };
  for (const term of terms) {
    raise(term, 1);
    const same = new Set([term]);
    for (const variant of spellingVariants(term, index)) {
      raise(variant, options.variantWeight);
      same.add(variant);
    }
    for (const synonym of synonymsOf(term)) {
      if (!index.has(synonym)) continue;
      raise(synonym, options.synonymWeight);
      same.add(synonym);
    }
    equivalents.set(term, same);
  }
  for (const term of terms) {
    if (!index.has(term)) continue;
    for (const { term: neighbour, association } of neighbours(term, index, options)) {
      if (!query.has(neighbour)) raise(neighbour, options.neighbourWeight * association);
    }
  }
  return { weights: query, equivalents };
}

/** Meeting terms that spell the question term differently ("optimiz…" / "optimis…"). */
function spellingVariants(term: string, index: Bm25Index): string[] {
  const variants: string[] = [];
  for (const candidate of index.vocabulary()) {
    if (candidate !== term && isTermVariant(candidate, term)) variants.push(candidate);
  }
  return variants;
}

/** Terms that keep company with `term` in the meeting's sentences, strongest first. */
function neighbours(term: string, index: Bm25Index, options: ExpansionOptions): { term: string; association: number }[] {
  const documents = index.documentsWith(term);
  if (documents.length < 2) return [];
  const together = new Map<string, number>();
  for (const doc of documents) {
    for (const other of index.termsOf(doc)) if (other !== term) together.set(other, (together.get(other) ?? 0) + 1);
  }
  const ranked: { term: string; association: number }[] = [];
  for (const [other, count] of together) {
    if (count < 2) continue;
    const association = count / Math.sqrt(documents.length * index.documentFrequency(other));
    if (association >= options.minAssociation) ranked.push({ term: other, association });
  }
  ranked.sort((a, b) => b.association - a.association || a.term.localeCompare(b.term));
  return ranked.slice(0, options.neighboursPerTerm);
}

export interface FeedbackOptions {
  /** Top-ranked turns taken as relevant. */
  turns: number;
  /** Turns either side of each that count with it. */
  around: number;
  /** Terms added. */
  terms: number;
  /** Weight of the strongest added term; others scale down from it. */
  weight: number;
}

export const DEFAULT_FEEDBACK: FeedbackOptions = { turns: 3, around: 2, terms: 8, weight: 0.3 };

/**
 * Pseudo-relevance feedback: the terms that stand out (by TF·IDF) in the
 * turns ranked best, added to the query at a lower weight so the second
 * ranking finds the rest of that discussion even where it uses other words.
 *
 * @example
 * withFeedback(query, [[...turn 40 terms], [...turn 41 terms]], index).weights.has('battery') // true
 */
export function withFeedback(
  query: ExpandedQuery,
  relevant: readonly (readonly string[])[],
  index: Bm25Index,
  options: FeedbackOptions = DEFAULT_FEEDBACK,
): ExpandedQuery {
  const counts = new Map<string, number>();
  for (const terms of relevant) for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  const ranked = [...counts]
    .filter(([term, count]) => count >= 2 && !query.weights.has(term))
    .map(([term, count]) => ({ term, weight: count * index.idf(term) }))
    .sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term))
    .slice(0, options.terms);
  if (ranked.length === 0) return query;
  const weights = new Map(query.weights);
  const top = ranked[0]!.weight;
  for (const { term, weight } of ranked) weights.set(term, options.weight * (weight / top));
  return { weights, equivalents: query.equivalents };
}
