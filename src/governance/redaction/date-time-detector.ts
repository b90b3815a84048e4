import { textAfter, textBefore } from './context-window.ts';
import { SCORE, type Candidate, type Detector } from './detector.ts';
import { scan } from './scan.ts';

/**
 * Dates, times and date references: numeric and ISO dates (validated), dates
 * with month names, clock times, weekdays, relative expressions ("next
 * Tuesday", "three days ago") and years where the wording makes them years.
 * Durations ("for three days", "two hours") are not points in time and are
 * left alone.
 */

const MONTH =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)';
const MONTH_ABBREVIATED = /^(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?$/i;
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const WEEKDAY_SHORT = '(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = "(?:1[6-9]\\d\\d|20\\d\\d|2100|'\\d\\d)";
const AM_PM = '(?:[ap]m|[ap]\\.m\\.)';
const TIME =
  `(?:(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:\\s?${AM_PM})?|(?:1[0-2]|0?[1-9])(?:[:.][0-5]\\d)?\\s?${AM_PM}|noon|midnight|(?:1[0-2]|[1-9])\\s?o'clock)(?:\\s?(?:utc|gmt|[ecmp][sd]t|cest?|bst|ist)(?:[+-]\\d{1,2}(?::?\\d\\d)?)?)?`;
const NUMBER_WORD = '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|several)';
const UNIT = '(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)';
const PERIOD = '(?:week|month|year|quarter|weekend|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)';

const ISO = /(?<![\p{L}\p{N}])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\p{L}\p{N}]|[.:-]\d)/gu;
const NUMERIC_DMY = /(?<![\p{L}\p{N}.\/-])(\d{1,2})([\/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[.\/-]\d)/gu;
const NUMERIC_YMD = /(?<![\p{L}\p{N}.\/-])(\d{4})([\/.])(\d{1,2})\2(\d{1,2})(?![\p{L}\p{N}]|[.\/-]\d)/gu;

const word = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}'])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');

const MONTH_DAY = word(`(?:${WEEKDAY}|${WEEKDAY_SHORT}\\.?),?\\s+${MONTH}\\.?\\s+${DAY}(?:,?\\s+${YEAR})?|${MONTH}\\.?\\s+${DAY}(?:,?\\s+${YEAR})?`);
const DAY_MONTH = word(`(?:(?:${WEEKDAY}|${WEEKDAY_SHORT}\\.?),?\\s+)?(?:the\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}\\.?(?:,?\\s+${YEAR})?`);
const MONTH_YEAR = word(`${MONTH}\\.?,?\\s+(?:of\\s+)?(?:1[6-9]\\d\\d|20\\d\\d)`);
const MONTH_ALONE = word(`(?:(?:in|since|until|till|by|during|from|through|before|after|next|last|this|early|late|mid-?|end of|beginning of|start of)\\s+)${MONTH}`);
const TIMES = word(TIME);
const WEEKDAYS = word(`(?:(?:next|last|this|coming|previous|on)\\s+)?${WEEKDAY}s?`);
const RELATIVE = word(
  [
    `(?:the\\s+day\\s+(?:before|after)\\s+)?(?:today|tomorrow|yesterday|tonight)(?:\\s+(?:morning|afternoon|evening|night))?`,
    `(?:this|next|last|coming|past|previous)\\s+${PERIOD}`,
    `${NUMBER_WORD}\\s+${UNIT}\\s+(?:ago|from\\s+now|later|earlier|before|after)`,
    `(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+(?:the\\s+|this\\s+|next\\s+|last\\s+)?(?:week|month|year|quarter)`,
    `(?:the\\s+)?(?:day|week|month|year|weekend)\\s+after\\s+next`,
  ].join('|'),
);
const QUARTER = word(`(?:q[1-4]|h[12])\\s?(?:1[6-9]\\d\\d|20\\d\\d)|fy\\s?'?(?:\\d{4}|\\d{2})`);
const DECADE = word(`(?:1[6-9]|20)\\d0s|'\\d0s`);
const YEAR_RANGE = word(`(?:1[6-9]\\d\\d|20\\d\\d)\\s?(?:-|–|to|until)\\s?(?:1[6-9]\\d\\d|20\\d\\d)`);
const BARE_YEAR = /(?<![\p{L}\p{N}$€£#.,\/-])(?:1[6-9]\d\d|20\d\d)(?![\p{L}\p{N}]|[.,\/-]\d)/gu;

/** Words after which a four-digit number reads as a year. */
const YEAR_BEFORE =
  /(?:\b(?:in|since|of|during|from|until|till|by|before|after|circa|around|year|born|early|late|mid|spring|summer|autumn|fall|winter|between|a|the|c\.)|\()\s*$/;
/** Words after which a four-digit number is a count or an amount. */
const COUNT_AFTER = /^\s*(?:%|percent|people|persons|employees|users|members|items|units|pieces|copies|times|dollars|euros|pounds|km|kilometres|miles|meters|metres|kg|m\b)/;

/** Lower-case "may" and "march" are usually the verbs; only a year makes them months. */
function verbNotMonth(m: RegExpExecArray): number | null {
  return /\b(?:may|march)\b/.test(m[0]) && !/\d{4}/.test(m[0]) ? null : SCORE.context;
}

function validDay(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function scanDates(text: string): Candidate[] {
  return [
    ...scan(text, ISO, 'DATE_TIME', (m) => {
      if (!validDay(Number(m[3]), Number(m[2]))) return null;
      if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return null;
      return SCORE.strongShape;
    }),
    ...scan(text, NUMERIC_DMY, 'DATE_TIME', (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (!validDay(a, b) && !validDay(b, a)) return null;
      // Two-digit years with dashes or dots collide with phone groups; slashes are unambiguous.
      return m[4]!.length === 2 && m[2] !== '/' ? SCORE.shape : SCORE.strongShape;
    }),
    ...scan(text, NUMERIC_YMD, 'DATE_TIME', (m) => (validDay(Number(m[4]), Number(m[3])) ? SCORE.strongShape : null)),
    ...scan(text, MONTH_DAY, 'DATE_TIME', verbNotMonth),
    ...scan(text, DAY_MONTH, 'DATE_TIME', verbNotMonth),
    ...scan(text, MONTH_YEAR, 'DATE_TIME', verbNotMonth),
    ...scan(text, MONTH_ALONE, 'DATE_TIME', (m) => {
      // "may" and "march" are verbs and "mar" is a verb: only capitalised months count when alone.
      const month = /\S+$/.exec(m[0])![0];
      if (!/^\p{Lu}/u.test(month) || MONTH_ABBREVIATED.test(month)) return null;
      const lead = /^\S+\s+/.exec(m[0]);
      const keepsLead = lead !== null && /^(?:next|last|this|early|late|mid-?|end|beginning|start)/i.test(lead[0]);
      return keepsLead
        ? SCORE.context
        : { score: SCORE.context, start: m.index + m[0].length - month.length, end: m.index + m[0].length };
    }),
    ...scan(text, TIMES, 'DATE_TIME', () => SCORE.context),
    ...scan(text, WEEKDAYS, 'DATE_TIME', (m) => {
      if (m[0].toLowerCase().startsWith('on ')) return { score: SCORE.context, start: m.index + 3, end: m.index + m[0].length };
      return SCORE.context;
    }),
    ...scan(text, RELATIVE, 'DATE_TIME', () => SCORE.context),
    ...scan(text, QUARTER, 'DATE_TIME', () => SCORE.context),
    ...scan(text, DECADE, 'DATE_TIME', () => SCORE.context),
    ...scan(text, YEAR_RANGE, 'DATE_TIME', () => SCORE.context),
    ...scan(text, BARE_YEAR, 'DATE_TIME', (m) => {
      if (COUNT_AFTER.test(textAfter(text, m.index + 4, 16))) return null;
      return YEAR_BEFORE.test(textBefore(text, m.index, 16)) ? SCORE.shape : null;
    }),
  ];
}

/**
 * Pieces of one date written together ("Tuesday, 12 May 2020 at 10:00")
 * become one span. A comma joins only when a day, month or time follows, so
 * a list of separate references ("next Tuesday, tomorrow") stays apart.
 */
const JOINER = /^(?:\s*(?:at|@|on|from)?\s*|T|\s*[-–]\s*)$/i;
const COMMA = /^,\s*$/;
const DATE_PART = new RegExp(`^(?:\\d|${MONTH})`, 'i');

function joinable(text: string, left: Candidate, right: Candidate): boolean {
  const gap = text.slice(left.end, right.start);
  if (gap.length > 6) return false;
  return JOINER.test(gap) || (COMMA.test(gap) && DATE_PART.test(text.slice(right.start, right.end)));
}

function mergeAdjacent(text: string, candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Candidate[] = [];
  for (const c of sorted) {
    const last = merged[merged.length - 1];
    if (last && (c.start <= last.end || joinable(text, last, c))) {
      last.end = Math.max(last.end, c.end);
      last.score = Math.max(last.score, c.score);
    } else {
      merged.push({ ...c });
    }
  }
  return merged;
}

export const dateTimeDetector: Detector = {
  detect: (text) => mergeAdjacent(text, scanDates(text)),
};
