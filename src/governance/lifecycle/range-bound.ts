import { invalidInput } from '../../core/errors.ts';

const DAY_MS = 86_400_000;

/**
 * One bound of a date range as an ISO instant. A bare date (`2026-02-28`)
 * names the whole day: as `from` its first instant, as `to` its last, so the
 * day itself is inside the range.
 *
 * @example
 * rangeBound('2026-02-28', 'to', 'to'); // '2026-02-28T23:59:59.999Z'
 */
export function rangeBound(value: string | undefined, edge: 'from' | 'to', label: string = edge): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw invalidInput(`${label} "${value}" is not an ISO-8601 date`, [{ path: edge, message: 'not an ISO-8601 date' }]);
  const wholeDay = /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
  return new Date(wholeDay && edge === 'to' ? t + DAY_MS - 1 : t).toISOString();
}
