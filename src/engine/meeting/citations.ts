/**
 * Citations of transcript turns, in transcript order and without repeats.
 */
import type { Citation } from '../../core/types.ts';
import type { MeetingDocument } from './meeting-document.ts';

/**
 * Cites the turns at the given positions.
 *
 * @example
 * citeTurns(doc, [4, 2, 4]) // citations of the 3rd and 5th segments, in that order
 */
export function citeTurns(doc: MeetingDocument, positions: Iterable<number>): Citation[] {
  return [...new Set(positions)].sort((a, b) => a - b).map((position) => {
    const { segment } = doc.turns[position]!;
    return { artifactId: doc.artifactId, segment: segment.index, start: segment.start, end: segment.end, speaker: segment.speaker };
  });
}

/** Cites the turns the given sentences belong to. */
export function citeSentences(doc: MeetingDocument, ids: Iterable<number>): Citation[] {
  return citeTurns(doc, [...ids].map((id) => doc.sentences[id]!.turn));
}
