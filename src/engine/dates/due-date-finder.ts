/**
 * Finds the due date a sentence states ("by Friday", "EOD", "end of month",
 * "by the 15th", "in two weeks") and resolves it to a calendar day in the
 * meeting's zone. Deadlines look forward: "by Friday" said on a Wednesday is
 * two days later, and "by Wednesday" said on a Wednesday means next week.
 */
import * as chrono from 'chrono-node';
import { addDays, compareDates, endOfMonth, formatIsoDate, weekdayOf, type CalendarDate } from './calendar-date.ts';
import type { ZonedInstant } from './zoned-instant.ts';

export interface DueDate {
  /** `YYYY-MM-DD`, or null when there is no meeting date to resolve against. */
  due: string | null;
  /** The words the date came from, with their preposition ("by Friday"). */
  dueText: string;
}

interface Candidate {
  start: number;
  end: number;
  date: CalendarDate | null;
}

const FRIDAY = 5;

// Words that make a date a deadline rather than a mere mention.
const DEADLINE_PREPOSITION = /\b(?:by|before|until|till|due|no later than|latest)\s+(?:the\s+)?$/i;
const ANY_PREPOSITION = /\b(?:by|before|until|till|due|no later than|on|for|at|around|within|in)\s+(?:the\s+)?$/i;

/** Business shorthand chrono does not know, each resolved from the meeting day. */
const SHORTHANDS: ReadonlyArray<{ pattern: RegExp; resolve: (today: CalendarDate, match: RegExpExecArray) => CalendarDate | null }> = [
  {
    pattern: /\b(?:eod|cob|eob|end of (?:the )?(?:day|business(?: day)?)|close of (?:the )?business(?: day)?)\b/gi,
    resolve: (today) => today,
  },
  { pattern: /\bend of next week\b/gi, resolve: (today) => addDays(fridayOf(today), 7) },
  { pattern: /\b(?:eow|end of (?:the |this )?week)\b/gi, resolve: (today) => fridayOf(today) },
  { pattern: /\bend of next month\b/gi, resolve: (today) => endOfMonth(today, 1) },
  { pattern: /\b(?:eom|end of (?:the |this )?month)\b/gi, resolve: (today) => endOfMonth(today) },
  {
    pattern: /\b(?:eoq|end of (?:the |this )?quarter)\b/gi,
    resolve: (today) => endOfMonth({ ...today, month: Math.ceil(today.month / 3) * 3, day: 1 }),
  },
  { pattern: /\b(?:eoy|end of (?:the |this )?year)\b/gi, resolve: (today) => ({ year: today.year, month: 12, day: 31 }) },
  {
    // "by the 15th": the next 15th, this month or the next. A month named
    // after it ("the 15th of June") is left to chrono.
    pattern: /(?<=\b(?:by|before|until|till|due)\s+the\s+)([0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/gi,
    resolve: (today, match) => nextDayOfMonth(today, Number(match[1])),
  },
];

// Every date expression contains one of these; most sentences contain none and
// are spared the full parse.
const MAY_NAME_A_DATE =
  /\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:today|tonight|tomorrow|noon|midnight|morning|afternoon|evening|weekend|fortnight|eod|eow|eom|eoq|eoy|cob|eob|end of|close of|(?:day|week|month|quarter|year|hour)s?)\b|(?:first|second|third|\dth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth)\b/i;

// chrono reads short waits such as "in a second" or "one second" as instants; they are never deadlines.
const NOT_A_DATE = /^(?:now|(?:in |within )?(?:a|an|one|two|three|five|ten|fifteen|twenty|thirty|a few|some|a couple of|\d+)\s+(?:secs?|seconds?|mins?|minutes?|moments?))$/i;
// "refund the charge from April 14th", "since Monday": where something starts, not when it is due.
const STARTING_POINT = /\b(?:from|since|starting|as of)\s+(?:the\s+)?$/i;
// A day and month said without a year that passed this little while ago is a recent day, not next year's.
const RECENT_PAST_DAYS = 120;
// "waits a week", "three weeks for the migration": a length of time, not a
// deadline, unless introduced as one ("in two weeks", "give me two weeks").
const BARE_DURATION = /^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a couple of|a few)\s+(?:day|week|month|year|hour)s?$/i;
const DURATION_AS_DEADLINE = /\b(?:in|within|give me|give us)\s+$/i;
// With forward dating chrono turns "last Friday" into the coming one; a past day is no deadline.
const PAST_WORDS = /\b(?:last|past|ago|previous|yesterday|earlier)\b/i;

// Without a meeting date chrono still finds the words; any fixed reference
// keeps that deterministic.
const TEXT_ONLY_REFERENCE = new Date(Date.UTC(2000, 0, 5, 12));

/**
 * The due date stated in a sentence, or null when it states none.
 *
 * @example
 * const wednesday = zonedInstant(new Date('2024-05-15T10:00:00Z'), 'UTC');
 * findDueDate("I'll send the deck by Friday.", wednesday)
 * // { due: '2024-05-17', dueText: 'by Friday' }
 * findDueDate("I'll send the deck by Friday.", null) // { due: null, dueText: 'by Friday' }
 */
export function findDueDate(text: string, reference: ZonedInstant | null): DueDate | null {
  if (!MAY_NAME_A_DATE.test(text)) return null;
  const shorthands = shorthandCandidates(text, reference);
  const candidates = [
    ...shorthands,
    // chrono half-reads some shorthands ("end of the week" → "the week"); ours win.
    ...chronoCandidates(text, reference).filter((other) => !shorthands.some((mine) => overlap(mine, other))),
  ];
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.start - b.start);
  const withPreposition = candidates.map((candidate) => withLeadingPreposition(text, candidate));
  const chosen = withPreposition.find((candidate) => DEADLINE_PREPOSITION.test(text.slice(0, candidate.dateStart))) ??
    withPreposition[0]!;
  return {
    due: chosen.date ? formatIsoDate(chosen.date) : null,
    dueText: text.slice(chosen.start, chosen.end).replace(/[\s,;:]+$/, ''),
  };
}

function shorthandCandidates(text: string, reference: ZonedInstant | null): Candidate[] {
  const found: Candidate[] = [];
  for (const { pattern, resolve } of SHORTHANDS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const candidate = { start: match.index, end: match.index + match[0].length, date: null };
      if (found.some((other) => overlap(other, candidate))) continue;
      found.push({ ...candidate, date: reference ? resolve(reference.date, match) : null });
    }
  }
  return found;
}

function chronoCandidates(text: string, reference: ZonedInstant | null): Candidate[] {
  const results = chrono.parse(
    text,
    reference ? { instant: reference.instant, timezone: reference.offsetMinutes } : TEXT_ONLY_REFERENCE,
    { forwardDate: true },
  );
  const found: Candidate[] = [];
  for (const result of results) {
    if (NOT_A_DATE.test(result.text.trim()) || PAST_WORDS.test(result.text)) continue;
    if (STARTING_POINT.test(text.slice(0, result.index))) continue;
    if (BARE_DURATION.test(result.text.trim()) && !DURATION_AS_DEADLINE.test(text.slice(0, result.index))) continue;
    const start = result.index;
    const end = start + result.text.length;
    if (!reference) {
      found.push({ start, end, date: null });
      continue;
    }
    let date: CalendarDate = {
      year: result.start.get('year')!,
      month: result.start.get('month')!,
      day: result.start.get('day')!,
    };
    const today = reference.date;
    // A bare weekday naming today ("by Wednesday", said on a Wednesday) means next week's.
    if (result.start.isCertain('weekday') && !result.start.isCertain('day') && compareDates(date, today) === 0) {
      date = addDays(date, 7);
    }
    if (compareDates(date, today) < 0) continue;
    if (isRecentPastDay(result, today)) continue;
    found.push({ start, end, date });
  }
  return found;
}

/**
 * Whether chrono moved a day and month said without a year ("April 14th") to
 * next year although this year's lies only a little behind the meeting: then
 * the speaker meant that recent day, which is no deadline.
 */
function isRecentPastDay(result: chrono.ParsedResult, today: CalendarDate): boolean {
  const { start } = result;
  if (start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return false;
  const thisYear: CalendarDate = { year: today.year, month: start.get('month')!, day: start.get('day')! };
  if (compareDates(thisYear, today) >= 0) return false;
  return compareDates(addDays(thisYear, RECENT_PAST_DAYS), today) >= 0;
}

/** Extends a candidate over the preposition before it ("by the end of month"). */
function withLeadingPreposition(text: string, candidate: Candidate): Candidate & { dateStart: number } {
  const before = text.slice(0, candidate.start);
  const match = ANY_PREPOSITION.exec(before);
  const start = match ? match.index : candidate.start;
  return { ...candidate, start, dateStart: candidate.start };
}

function overlap(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Friday of the working week of `today`; at the weekend, the coming Friday. */
function fridayOf(today: CalendarDate): CalendarDate {
  const weekday = weekdayOf(today);
  return addDays(today, weekday === 6 ? 6 : FRIDAY - weekday);
}

function nextDayOfMonth(today: CalendarDate, day: number): CalendarDate | null {
  if (day < 1 || day > 31) return null;
  for (let offset = 0; offset < 3; offset++) {
    const last = endOfMonth(today, offset);
    if (day > last.day) continue;
    const candidate = { year: last.year, month: last.month, day };
    if (compareDates(candidate, today) >= 0) return candidate;
  }
  return null;
}
