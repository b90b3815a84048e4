import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

function encodeTime(ms: number, length: number): string {
  let out = '';
  let value = ms;
  for (let i = 0; i < length; i++) {
    out = ALPHABET[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

function encodeRandom(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % 32];
  return out;
}

/**
 * A prefixed, time-ordered identifier (ULID layout: 10 time chars + 16 random).
 *
 * @example
 * newId('mtg') // 'mtg_01jd3v4k2m8q6w7e5r9t0y1u2i'
 */
export function newId(prefix: string, now: number = Date.now()): string {
  return `${prefix}_${encodeTime(now, 10)}${encodeRandom(16)}`;
}

/** A URL-safe random secret of `bytes` bytes of entropy. */
export function newSecret(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
