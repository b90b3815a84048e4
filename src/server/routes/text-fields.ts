import { z } from '@hono/zod-openapi';
import { CONTROL_CHARACTERS_REFUSED, hasControlCharacters } from '../../core/text.ts';

/**
 * A one-line string such as a name or a title: control characters are
 * refused. Long free text that may span lines (disclaimers, reasons) stays a
 * plain string.
 *
 * @example z.object({ name: lineText().min(1).max(200) })
 */
export function lineText() {
  return z.string().refine((s) => !hasControlCharacters(s), { error: CONTROL_CHARACTERS_REFUSED });
}
