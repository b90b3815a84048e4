import { caseClosure, caseVariants, type CodePointRange } from './case-folding.ts';
import { negateAtom, readEscape } from './java-escapes.ts';
import type { JavaPatternCursor } from './java-pattern-cursor.ts';
import { translateJavaProperty } from './java-properties.ts';
import { jsLiteral } from './js-literal.ts';

/**
 * Java character classes as JavaScript `v`-mode classes. Java's nested
 * classes are unions (`[a-d[m-p]]`) and `&&` intersects (`[a-z&&[^aeiou]]`);
 * the `v` flag has both, so the class structure carries over. A `]` right
 * after `[` or `[^` is a literal, as in Java. Case-insensitive classes get
 * their case variants added, because the JS `i` flag cannot be scoped.
 */

type Item = { kind: 'range'; range: CodePointRange } | { kind: 'atom'; text: string };

function emitUnion(items: readonly Item[]): string {
  return items
    .map((item) => {
      if (item.kind === 'atom') return item.text;
      const [from, to] = item.range;
      return from === to ? jsLiteral(from, true) : `${jsLiteral(from, true)}-${jsLiteral(to, true)}`;
    })
    .join('');
}

function rangeItems(range: CodePointRange, cursor: JavaPatternCursor): Item[] {
  const items: Item[] = [{ kind: 'range', range }];
  if (cursor.flags.i) for (const extra of caseClosure(range, cursor.flags.u)) items.push({ kind: 'range', range: extra });
  return items;
}

/** A literal code point as a standalone atom, case variants included when `(?i)` is on. */
export function literalAtom(cp: number, cursor: JavaPatternCursor): string {
  if (!cursor.flags.i) return jsLiteral(cp, false);
  const variants = caseVariants(cp, cursor.flags.u);
  return variants.length === 1 ? jsLiteral(cp, false) : `[${variants.map((v) => jsLiteral(v, true)).join('')}]`;
}

/**
 * POSIX bracket names. Java itself reads `[[:alpha:]]` as the characters
 * `:alph`; nobody writes that on purpose, so these take their POSIX meaning
 * (Java's `\p{Alpha}` and friends, Unicode under `(?U)`).
 */
const POSIX_BRACKET = /^\[:(\^?)(alpha|digit|alnum|upper|lower|space|punct|print|graph|cntrl|xdigit|blank):\]/;
const POSIX_NAMES: Readonly<Record<string, string>> = {
  alpha: 'Alpha', digit: 'Digit', alnum: 'Alnum', upper: 'Upper', lower: 'Lower', space: 'Space',
  punct: 'Punct', print: 'Print', graph: 'Graph', cntrl: 'Cntrl', xdigit: 'XDigit', blank: 'Blank',
};

function posixAtom(cursor: JavaPatternCursor): string | null {
  const m = POSIX_BRACKET.exec(cursor.source.slice(cursor.pos));
  if (!m) return null;
  cursor.pos += m[0].length;
  const flags = { caseInsensitive: cursor.flags.i, unicodeCharacterClass: cursor.flags.U };
  const atom = translateJavaProperty(POSIX_NAMES[m[2]!]!, flags)!;
  return m[1] === '^' ? negateAtom(atom) : atom;
}

interface ClassScope {
  groupsSoFar: number;
  /** Where the outermost `[` is, for error messages. */
  openedAt: number;
}

/** Reads one character (a range endpoint or a single), or the class atoms an escape stands for. */
function readItem(cursor: JavaPatternCursor, scope: ClassScope, inRange: boolean): { cp: number } | { atoms: Item[] } {
  if (cursor.peek() !== '\\') return { cp: cursor.next().codePointAt(0)! };
  const escape = readEscape(cursor, { groupsSoFar: scope.groupsSoFar, inClass: true, inRange });
  if (escape.kind === 'char') return { cp: escape.cp };
  if (escape.kind === 'set') return { atoms: [{ kind: 'atom', text: escape.atom }] };
  if (escape.kind === 'quote') return { atoms: escape.codePoints.flatMap((cp) => rangeItems([cp, cp], cursor)) };
  throw cursor.error('unexpected escape inside a character class');
}

/**
 * Parses class contents up to (not including) the closing `]`. Operands of
 * `&&` are unions of everything between the operators, which also covers
 * Java's bracket-less right operand (`[a-z&&def]`).
 */
function parseContents(cursor: JavaPatternCursor, scope: ClassScope): string {
  const negated = cursor.peek() === '^' ? (cursor.next(), true) : false;
  const operands: Item[][] = [];
  let current: Item[] = [];
  let first = true;
  for (;;) {
    cursor.skipIgnorable();
    const ch = cursor.peek();
    if (ch === '') throw cursor.error('unclosed character class', scope.openedAt);
    if (ch === ']' && !first) break;
    first = false;
    if (ch === '[') {
      const posix = posixAtom(cursor);
      if (posix !== null) {
        current.push({ kind: 'atom', text: posix });
        continue;
      }
      cursor.next();
      current.push({ kind: 'atom', text: parseBracketed(cursor, scope) });
      continue;
    }
    if (ch === '&' && cursor.peek(1) === '&') {
      const at = cursor.pos;
      cursor.pos += 2;
      cursor.skipIgnorable();
      if (cursor.peek() === ']' || cursor.startsWith('&&')) throw cursor.error('empty right-hand side of && in a character class', at);
      if (current.length === 0) throw cursor.error('empty left-hand side of && in a character class', at);
      operands.push(current);
      current = [];
      continue;
    }
    const item = readItem(cursor, scope, false);
    if ('atoms' in item) {
      current.push(...item.atoms);
      continue;
    }
    // `a-z` is a range; `a-]` and `a-[` keep the dash as a literal.
    if (cursor.peek() === '-' && cursor.peek(1) !== ']' && cursor.peek(1) !== '[' && cursor.peek(1) !== '') {
      const at = cursor.pos;
      cursor.next();
      const end = readItem(cursor, scope, true);
      if (!('cp' in end)) throw cursor.error('a character class cannot be the end of a range', at);
      if (end.cp < item.cp) throw cursor.error('illegal character range (end before start)', at);
      current.push(...rangeItems([item.cp, end.cp], cursor));
    } else {
      current.push(...rangeItems([item.cp, item.cp], cursor));
    }
  }
  operands.push(current);
  const sign = negated ? '^' : '';
  if (operands.length === 1) return `[${sign}${emitUnion(operands[0]!)}]`;
  return `[${sign}${operands.map((u) => `[${emitUnion(u)}]`).join('&&')}]`;
}

function parseBracketed(cursor: JavaPatternCursor, scope: ClassScope): string {
  const js = parseContents(cursor, scope);
  cursor.next(); // the closing ]
  return js;
}

/**
 * Reads a Java character class starting at the cursor's `[` and returns the
 * equivalent `v`-mode class.
 */
export function readCharClass(cursor: JavaPatternCursor, groupsSoFar: number): string {
  const openedAt = cursor.pos;
  cursor.next();
  return parseBracketed(cursor, { groupsSoFar, openedAt });
}
