/**
 * Case-insensitive matching done by expansion, because Node 20 cannot scope
 * the `i` flag to part of a pattern. Java has two modes: `(?i)` folds ASCII
 * letters only; `(?iu)` folds Unicode letters, two characters matching when
 * their simple upper-then-lower case mappings agree.
 */

export type CodePointRange = readonly [from: number, to: number];

/** Simple (one code point to one code point) case mapping; multi-character results map to the character itself. */
function simpleMap(cp: number, map: (s: string) => string): number {
  const mapped = map(String.fromCodePoint(cp));
  const first = mapped.codePointAt(0)!;
  return mapped.length === String.fromCodePoint(first).length ? first : cp;
}

/** Simple mappings that JavaScript only exposes in their full, multi-character form. */
const SIMPLE_LOWER_EXCEPTIONS: ReadonlyMap<number, number> = new Map([[0x130, 0x69]]);

const upper = (cp: number) => simpleMap(cp, (s) => s.toUpperCase());
const lower = (cp: number) => SIMPLE_LOWER_EXCEPTIONS.get(cp) ?? simpleMap(cp, (s) => s.toLowerCase());

/** Lazily built: case-equivalence classes of every cased code point, keyed by lower(upper(c)). */
let unicodeClasses: Map<number, number[]> | null = null;

function classes(): Map<number, number[]> {
  if (unicodeClasses !== null) return unicodeClasses;
  const map = new Map<number, number[]>();
  // Cased letters stop below U+1F000 (Adlam ends at U+1E95F).
  for (let cp = 0; cp < 0x1f000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const key = lower(upper(cp));
    if (key === cp && upper(cp) === cp) continue;
    const members = map.get(key) ?? [key];
    if (!members.includes(cp)) members.push(cp);
    map.set(key, members);
  }
  unicodeClasses = map;
  return map;
}

function isAsciiLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/**
 * All code points that match `cp` case-insensitively, `cp` first.
 *
 * @example
 * caseVariants(0x6b, false); // [0x6b, 0x4b]          k, K
 * caseVariants(0x6b, true);  // [0x6b, 0x4b, 0x212a]  k, K, KELVIN SIGN
 */
export function caseVariants(cp: number, unicode: boolean): number[] {
  if (!unicode) return isAsciiLetter(cp) ? [cp, cp ^ 0x20] : [cp];
  const members = classes().get(lower(upper(cp)));
  return members === undefined ? [cp] : [cp, ...members.filter((m) => m !== cp)];
}

/**
 * The code points a case-insensitive range matches beyond the range itself,
 * as sorted, merged ranges.
 */
export function caseClosure(range: CodePointRange, unicode: boolean): CodePointRange[] {
  const [from, to] = range;
  const extra: number[] = [];
  if (!unicode) {
    for (let cp = Math.max(from, 0x41); cp <= Math.min(to, 0x7a); cp++) {
      if (isAsciiLetter(cp) && (cp ^ 0x20) < from) extra.push(cp ^ 0x20);
      else if (isAsciiLetter(cp) && (cp ^ 0x20) > to) extra.push(cp ^ 0x20);
    }
  } else {
    for (const members of classes().values()) {
      if (members.some((m) => m >= from && m <= to)) extra.push(...members.filter((m) => m < from || m > to));
    }
  }
  return toRanges(extra);
}

/** Sorted, merged ranges covering `codePoints`. */
export function toRanges(codePoints: readonly number[]): CodePointRange[] {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const cp of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else ranges.push([cp, cp]);
  }
  return ranges;
}
