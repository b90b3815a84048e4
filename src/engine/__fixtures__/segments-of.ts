/**
 * Builds transcript segments from `[speaker, text]` turns for tests, eight
 * seconds per turn, numbered from zero.
 */
import type { Segment } from '../../core/types.ts';

export function segmentsOf(turns: ReadonlyArray<readonly [speaker: string, text: string]>): Segment[] {
  return turns.map(([speaker, text], index) => ({ index, speaker, start: index * 8, end: index * 8 + 7.5, text }));
}
