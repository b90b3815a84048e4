import { isIPv4 } from 'node:net';
import { hasContext, textAfter } from './context-window.ts';
import { SCORE, type Detector } from './detector.ts';
import { scan } from './scan.ts';

/**
 * Digit groups joined by single spaces, dots or dashes, with an optional `+`
 * prefix, parenthesised area codes such as `(0)8` or `(212)`, and an optional
 * extension. Groups stop before a colon-digit pair so clock times stay out.
 */
const PHONE =
  /(?<![\p{L}\p{N}+#$€£¥@\/.-]|\d,)(?:\+\s?)?(?:\(\d{1,5}\)|\d{1,5})(?:(?:[ \t]?[.\-][ \t]?|[ \t])?(?:\(\d{1,5}\)|\d{1,5})){0,7}(?:[ \t]?(?:x|ext\.?|extension|#)[ \t]?\d{1,6})?(?![\p{L}\p{N}]|[.,\-:\/]\d)/giu;

const EXTENSION = /(?:x|ext\.?|extension|#)[ \t]?\d{1,6}$/i;

const PHONE_WORDS =
  /\b(?:phone|tel|telephone|call(?:s|ed|ing)?|mobile|cell(?:phone)?|fax|texts?|sms|messages?|voicemail|whatsapp|dial|ring|answer(?:ing)?|desk|direct|landline|hotline|ext)\b/;
/** "office" labels a number written before it ("555-0100 office"); before a number it is more often an address. */
const OFFICE_AFTER = /\boffice\b/;
/** Weaker than phone words: an account or order can have a "number" too. */
const GENERIC_CONTEXT = /\b(?:number|no\.|contact|reach)\b/;
const MONEY_AFTER = /^\s*(?:%|percent|dollars?|euros?|pounds?|usd|eur|gbp|chf|jpy|[kmb]n?\b|million|billion)/;

const US_FORMAT = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]?\d{3}[ .-]\d{4}$/;

/** A day-month-year or year-month-day triple is a date, whatever its separators. */
function isDateShaped(groups: string[], separators: string): boolean {
  if (groups.length !== 3 || /\s/.test(separators)) return false;
  const [a, b, c] = groups.map(Number) as [number, number, number];
  if (groups[0]!.length === 4) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  const yearOk = groups[2]!.length === 4 || groups[2]!.length === 2;
  const dm = a >= 1 && a <= 31 && b >= 1 && b <= 12;
  const md = a >= 1 && a <= 12 && b >= 1 && b <= 31;
  return yearOk && (dm || md);
}

/** `1.234.567` or `1 234 567`: a number with thousands separators. */
function isGroupedThousands(groups: string[]): boolean {
  return groups.length >= 2 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

export const phoneDetector: Detector = {
  detect(text) {
    return scan(text, PHONE, 'PHONE', (m) => {
      const raw = m[0];
      const body = raw.replace(EXTENSION, '');
      const groups = body.match(/\d+/g) ?? [];
      const digits = groups.join('');
      const international = body.trimStart().startsWith('+');
      if (digits.length < 7 || digits.length > 15) return null;
      if (isIPv4(body)) return null;
      const separators = body.replace(/[\d()+]/g, '');
      if (isDateShaped(groups, separators)) return null;
      if (MONEY_AFTER.test(textAfter(text, m.index + raw.length, 12))) return null;
      const window = { before: 40, after: 12 };
      const end = m.index + raw.length;
      if (hasContext(text, m.index, end, PHONE_WORDS, window) || hasContext(text, m.index, end, OFFICE_AFTER, { before: 0, after: 12 })) {
        return SCORE.context;
      }
      if (hasContext(text, m.index, end, GENERIC_CONTEXT, window)) return SCORE.context - 0.1;
      if (international && digits.length >= 8) return SCORE.strongShape - 0.05;
      if (US_FORMAT.test(body.trim())) return SCORE.shape + 0.1;
      // What is left is ambiguous: a bare digit run, a two-group number, a thousands-grouped amount.
      const bare = groups.length === 1;
      if (bare || groups.length === 2 || isGroupedThousands(groups)) return null;
      return SCORE.shape;
    });
  },
};
