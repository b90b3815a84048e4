import { useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import type { EmailResult, ResolvedSetting } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { withQuery } from '../../router/router.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PolicyNotice, ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { SummaryShares } from './SummaryShares.tsx';

const AUDIENCE: Record<EmailResult['scope'], string> = {
  host_only: 'the host only',
  all_invitees: 'every invitee with an email address, and the host',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "Email summary", when `summary.email_delivery` is on for the meeting's
 * host (the page's user: only the owner sees this); otherwise the policy
 * notice naming the level that turned it off.
 */
export function SummaryEmail({ summaryId, delivery, recipients }: { summaryId: string; delivery: ResolvedSetting; recipients: ResolvedSetting | undefined }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<EmailResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  if (delivery.value !== true) {
    return <PolicyNotice feature="Emailing summaries" message={`summary.email_delivery is ${delivery.explanation}.`} decidedBy={delivery.decidedBy} />;
  }
  const scope = recipients?.value === 'all_invitees' ? 'all_invitees' : 'host_only';
  const send = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api<EmailResult>(`/v1/summaries/${summaryId}/email`, { method: 'POST' }));
    } catch (e) {
      setError(e as ApiError);
    }
    setBusy(false);
  };
  return (
    <div className="summary-email">
      <p className="small muted">
        Sends the summary to {AUDIENCE[scope]} (summary.email_recipients: {recipients ? recipients.explanation : 'loading'}).
      </p>
      <Button onClick={send} busy={busy}>
        Email summary
      </Button>
      {error && <ProblemNotice error={error} action="email the summary" />}
      {result && (
        <Notice tone={result.sent ? 'success' : 'warning'} title={result.sent ? 'Summary emailed' : 'Nobody accepted the email'}>
          <p>
            {result.sent ? `Sent to ${plural(result.recipients, 'recipient')}: ${AUDIENCE[result.scope]}.` : 'The mail server refused every address.'}
          </p>
        </Notice>
      )}
    </div>
  );
}

/** One setting as it applies to the signed-in user, read only once `wanted`. */
function useSetting(key: string, wanted = true) {
  const resource = useResource<{ settings: ResolvedSetting[] }>(wanted ? withQuery('/v1/settings/effective', { key }) : null);
  return { setting: resource.data?.settings[0], error: resource.error };
}

/**
 * Sharing and email delivery of the summary, for the meeting's owner: the
 * settings that govern them are read for the owner, who is the host.
 */
export function SummaryDelivery({ summaryId }: { summaryId: string }) {
  const delivery = useSetting('summary.email_delivery');
  const recipients = useSetting('summary.email_recipients', delivery.setting?.value === true);
  const signIn = useSetting('sharing.require_sign_in');
  const links = useSetting('sharing.links_enabled');
  return (
    <>
      <section className="card card-pad admin-section" aria-labelledby="email-heading">
        <h2 id="email-heading">Email</h2>
        {delivery.error && <ProblemNotice error={delivery.error} action="read the email settings" />}
        {!delivery.setting && !delivery.error && <Skeleton lines={1} label="Loading the email settings" />}
        {delivery.setting && <SummaryEmail summaryId={summaryId} delivery={delivery.setting} recipients={recipients.setting} />}
      </section>
      {links.setting?.value === false ? (
        <section className="card card-pad admin-section" aria-labelledby="shares-heading">
          <h2 id="shares-heading">Share links</h2>
          <PolicyNotice feature="Sharing by link" message={`sharing.links_enabled is ${links.setting.explanation}.`} decidedBy={links.setting.decidedBy} />
        </section>
      ) : (
        <SummaryShares summaryId={summaryId} requireSignIn={signIn.setting} />
      )}
    </>
  );
}
