import type { Candidate } from './detector.ts';
import type { PiiEntityType } from './entity-types.ts';

/**
 * Runs a global regex over `text` and turns each match that `accept` keeps into
 * a candidate. `accept` returns the score, or `null` to drop the match; it may
 * also narrow the span by returning `{ score, start, end }`.
 */
export function scan(
  text: string,
  regex: RegExp,
  type: PiiEntityType,
  accept: (match: RegExpExecArray) => number | { score: number; start: number; end: number } | null,
): Candidate[] {
  if (!regex.global) throw new Error(`scan needs a global regex, got /${regex.source}/${regex.flags}`);
  const out: Candidate[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const verdict = accept(m);
    if (verdict === null) continue;
    if (typeof verdict === 'number') out.push({ type, start: m.index, end: m.index + m[0].length, score: verdict });
    else if (verdict.end > verdict.start) out.push({ type, ...verdict });
  }
  return out;
}
