import { AppError } from '../../core/errors.ts';

/**
 * Reading position in a Java pattern, with the inline flags in force. Indexes
 * are UTF-16 offsets, as in Java's `PatternSyntaxException.getIndex()`.
 */

export interface JavaFlags {
  /** `(?i)` CASE_INSENSITIVE */
  readonly i: boolean;
  /** `(?d)` UNIX_LINES */
  readonly d: boolean;
  /** `(?m)` MULTILINE */
  readonly m: boolean;
  /** `(?s)` DOTALL */
  readonly s: boolean;
  /** `(?u)` UNICODE_CASE */
  readonly u: boolean;
  /** `(?x)` COMMENTS */
  readonly x: boolean;
  /** `(?U)` UNICODE_CHARACTER_CLASS */
  readonly U: boolean;
}

export const NO_FLAGS: JavaFlags = { i: false, d: false, m: false, s: false, u: false, x: false, U: false };

const SPACE = /[ \t\n\x0B\f\r]/;
const LINE_END = /[\n\r\u0085\u2028\u2029]/;

export class JavaPatternCursor {
  pos = 0;
  flags: JavaFlags = NO_FLAGS;

  constructor(readonly source: string) {}

  atEnd(): boolean {
    return this.pos >= this.source.length;
  }

  /** The code point at the cursor as a string ('' at the end). */
  peek(offset = 0): string {
    const cp = this.source.codePointAt(this.pos + offset);
    return cp === undefined ? '' : String.fromCodePoint(cp);
  }

  next(): string {
    const ch = this.peek();
    this.pos += ch.length;
    return ch;
  }

  startsWith(text: string): boolean {
    return this.source.startsWith(text, this.pos);
  }

  /** In `(?x)` mode, whitespace and `#` comments between tokens mean nothing. */
  skipIgnorable(): void {
    if (!this.flags.x) return;
    for (;;) {
      const ch = this.peek();
      if (ch !== '' && SPACE.test(ch)) this.pos++;
      else if (ch === '#') {
        const lineEnd = this.flags.d ? /\n/ : LINE_END;
        while (!this.atEnd() && !lineEnd.test(this.peek())) this.next();
      } else return;
    }
  }

  /** An `invalid_input` error naming the problem and where it is. */
  error(problem: string, at = this.pos): AppError {
    return new AppError('invalid_input', `invalid blocked pattern: ${problem} at index ${at} of ${JSON.stringify(this.source)}`, {
      details: { pattern: this.source, index: at, problem },
    });
  }
}
