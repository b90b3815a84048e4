import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { request, type ApiError } from '../../api/client.ts';
import { setToken, signOutReason, singleSignOnError } from '../../auth/session.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LoadingLine } from '../../ui/Spinner.tsx';

/** `GET /auth/methods`: the ways to sign in the server offers. */
interface SignInMethods {
  oidc: { enabled: boolean; label: string | null };
}

/** The single sign-on address, coming back to the page the person was opening. */
function singleSignOnHref(): string {
  const returnTo = window.location.pathname + window.location.search;
  return returnTo === '/' ? '/auth/oidc/login' : `/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * Sign-in: "Sign in with <label>" when single sign-on is configured, with
 * the API token form one click away; the token form alone otherwise. A
 * token is checked against `/v1/me` before it is kept, so a typo never
 * becomes a broken session. `notice` says why signing in is needed, when a
 * page other than the app asked for it.
 */
export function SignInPage({ notice }: { notice?: ReactNode } = {}) {
  const [token, setTokenText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [methods, setMethods] = useState<SignInMethods | 'failed' | null>(null);
  const [tokenOpen, setTokenOpen] = useState(false);
  const tokenForm = useRef<HTMLFormElement>(null);
  const reason = signOutReason();
  const ssoError = singleSignOnError();

  useEffect(() => {
    const controller = new AbortController();
    request<SignInMethods>('/auth/methods', { signal: controller.signal }).then(
      (res) => setMethods(res.body),
      (e: Error) => {
        if (e.name !== 'AbortError') setMethods('failed');
      },
    );
    return () => controller.abort();
  }, []);

  const openTokenForm = () => {
    setTokenOpen(true);
    // The field appears with this render; focus follows the person's choice.
    requestAnimationFrame(() => tokenForm.current?.querySelector('input')?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) return setError('Paste an API token to sign in.');
    setBusy(true);
    setError(null);
    try {
      await request('/v1/me', { bearer: candidate });
      setToken(candidate);
    } catch (e) {
      setError((e as ApiError).status === 401 ? `That token was not accepted: ${(e as ApiError).message}.` : (e as ApiError).message);
      setBusy(false);
    }
  };

  const sso = methods !== null && methods !== 'failed' && methods.oidc.enabled ? (methods.oidc.label ?? 'single sign-on') : null;

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card card card-pad">
        <div className="sign-in-brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>Confer</span>
        </div>
        <PageHeader title="Sign in" description="Meetings, cited summaries and tasks, under your organisation's rules." />
        {notice}
        {reason && !ssoError && <Notice tone={reason === 'You signed out.' ? 'info' : 'warning'}>{reason}</Notice>}
        {ssoError && (
          <Notice tone="error" title="You are not signed in">
            {ssoError}
          </Notice>
        )}
        {methods === null && <LoadingLine>Checking how you can sign in…</LoadingLine>}
        {sso && (
          <>
            <a className="btn btn-primary sign-in-sso" href={singleSignOnHref()}>
              Sign in with {sso}
            </a>
            {!tokenOpen && (
              <Button variant="ghost" className="sign-in-other" onClick={openTokenForm}>
                Use an API token instead
              </Button>
            )}
          </>
        )}
        {methods !== null && (!sso || tokenOpen) && (
          <form ref={tokenForm} onSubmit={submit} className="sign-in-form" noValidate>
            <TextField
              label="API token"
              type="password"
              name="token"
              autoComplete="off"
              spellCheck={false}
              placeholder="cfr_…"
              value={token}
              onChange={(e) => setTokenText(e.target.value)}
              error={error ?? undefined}
              hint={
                <>
                  Running Confer on this computer? <code>npm start</code> prints a one-click sign-in link. Otherwise use an API token from your
                  administrator, or the one <code>npx confer admin bootstrap</code> printed.
                </>
              }
            />
            <Button type="submit" variant={sso ? 'secondary' : 'primary'} busy={busy}>
              Sign in
            </Button>
          </form>
        )}
      </div>
    </main>
  );
}
