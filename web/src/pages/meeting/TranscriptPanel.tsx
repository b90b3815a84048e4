import { memo, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { Chapter, Segment } from '../../api/types.ts';
import { speakerClasses } from '../../format/speakers.ts';
import { clock } from '../../format/time.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { segmentHref } from './Citations.tsx';
import { matchingSegments, searchPattern, splitMatches } from './transcript-search.ts';

/** A request to bring a segment into view; the nonce repeats a request for the same segment. */
export interface SegmentTarget {
  segment: number;
  nonce: number;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Brings a segment to the middle of the view and puts the keyboard focus on
 * it. On wide screens the transcript scrolls inside its own panel, and only
 * that panel moves; on narrow ones the page scrolls.
 */
function reveal(segment: number) {
  const el = document.getElementById(`segment-${segment}`);
  if (!el) return;
  // A long jump is instant: gliding past pages of transcript only delays the reader.
  const behavior = (distance: number) => (reducedMotion() || Math.abs(distance) > window.innerHeight * 1.5 ? 'instant' : 'smooth');
  const list = el.closest<HTMLElement>('.segments');
  if (list && list.scrollHeight > list.clientHeight + 1) {
    // Centre it in the part of the panel that is on screen, below the sticky header.
    const box = list.getBoundingClientRect();
    const header = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
    const middle = (Math.max(box.top, header) + Math.min(box.bottom, window.innerHeight)) / 2;
    const at = el.getBoundingClientRect();
    const delta = at.top + at.height / 2 - middle;
    list.scrollTo({ top: list.scrollTop + delta, behavior: behavior(delta) });
  } else {
    const at = el.getBoundingClientRect();
    el.scrollIntoView({ block: 'center', behavior: behavior(at.top - window.innerHeight / 2) });
  }
  el.focus({ preventScroll: true });
}

const SegmentRow = memo(function SegmentRow({ meetingId, segment, color, cited, current, pattern, onSelect }: {
  meetingId: string;
  segment: Segment;
  color: string;
  cited: boolean;
  current: boolean;
  pattern: RegExp | null;
  onSelect(segment: number): void;
}) {
  const classes = ['segment', color, cited ? 'is-cited' : '', current ? 'is-current-match' : ''].filter(Boolean).join(' ');
  return (
    <li id={`segment-${segment.index}`} className={classes} tabIndex={-1} aria-current={cited ? 'location' : undefined}>
      <a
        className="segment-time mono"
        href={segmentHref(meetingId, segment.index)}
        aria-label={`${clock(segment.start)}, link to this moment`}
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          onSelect(segment.index);
        }}
      >
        {clock(segment.start)}
      </a>
      <div className="segment-body">
        <span className="segment-speaker">{segment.speaker}</span>
        <p className="segment-text">
          {splitMatches(segment.text, pattern).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
        </p>
      </div>
    </li>
  );
});

/**
 * The transcript with speaker colours, chapters to jump between, and a search
 * that marks matches and steps through them. `target` scrolls to and
 * highlights a segment (from a citation or a task's link).
 */
export function TranscriptPanel({ meetingId, segments, chapters, target, onSelect }: {
  meetingId: string;
  segments: Segment[];
  chapters: Chapter[];
  target: SegmentTarget | null;
  onSelect(segment: number): void;
}) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const colorOf = useMemo(() => speakerClasses(segments.map((s) => s.speaker)), [segments]);
  const pattern = useMemo(() => searchPattern(query), [query]);
  const matches = useMemo(() => matchingSegments(segments, pattern), [segments, pattern]);
  const matched = useMemo(() => new Set(matches), [matches]);

  useEffect(() => {
    if (target) reveal(target.segment);
  }, [target]);

  const step = (by: number) => {
    if (matches.length === 0) return;
    const next = (current + by + matches.length) % matches.length;
    setCurrent(next);
    reveal(matches[next]);
  };
  const search = (text: string) => {
    setQuery(text);
    setCurrent(0);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  };
  const currentSegment = matches.length > 0 ? matches[Math.min(current, matches.length - 1)] : null;

  return (
    <section className="transcript card" aria-labelledby="transcript-heading">
      <div className="transcript-head">
        <h2 id="transcript-heading">Transcript</h2>
        <div className="transcript-search">
          <TextField label="Search the transcript" hideLabel type="search" placeholder="Search the transcript" value={query} onChange={(e) => search(e.target.value)} onKeyDown={onKey} />
          {pattern && (
            <div className="transcript-search-nav">
              <span className="small muted" aria-live="polite">
                {matches.length === 0 ? 'No matches' : `${Math.min(current, matches.length - 1) + 1} of ${matches.length}`}
              </span>
              <Button small variant="ghost" onClick={() => step(-1)} disabled={matches.length === 0} aria-label="Previous match">
                ↑
              </Button>
              <Button small variant="ghost" onClick={() => step(1)} disabled={matches.length === 0} aria-label="Next match">
                ↓
              </Button>
            </div>
          )}
        </div>
        {chapters.length > 0 && (
          <details className="chapters" open>
            <summary>Chapters ({chapters.length})</summary>
            <ol>
              {chapters.map((c) => (
                <li key={c.fromSegment}>
                  <button type="button" className="chapter" onClick={() => onSelect(c.fromSegment)}>
                    <span className="mono muted">{clock(c.start)}</span> {c.title}
                  </button>
                </li>
              ))}
            </ol>
          </details>
        )}
      </div>
      <ol className="segments" aria-label="Transcript segments">
        {segments.map((s) => (
          <SegmentRow
            key={s.index}
            meetingId={meetingId}
            segment={s}
            color={colorOf(s.speaker)}
            cited={target?.segment === s.index}
            current={currentSegment === s.index}
            pattern={matched.has(s.index) ? pattern : null}
            onSelect={onSelect}
          />
        ))}
      </ol>
    </section>
  );
}
