import { useEffect, useRef, type ReactNode } from 'react';
import { signOut } from '../auth/session.ts';
import { isAdmin, useMe } from '../auth/me.tsx';
import { initials } from '../format/speakers.ts';
import { Link, useLocation } from '../router/router.tsx';
import { NAV } from './routes.tsx';

function NavLink({ to, label, active }: { to: string; label: string; active: boolean }) {
  return (
    <Link to={to} className="nav-link" aria-current={active ? 'page' : undefined}>
      {label}
    </Link>
  );
}

function UserMenu() {
  const me = useMe();
  const menu = useRef<HTMLDetailsElement>(null);
  // A menu closes when you click elsewhere or press Escape, as menus do.
  useEffect(() => {
    const close = (event: MouseEvent | KeyboardEvent) => {
      const details = menu.current;
      if (!details?.open) return;
      const escape = event instanceof KeyboardEvent && event.key === 'Escape';
      if (escape || (event instanceof MouseEvent && !details.contains(event.target as Node))) {
        details.open = false;
        if (escape) details.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <details className="user-menu" ref={menu}>
      <summary aria-label={`Account menu for ${me.user.name}`}>
        <span className="avatar" aria-hidden="true">{initials(me.user.name)}</span>
        <span className="user-menu-name">{me.user.name}</span>
      </summary>
      <div className="user-menu-panel">
        <p className="user-menu-who">
          <strong>{me.user.name}</strong>
          <span className="muted small">{me.user.email}</span>
          <span className="muted small">
            {me.user.role} · {me.account.name}
          </span>
        </p>
        <button type="button" className="btn btn-secondary btn-small" onClick={() => void signOut()}>
          Sign out
        </button>
      </div>
    </details>
  );
}

/** The frame of every signed-in page: header with navigation, then the page. */
export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { pathname } = useLocation();
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/meetings" className="brand" aria-label="Confer, meetings">
            <img src="/favicon.svg" alt="" width="24" height="24" />
            <span>Confer</span>
          </Link>
          <nav className="main-nav" aria-label="Main">
            {NAV.map((item) => (
              <NavLink key={item.to} to={item.to} label={item.label} active={item.match.some(under)} />
            ))}
            {isAdmin(me) && <NavLink to="/admin" label="Admin" active={under('/admin')} />}
          </nav>
          <UserMenu />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
