import { hasContext } from './context-window.ts';
import { SCORE, type Candidate, type Detector } from './detector.ts';
import { findKeyedValues, looksLikeToken } from './keyed-value.ts';
import { scan } from './scan.ts';

/**
 * Secrets and account identifiers people say or type in conversations. All
 * three need a keyword: four digits are a PIN only near "PIN" or "code", a
 * word is a password only when announced as one.
 */

const FOUR_DIGITS = /(?<![\p{L}\p{N}-])\d{4}(?![\p{L}\p{N}]|[-.,\/]\d)/gu;
const PIN_BEFORE = /\b(?:pin|pins|pin code|pin number|passcode|pass code|code)\b(?:\s+(?:number|no\.?|is|was|:|=|-))*[\s:=#-]*$/;
const PIN_AFTER = /^\s*(?:is|was|as)\s+(?:my|your|his|her|our|their|the)\s+(?:pin|passcode|code)\b/;
/** "zip code 1234" and "error code 4040" are not secrets. */
const NOT_A_PIN_CODE =
  /\b(?:zip|postal|post|area|country|dial(?:ling)?|promo|promotion|discount|coupon|voucher|error|status|source|sort|bank|swift|bic|iata|airport|product|item|tax|exit)\s+code\b/;

export const pinDetector: Detector = {
  detect(text) {
    return scan(text, FOUR_DIGITS, 'PIN', (m) => {
      const before = text.slice(Math.max(0, m.index - 30), m.index).toLowerCase();
      const keyed = PIN_BEFORE.test(before) && !NOT_A_PIN_CODE.test(before);
      const trailing = hasContext(text, m.index, m.index + 4, PIN_AFTER, { before: 0, after: 24 });
      return keyed || trailing ? SCORE.context + 0.03 : null;
    });
  },
};

const PASSWORD_KEYWORDS = 'passwords?|passcodes?|passwd|pwd|pass\\s?phrase|pass\\s?word';
/** Words that follow "password is" when it is described, not disclosed. */
const DESCRIPTIVE = new Set(
  'incorrect wrong correct invalid valid expired required weak strong too not the a an my your case long short missing empty same different blank reset changed locked new old'.split(
    ' ',
  ),
);

export const passwordDetector: Detector = {
  detect(text) {
    const out: Candidate[] = [];
    for (const v of findKeyedValues(text, PASSWORD_KEYWORDS)) {
      const announced = v.separator === ':' || v.separator === '=';
      const plausible = v.quoted || (announced ? !DESCRIPTIVE.has(v.value.toLowerCase()) : looksLikeToken(v.value));
      if (plausible) out.push({ type: 'PASSWORD', start: v.start, end: v.end, score: SCORE.context });
    }
    return out;
  },
};

const USERNAME_KEYWORDS = 'user\\s?names?|user\\s?ids?|login(?:\\s+name)?|log-in|handle|screen\\s?name|account\\s+name|nickname';
const NOT_A_USERNAME = new Set('is was the a an my your his her our their and or to for of in on at with page screen details'.split(' '));
const HANDLE = /(?<![\p{L}\p{N}._@-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\p{L}\p{N}@_-]|\.[A-Za-z])/gu;

export const usernameDetector: Detector = {
  detect(text) {
    const out: Candidate[] = [];
    for (const v of findKeyedValues(text, USERNAME_KEYWORDS)) {
      if (NOT_A_USERNAME.has(v.value.toLowerCase())) continue;
      if (!/^@?[\p{L}\p{N}._-]{2,64}$/u.test(v.value)) continue;
      const announced = v.separator !== '' || v.quoted;
      if (announced || looksLikeToken(v.value)) out.push({ type: 'USERNAME', start: v.start, end: v.end, score: SCORE.context });
    }
    out.push(...scan(text, HANDLE, 'USERNAME', () => SCORE.shape + 0.1));
    return out;
  },
};
