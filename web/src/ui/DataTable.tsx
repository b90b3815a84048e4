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

/**
 * The header row of a table whose last column holds each row's buttons: the
 * columns by name (a falsy entry leaves its column out), then an unlabelled-
 * looking "Actions" header that screen readers still announce.
 *
 * @example
 * <TableHead columns={['Name', showOwner && 'Owner', 'Created']} />
 */
export function TableHead({ columns }: { columns: ReadonlyArray<string | false | null | undefined> }) {
  return (
    <thead>
      <tr>
        {columns.filter((c): c is string => Boolean(c)).map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
