/**
 * Assertions shared by the engine's output tests: citations point at real
 * segments, and every sentence returned was said in a cited segment.
 */
import assert from 'node:assert/strict';
import type { Citation, Segment } from '../../core/types.ts';
import { cleanDisfluencies } from '../text/disfluency-cleaner.ts';
import { splitSentences } from '../text/sentence-splitter.ts';

/** Every citation names an existing segment with its exact times and speaker. */
export function assertCitationsExist(citations: readonly Citation[], segments: readonly Segment[], artifactId: string): void {
  for (const citation of citations) {
    const segment = segments.find((candidate) => candidate.index === citation.segment);
    assert.ok(segment, `citation of missing segment ${citation.segment}`);
    assert.deepEqual(citation, { artifactId, segment: segment.index, start: segment.start, end: segment.end, speaker: segment.speaker });
  }
}

/** Each sentence of `text` (lines split first) appears verbatim in a cited segment, as transcribed or as cleaned. */
export function assertQuotedFrom(text: string, citations: readonly Citation[], segments: readonly Segment[]): void {
  const sources = citations.flatMap((citation) => {
    const segment = segments.find((candidate) => candidate.index === citation.segment)!;
    return [segment.text, cleanDisfluencies(segment.text).text];
  });
  for (const line of text.split('\n')) {
    for (const span of splitSentences(line)) {
      const sentence = line.slice(span.start, span.end);
      assert.ok(sources.some((source) => source.includes(sentence)), `"${sentence}" was not said in the cited segments`);
    }
  }
}
