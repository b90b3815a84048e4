import { groupVoices } from './cue-voices.ts';
import { decodeEntities } from './html-entities.ts';
import { matchSpeakerPrefix, normaliseSpace, UNKNOWN_SPEAKER } from './speaker.ts';
import type { SpeakerLine } from './speaker.ts';

// In cue text `<` always opens a tag, which runs to `>` or the end of the text.
const TAG = /<([^>]*)>?/g;
const VOICE_START = /^v(?:\.[^\s]*)?(?:\s+([^]*))?$/;
const VOICE_END = /^\/v\s*$/;
const HAS_VOICE = /<v[\s.>]/;

/** Cue text without tags, with character references decoded. */
const plainText = (text: string): string => decodeEntities(text.replace(TAG, ''));

/**
 * Reads who says what in a cue's text lines. Voice spans (`<v Ana>`,
 * `<v.loud Ana>`, closing `</v>` optional) name the speakers; a cue without
 * them may use the `Name: text` convention; anything else is `Unknown`.
 * Other tags are dropped and character references decoded.
 *
 * @example
 * readCueVoices(['<v.loud Ana>Hi <b>all</b>', '<v Ben>Hello']);
 * // [{ speaker: 'Ana', text: 'Hi all ' }, { speaker: 'Ben', text: 'Hello' }] (whitespace is normalised later)
 */
export function readCueVoices(lines: readonly string[]): SpeakerLine[] {
  if (!lines.some((line) => HAS_VOICE.test(line))) return groupVoices(lines.map(plainText), matchSpeakerPrefix);
  const voices: SpeakerLine[] = [];
  let speaker = UNKNOWN_SPEAKER;
  const say = (text: string): void => {
    if (text === '') return;
    const current = voices.at(-1);
    if (current?.speaker === speaker) current.text += text;
    else voices.push({ speaker, text });
  };
  const text = lines.join(' ');
  let from = 0;
  for (const tag of text.matchAll(TAG)) {
    say(decodeEntities(text.slice(from, tag.index)));
    from = tag.index + tag[0].length;
    const voice = VOICE_START.exec(tag[1]);
    if (voice) speaker = normaliseSpace(decodeEntities(voice[1] ?? '')) || UNKNOWN_SPEAKER;
    else if (VOICE_END.test(tag[1])) speaker = UNKNOWN_SPEAKER;
  }
  say(decodeEntities(text.slice(from)));
  return voices;
}
