/**
 * ABA routing transit numbers: nine digits whose first two name a Federal
 * Reserve district (or a thrift, electronic or traveller's-cheque range) and
 * whose weighted sum with weights 3, 7, 1 repeated is a multiple of ten.
 */

const VALID_PREFIX = /^(?:0\d|1[0-2]|2[1-9]|3[0-2]|6[1-9]|7[0-2]|80)/;

/**
 * @example
 * isValidAbaRouting('011000015'); // true  (Federal Reserve Bank of Boston)
 * isValidAbaRouting('011000016'); // false (checksum)
 */
export function isValidAbaRouting(value: string): boolean {
  if (!/^\d{9}$/.test(value) || !VALID_PREFIX.test(value)) return false;
  const d = [...value].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}
