import { z } from '@hono/zod-openapi';

/**
 * A one-line string such as a name or a title: control characters (NUL, tab,
 * line breaks, escapes) are refused, since they cannot be shown or searched
 * and some databases cannot store them. Long free text that may span lines
 * (disclaimers, reasons) stays a plain string.
 *
 * @example z.object({ name: lineText().min(1).max(200) })
 */
export function lineText() {
  return z.string().regex(/^\P{Cc}*$/u, { error: 'must not contain control characters (such as NUL, tab or a line break)' });
}
