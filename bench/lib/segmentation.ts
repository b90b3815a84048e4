/**
 * Topic segmentation of a transcript and its two standard error measures.
 *
 * A segmentation of n units (transcript turns) is given by its boundaries:
 * sorted unit indices b in [1, n-1], each meaning "a new segment starts at
 * unit b". `[]` is one segment; `[3]` over 6 units is units 0–2 and 3–5.
 */
import { contentTerm, wordsOf } from './lexical.ts';

export interface TextTilingOptions {
  /** Words per pseudo-sentence (token-sequence), stop words included. Default 20. */
  w?: number;
  /** Token-sequences per block on each side of a gap. Default 10. */
  k?: number;
  /** Radius of the moving average applied once to the gap scores; 0 disables. Default 1. */
  smoothingRadius?: number;
  /** Fewest token-sequences between two boundaries, and between a boundary and either end. Default 3. */
  minSequences?: number;
}

function cosine(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const [term, count] of left) {
    leftNorm += count * count;
    dot += count * (right.get(term) ?? 0);
  }
  for (const count of right.values()) rightNorm += count * count;
  return dot > 0 ? dot / Math.sqrt(leftNorm * rightNorm) : 0;
}

function blockCounts(sequences: readonly (readonly string[])[], from: number, to: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let s = Math.max(0, from); s < Math.min(sequences.length, to); s++) {
    for (const term of sequences[s]) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

function smooth(scores: readonly number[], radius: number): number[] {
  return scores.map((_, i) => {
    const window = scores.slice(Math.max(0, i - radius), i + radius + 1);
    return window.reduce((sum, s) => sum + s, 0) / window.length;
  });
}

/**
 * Hearst's depth score of every gap: how far its score sits below the
 * highest point reached by climbing (through plateaus) on each side.
 */
function depthScores(scores: readonly number[]): number[] {
  return scores.map((score, i) => {
    let left = i;
    while (left > 0 && scores[left - 1] >= scores[left]) left--;
    let right = i;
    while (right < scores.length - 1 && scores[right + 1] >= scores[right]) right++;
    return scores[left] - score + (scores[right] - score);
  });
}

/** Whether gap i is an interior local minimum (the first gap of a flat bottom). */
function isValley(scores: readonly number[], i: number): boolean {
  if (i === 0 || scores[i - 1] <= scores[i]) return false;
  let right = i;
  while (right < scores.length - 1 && scores[right + 1] === scores[i]) right++;
  return right < scores.length - 1 && scores[right + 1] > scores[i];
}

/**
 * TextTiling (Hearst 1997) over a sequence of units, returning boundaries
 * as unit indices.
 *
 * Turns in meetings are short (often a few words), so instead of treating a
 * turn as a sentence the words of all turns form one stream, cut into
 * pseudo-sentences of `w` words as Hearst prescribes; each selected gap is
 * then moved to the nearest turn start, as Hearst moves gaps to paragraph
 * breaks. Steps: lexical scores by block comparison (cosine of term counts
 * of the `k` pseudo-sentences either side, stop words removed, stemmed),
 * one round of smoothing, depth scores, and boundaries at the valleys of
 * the score curve whose depth exceeds mean − sd/2 (Hearst's cut-off),
 * deepest first, at least `minSequences` pseudo-sentences apart and from
 * either end.
 *
 * @example
 * textTiling(turns.map((t) => t.content)) // e.g. [41, 97, 160]
 */
export function textTiling(units: readonly string[], options: TextTilingOptions = {}): number[] {
  const { w = 20, k = 10, smoothingRadius = 1, minSequences = 3 } = options;
  // One term (or undefined for a stop word) per word of the whole stream.
  const terms: (string | undefined)[] = [];
  const unitStart: number[] = [];
  for (const text of units) {
    unitStart.push(terms.length);
    for (const word of wordsOf(text)) terms.push(contentTerm(word));
  }

  const sequences: string[][] = [];
  for (let start = 0; start < terms.length; start += w) {
    sequences.push(terms.slice(start, start + w).filter((term): term is string => term !== undefined));
  }
  // Gap g lies before sequence g; gaps 1 … S-1.
  const gapCount = sequences.length - 1;
  if (gapCount < 2 * minSequences - 1) return [];

  const raw: number[] = [];
  for (let g = 1; g <= gapCount; g++) raw.push(cosine(blockCounts(sequences, g - k, g), blockCounts(sequences, g, g + k)));
  const scores = smoothingRadius > 0 ? smooth(raw, smoothingRadius) : raw;
  const depths = depthScores(scores);

  // The cut-off is taken over all gaps, as Hearst does, but only valleys can
  // be boundaries: a gap on a slope is never where a topic turns.
  const mean = depths.reduce((sum, d) => sum + d, 0) / depths.length;
  const sd = Math.sqrt(depths.reduce((sum, d) => sum + (d - mean) ** 2, 0) / depths.length);
  const cutoff = mean - sd / 2;
  const candidates = depths
    .map((depth, i) => ({ depth, gap: i + 1, valley: isValley(scores, i) }))
    .filter(({ depth, gap, valley }) => valley && depth > cutoff && gap >= minSequences && sequences.length - gap >= minSequences)
    .sort((a, b) => b.depth - a.depth || a.gap - b.gap);
  const gaps: number[] = [];
  for (const { gap } of candidates) {
    if (gaps.every((chosen) => Math.abs(chosen - gap) >= minSequences)) gaps.push(gap);
  }

  const boundaries = new Set<number>();
  for (const gap of gaps) {
    const position = gap * w;
    let best = -1;
    for (let unit = 1; unit < units.length; unit++) {
      if (best < 0 || Math.abs(unitStart[unit] - position) < Math.abs(unitStart[best] - position)) best = unit;
    }
    if (best > 0) boundaries.add(best);
  }
  return [...boundaries].sort((a, b) => a - b);
}

function checkSegmentation(boundaries: readonly number[], n: number, name: string): void {
  for (const b of boundaries) {
    if (!Number.isInteger(b) || b < 1 || b > n - 1) {
      throw new RangeError(`${name} boundary ${b} is not a unit index in [1, ${n - 1}] for ${n} units`);
    }
  }
}

/** segmentOf[i] = how many boundaries lie at or before unit i. */
function segmentIds(boundaries: readonly number[], n: number): Int32Array {
  const starts = new Uint8Array(n);
  for (const b of boundaries) starts[b] = 1;
  const ids = new Int32Array(n);
  for (let i = 1; i < n; i++) ids[i] = ids[i - 1] + starts[i];
  return ids;
}

/**
 * The share of the n − k windows (i, i + k) on which `differs` finds the two
 * segmentations disagree; k defaults to half the mean reference segment
 * length, rounded half up.
 */
function windowErrorRate(
  reference: readonly number[],
  hypothesis: readonly number[],
  n: number,
  k: number | undefined,
  differs: (ref: Int32Array, hyp: Int32Array, i: number, j: number) => boolean,
): number {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`a segmentation needs at least 2 units, got ${n}`);
  checkSegmentation(reference, n, 'reference');
  checkSegmentation(hypothesis, n, 'hypothesis');
  const window = k ?? Math.max(1, Math.round(n / (new Set(reference).size + 1) / 2));
  if (!Number.isInteger(window) || window < 1 || window >= n) {
    throw new RangeError(`window k must be an integer in [1, ${n - 1}], got ${window}`);
  }
  const ref = segmentIds(reference, n);
  const hyp = segmentIds(hypothesis, n);
  let errors = 0;
  for (let i = 0; i + window < n; i++) if (differs(ref, hyp, i, i + window)) errors++;
  return errors / (n - window);
}

/**
 * Beeferman et al.'s Pk: the share of unit pairs k apart that the two
 * segmentations disagree on being in the same segment. 0 is perfect.
 *
 * @example
 * pk([5], [], 10, 3) // 3/7: windows starting at units 2, 3 and 4 straddle the missed boundary
 */
export function pk(reference: readonly number[], hypothesis: readonly number[], n: number, k?: number): number {
  return windowErrorRate(reference, hypothesis, n, k, (ref, hyp, i, j) => (ref[i] === ref[j]) !== (hyp[i] === hyp[j]));
}

/**
 * Pevzner & Hearst's WindowDiff: the share of windows of k units in which
 * the two segmentations count a different number of boundaries. 0 is perfect.
 *
 * @example
 * windowDiff([4, 5], [4], 10, 3) // 3/7
 */
export function windowDiff(reference: readonly number[], hypothesis: readonly number[], n: number, k?: number): number {
  return windowErrorRate(reference, hypothesis, n, k, (ref, hyp, i, j) => ref[j] - ref[i] !== hyp[j] - hyp[i]);
}
