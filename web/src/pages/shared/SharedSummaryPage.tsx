import { useEffect, useState, type ReactNode } from 'react';
import { request, type ApiError } from '../../api/client.ts';
import type { SharedSummary } from '../../api/types.ts';
import { getToken } from '../../auth/session.ts';
import { when } from '../../format/time.ts';
import { Link } from '../../router/router.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { SummaryView } from '../meeting/SummaryView.tsx';
import { SignInPage } from '../sign-in/SignInPage.tsx';

function Frame({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="shared-page">
      <div className="shared-brand">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        <span>Confer</span>
      </div>
      {children}
    </main>
  );
}

/**
 * A summary opened by its share link (`/shared/shr_…`), read-only. Anyone
 * with the link reads it, unless the organisation requires signing in: then
 * the sign-in form comes first and the summary follows. The session's token
 * goes along when there is one; a refusal never ends that session.
 */
export function SharedSummaryPage({ token }: { token: string }) {
  const [state, setState] = useState<{ shared?: SharedSummary; error?: ApiError }>({});
  const session = getToken();

  useEffect(() => {
    const controller = new AbortController();
    setState({});
    request<SharedSummary>(`/v1/shared/${encodeURIComponent(token)}`, { signal: controller.signal, bearer: session ?? undefined }).then(
      (res) => setState({ shared: res.body }),
      (error: Error) => {
        if (error.name !== 'AbortError') setState({ error: error as ApiError });
      },
    );
    return () => controller.abort();
  }, [token, session]);

  const { shared, error } = state;
  if (error?.status === 401) {
    return (
      <SignInPage
        notice={
          <Notice tone="warning" title="Sign in to read this shared summary">
            <p>Your organisation requires signing in to open shared summaries{session ? ', and your session has ended' : ''}. Sign in with your Confer account and the summary opens here.</p>
          </Notice>
        }
      />
    );
  }
  return (
    <Frame>
      <PageHeader
        title={error?.status === 404 ? 'This link no longer opens' : (shared?.title ?? 'Shared meeting summary')}
        description={shared ? `Shared meeting summary, written ${when(shared.createdAt)}. Read-only.` : undefined}
      />
      {error?.status === 404 && (
        <Notice tone="warning" title="The summary is not available">
          <p>{error.message}.</p>
          <p className="small muted">A share link stops working when it is revoked, when it expires, or when the meeting is deleted. Ask whoever sent it for a new one.</p>
        </Notice>
      )}
      {error && error.status !== 404 && <ProblemNotice error={error} action="open the shared summary" />}
      {!shared && !error && <Skeleton lines={8} label="Loading the shared summary" />}
      {shared && (
        <section className="card card-pad" aria-label="Summary">
          <SummaryView summary={shared.summary} />
        </section>
      )}
      {session && (
        <p className="small">
          <Link to="/meetings">Go to your meetings</Link>
        </p>
      )}
    </Frame>
  );
}
