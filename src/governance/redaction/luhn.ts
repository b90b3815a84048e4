/**
 * Luhn (mod 10) check used by payment card numbers (ISO/IEC 7812-1).
 *
 * @example
 * isLuhnValid('4111 1111 1111 1111'); // true
 * isLuhnValid('4111 1111 1111 1112'); // false
 */
export function isLuhnValid(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
