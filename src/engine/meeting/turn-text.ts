/**
 * The words of one turn's sentences as the engine writes them: as said, or
 * reported in the speaker's name (see `TextStyle`).
 */
import type { TextStyle } from '../../core/outputs.ts';
import { reportSpeech, type ReportOptions } from '../text/reported-speech.ts';
import type { MeetingDocument } from './meeting-document.ts';

/**
 * Sentences of one turn, joined, in `style`.
 *
 * @example
 * turnText(doc, [12, 13], 'quotes')  // "I think we should keep the LCD. It's cheap."
 * turnText(doc, [12, 13], 'minutes') // 'Marketing thought the group should keep the LCD. It was cheap.'
 */
export function turnText(doc: MeetingDocument, ids: readonly number[], style: TextStyle, report: Omit<ReportOptions, 'speaker'> = {}): string {
  const text = ids.map((id) => doc.sentences[id]!.text).join(' ');
  if (style === 'quotes' || ids.length === 0) return text;
  return reportSpeech(text, { ...report, speaker: doc.turns[doc.sentences[ids[0]!]!.turn]!.speaker });
}
