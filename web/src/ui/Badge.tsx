import type { ReactNode } from 'react';

export function Badge({ tone, children }: { tone?: 'accent' | 'warning' | 'danger' | 'success'; children: ReactNode }) {
  return <span className={tone ? `badge badge-${tone}` : 'badge'}>{children}</span>;
}
