import { AppError } from '../core/errors.ts';
import type { Citation } from '../core/types.ts';
import type { ContextArtifact } from './feature.ts';

/**
 * Post-processing check: every citation names a segment that exists in the
 * context the pipeline gathered, with that segment's real speaker and times.
 * An output that cites anything else is rejected, never stored.
 */
export function checkCitations(citations: Citation[], context: ContextArtifact[]): void {
  const byArtifact = new Map(context.map((c) => [c.artifact.id, new Map(c.segments.map((s) => [s.index, s]))]));
  for (const citation of citations) {
    const segment = byArtifact.get(citation.artifactId)?.get(citation.segment);
    if (!segment) {
      throw new AppError('internal', `output cites segment ${citation.segment} of ${citation.artifactId}, which was not in the context`, {
        details: { check: 'citation', artifactId: citation.artifactId, segment: citation.segment },
      });
    }
    if (segment.speaker !== citation.speaker || segment.start !== citation.start || segment.end !== citation.end) {
      throw new AppError('internal', `output cites segment ${citation.segment} of ${citation.artifactId} with the wrong speaker or times`, {
        details: { check: 'citation', artifactId: citation.artifactId, segment: citation.segment },
      });
    }
  }
}
