import { isValidAbaRouting } from './aba-routing.ts';
import { hasContext, keywordProximity } from './context-window.ts';
import { SCORE, type Detector } from './detector.ts';
import { IBAN_LENGTHS, isValidIban } from './iban.ts';
import { ISO_COUNTRY_CODES } from './country-codes.ts';
import { scan } from './scan.ts';

const ROUTING = /(?<![\p{L}\p{N}-])\d{9}(?![\p{L}\p{N}]|-\d)/gu;
const ROUTING_CONTEXT = /\b(?:routing|aba|rtn|transit|bank number|bank code)\b/;

/** A checksum-valid nine-digit number near a routing keyword; one random number in ten passes the checksum alone. */
export const bankRoutingDetector: Detector = {
  detect: (text) =>
    scan(text, ROUTING, 'BANK_ROUTING', (m) =>
      isValidAbaRouting(m[0]) && hasContext(text, m.index, m.index + 9, ROUTING_CONTEXT, { before: 40, after: 20 })
        ? SCORE.checksum
        : null,
    ),
};

const ACCOUNT = /(?<![\p{L}\p{N}-])\d(?:[- ]?\d){3,16}(?![\p{L}\p{N}]|-\d)/gu;
const ACCOUNT_CONTEXT = /\b(?:account|acct|a\/c|checking|savings|deposit account|bank acc)\b/;

/** US bank account numbers have no checksum and 4–17 digits: only a keyword makes them one. */
export const bankAccountDetector: Detector = {
  detect: (text) =>
    scan(text, ACCOUNT, 'BANK_ACCOUNT_NUMBER', (m) => {
      const proximity = keywordProximity(text, m.index, m.index + m[0].length, ACCOUNT_CONTEXT, { before: 32, after: 0 });
      return proximity === null ? null : SCORE.context + 0.05 * proximity;
    }),
};

/** Country code and check digits, then groups of letters and digits optionally split by single spaces. */
const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){10,32}/gu;

/** Cuts a candidate to its country's IBAN length, so a following word or number is not swallowed. */
function ibanEnd(candidate: string): number | null {
  const length = IBAN_LENGTHS[candidate.slice(0, 2).toUpperCase()];
  if (length === undefined) return null;
  let count = 0;
  for (let i = 0; i < candidate.length; i++) {
    if (candidate[i] !== ' ') count++;
    if (count === length) return i + 1;
  }
  return null;
}

export const ibanDetector: Detector = {
  detect: (text) =>
    scan(text, IBAN_CANDIDATE, 'INTERNATIONAL_BANK_ACCOUNT_NUMBER', (m) => {
      const end = ibanEnd(m[0]);
      if (end === null) return null;
      const next = text[m.index + end];
      if (next !== undefined && /[\p{L}\p{N}]/u.test(next)) return null;
      return isValidIban(m[0].slice(0, end)) ? { score: SCORE.checksum, start: m.index, end: m.index + end } : null;
    }),
};

/** Bank (4 letters), country (2), location (2) and optional branch (3). */
const BIC = /(?<![\p{L}\p{N}])[A-Z]{4}([A-Z]{2})[A-Z0-9]{2}(?:[A-Z0-9]{3})?(?![\p{L}\p{N}])/gu;
const BIC_CONTEXT = /\b(?:swift|bic|bank identifier|bank code|sort code|iban|bank)\b/;

/**
 * An eight- or eleven-letter code with a real country in positions 5–6. Near a
 * SWIFT/BIC keyword that is enough; without one, capitalised words such as
 * "BUSINESS" would pass, so a digit in the location or branch code is required.
 */
export const swiftDetector: Detector = {
  detect: (text) =>
    scan(text, BIC, 'SWIFT_CODE', (m) => {
      if (!ISO_COUNTRY_CODES.has(m[1]!)) return null;
      if (hasContext(text, m.index, m.index + m[0].length, BIC_CONTEXT, { before: 40, after: 20 })) return SCORE.context;
      return /\d/.test(m[0].slice(6)) ? SCORE.shape : null;
    }),
};
