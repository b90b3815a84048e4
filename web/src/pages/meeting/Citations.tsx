import type { Citation } from '../../api/types.ts';
import { clock } from '../../format/time.ts';

/** Where a cited segment lives: the meeting page with that segment highlighted. */
export const segmentHref = (meetingId: string, segment: number) => `/meetings/${meetingId}?segment=${segment}`;

/**
 * The citations of one statement, each a link to its transcript segment.
 * A plain click highlights the segment in place; a modified click opens it in a new tab.
 * Without `onCite` (a shared summary, whose reader may not see the transcript) they are plain text.
 */
export function Citations({ citations, onCite }: { citations: Citation[]; onCite?(segment: number): void }) {
  if (citations.length === 0) return null;
  if (!onCite) {
    return (
      <span className="citations">
        {citations.map((c) => (
          <span key={`${c.artifactId}:${c.segment}`} className="citation citation-static">
            <span className="mono">{clock(c.start)}</span> {c.speaker}
          </span>
        ))}
      </span>
    );
  }
  return (
    <span className="citations">
      {citations.map((c) => (
        <a
          key={`${c.artifactId}:${c.segment}`}
          className="citation"
          href={segmentHref(c.artifactId, c.segment)}
          aria-label={`Show ${c.speaker} at ${clock(c.start)} in the transcript`}
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            onCite(c.segment);
          }}
        >
          <span className="mono">{clock(c.start)}</span> {c.speaker}
        </a>
      ))}
    </span>
  );
}
