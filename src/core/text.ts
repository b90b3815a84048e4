/** What a one-line field (a name, a title) says when it holds a control character. */
export const CONTROL_CHARACTERS_REFUSED = 'must not contain control characters (such as NUL, tab or a line break)';

/**
 * Whether text holds a control character (NUL, tab, line breaks, escapes):
 * such text cannot be shown or searched as a name, and some databases cannot
 * store it.
 *
 * @example hasControlCharacters('a\u0000b') // true
 */
export function hasControlCharacters(text: string): boolean {
  return /\p{Cc}/u.test(text);
}
