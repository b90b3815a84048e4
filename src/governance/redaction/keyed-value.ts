/**
 * Values announced by a keyword: "password: hunter2", "username is jdoe",
 * "pwd='s3cr3t'". The value is the token (or quoted string) after the keyword
 * and an optional separator.
 */

export interface KeyedValue {
  start: number;
  end: number;
  value: string;
  /** `:`, `=`, `-`, `is`, `was`, or `''` when only whitespace separates keyword and value. */
  separator: string;
  quoted: boolean;
}

const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’', '`': '`' };

/**
 * Finds keyword–value pairs. `keywords` is a regex source of alternatives,
 * matched case-insensitively on word boundaries; a short qualifier may sit
 * between keyword and separator ("password for the wifi is …").
 */
export function findKeyedValues(text: string, keywords: string): KeyedValue[] {
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${keywords})(?![\\p{L}\\p{N}])` +
      `(?:\\s+(?:for|of|to|on)\\s+(?:the\\s+|my\\s+|your\\s+|our\\s+)?[\\p{L}\\p{N}_-]+)?` +
      `(?:\\s*(:|=|-)\\s*|\\s+(is|was|will\\s+be)\\s+|\\s+)` +
      `(?:(["'“‘\`])|(?=[^\\s"'“‘\`]))`,
    'giu',
  );
  const out: KeyedValue[] = [];
  for (const m of text.matchAll(re)) {
    const separator = (m[1] ?? m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const valueStart = m.index + m[0].length;
    const open = m[3];
    if (open !== undefined) {
      const close = text.indexOf(QUOTES[open]!, valueStart);
      if (close > valueStart && close - valueStart <= 128 && !text.slice(valueStart, close).includes('\n')) {
        out.push({ start: valueStart, end: close, value: text.slice(valueStart, close), separator, quoted: true });
      }
      continue;
    }
    const token = /^\S{1,128}/.exec(text.slice(valueStart))![0];
    // Sentence punctuation after a value is not part of it ("my pwd is x7!k. Then…" keeps the "!").
    const value = token.replace(/[.,;:!?)\]]+$/, (tail) => (tail.length === token.length ? tail : ''));
    if (value.length > 0) out.push({ start: valueStart, end: valueStart + value.length, value, separator, quoted: false });
  }
  return out;
}

/** Whether a bare value looks like a secret or identifier rather than an ordinary word. */
export function looksLikeToken(value: string): boolean {
  return /[\p{N}_@#$%^&*+=!?~.\/\\-]/u.test(value) || /\p{Ll}\p{Lu}/u.test(value);
}
