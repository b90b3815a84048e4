/**
 * Span-level precision, recall and F2 for the PII benchmark. A prediction is a
 * true positive when it matches a still-unmatched gold span of the same label:
 * - `exact`: same start and end;
 * - `overlap`: the shared characters cover at least half of the gold span and
 *   at least half of the predicted span.
 * Each gold span and each prediction is used at most once.
 */

export interface LabelledSpan {
  label: string;
  start: number;
  end: number;
}

export type MatchRule = 'exact' | 'overlap';

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export function matches(gold: LabelledSpan, predicted: LabelledSpan, rule: MatchRule): boolean {
  if (gold.label !== predicted.label) return false;
  if (rule === 'exact') return gold.start === predicted.start && gold.end === predicted.end;
  const shared = Math.min(gold.end, predicted.end) - Math.max(gold.start, predicted.start);
  return shared > 0 && shared * 2 >= gold.end - gold.start && shared * 2 >= predicted.end - predicted.start;
}

/** Adds one document's outcome to `tallies`, per label. */
export function tallyDocument(
  gold: readonly LabelledSpan[],
  predicted: readonly LabelledSpan[],
  rule: MatchRule,
  tallies: Map<string, Tally>,
): void {
  const tally = (label: string) => {
    let t = tallies.get(label);
    if (!t) tallies.set(label, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  };
  const used = new Set<number>();
  for (const p of predicted) {
    const g = gold.findIndex((candidate, i) => !used.has(i) && matches(candidate, p, rule));
    if (g >= 0) {
      used.add(g);
      tally(p.label).tp++;
    } else {
      tally(p.label).fp++;
    }
  }
  gold.forEach((g, i) => {
    if (!used.has(i)) tally(g.label).fn++;
  });
}

export interface Scores {
  precision: number;
  recall: number;
  f2: number;
}

/** Precision, recall and F-beta with beta = 2 (recall weighs four times as much as precision). */
export function scores({ tp, fp, fn }: Tally): Scores {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f2 = precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
  return { precision, recall, f2 };
}

export function sumTallies(tallies: Iterable<Tally>): Tally {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const t of tallies) {
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
  }
  return total;
}
