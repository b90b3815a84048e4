import { keywordProximity } from './context-window.ts';
import { SCORE, type Detector } from './detector.ts';
import { scan } from './scan.ts';
import { hasValidVinCheckDigit } from './vin.ts';

/**
 * Identity and vehicle documents. Their numbers have no public checksum
 * (except VINs), so a context word must say what the number is; the nearer
 * the word, the higher the score, so "plate 7ABC123, licence A1234567" gives
 * each number to its own keyword.
 */

function keyed(text: string, m: RegExpExecArray, keywords: RegExp, before: number, after: number): number | null {
  const proximity = keywordProximity(text, m.index, m.index + m[0].length, keywords, { before, after });
  return proximity === null ? null : SCORE.context + 0.05 * proximity;
}

/** US passports: nine digits, or a letter and eight digits (next-generation books). */
const US_PASSPORT = /(?<![\p{L}\p{N}])(?:[A-Z]\d{8}|\d{9})(?![\p{L}\p{N}])/gu;
const PASSPORT_CONTEXT = /\bpassport\b/;

export const passportDetector: Detector = {
  detect: (text) =>
    scan(text, US_PASSPORT, 'PASSPORT_NUMBER', (m) => keyed(text, m, PASSPORT_CONTEXT, 40, 24)),
};

/**
 * US driver licence numbers vary by state (`A1234567`, `123 456 789`,
 * `A123-4567-8901`, `WDLABCD456DG`): groups of capitals and digits, each
 * with a digit, split by single dashes or spaces; 5–20 characters and at
 * least three digits in all.
 */
const LICENCE = /(?<![\p{L}\p{N}-])[A-Z0-9]*\d[A-Z0-9]*(?:[- ][A-Z0-9]*\d[A-Z0-9]*)*(?![\p{L}\p{N}])/gu;
const DRIVER_CONTEXT = /\b(?:driver'?s?|driving|dl)\b|\blicen[cs]e\b(?! plate)/;

export const driverIdDetector: Detector = {
  detect: (text) =>
    scan(text, LICENCE, 'DRIVER_ID', (m) => {
      const length = m[0].replace(/[- ]/g, '').length;
      if (length < 5 || length > 20 || (m[0].match(/\d/g) ?? []).length < 3) return null;
      return keyed(text, m, DRIVER_CONTEXT, 40, 24);
    }),
};

/** Two to eight letters and digits with at most one space or dash, at least one digit. */
const PLATE = /(?<![\p{L}\p{N}-])[A-Z0-9]{1,4}[- ]?[A-Z0-9]{1,5}(?![\p{L}\p{N}])/gu;
const PLATE_CONTEXT = /\b(?:licen[cs]e plate|number plate|plate(?: number)?|registration(?: number)?|rego|reg\.?|tag number)\b/;

export const licensePlateDetector: Detector = {
  detect: (text) =>
    scan(text, PLATE, 'LICENSE_PLATE', (m) => {
      const chars = m[0].replace(/[- ]/g, '');
      if (chars.length < 2 || chars.length > 8 || !/\d/.test(chars)) return null;
      return keyed(text, m, PLATE_CONTEXT, 32, 0);
    }),
};

const VIN = /(?<![\p{L}\p{N}])[A-HJ-NPR-Z0-9]{17}(?![\p{L}\p{N}])/gu;
const VIN_CONTEXT = /\b(?:vin|vehicle identification|chassis|vehicle|car|truck)\b/;

/**
 * A valid position-9 check digit is enough on its own. Vehicles built for
 * markets outside North America and China may carry any character there, so
 * a VIN-shaped value without a valid check digit is accepted only next to a
 * VIN keyword.
 */
export const vinDetector: Detector = {
  detect: (text) =>
    scan(text, VIN, 'VEHICLE_IDENTIFICATION_NUMBER', (m) => {
      if (!/\d/.test(m[0]) || !/[A-Z]/.test(m[0])) return null;
      if (hasValidVinCheckDigit(m[0])) return SCORE.checksum;
      return keyed(text, m, VIN_CONTEXT, 40, 16);
    }),
};
