/** How times and dates read in the app. Dates follow the browser's locale. */

/**
 * A position in a recording.
 *
 * @example
 * clock(75)   // '1:15'
 * clock(3725) // '1:02:05'
 */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "45 min", "1 h 5 min". */
export function duration(seconds: number): string {
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${minutes / 60} h`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const dayOnly = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A meeting's start, in the reader's time zone. */
export function when(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A calendar date (`YYYY-MM-DD`), which has no time zone. */
export function day(date: string): string {
  return dayOnly.format(new Date(`${date}T00:00:00Z`));
}

/** Today as `YYYY-MM-DD` in the reader's time zone. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The instant a date input's day starts or ends in the reader's time zone, for date-range filters. */
export function dayBoundary(date: string, edge: 'start' | 'end'): string {
  return new Date(`${date}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`).toISOString();
}
