/**
 * Okapi BM25 over a fixed set of documents, each given as its list of index
 * terms. Built once per request; scoring a query touches only the postings
 * of its terms.
 */

export interface Bm25Options {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation, 0 (none) to 1 (full). */
  b: number;
}

export const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75 };

interface Posting {
  doc: number;
  tf: number;
}

/** A weighted query: each term with how much it counts (1 for the user's own words). */
export type WeightedQuery = ReadonlyMap<string, number>;

export class Bm25Index {
  readonly size: number;
  private readonly postings = new Map<string, Posting[]>();
  private readonly distinctTerms: string[][] = [];
  private readonly lengths: Float64Array;
  private readonly averageLength: number;
  private readonly options: Bm25Options;

  /**
   * @example
   * const index = new Bm25Index([['budget', 'approv'], ['launch', 'date']]);
   * index.score(new Map([['budget', 1]]))[0] > 0 // true
   */
  constructor(documents: readonly (readonly string[])[], options: Bm25Options = DEFAULT_BM25) {
    this.options = options;
    this.size = documents.length;
    this.lengths = new Float64Array(documents.length);
    let total = 0;
    documents.forEach((terms, doc) => {
      this.lengths[doc] = terms.length;
      total += terms.length;
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      this.distinctTerms.push([...counts.keys()]);
      for (const [term, tf] of counts) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf });
      }
    });
    this.averageLength = documents.length > 0 ? total / documents.length : 0;
  }

  /** Number of documents containing the term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.length ?? 0;
  }

  /** Whether any document contains the term. */
  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** Documents containing the term, in order. */
  documentsWith(term: string): number[] {
    return (this.postings.get(term) ?? []).map((posting) => posting.doc);
  }

  /** The distinct terms of one document. */
  termsOf(doc: number): readonly string[] {
    return this.distinctTerms[doc] ?? [];
  }

  /** Every term of the collection. */
  vocabulary(): IterableIterator<string> {
    return this.postings.keys();
  }

  /**
   * Inverse document frequency in the non-negative form
   * `ln(1 + (N - df + 0.5) / (df + 0.5))`, so very common terms still count
   * a little instead of subtracting. A term absent from the collection gets
   * the value of a term seen once would get: the most informative possible.
   */
  idf(term: string): number {
    const df = Math.max(1, this.documentFrequency(term));
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** BM25 score of every document for the query. */
  score(query: WeightedQuery): Float64Array {
    const scores = new Float64Array(this.size);
    const { k1, b } = this.options;
    for (const [term, weight] of query) {
      const list = this.postings.get(term);
      if (!list || weight <= 0) continue;
      const idf = this.idf(term) * weight;
      for (const { doc, tf } of list) {
        const norm = k1 * (1 - b + (b * this.lengths[doc]!) / (this.averageLength || 1));
        scores[doc]! += (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
}
