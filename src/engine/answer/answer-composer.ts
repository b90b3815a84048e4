/**
 * Turns chosen sentences into an answer made only of quotes: each turn's
 * sentences in quotation marks after the speaker's name, in the order they
 * were said, with a citation per turn.
 */
import type { Answer } from '../../core/outputs.ts';
import { citeSentences } from '../meeting/citations.ts';
import type { MeetingDocument } from '../meeting/meeting-document.ts';
import { turnText } from '../meeting/turn-text.ts';
import type { TextStyle } from '../../core/outputs.ts';
import { reportSpeech } from '../text/reported-speech.ts';

/** The answer when the meeting has nothing on the question. */
export const NOT_COVERED = 'The meeting did not cover this.';

/**
 * An uncovered answer, optionally naming what was missing.
 *
 * @example
 * notCovered()                // { answer: 'The meeting did not cover this.', citations: [], covered: false }
 * notCovered('any decisions') // { answer: 'The meeting did not cover any decisions.', … }
 */
export function notCovered(what?: string): Answer {
  return { answer: what ? `The meeting did not cover ${what}.` : NOT_COVERED, citations: [], covered: false };
}

// An answer retells what was said, so what someone "will" do becomes what they "would" do.
const RETOLD = { shiftWill: true };

/**
 * Quotes sentences, grouped by turn; in the `minutes` style each speaker's
 * words are reported instead, with the speaker named once per line.
 *
 * @example
 * quoteSentences(doc, [12, 13, 40])
 * // { answer: 'Priya Nair: "We looked at five vendors. Relaymark is cheapest."\nTom Becker: "…"', citations: [...], covered: true }
 * quoteSentences(doc, [12, 13, 40], 'minutes')
 * // { answer: 'Priya Nair: They looked at five vendors. Relaymark was cheapest.\nTom Becker thought …', … }
 */
export function quoteSentences(doc: MeetingDocument, ids: readonly number[], style: TextStyle = 'quotes'): Answer {
  const ordered = [...new Set(ids)].sort((a, b) => a - b);
  const lines: string[] = [];
  let run: number[] = [];
  let lastSpeaker: string | null = null;
  const flush = (): void => {
    if (run.length === 0) return;
    const speaker = doc.turns[doc.sentences[run[0]!]!.turn]!.speaker;
    if (style === 'quotes') {
      lines.push(`${speaker}: "${turnText(doc, run, style)}"`);
    } else if (speaker === lastSpeaker) {
      // The same speaker again, later: their words continue the line that names them.
      lines[lines.length - 1] += ` ${reportSpeech(run.map((id) => doc.sentences[id]!.text).join(' '), RETOLD)}`;
    } else {
      const reported = turnText(doc, run, style, RETOLD);
      lines.push(reported.startsWith(speaker) ? reported : `${speaker}: ${reported}`);
    }
    lastSpeaker = speaker;
    run = [];
  };
  for (const id of ordered) {
    const previous = run.at(-1);
    if (previous !== undefined && doc.sentences[previous]!.turn !== doc.sentences[id]!.turn) flush();
    run.push(id);
  }
  flush();
  return { answer: lines.join('\n'), citations: citeSentences(doc, ordered), covered: true };
}
