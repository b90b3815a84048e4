import { literalAtom, readCharClass } from './java-char-class.ts';
import { caret, dollar, dot, readEscape } from './java-escapes.ts';
import { JavaPatternCursor, type JavaFlags } from './java-pattern-cursor.ts';

/**
 * Translates a `java.util.regex.Pattern` source into an equivalent JavaScript
 * regex using the `v` flag (Node 20). Every Java construct is either
 * translated to something that matches the same strings or rejected with the
 * construct and its index:
 *
 * | Java | JavaScript |
 * |---|---|
 * | `(?i)` `(?u)` and scoped `(?i:…)` | case variants spelled out: `a` → `[aA]`, `[a-c]` → `[a-cA-C]` (JS cannot scope `i`) |
 * | `(?s)` `(?m)` `(?d)` | `.`, `^`, `$` written with explicit line-terminator classes and lookarounds |
 * | `(?x)` | whitespace and `#` comments dropped while parsing |
 * | `(?U)` | `\w` `\d` `\s` `\b` and POSIX names in their Unicode meaning |
 * | `\p{Lu}` `\p{IsLatin}` `\p{InGreek}` `\p{Alpha}` `\p{javaLowerCase}` … | `\p{…}` or explicit classes (see `java-properties.ts`) |
 * | `[a-z&&[^aeiou]]` `[a-d[m-p]]` | `v`-mode intersection and nested classes |
 * | `\Q…\E` | escaped literals |
 * | `\A` `\z` `\Z` `\R` `\h` `\v` `\0nn` `\x{…}` `\cX` `\e` `\a` | lookarounds, classes and `\u{…}` |
 * | `*+` `++` `?+` `{n}+`, `(?>…)`, `\G`, `\X`, `\b{g}`, `\N{…}` | rejected: no JavaScript equivalent |
 *
 * Known differences: `\b` is ASCII-based as in Java 19+; a backreference to a
 * group that did not take part in the match matches the empty string in
 * JavaScript but fails in Java; Java's requirement that look-behinds have a
 * bounded length is not enforced.
 */

export interface TranslatedRegex {
  source: string;
  /** Always `v`: Unicode sets mode, needed for `\p{…}` and class intersection. */
  flags: 'v';
}

interface Atom {
  js: string;
  /** Zero-width constructs must be wrapped in a group before JavaScript lets them be quantified. */
  zeroWidth: boolean;
}

const FLAG_LETTERS = /^[idmsuxU]$/;

class Translator {
  private readonly cursor: JavaPatternCursor;
  private groupCount = 0;
  private readonly closedGroups = new Set<number>();
  private readonly groupNames = new Map<string, number>();
  private readonly unclosedBackrefs: Array<{ group: number; at: number }> = [];

  constructor(source: string) {
    this.cursor = new JavaPatternCursor(source);
  }

  translate(): string {
    const js = this.alternation();
    if (!this.cursor.atEnd()) throw this.cursor.error("unmatched closing ')'");
    for (const { group, at } of this.unclosedBackrefs) {
      const problem = group > this.groupCount ? 'names a group that does not exist' : 'comes before its group is closed';
      throw this.cursor.error(`backreference \\${group} ${problem}`, at);
    }
    return js;
  }

  private alternation(): string {
    const branches = [this.sequence()];
    while (this.cursor.peek() === '|') {
      this.cursor.next();
      branches.push(this.sequence());
    }
    return branches.join('|');
  }

  private sequence(): string {
    let js = '';
    for (;;) {
      this.cursor.skipIgnorable();
      const ch = this.cursor.peek();
      if (ch === '' || ch === '|' || ch === ')') return js;
      const atoms = this.atoms();
      const last = atoms.pop();
      js += atoms.map((a) => a.js).join('');
      if (last !== undefined) js += this.quantified(last);
    }
  }

  /** The next atom; several for `\Q…\E` (a quantifier binds to its last character, as in Java), none for `(?i)`. */
  private atoms(): Atom[] {
    const c = this.cursor;
    const at = c.pos;
    const ch = c.peek();
    switch (ch) {
      case '(':
        return this.group();
      case '[':
        return [{ js: readCharClass(c, this.groupCount), zeroWidth: false }];
      case '.':
        c.next();
        return [{ js: dot(c.flags), zeroWidth: false }];
      case '^':
        c.next();
        return [{ js: caret(c.flags), zeroWidth: true }];
      case '$':
        c.next();
        return [{ js: dollar(c.flags, c.flags.m), zeroWidth: true }];
      case '*':
      case '+':
      case '?':
        throw c.error(`dangling meta character '${ch}' (nothing to repeat)`);
      case '{':
        throw c.error("illegal repetition: '{' starts a quantifier but there is nothing to repeat; escape it as \\{");
      case '\\':
        return this.escape(at);
      default:
        c.next();
        return [{ js: literalAtom(ch.codePointAt(0)!, c), zeroWidth: false }];
    }
  }

  private escape(at: number): Atom[] {
    const escape = readEscape(this.cursor, { groupsSoFar: this.groupCount, inClass: false });
    switch (escape.kind) {
      case 'char':
        return [{ js: literalAtom(escape.cp, this.cursor), zeroWidth: false }];
      case 'set':
        return [{ js: escape.atom, zeroWidth: false }];
      case 'assertion':
        return [{ js: escape.js, zeroWidth: true }];
      case 'sequence':
        return [{ js: escape.js, zeroWidth: false }];
      case 'quote':
        return escape.codePoints.map((cp) => ({ js: literalAtom(cp, this.cursor), zeroWidth: false }));
      case 'backref':
        this.rejectCaseInsensitiveBackref(at);
        // Java never matches a reference to a group that is still open or comes later; JavaScript would match ''.
        if (!this.closedGroups.has(escape.group)) this.unclosedBackrefs.push({ group: escape.group, at });
        // The group keeps its own delimiters so a following digit is not read as part of the number.
        return [{ js: `(?:\\${escape.group})`, zeroWidth: false }];
      case 'named-backref':
        this.rejectCaseInsensitiveBackref(at);
        if (!this.closedGroups.has(this.groupNames.get(escape.name) ?? 0)) {
          throw this.cursor.error(`named group <${escape.name}> is not defined and closed before \\k<${escape.name}>`, at);
        }
        return [{ js: `\\k<${escape.name}>`, zeroWidth: false }];
    }
  }

  private rejectCaseInsensitiveBackref(at: number): void {
    if (this.cursor.flags.i) {
      throw this.cursor.error('a backreference under (?i) cannot be translated: JavaScript cannot compare the captured text ignoring case in part of a pattern', at);
    }
  }

  private group(): Atom[] {
    const c = this.cursor;
    const open = c.pos;
    c.next();
    const saved = c.flags;
    let prefix = '(';
    let zeroWidth = false;
    let capture: number | null = null;
    if (c.peek() === '?') {
      c.next();
      const kind = c.peek();
      if (kind === ':' || kind === '=' || kind === '!') {
        c.next();
        prefix = `(?${kind}`;
        zeroWidth = kind !== ':';
      } else if (kind === '<' && (c.peek(1) === '=' || c.peek(1) === '!')) {
        prefix = `(?<${c.peek(1)}`;
        c.pos += 2;
        zeroWidth = true;
      } else if (kind === '<') {
        c.next();
        const m = /^([a-zA-Z][a-zA-Z0-9]*)>/.exec(c.source.slice(c.pos));
        if (!m) throw c.error('named group must be (?<name>…) with a name of ASCII letters and digits starting with a letter', open);
        if (this.groupNames.has(m[1]!)) throw c.error(`named group <${m[1]}> is already defined`, open);
        c.pos += m[0].length;
        capture = ++this.groupCount;
        this.groupNames.set(m[1]!, capture);
        prefix = `(?<${m[1]}>`;
      } else if (kind === '>') {
        throw c.error('atomic group (?>…) has no JavaScript equivalent', open);
      } else {
        const flags = this.readFlags(open);
        if (c.peek() === ')') {
          // (?i) changes the flags for the rest of the enclosing group.
          c.next();
          c.flags = flags;
          return [];
        }
        if (c.peek() !== ':') throw c.error('unknown inline modifier: expected ) or : after the flags', c.pos);
        c.next();
        c.flags = flags;
        prefix = '(?:';
      }
    } else {
      capture = ++this.groupCount;
    }
    const inner = this.alternation();
    if (c.peek() !== ')') throw c.error("unclosed group: '(' has no matching ')'", open);
    c.next();
    c.flags = saved;
    if (capture !== null) this.closedGroups.add(capture);
    return [{ js: `${prefix}${inner})`, zeroWidth }];
  }

  /** Reads `idmsuxU-idmsuxU`; `U` also switches `u`, as in Java. */
  private readFlags(open: number): JavaFlags {
    const c = this.cursor;
    const flags: Record<keyof JavaFlags, boolean> = { ...c.flags };
    let on = true;
    for (;;) {
      const ch = c.peek();
      if (ch === '-' && on) {
        on = false;
        c.next();
      } else if (FLAG_LETTERS.test(ch)) {
        c.next();
        flags[ch as keyof JavaFlags] = on;
        if (ch === 'U') flags.u = on;
      } else if (ch === ')' || ch === ':') {
        return flags;
      } else {
        const what = ch === '' ? 'end of pattern' : `'${ch}'`;
        throw c.error(`unknown inline flag ${what} in group starting`, open);
      }
    }
  }

  private quantified(atom: Atom): string {
    const c = this.cursor;
    c.skipIgnorable();
    const at = c.pos;
    let quantifier: string;
    const ch = c.peek();
    if (ch === '*' || ch === '+' || ch === '?') {
      c.next();
      quantifier = ch;
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(c.source.slice(c.pos));
      if (!/^\{\d/.test(c.source.slice(c.pos))) throw c.error("illegal repetition: '{' must start a quantifier such as {2} or {1,3}; escape it as \\{");
      if (!m) throw c.error('unclosed counted repetition {n,m}');
      if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1])) throw c.error(`illegal repetition range ${m[0]}: maximum below minimum`);
      c.pos += m[0].length;
      quantifier = m[0];
    } else {
      return atom.js;
    }
    c.skipIgnorable();
    if (c.peek() === '+') {
      throw c.error(`possessive quantifier ${quantifier}+ has no JavaScript equivalent; use ${quantifier} instead`, at);
    }
    if (c.peek() === '?') {
      c.next();
      quantifier += '?';
    }
    return `${atom.zeroWidth ? `(?:${atom.js})` : atom.js}${quantifier}`;
  }
}

/**
 * Translates a Java regular expression to a JavaScript one with the same
 * matches. Throws `AppError('invalid_input')` naming the construct and its
 * index when the pattern is invalid in Java or has no JavaScript equivalent.
 *
 * @example
 * translateJavaRegex('(?i)internal use only');
 * // { source: '[iI][nN][tT][eE][rR][nN][aA][lL] [uU][sS][eE] [oO][nN][lL][yY]', flags: 'v' }
 * translateJavaRegex('\\d++'); // throws: possessive quantifier ++ … at index 2
 */
export function translateJavaRegex(java: string): TranslatedRegex {
  const source = new Translator(java).translate();
  try {
    new RegExp(source, 'v');
  } catch (error) {
    throw new JavaPatternCursor(java).error(`pattern could not be translated (${(error as Error).message})`, 0);
  }
  return { source, flags: 'v' };
}
