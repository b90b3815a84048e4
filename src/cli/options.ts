import { invalidInput } from '../core/errors.ts';

/**
 * Reads a numeric option, naming the flag when it is not a whole number in
 * range, so the CLI refuses what the HTTP API refuses.
 *
 * @example wholeNumberOption('--limit', '50', { min: 1, max: 100, fallback: 20 }) // 50
 */
export function wholeNumberOption(flag: string, value: string | undefined, bounds: { min: number; max?: number; fallback: number }): number {
  if (value === undefined) return bounds.fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < bounds.min || (bounds.max !== undefined && n > bounds.max)) {
    const range = bounds.max === undefined ? `≥ ${bounds.min}` : `from ${bounds.min} to ${bounds.max}`;
    throw invalidInput(`invalid ${flag}`, [{ path: flag, message: `expected a whole number ${range}, got "${value}"` }]);
  }
  return n;
}

/**
 * Reads a date or time option as an ISO-8601 instant, naming the flag when it
 * cannot be read.
 *
 * @example instantOption('--since', '2026-01-01') // '2026-01-01T00:00:00.000Z'
 */
export function instantOption(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw invalidInput(`invalid ${flag}`, [{ path: flag, message: `expected an ISO-8601 date or time, got "${value}"` }]);
  return new Date(t).toISOString();
}
