/**
 * Scores detected decisions and action items against the hand labels of
 * `bench/data/labelled-meetings` (rules in its README): an item matches a
 * label when it cites the labelled segment (or, for an action item, the turn
 * that accepted it). A second item matching an already matched label is a
 * duplicate (a recap), counted apart rather than as a false positive.
 */

export interface LabelledDecision {
  segment: number;
}

export interface LabelledAction {
  segment: number;
  owner: string | null;
  due: string | null;
  acceptedIn?: number;
}

export interface DetectedItem {
  /** Segments the item cites. */
  segments: readonly number[];
  owner?: string | null;
  due?: string | null;
}

export interface DetectionCounts {
  labels: number;
  detected: number;
  matched: number;
  duplicates: number;
  falsePositives: number;
  /** Of the matched action items: owner right / due date right. */
  ownerRight: number;
  dueRight: number;
}

export const emptyCounts = (): DetectionCounts => ({
  labels: 0, detected: 0, matched: 0, duplicates: 0, falsePositives: 0, ownerRight: 0, dueRight: 0,
});

const sameOwner = (a: string | null | undefined, b: string | null) =>
  (a ?? null) === null || b === null ? (a ?? null) === b : a!.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Matches detections to labels of one meeting. Each detection takes the
 * first unmatched label it cites; if it only cites matched ones it is a
 * duplicate; if it cites no labelled turn it is a false positive.
 *
 * @example
 * scoreDetections([{ segments: [20] }, { segments: [5] }], [{ segment: 20 }]) // matched 1, falsePositives 1
 */
export function scoreDetections(
  detected: readonly DetectedItem[],
  labels: readonly (LabelledDecision | LabelledAction)[],
): DetectionCounts {
  const counts = emptyCounts();
  counts.labels = labels.length;
  counts.detected = detected.length;
  const taken = new Set<number>();
  const turnsOf = (label: LabelledDecision | LabelledAction) =>
    'acceptedIn' in label && label.acceptedIn !== undefined ? [label.segment, label.acceptedIn] : [label.segment];
  for (const item of detected) {
    const candidates = labels.map((label, i) => ({ label, i })).filter(({ label }) => turnsOf(label).some((t) => item.segments.includes(t)));
    if (candidates.length === 0) {
      counts.falsePositives++;
      continue;
    }
    const free = candidates.find(({ i }) => !taken.has(i));
    if (!free) {
      counts.duplicates++;
      continue;
    }
    taken.add(free.i);
    counts.matched++;
    if ('owner' in free.label) {
      if (sameOwner(item.owner, free.label.owner)) counts.ownerRight++;
      if ((item.due ?? null) === free.label.due) counts.dueRight++;
    }
  }
  return counts;
}

export function addCounts(a: DetectionCounts, b: DetectionCounts): DetectionCounts {
  const out = emptyCounts();
  for (const key of Object.keys(out) as (keyof DetectionCounts)[]) out[key] = a[key] + b[key];
  return out;
}

/** Precision over distinct detections (duplicates left out) and recall over labels. */
export function precisionRecall(c: DetectionCounts): { precision: number; recall: number } {
  const judged = c.matched + c.falsePositives;
  return { precision: judged > 0 ? c.matched / judged : 0, recall: c.labels > 0 ? c.matched / c.labels : 0 };
}
