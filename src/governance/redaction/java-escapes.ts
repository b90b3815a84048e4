import type { JavaFlags, JavaPatternCursor } from './java-pattern-cursor.ts';
import { translateJavaProperty } from './java-properties.ts';

/**
 * Java escape sequences and anchors, as `v`-mode JavaScript. Java's line
 * terminators are \n, \r\n, \r, U+0085, U+2028 and U+2029 (only \n under
 * `(?d)`); JavaScript's differ, so `.`, `^`, `$` and `\Z` are spelled out with
 * explicit classes and lookarounds instead of relying on JS flags.
 */

export type JavaEscape =
  | { kind: 'char'; cp: number }
  /** A class atom: `\p{…}`, `\P{…}` or `[…]`. */
  | { kind: 'set'; atom: string }
  /** Zero-width or multi-character constructs, ready to emit; never inside a class. */
  | { kind: 'assertion'; js: string }
  | { kind: 'sequence'; js: string }
  | { kind: 'backref'; group: number }
  | { kind: 'named-backref'; name: string }
  | { kind: 'quote'; codePoints: number[] };

const ANY = '[\\s\\S]';
const LINE_TERMINATOR = '[\\n\\r\\u0085\\u2028\\u2029]';
const H_SPACE = '[ \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000]';
const V_SPACE = '[\\n\\x0B\\f\\r\\x85\\u2028\\u2029]';
const UNICODE_WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';

export function negateAtom(atom: string): string {
  if (atom.startsWith('\\p{')) return `\\P${atom.slice(2)}`;
  if (atom.startsWith('\\P{')) return `\\p${atom.slice(2)}`;
  return `[^${atom}]`;
}

export function dot(flags: JavaFlags): string {
  if (flags.s) return ANY;
  return flags.d ? '[^\\n]' : '[^\\n\\r\\u0085\\u2028\\u2029]';
}

/** `^`: start of input; with `(?m)` also after a line terminator that is not the last character. */
export function caret(flags: JavaFlags): string {
  if (!flags.m) return `(?<!${ANY})`;
  if (flags.d) return `(?:(?<!${ANY})|(?<=\\n)(?=${ANY}))`;
  return `(?:(?<!${ANY})|(?:(?<=[\\n\\u0085\\u2028\\u2029])|(?<=\\r)(?!\\n))(?=${ANY}))`;
}

/** `$` (and `\Z` when not multiline): end of input or before a final line terminator; never inside \r\n. */
export function dollar(flags: JavaFlags, multiline: boolean): string {
  if (flags.d) return multiline ? `(?=\\n|(?!${ANY}))` : `(?=\\n?(?!${ANY}))`;
  if (multiline) return `(?:(?=${LINE_TERMINATOR}|(?!${ANY}))(?<!\\r(?=\\n)))`;
  return `(?:(?=(?:\\r\\n|${LINE_TERMINATOR})?(?!${ANY}))(?<!\\r(?=\\n)))`;
}

function wordBoundary(flags: JavaFlags, negated: boolean): string {
  if (!flags.U) return negated ? '\\B' : '\\b';
  const w = UNICODE_WORD;
  return negated ? `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))` : `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
}

const HEX = /^[0-9a-fA-F]$/;
const OCTAL = /^[0-7]$/;

function readHex(cursor: JavaPatternCursor, count: number, what: string, at: number): number {
  let digits = '';
  for (let k = 0; k < count; k++) {
    if (!HEX.test(cursor.peek())) throw cursor.error(`illegal ${what} escape sequence`, at);
    digits += cursor.next();
  }
  return parseInt(digits, 16);
}

function readOctal(cursor: JavaPatternCursor, at: number): number {
  const first = cursor.peek();
  if (!OCTAL.test(first)) throw cursor.error('illegal octal escape sequence \\0 (needs an octal digit after it)', at);
  cursor.next();
  let value = Number(first);
  if (OCTAL.test(cursor.peek())) {
    value = value * 8 + Number(cursor.next());
    if (Number(first) <= 3 && OCTAL.test(cursor.peek())) value = value * 8 + Number(cursor.next());
  }
  return value;
}

function readUnicode(cursor: JavaPatternCursor, at: number): number {
  const unit = readHex(cursor, 4, 'Unicode', at);
  // Java joins an escaped surrogate pair into one code point.
  if (unit >= 0xd800 && unit <= 0xdbff && cursor.startsWith('\\u')) {
    const save = cursor.pos;
    cursor.pos += 2;
    const low = /^[0-9a-fA-F]{4}$/.test(cursor.source.slice(cursor.pos, cursor.pos + 4)) ? readHex(cursor, 4, 'Unicode', save) : -1;
    if (low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
    cursor.pos = save;
  }
  return unit;
}

function readHexEscape(cursor: JavaPatternCursor, at: number): number {
  if (cursor.peek() !== '{') return readHex(cursor, 2, 'hexadecimal', at);
  cursor.next();
  let digits = '';
  while (HEX.test(cursor.peek())) digits += cursor.next();
  if (digits === '' || cursor.peek() !== '}') throw cursor.error('unclosed hexadecimal escape sequence \\x{…}', at);
  cursor.next();
  const value = parseInt(digits, 16);
  if (value > 0x10ffff) throw cursor.error(`hexadecimal code point \\x{${digits}} is above U+10FFFF`, at);
  return value;
}

function readProperty(cursor: JavaPatternCursor, negated: boolean, at: number): string {
  let name: string;
  if (cursor.peek() === '{') {
    const close = cursor.source.indexOf('}', cursor.pos);
    if (close === -1) throw cursor.error('unclosed character property \\p{…}', at);
    name = cursor.source.slice(cursor.pos + 1, close);
    cursor.pos = close + 1;
    if (name === '') throw cursor.error('empty character property \\p{}', at);
  } else {
    name = cursor.next();
    if (name === '') throw cursor.error('\\p at the end of the pattern', at);
  }
  const atom = translateJavaProperty(name, { caseInsensitive: cursor.flags.i, unicodeCharacterClass: cursor.flags.U });
  if (atom === null) throw cursor.error(`unknown character property \\p{${name}}`, at);
  return negated ? negateAtom(atom) : atom;
}

function predefined(letter: string, flags: JavaFlags): string | null {
  switch (letter.toLowerCase()) {
    case 'd':
      return flags.U ? '\\p{Nd}' : '[0-9]';
    case 's':
      return flags.U ? '\\p{White_Space}' : '[\\t\\n\\x0B\\f\\r ]';
    case 'w':
      return flags.U ? UNICODE_WORD : '[a-zA-Z_0-9]';
    case 'h':
      return H_SPACE;
    case 'v':
      return V_SPACE;
    default:
      return null;
  }
}

const SIMPLE_CHARS: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, r: 0x0d, f: 0x0c, a: 0x07, e: 0x1b };

const UNSUPPORTED: Readonly<Record<string, string>> = {
  G: '\\G (end of the previous match) has no JavaScript equivalent',
  X: '\\X (extended grapheme cluster) has no JavaScript equivalent',
  N: '\\N{…} (character by Unicode name) is not supported; write the character or \\x{…} instead',
};

export interface EscapeContext {
  /** Capturing groups opened before this point (Java's rule for multi-digit backreferences). */
  groupsSoFar: number;
  inClass: boolean;
  /** The escape is a range endpoint, where Java reads `\v` as U+000B. */
  inRange?: boolean;
}

/** Reads the escape at the cursor (which is on the backslash). */
export function readEscape(cursor: JavaPatternCursor, context: EscapeContext): JavaEscape {
  const at = cursor.pos;
  cursor.next();
  const letter = cursor.next();
  if (letter === '') throw cursor.error('trailing backslash', at);
  const { flags } = cursor;

  if (Object.hasOwn(SIMPLE_CHARS, letter)) return { kind: 'char', cp: SIMPLE_CHARS[letter]! };
  if (letter === 'v' && context.inRange) return { kind: 'char', cp: 0x0b };
  const set = predefined(letter, flags);
  if (set !== null) return { kind: 'set', atom: letter === letter.toUpperCase() ? negateAtom(set) : set };

  switch (letter) {
    case '0':
      return { kind: 'char', cp: readOctal(cursor, at) };
    case 'x':
      return { kind: 'char', cp: readHexEscape(cursor, at) };
    case 'u':
      return { kind: 'char', cp: readUnicode(cursor, at) };
    case 'c': {
      const ch = cursor.next();
      if (ch === '') throw cursor.error('illegal control escape sequence \\c at the end of the pattern', at);
      return { kind: 'char', cp: ch.codePointAt(0)! ^ 64 };
    }
    case 'p':
    case 'P':
      return { kind: 'set', atom: readProperty(cursor, letter === 'P', at) };
    case 'Q': {
      const end = cursor.source.indexOf('\\E', cursor.pos);
      const quoted = cursor.source.slice(cursor.pos, end === -1 ? undefined : end);
      cursor.pos = end === -1 ? cursor.source.length : end + 2;
      return { kind: 'quote', codePoints: [...quoted].map((c) => c.codePointAt(0)!) };
    }
  }

  if (Object.hasOwn(UNSUPPORTED, letter)) throw cursor.error(UNSUPPORTED[letter]!, at);
  if (/[0-9A-Za-z]/.test(letter) && context.inClass) throw cursor.error(`escape \\${letter} is not allowed inside a character class`, at);

  switch (letter) {
    case 'b':
      if (cursor.peek() === '{') throw cursor.error('\\b{g} (grapheme boundary) has no JavaScript equivalent', at);
      return { kind: 'assertion', js: wordBoundary(flags, false) };
    case 'B':
      return { kind: 'assertion', js: wordBoundary(flags, true) };
    case 'A':
      return { kind: 'assertion', js: `(?<!${ANY})` };
    case 'z':
      return { kind: 'assertion', js: `(?!${ANY})` };
    case 'Z':
      return { kind: 'assertion', js: dollar(flags, false) };
    case 'R':
      return { kind: 'sequence', js: '(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])' };
    case 'k': {
      const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(cursor.source.slice(cursor.pos));
      if (!m) throw cursor.error("\\k must be followed by a group name in angle brackets, e.g. \\k<name>", at);
      cursor.pos += m[0].length;
      return { kind: 'named-backref', name: m[1]! };
    }
  }
  if (/[1-9]/.test(letter)) {
    // Java keeps adding digits while the number still names a group opened so far.
    let group = Number(letter);
    while (/[0-9]/.test(cursor.peek()) && group * 10 + Number(cursor.peek()) <= context.groupsSoFar) {
      group = group * 10 + Number(cursor.next());
    }
    return { kind: 'backref', group };
  }
  if (/[A-Za-z]/.test(letter)) throw cursor.error(`illegal or unsupported escape sequence \\${letter}`, at);
  return { kind: 'char', cp: letter.codePointAt(0)! };
}
