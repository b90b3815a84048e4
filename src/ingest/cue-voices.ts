import { splitByWords } from './estimate-times.ts';
import { normaliseSpace, UNKNOWN_SPEAKER } from './speaker.ts';
import type { SpeakerLine } from './speaker.ts';
import type { TurnList } from './turn-list.ts';
import type { TimedTurn } from './types.ts';

/**
 * Reads the speakers of a subtitle cue line by line: a line with a speaker
 * label starts a voice, a line without one continues the current voice, and
 * text before any label belongs to `Unknown`.
 *
 * @example
 * groupVoices(['Ana: so', 'we agree?', 'Ben: yes'], matchSpeakerPrefix);
 * // [{ speaker: 'Ana', text: 'so we agree?' }, { speaker: 'Ben', text: 'yes' }]
 */
export function groupVoices(
  lines: readonly string[],
  matchSpeaker: (line: string) => SpeakerLine | null,
): SpeakerLine[] {
  const voices: SpeakerLine[] = [];
  for (const line of lines) {
    const labelled = matchSpeaker(line);
    const current = voices.at(-1);
    if (labelled) voices.push({ ...labelled });
    else if (current) current.text += ` ${line}`;
    else voices.push({ speaker: UNKNOWN_SPEAKER, text: line });
  }
  return voices;
}

/**
 * Adds one timed cue as turns: one turn per voice, after dropping voices
 * without text and merging neighbours with the same speaker. Several voices
 * share the cue's time in proportion to their word counts.
 *
 * @returns whether the cue's time had to be split (an estimate).
 * @example
 * addCue(turns, 12, 5, 8, [{ speaker: 'Ana', text: 'one two' }, { speaker: 'Ben', text: 'three' }]); // true: 5–7 and 7–8
 */
export function addCue(
  turns: TurnList<TimedTurn>,
  line: number,
  start: number,
  end: number,
  voices: readonly SpeakerLine[],
): boolean {
  const merged: SpeakerLine[] = [];
  for (const voice of voices) {
    const text = normaliseSpace(voice.text);
    if (text === '') continue;
    const previous = merged.at(-1);
    if (previous?.speaker === voice.speaker) previous.text += ` ${text}`;
    else merged.push({ speaker: voice.speaker, text });
  }
  const spans = merged.length === 1 ? [{ start, end }] : splitByWords(start, end, merged.map((voice) => voice.text));
  merged.forEach((voice, k) => turns.add(line, { ...voice, ...spans[k] }));
  return merged.length > 1;
}
