import { useEffect, useSyncExternalStore } from 'react';
import type { Me } from '../api/types.ts';
import { useResource } from '../api/use-resource.ts';
import { isAdmin, MeContext, useMe } from '../auth/me.tsx';
import { CHECKING, checkCookieSession, currentSession, onTokenChange } from '../auth/session.ts';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { SharedSummaryPage } from '../pages/shared/SharedSummaryPage.tsx';
import { SignInPage } from '../pages/sign-in/SignInPage.tsx';
import { matchPath, navigate, useLocation } from '../router/router.tsx';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { LoadingLine } from '../ui/Spinner.tsx';
import { ROUTES } from './routes.tsx';
import { Shell } from './Shell.tsx';

function Pages() {
  const me = useMe();
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname === '/') navigate('/meetings', { replace: true });
  }, [pathname]);
  if (pathname === '/') return null;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, pathname);
    if (!params) continue;
    if (route.admin && !isAdmin(me)) {
      return <NotFoundPage title="Admins only" message="This page is for the owners and admins of your account." />;
    }
    return route.render(params);
  }
  return <NotFoundPage />;
}

/** Everything behind sign-in, for one session: remounted when the session changes, so no state outlives a session. */
function SignedIn() {
  const me = useResource<Me>('/v1/me');
  if (me.error) {
    return (
      <main id="main" className="sign-in">
        <div className="sign-in-card card card-pad">
          <Notice tone="error" title="Confer is not answering" actions={<Button onClick={me.reload}>Try again</Button>}>
            {me.error.message}
          </Notice>
        </div>
      </main>
    );
  }
  if (!me.data) {
    return (
      <main id="main" className="sign-in">
        <LoadingLine>Signing in…</LoadingLine>
      </main>
    );
  }
  return (
    <MeContext.Provider value={me.data}>
      <Shell>
        <Pages />
      </Shell>
    </MeContext.Provider>
  );
}

export function App() {
  const session = useSyncExternalStore(onTokenChange, currentSession);
  const { pathname } = useLocation();
  useEffect(() => {
    if (session === CHECKING) void checkCookieSession();
  }, [session]);
  // A shared link opens for whoever holds it, signed in or not, as the organisation allows.
  const shared = matchPath('/shared/:token', pathname);
  if (shared) return <SharedSummaryPage token={shared.token} />;
  if (session === CHECKING) {
    return (
      <main id="main" className="sign-in">
        <LoadingLine>Signing in…</LoadingLine>
      </main>
    );
  }
  return session ? <SignedIn key={session} /> : <SignInPage />;
}
