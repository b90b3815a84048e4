import { hasContext } from './context-window.ts';
import { SCORE, type Detector } from './detector.ts';
import { scan } from './scan.ts';
import { isValidItin, isValidSsn } from './us-tax-ids.ts';

/** `AAA-GG-SSSS` with one repeated separator, or nine bare digits. */
const NINE_DIGITS = /(?<![\p{L}\p{N}-])\d{3}([- ]?)\d{2}\1\d{4}(?![\p{L}\p{N}]|-\d)/gu;

const SSN_CONTEXT = /\b(?:ssn|ss#|ss no|social security|social sec|soc sec|ssa)\b/;
const ITIN_CONTEXT = /\b(?:itin|taxpayer|tax id|tax identification|tin)\b/;

/**
 * A dashed number that passes the validity rules is taken on its shape; a
 * spaced or bare one could be a phone or an account number, so it needs a
 * context word.
 */
function scoreFor(match: RegExpExecArray, text: string, context: RegExp): number | null {
  const contextual = hasContext(text, match.index, match.index + match[0].length, context, { before: 48, after: 24 });
  if (contextual) return SCORE.checksum;
  return match[1] === '-' ? SCORE.strongShape : null;
}

export const ssnDetector: Detector = {
  detect: (text) => scan(text, NINE_DIGITS, 'SSN', (m) => (isValidSsn(m[0]) ? scoreFor(m, text, SSN_CONTEXT) : null)),
};

export const itinDetector: Detector = {
  detect: (text) =>
    scan(text, NINE_DIGITS, 'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER', (m) =>
      isValidItin(m[0]) ? scoreFor(m, text, ITIN_CONTEXT) : null,
    ),
};
