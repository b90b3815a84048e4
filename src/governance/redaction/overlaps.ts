/**
 * Turns competing candidates into sorted, non-overlapping spans. Higher scores
 * win (a checksum-validated IBAN beats a bare number), then longer spans. A
 * lower-ranked candidate that sticks out of a winner is not dropped: the winner
 * grows to cover it, so no character that any detector flagged stays visible.
 */

export interface Ranked {
  start: number;
  end: number;
  score: number;
}

export function resolveOverlaps<T extends Ranked>(candidates: readonly T[]): T[] {
  const byRank = [...candidates].sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const accepted: T[] = [];
  for (const c of byRank) {
    const hits = accepted.filter((a) => a.start < c.end && c.start < a.end);
    if (hits.length === 0) {
      accepted.push({ ...c });
      continue;
    }
    const winner = hits[0]!;
    winner.start = Math.min(winner.start, c.start);
    winner.end = Math.max(winner.end, c.end);
    // Growing may reach further accepted spans; they merge into the winner until nothing overlaps.
    for (let grew = true; grew; ) {
      grew = false;
      for (let i = accepted.length - 1; i >= 0; i--) {
        const other = accepted[i]!;
        if (other !== winner && other.start < winner.end && winner.start < other.end) {
          winner.start = Math.min(winner.start, other.start);
          winner.end = Math.max(winner.end, other.end);
          accepted.splice(i, 1);
          grew = true;
        }
      }
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}
