import type { ReactNode } from 'react';

export type Tone = 'info' | 'warning' | 'error' | 'success';

/** A message in the flow of the page. Errors are announced at once; the rest politely. */
export function Notice({ tone = 'info', title, children, actions }: { tone?: Tone; title?: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div className="notice-body">
        {title && <p className="notice-title">{title}</p>}
        {children && <div>{children}</div>}
        {actions && <div className="page-header-actions">{actions}</div>}
      </div>
    </div>
  );
}
