/** The speaker of a turn whose file names nobody. */
export const UNKNOWN_SPEAKER = 'Unknown';

export const MAX_SPEAKER_LENGTH = 60;

/**
 * Whether `name` can be a speaker label: 1–60 characters with at least one
 * letter, and not a URL or a clock time, so prose like `see https://x` or
 * `at 10:30` is not mistaken for a turn.
 *
 * @example
 * isSpeakerName('Speaker 2'); // true
 * isSpeakerName('10:30');     // false
 */
export function isSpeakerName(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= MAX_SPEAKER_LENGTH &&
    /\p{L}/u.test(name) &&
    !/\/\/|^www\./i.test(name) &&
    !/\d:\d\d/.test(name)
  );
}

/**
 * Collapses runs of whitespace to one space and trims. Single plain spaces
 * are left alone, which keeps large transcripts fast.
 *
 * @example
 * normaliseSpace(' a \t b\u00a0c '); // 'a b c'
 */
export const normaliseSpace = (text: string): string => text.replace(/\s{2,}|[^\S ]/g, ' ').trim();

export interface SpeakerLine {
  speaker: string;
  text: string;
}

// The name may not contain a colon, and the colon must be followed by
// whitespace or the end of the line: `https://…` and `10:30` never match.
// The bound keeps a long line without a colon from costing more than a glance.
const NAME_PREFIX = new RegExp(`^([^:]{1,${MAX_SPEAKER_LENGTH + 8}}):(?:\\s+|$)(.*)$`);

/**
 * Splits `Name: text` (also `Name : text`, as in the AMI corpus) into speaker
 * and text; null when the line does not start with a speaker label.
 *
 * @example
 * matchSpeakerPrefix('B : we are ready to begin'); // { speaker: 'B', text: 'we are ready to begin' }
 * matchSpeakerPrefix('see https://x.org');         // null
 */
export function matchSpeakerPrefix(line: string): SpeakerLine | null {
  const match = NAME_PREFIX.exec(line.trim());
  if (!match) return null;
  const speaker = normaliseSpace(match[1]);
  return isSpeakerName(speaker) ? { speaker, text: match[2] } : null;
}
