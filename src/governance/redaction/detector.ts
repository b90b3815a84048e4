import type { PiiEntityType } from './entity-types.ts';
import type { ParticipantIndex } from './participants.ts';

/**
 * A possible PII value before overlaps are resolved. `score` orders competing
 * candidates: checksum-validated values score highest, context-confirmed values
 * next, bare shapes lowest.
 */
export interface Candidate {
  type: PiiEntityType;
  start: number;
  end: number;
  score: number;
}

/** What detectors may know about the request besides the text. */
export interface DetectionContext {
  participants: ParticipantIndex;
}

/** Finds candidates of one entity type in a text. Detectors are stateless: request data comes in `context`. */
export interface Detector {
  detect(text: string, context: DetectionContext): Candidate[];
}

/** Confidence levels shared by detectors, so priorities stay comparable across files. */
export const SCORE = {
  checksum: 0.95,
  strongShape: 0.9,
  context: 0.85,
  shape: 0.6,
  weak: 0.4,
} as const;
