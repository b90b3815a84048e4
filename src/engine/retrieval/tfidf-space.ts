/**
 * A TF-IDF vector space over one meeting's sentences: the common ground for
 * sentence centrality, redundancy checks and topic cohesion.
 */

/** A sparse term vector with its Euclidean norm precomputed. */
export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

export class TfIdfSpace {
  private readonly idfs = new Map<string, number>();
  private readonly unseenIdf: number;

  /**
   * @param documents the index terms of each document (here, each sentence)
   * @example
   * const space = new TfIdfSpace([['budget'], ['budget', 'launch']]);
   * space.idf('launch') > space.idf('budget') // true
   */
  constructor(documents: readonly (readonly string[])[]) {
    const documentFrequency = new Map<string, number>();
    for (const terms of documents) {
      for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    const size = documents.length;
    for (const [term, df] of documentFrequency) this.idfs.set(term, Math.log((1 + size) / (1 + df)) + 1);
    this.unseenIdf = Math.log(1 + size) + 1;
  }

  /** Smoothed inverse document frequency; unseen terms weigh the most. */
  idf(term: string): number {
    return this.idfs.get(term) ?? this.unseenIdf;
  }

  /** Sublinear TF × IDF vector of a bag of terms. */
  vector(terms: readonly string[]): TermVector {
    return this.weigh(countTerms(terms));
  }

  /** TF × IDF vector of precomputed term counts, for aggregates such as a whole topic. */
  weigh(counts: ReadonlyMap<string, number>): TermVector {
    const weights = new Map<string, number>();
    let squares = 0;
    for (const [term, count] of counts) {
      const weight = (1 + Math.log(count)) * this.idf(term);
      weights.set(term, weight);
      squares += weight * weight;
    }
    return { weights, norm: Math.sqrt(squares) };
  }
}

/** Counts of each term in a bag. */
export function countTerms(terms: readonly string[], into = new Map<string, number>()): Map<string, number> {
  for (const term of terms) into.set(term, (into.get(term) ?? 0) + 1);
  return into;
}

/**
 * Cosine similarity of two vectors, 0 when either is empty.
 *
 * @example
 * const space = new TfIdfSpace([['budget', 'launch']]);
 * cosine(space.vector(['budget']), space.vector(['budget'])) // 1
 */
export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, weight] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += weight * other;
  }
  return dot / (a.norm * b.norm);
}
