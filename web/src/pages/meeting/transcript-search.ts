import type { Segment } from '../../api/types.ts';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive pattern for the words typed, or null for an empty search. */
export function searchPattern(query: string): RegExp | null {
  const words = query.trim();
  return words ? new RegExp(escape(words), 'gi') : null;
}

/** Indexes of the segments whose text or speaker matches. */
export function matchingSegments(segments: Segment[], pattern: RegExp | null): number[] {
  if (!pattern) return [];
  // A non-global copy: `test` on a global pattern carries its position from one string to the next.
  const test = new RegExp(pattern.source, 'i');
  return segments.filter((s) => test.test(s.text) || test.test(s.speaker)).map((s) => s.index);
}

/**
 * Text cut into plain and matching parts, for marking matches.
 *
 * @example
 * splitMatches('Ship it Friday', /friday/gi) // [{ text: 'Ship it ', match: false }, { text: 'Friday', match: true }]
 */
export function splitMatches(text: string, pattern: RegExp | null): { text: string; match: boolean }[] {
  if (!pattern) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(pattern.source, 'gi'))) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), match: false });
    parts.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
