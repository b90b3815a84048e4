import { Button } from './Button.tsx';

/** "21–40 of 53" with previous and next; `onOffset` receives the new offset. */
export function Pagination({ total, limit, offset, onOffset, noun }: { total: number; limit: number; offset: number; onOffset(offset: number): void; noun: string }) {
  if (total <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav className="pagination" aria-label={`${noun} pages`}>
      <p className="muted small" aria-live="polite">
        {offset + 1}–{last} of {total} {noun}
      </p>
      <div className="pagination-buttons">
        <Button small disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
          Previous
        </Button>
        <Button small disabled={last >= total} onClick={() => onOffset(offset + limit)}>
          Next
        </Button>
      </div>
    </nav>
  );
}
