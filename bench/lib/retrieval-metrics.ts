/**
 * Retrieval figures for cited answers: does an answer cite the turns the
 * gold annotation says hold the answer? Gold evidence is a list of turn
 * ranges (QMSum's `relevant_text_span`); the ranked list is the segments an
 * answer cites, best first.
 */

/** An inclusive range of turn indices. */
export interface TurnSpan {
  from: number;
  to: number;
}

const inSpan = (turn: number, span: TurnSpan) => turn >= span.from && turn <= span.to;

/**
 * Share of the gold spans that hold at least one of the first `k` ranked
 * turns. 0 when nothing is cited; a query with no gold span is not scored
 * (returns null).
 *
 * @example
 * recallAtK([40, 3, 90], [{ from: 0, to: 10 }, { from: 80, to: 85 }], 5) // 0.5
 */
export function recallAtK(ranked: readonly number[], gold: readonly TurnSpan[], k: number): number | null {
  if (gold.length === 0) return null;
  const top = ranked.slice(0, k);
  const hit = gold.filter((span) => top.some((turn) => inSpan(turn, span))).length;
  return hit / gold.length;
}

/**
 * Reciprocal rank of the first ranked turn inside any gold span; 0 when none is.
 *
 * @example
 * reciprocalRank([40, 3, 90], [{ from: 0, to: 10 }]) // 0.5
 */
export function reciprocalRank(ranked: readonly number[], gold: readonly TurnSpan[]): number | null {
  if (gold.length === 0) return null;
  const first = ranked.findIndex((turn) => gold.some((span) => inSpan(turn, span)));
  return first < 0 ? 0 : 1 / (first + 1);
}
