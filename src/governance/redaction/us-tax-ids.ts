/**
 * Validity rules of the two US taxpayer numbers that share the nine-digit
 * `AAA-GG-SSSS` shape. They never collide: SSN areas never start with 9 and
 * ITINs always do.
 */

function digitsOf(value: string): string | null {
  const m = /^(\d{3})([- ]?)(\d{2})\2(\d{4})$/.exec(value);
  return m ? m[1]! + m[3]! + m[4]! : null;
}

/**
 * Social Security number: area not 000, 666 or 9xx, group not 00, serial not 0000.
 * Separators, if any, must be the same dash or space twice.
 *
 * @example
 * isValidSsn('536-22-1234'); // true
 * isValidSsn('666-22-1234'); // false
 */
export function isValidSsn(value: string): boolean {
  const d = digitsOf(value);
  if (!d) return false;
  const area = d.slice(0, 3);
  return area !== '000' && area !== '666' && area[0] !== '9' && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

/**
 * Individual Taxpayer Identification Number as SPEC §8.4 defines it: nine
 * digits, the first 9 and the fourth 7 or 8.
 *
 * @example
 * isValidItin('912-78-1234'); // true
 * isValidItin('912-68-1234'); // false
 */
export function isValidItin(value: string): boolean {
  const d = digitsOf(value);
  return d !== null && d[0] === '9' && (d[3] === '7' || d[3] === '8');
}
