import { isLuhnValid } from './luhn.ts';

/**
 * Issuer ranges (IIN prefixes) and the lengths each issues, so a random
 * Luhn-valid digit run (one in ten is) is not taken for a card. Prefixes are
 * kept short rather than tracking each scheme's current allocations, so a
 * newly issued range is not missed. Maestro is the
 * only scheme issuing 12-digit numbers; the two legacy JCB prefixes 1800 and
 * 2131 issue 15 digits.
 */
const ISSUERS: ReadonlyArray<{ prefix: RegExp; lengths: readonly number[] }> = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(?:5[1-5]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/, lengths: [16] }, // Mastercard
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^3(?:0[0-5]|095|[689])/, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { prefix: /^(?:6011|64[4-9]|65)/, lengths: [16, 17, 18, 19] }, // Discover
  { prefix: /^35/, lengths: [16, 17, 18, 19] }, // JCB issues 3528–3589; all of 35 is accepted, the Luhn check still applies
  { prefix: /^(?:1800|2131)/, lengths: [15] }, // JCB, legacy
  { prefix: /^62/, lengths: [16, 17, 18, 19] }, // UnionPay
  { prefix: /^(?:5[06-9]|6)/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
];

/**
 * Whether `value` (digits, optionally grouped by spaces or dashes) is a
 * plausible payment card number: a known issuer prefix, a length that issuer
 * uses, and a valid Luhn check digit.
 *
 * @example
 * isCardNumber('4111-1111-1111-1111'); // true
 * isCardNumber('1234 5678 9012 3456'); // false (no issuer, bad check digit)
 */
export function isCardNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return false;
  const issued = ISSUERS.some((i) => i.prefix.test(digits) && i.lengths.includes(digits.length));
  return issued && isLuhnValid(digits);
}
