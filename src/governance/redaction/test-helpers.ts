import type { DetectionContext, Detector } from './detector.ts';
import { resolveOverlaps } from './overlaps.ts';
import { ParticipantIndex } from './participants.ts';

const NO_PARTICIPANTS: DetectionContext = { participants: ParticipantIndex.from([]) };

/** The substrings a detector flags in `text`, after overlaps are resolved as the redactor does. */
export function found(detector: Detector, text: string, context: DetectionContext = NO_PARTICIPANTS): string[] {
  return resolveOverlaps(detector.detect(text, context)).map((c) => text.slice(c.start, c.end));
}
