/**
 * An instant seen from an IANA time zone: the calendar day it falls on there
 * and the zone's UTC offset at that moment. Due dates are days in the
 * meeting's zone, not in the server's.
 */
import { AppError } from '../../core/errors.ts';
import type { CalendarDate } from './calendar-date.ts';

export interface ZonedInstant {
  instant: Date;
  timeZone: string;
  /** The local calendar day of the instant. */
  date: CalendarDate;
  /** Minutes east of UTC at the instant (Paris in summer: 120). */
  offsetMinutes: number;
}

/**
 * Views an instant from a time zone.
 *
 * @example
 * zonedInstant(new Date('2024-05-15T23:30:00Z'), 'Europe/Paris').date // { year: 2024, month: 5, day: 16 }
 */
export function zonedInstant(instant: Date, timeZone: string): ZonedInstant {
  if (Number.isNaN(instant.getTime())) {
    throw new AppError('invalid_input', 'The meeting date is not a valid date: pass a real instant or null.', {
      fields: [{ path: 'meetingDate', message: 'invalid date' }],
    });
  }
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const date = { year: parts.year!, month: parts.month!, day: parts.day! };
  const wallClock = Date.UTC(date.year, date.month - 1, date.day, parts.hour!, parts.minute!, parts.second!);
  const offsetMinutes = Math.round((wallClock - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  return { instant, timeZone, date, offsetMinutes };
}

// Building a formatter costs about a millisecond; zones are few, so keep them.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const known = formatters.get(timeZone);
  if (known) return known;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch (cause) {
    throw new AppError('invalid_input', `Unknown time zone "${timeZone}": use an IANA name such as "Europe/Paris" or "UTC".`, {
      cause,
      fields: [{ path: 'timeZone', message: 'not an IANA time zone' }],
    });
  }
  formatters.set(timeZone, format);
  return format;
}
