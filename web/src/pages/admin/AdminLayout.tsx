import type { ReactNode } from 'react';
import { Link, useLocation } from '../../router/router.tsx';
import { ADMIN_SECTIONS } from './sections.ts';

/** The admin console: its sections beside the page. */
export function AdminLayout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <div className="admin-layout">
      <nav className="admin-nav" aria-label="Admin">
        <p className="admin-nav-title">Admin</p>
        {ADMIN_SECTIONS.map((s) => (
          <Link key={s.to} to={s.to} className="nav-link" aria-current={pathname === s.to ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
      <div className="page">{children}</div>
    </div>
  );
}
