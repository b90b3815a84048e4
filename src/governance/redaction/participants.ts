import { isHonorific } from './honorifics.ts';

/**
 * The meeting's own participants. Their full names are found in any letter
 * case (speech recognisers often lower-case everything); single first or last
 * names only when capitalised, because many are also ordinary words ("Will",
 * "Grace", "Bell").
 */
export class ParticipantIndex {
  private readonly fullNames: RegExp | null;
  private readonly singleNames: RegExp | null;
  private readonly lowerCaseNames: ReadonlySet<string>;

  private constructor(fullNames: string[], singleNames: string[]) {
    this.fullNames = alternation(fullNames, 'giu');
    this.singleNames = alternation(singleNames, 'gu');
    this.lowerCaseNames = new Set(singleNames.map((n) => n.toLowerCase()));
  }

  /**
   * @example
   * ParticipantIndex.from(['Dr. Ana Lima']).find('ana lima and Lima agreed');
   * // [{ start: 0, end: 8 }, { start: 13, end: 17 }]
   */
  static from(names: readonly string[] = []): ParticipantIndex {
    const full = new Set<string>();
    const single = new Set<string>();
    for (const name of names) {
      const words = name
        .split(/\s+/)
        .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}.'-]+$/gu, ''))
        .filter((w) => w.length > 0 && !isHonorific(w));
      if (words.length === 0) continue;
      full.add(words.join(' '));
      for (const w of words) if (w.replace(/\.$/, '').length > 1) single.add(w.replace(/\.$/, ''));
    }
    return new ParticipantIndex([...full].filter((n) => n.includes(' ')), [...single]);
  }

  /** Spans of participant names in `text`, longest names first, without overlaps. */
  find(text: string): Array<{ start: number; end: number }> {
    const spans: Array<{ start: number; end: number }> = [];
    const taken = (s: number, e: number) => spans.some((x) => x.start < e && s < x.end);
    for (const re of [this.fullNames, this.singleNames]) {
      if (re === null) continue;
      for (const m of text.matchAll(re)) {
        const end = m.index + m[0].length;
        if (!taken(m.index, end)) spans.push({ start: m.index, end });
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  }

  /** Whether `word` is a participant's first or last name, ignoring case. */
  hasName(word: string): boolean {
    return this.lowerCaseNames.has(word.toLowerCase());
  }
}

function alternation(words: string[], flags: string): RegExp | null {
  if (words.length === 0) return null;
  const escaped = words
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, flags);
}
