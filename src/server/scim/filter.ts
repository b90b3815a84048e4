/**
 * The SCIM filter language (RFC 7644 §3.4.2.2) and the attribute paths of
 * PATCH (§3.5.2) and of `attributes` (§3.9), parsed into a small AST.
 *
 * Grammar, with precedence `not` > `and` > `or`:
 *
 *   filter    = and *("or" and)
 *   and       = unary *("and" unary)
 *   unary     = "not" "(" filter ")" / "(" filter ")" / attrExp / valuePath
 *   attrExp   = attrPath "pr" / attrPath compareOp compValue
 *   valuePath = attrPath "[" valFilter "]"      ; inside: sub-attribute names only
 *   attrPath  = [URN ":"] name ["." subName]
 *
 * Operators, `and`/`or`/`not` and `true`/`false`/`null` are matched
 * regardless of case. Strings are JSON strings. One extension Microsoft Entra
 * ID relies on is accepted: `emails[type eq "work"].value eq "x"`, read as
 * `emails[type eq "work" and value eq "x"]`.
 */
import { ScimError } from './errors.ts';

const COMPARE_OPERATORS = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'] as const;
export type CompareOperator = (typeof COMPARE_OPERATORS)[number];

export type CompareValue = string | number | boolean | null;

/** An attribute path: `name`, `name.sub`, or either prefixed with a schema URN. */
export interface AttrPath {
  /** Schema URN as written, when the path was qualified with one. */
  schema?: string;
  attribute: string;
  subAttribute?: string;
}

export type FilterNode =
  | { kind: 'compare'; path: AttrPath; op: CompareOperator; value: CompareValue }
  | { kind: 'present'; path: AttrPath }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; filter: FilterNode }
  /** Values of the multi-valued `path` of which at least one matches `filter` (whose paths are sub-attribute names). */
  | { kind: 'valuePath'; path: AttrPath; filter: FilterNode };

/** A PATCH target: an attribute, a sub-attribute, or the values of a multi-valued attribute matching a filter. */
export interface PatchPath {
  /** For `emails[type eq "work"].value`: attribute `emails`, subAttribute `value`. */
  path: AttrPath;
  filter?: FilterNode;
}

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'number'; value: number; at: number }
  | { type: '(' | ')' | '[' | ']' | '.' | 'end'; at: number };

/** What is being parsed, for error messages, and the scimType its errors carry. */
interface Syntax {
  what: string;
  scimType: 'invalidFilter' | 'invalidPath';
}

const FILTER: Syntax = { what: 'filter', scimType: 'invalidFilter' };
const MAX_DEPTH = 32;
const MAX_TOKENS = 2000;
const NAME = /^[A-Za-z$][A-Za-z0-9_$-]*$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z$][A-Za-z0-9_$:.-]*/y;

function fail(syntax: Syntax, at: number, message: string): never {
  throw new ScimError(syntax.scimType, `invalid ${syntax.what} at position ${at + 1}: ${message}`);
}

function tokenize(text: string, syntax: Syntax): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']' || c === '.') {
      tokens.push({ type: c, at: i });
      i++;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) fail(syntax, i, 'the string is not closed with a double quote');
      try {
        tokens.push({ type: 'string', value: JSON.parse(text.slice(i, end + 1)) as string, at: i });
      } catch {
        fail(syntax, i, 'the string contains an invalid escape or control character');
      }
      i = end + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) fail(syntax, i, `unexpected "${c}"`);
      tokens.push({ type: 'number', value: Number(match[0]), at: i });
      i += match[0].length;
    } else {
      WORD.lastIndex = i;
      const match = WORD.exec(text);
      if (!match) fail(syntax, i, `unexpected "${c}"`);
      tokens.push({ type: 'word', text: match[0], at: i });
      i += match[0].length;
    }
  }
  if (tokens.length > MAX_TOKENS) fail(syntax, 0, `longer than ${MAX_TOKENS} tokens`);
  tokens.push({ type: 'end', at: text.length });
  return tokens;
}

function describe(token: Token): string {
  switch (token.type) {
    case 'word':
      return `"${token.text}"`;
    case 'string':
      return JSON.stringify(token.value);
    case 'number':
      return String(token.value);
    case 'end':
      return 'the end';
    default:
      return `"${token.type}"`;
  }
}

function isKeyword(token: Token, keyword: string): boolean {
  return token.type === 'word' && token.text.toLowerCase() === keyword;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly syntax: Syntax,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index++;
    return token;
  }

  private expect(type: Token['type'], expected: string): Token {
    const token = this.next();
    if (token.type !== type) fail(this.syntax, token.at, `expected ${expected}, found ${describe(token)}`);
    return token;
  }

  private enter(at: number): void {
    if (++this.depth > MAX_DEPTH) fail(this.syntax, at, `nested more than ${MAX_DEPTH} levels deep`);
  }

  end(expected: string): void {
    const token = this.peek();
    if (token.type !== 'end') fail(this.syntax, token.at, `expected ${expected}, found ${describe(token)}`);
  }

  /** `inValue`: inside `[...]`, where paths are sub-attribute names and value paths cannot nest. */
  filter(inValue: boolean): FilterNode {
    return this.chain('or', () => this.chain('and', () => this.unary(inValue)));
  }

  /** Operands joined by `kind`, grouped from the left. */
  private chain(kind: 'and' | 'or', operand: () => FilterNode): FilterNode {
    let node = operand();
    while (isKeyword(this.peek(), kind)) {
      this.next();
      node = { kind, left: node, right: operand() };
    }
    return node;
  }

  private unary(inValue: boolean): FilterNode {
    const token = this.peek();
    if (isKeyword(token, 'not') && !this.isOperator(this.peek(1))) {
      this.next();
      return { kind: 'not', filter: this.grouped(inValue) };
    }
    if (token.type === '(') return this.grouped(inValue);
    if (token.type !== 'word') {
      fail(this.syntax, token.at, `expected an attribute name, "not" or "(", found ${describe(token)}`);
    }
    this.next();
    const path = this.attrPath(token.text, token.at, inValue);
    if (this.peek().type !== '[') return this.expression(path, token.text);
    if (inValue) fail(this.syntax, this.peek().at, 'a value filter cannot contain another "["');
    const { filter, sub } = this.valueSelection(path);
    if (!sub) return { kind: 'valuePath', path, filter };
    return { kind: 'valuePath', path, filter: { kind: 'and', left: filter, right: this.expression(sub.path, sub.written) } };
  }

  /** `[` valFilter `]`, optionally followed by `.subName`, after the attribute `path`. */
  private valueSelection(path: AttrPath): { filter: FilterNode; sub?: { path: AttrPath; written: string } } {
    const open = this.next();
    if (path.subAttribute !== undefined) {
      fail(this.syntax, open.at, `"[" must follow the attribute name, not the sub-attribute "${path.subAttribute}"`);
    }
    this.enter(open.at);
    const filter = this.filter(true);
    this.expect(']', '"]"');
    this.depth--;
    if (this.peek().type !== '.') return { filter };
    this.next();
    const token = this.expect('word', 'a sub-attribute name after "]."') as Extract<Token, { type: 'word' }>;
    return { filter, sub: { path: this.attrPath(token.text, token.at, true), written: token.text } };
  }

  private isOperator(token: Token): boolean {
    return token.type === 'word' && ['pr', ...COMPARE_OPERATORS].includes(token.text.toLowerCase());
  }

  private grouped(inValue: boolean): FilterNode {
    const open = this.expect('(', '"("');
    this.enter(open.at);
    const node = this.filter(inValue);
    this.expect(')', '")"');
    this.depth--;
    return node;
  }

  private expression(path: AttrPath, written: string): FilterNode {
    const token = this.next();
    if (isKeyword(token, 'pr')) return { kind: 'present', path };
    const op = token.type === 'word' ? token.text.toLowerCase() : '';
    if (!(COMPARE_OPERATORS as readonly string[]).includes(op)) {
      fail(this.syntax, token.at, `expected "pr" or an operator (${COMPARE_OPERATORS.join(', ')}) after "${written}", found ${describe(token)}`);
    }
    return { kind: 'compare', path, op: op as CompareOperator, value: this.value() };
  }

  private value(): CompareValue {
    const token = this.next();
    if (token.type === 'string' || token.type === 'number') return token.value;
    if (token.type === 'word') {
      const lower = token.text.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
    }
    return fail(
      this.syntax,
      token.at,
      `expected a value (a string in double quotes, a number, true, false or null), found ${describe(token)}`,
    );
  }

  private attrPath(text: string, at: number, inValue: boolean): AttrPath {
    let schema: string | undefined;
    let rest = text;
    if (/^urn:/i.test(text)) {
      const colon = text.lastIndexOf(':');
      schema = text.slice(0, colon);
      rest = text.slice(colon + 1);
    }
    const parts = rest.split('.');
    if (parts.length > 2 || !parts.every((part) => NAME.test(part))) {
      fail(this.syntax, at, `"${text}" is not an attribute path (expected name, name.subName or a schema URN followed by ":name")`);
    }
    if (inValue && (schema !== undefined || parts.length > 1)) {
      fail(this.syntax, at, `inside "[...]" use a sub-attribute name, found "${text}"`);
    }
    return { ...(schema !== undefined ? { schema } : {}), attribute: parts[0], ...(parts[1] ? { subAttribute: parts[1] } : {}) };
  }

  /** A PATCH path: attrPath, or valuePath optionally followed by `.subName`. */
  patchPath(): PatchPath {
    const token = this.expect('word', 'an attribute path') as Extract<Token, { type: 'word' }>;
    const path = this.attrPath(token.text, token.at, false);
    if (this.peek().type !== '[') return { path };
    const { filter, sub } = this.valueSelection(path);
    return { path: sub ? { ...path, subAttribute: sub.path.attribute } : path, filter };
  }
}

/**
 * Parses a `filter` query parameter. Throws a `ScimError` with scimType
 * `invalidFilter` whose detail gives the 1-based position of the problem.
 *
 * @example
 * parseFilter('userName eq "bjensen"')
 * // { kind: 'compare', path: { attribute: 'userName' }, op: 'eq', value: 'bjensen' }
 */
export function parseFilter(text: string): FilterNode {
  const tokens = tokenize(text, FILTER);
  if (tokens.length === 1) fail(FILTER, 0, 'the filter is empty');
  const parser = new Parser(tokens, FILTER);
  const node = parser.filter(false);
  parser.end('"and", "or" or the end');
  return node;
}

function parsePath<T>(text: string, what: string, parse: (parser: Parser) => T): T {
  const syntax: Syntax = { what, scimType: 'invalidPath' };
  const parser = new Parser(tokenize(text, syntax), syntax);
  const result = parse(parser);
  parser.end('the end of the path');
  return result;
}

/**
 * Parses the `path` of a PATCH operation. Throws a `ScimError` with scimType
 * `invalidPath` whose detail gives the 1-based position of the problem.
 *
 * @example
 * parsePatchPath('emails[type eq "work"].value')
 * // { path: { attribute: 'emails', subAttribute: 'value' }, filter: { kind: 'compare', … } }
 */
export function parsePatchPath(text: string): PatchPath {
  return parsePath(text, 'path', (parser) => parser.patchPath());
}

/**
 * Parses one entry of `attributes` / `excludedAttributes`: an attribute path
 * without filter. Throws a `ScimError` with scimType `invalidPath`.
 *
 * @example
 * parseAttributePath('name.givenName') // { attribute: 'name', subAttribute: 'givenName' }
 */
export function parseAttributePath(text: string): AttrPath {
  return parsePath(text, 'attribute path', (parser) => {
    const { path, filter } = parser.patchPath();
    if (filter) throw new ScimError('invalidPath', `invalid attribute path "${text}": filters are not allowed here`);
    return path;
  });
}
