/**
 * Finds places in JSON text. `JSON.parse` neither reports a syntax error's
 * position in a dependable form nor says where a value starts, and error
 * messages must name a line, so this scanner walks the text without
 * building values. It runs only once something is known to be wrong.
 */

type PathStep = string | number;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Scanner {
  position = 0;

  constructor(private readonly text: string) {}

  get atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipSpace(): void {
    for (;;) {
      const code = this.text.charCodeAt(this.position);
      if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return;
      this.position++;
    }
  }

  /** Skips one value, checking its syntax. */
  skip(): void {
    this.skipSpace();
    const char = this.text[this.position];
    if (char === '{') return void this.object(() => (this.skip(), false));
    if (char === '[') return void this.array(() => (this.skip(), false));
    if (char === '"') return void this.string();
    const literal = LITERALS.find((word) => this.text.startsWith(word, this.position));
    if (literal) return void (this.position += literal.length);
    NUMBER.lastIndex = this.position;
    if (!NUMBER.test(this.text)) this.fail(this.unexpected('a value'));
    this.position = NUMBER.lastIndex;
  }

  /** The offset where the value at `path` starts, or null when there is none. */
  find(path: readonly PathStep[]): number | null {
    this.skipSpace();
    if (path.length === 0) return this.position;
    const [step, ...rest] = path;
    let found: number | null = null;
    const visit = (key: PathStep): boolean => {
      if (key !== step) return this.skip(), false;
      found = this.find(rest);
      return true;
    };
    const char = this.text[this.position];
    if (char === '{' && typeof step === 'string') this.object(visit);
    else if (char === '[' && typeof step === 'number') this.array(visit);
    return found;
  }

  private fail(reason: string, at = this.position): never {
    throw new JsonSyntaxError(at, reason);
  }

  private unexpected(wanted: string): string {
    const found = this.text[this.position];
    return found === undefined ? `unexpected end of file, expected ${wanted}` : `unexpected "${found}", expected ${wanted}`;
  }

  /** Skips a string and returns it raw, quotes included. */
  private string(): string {
    const start = this.position++;
    for (;;) {
      const char = this.text[this.position];
      if (char === undefined) this.fail('unterminated string', start);
      if (char === '"') break;
      if (char === '\\') {
        ESCAPE.lastIndex = this.position;
        if (!ESCAPE.test(this.text)) this.fail('invalid escape sequence in a string');
        this.position = ESCAPE.lastIndex;
      } else if (char < ' ') this.fail('unescaped control character in a string');
      else this.position++;
    }
    this.position++;
    return this.text.slice(start, this.position);
  }

  /** Walks an object's members; `visit` consumes each value and returns true to stop. */
  private object(visit: (key: string) => boolean): void {
    this.position++;
    this.skipSpace();
    if (this.text[this.position] === '}') return void this.position++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] !== '"') this.fail(this.unexpected('a property name in double quotes'));
      const key = JSON.parse(this.string()) as string;
      this.skipSpace();
      if (this.text[this.position] !== ':') this.fail(this.unexpected('":" after a property name'));
      this.position++;
      if (visit(key)) return;
      if (this.closes('}', 'a property value')) return;
    }
  }

  /** Walks an array's elements; `visit` consumes each element and returns true to stop. */
  private array(visit: (index: number) => boolean): void {
    this.position++;
    this.skipSpace();
    if (this.text[this.position] === ']') return void this.position++;
    for (let index = 0; ; index++) {
      if (visit(index)) return;
      if (this.closes(']', 'an array element')) return;
    }
  }

  /** After a member or element: true at the closing bracket, false after a comma. */
  private closes(bracket: string, after: string): boolean {
    this.skipSpace();
    const char = this.text[this.position];
    if (char !== bracket && char !== ',') this.fail(this.unexpected(`"," or "${bracket}" after ${after}`));
    this.position++;
    return char === bracket;
  }
}

/**
 * Where and why JSON text is malformed; null when it is well formed.
 *
 * @example
 * findJsonSyntaxError('[1, 2,\n]'); // { offset: 7, reason: 'unexpected "]", expected a value' }
 */
export function findJsonSyntaxError(text: string): { offset: number; reason: string } | null {
  const scanner = new Scanner(text);
  try {
    scanner.skip();
    scanner.skipSpace();
    return scanner.atEnd ? null : { offset: scanner.position, reason: 'unexpected content after the JSON value' };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}

/**
 * The offset where the value at `path` starts in well-formed JSON text, or
 * null when the path leads nowhere.
 *
 * @example
 * findJsonValue('{"segments": [{}, {"a": 1}]}', ['segments', 1]); // 18
 */
export function findJsonValue(text: string, path: readonly PathStep[]): number | null {
  return new Scanner(text).find(path);
}

/**
 * The 1-based line of a character offset.
 *
 * @example
 * lineAtOffset('a\nb\nc', 4); // 3
 */
export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}
