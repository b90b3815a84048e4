/**
 * Writes one code point as a literal of a JavaScript `v`-mode regex. In that
 * mode only syntax characters may be escaped outside a class, while inside a
 * class the reserved punctuators must be escaped too.
 */

const SYNTAX = new Set('^$\\.*+?()[]{}|/');
const CLASS_RESERVED = new Set('&-!#%,:;<=>@`~');

export function jsLiteral(cp: number, inClass: boolean): string {
  const ch = String.fromCodePoint(cp);
  if (SYNTAX.has(ch) || (inClass && CLASS_RESERVED.has(ch))) return `\\${ch}`;
  if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) || ch === ' ') return ch;
  return `\\u{${cp.toString(16)}}`;
}
