/**
 * Vehicle identification numbers (ISO 3779): 17 characters without I, O or Q.
 * Position 9 is a check digit in North America (49 CFR 565) and China; other
 * regions leave it free, so the check digit is required only when no context
 * word vouches for the value (see the VIN detector).
 */

const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Whether `value` has the ISO 3779 shape: 17 of `0-9A-Z` except I, O and Q. */
export function isVinShape(value: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(value);
}

/**
 * Whether the check digit in position 9 matches the weighted sum of the others.
 *
 * @example
 * hasValidVinCheckDigit('1M8GDM9AXKP042788'); // true
 * hasValidVinCheckDigit('1M8GDM9A1KP042788'); // false
 */
export function hasValidVinCheckDigit(value: string): boolean {
  if (!isVinShape(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = value[i]!;
    const n = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : TRANSLITERATION[ch]!;
    sum += n * WEIGHTS[i]!;
  }
  const check = sum % 11;
  return value[8] === (check === 10 ? 'X' : String(check));
}
