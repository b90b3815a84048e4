import { useState, type FormEvent, type ReactNode } from 'react';
import { request, type ApiError } from '../../api/client.ts';
import { setToken, signOutReason } from '../../auth/session.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

/**
 * Sign-in with an API token. The token is checked against `/v1/me` before
 * it is kept, so a typo never becomes a broken session. `notice` says why
 * signing in is needed, when a page other than the app asked for it.
 */
export function SignInPage({ notice }: { notice?: ReactNode } = {}) {
  const [token, setTokenText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = signOutReason();

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

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card card card-pad">
        <div className="sign-in-brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>Confer</span>
        </div>
        <PageHeader title="Sign in" description="Meetings, cited summaries and tasks, under your organisation's rules." />
        {notice}
        {reason && <Notice tone={reason === 'You signed out.' ? 'info' : 'warning'}>{reason}</Notice>}
        <form onSubmit={submit} className="sign-in-form" noValidate>
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
          <Button type="submit" variant="primary" busy={busy}>
            Sign in
          </Button>
        </form>
      </div>
    </main>
  );
}
