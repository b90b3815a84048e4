import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own frame on narrow screens, so the
 * page itself never does. The frame is focusable, so keyboard users can scroll it.
 */
export function DataTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="table">{children}</table>
    </div>
  );
}
