import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import type { ResolvedSetting, ShareLink } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { when } from '../../format/time.ts';
import { withQuery } from '../../router/router.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { isActiveLink, ShareLinksTable } from '../shares/ShareLinksTable.tsx';
import { CopyButton } from './CopyButton.tsx';

const EXPIRY = [
  { value: '', label: 'Never (until revoked)' },
  { value: '1', label: 'In 1 day' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
];

/** Who can open the account's links, as `sharing.require_sign_in` says. */
function Audience({ setting }: { setting: ResolvedSetting | undefined }) {
  if (!setting) return null;
  const level = setting.decidedBy.name ? `${setting.decidedBy.level} ${setting.decidedBy.name}` : setting.decidedBy.level;
  return (
    <p className="small muted" data-testid="share-audience">
      {setting.value === true
        ? `Only signed-in members of your organisation can open these links (sharing.require_sign_in is on, decided by ${level}).`
        : `Anyone with the link can open it, without signing in (sharing.require_sign_in is off, decided by ${level}).`}
    </p>
  );
}

/**
 * The meeting owner's share links: make one (its address is shown once,
 * with a copy button), and see and revoke those that still open the summary.
 */
export function SummaryShares({ summaryId, requireSignIn }: { summaryId: string; requireSignIn: ResolvedSetting | undefined }) {
  const links = useResource<{ items: ShareLink[] }>(withQuery('/v1/shares', { outputId: summaryId }));
  const [days, setDays] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [made, setMade] = useState<ShareLink | null>(null);
  const active = links.data?.items.filter((l) => isActiveLink(l)) ?? [];

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      const expiresAt = days ? new Date(Date.now() + Number(days) * 86_400_000).toISOString() : undefined;
      const link = await api<ShareLink>('/v1/shares', { method: 'POST', body: { outputId: summaryId, expiresAt } });
      setMade(link);
      const { token: _token, url: _url, ...listed } = link;
      links.setData((d) => d && { items: [listed, ...d.items] });
    } catch (e) {
      setError(e as ApiError);
    }
    setBusy(false);
  };

  return (
    <section className="card card-pad admin-section" aria-labelledby="shares-heading">
      <h2 id="shares-heading">Share links</h2>
      <Audience setting={requireSignIn} />
      <form className="share-form" onSubmit={create}>
        <SelectField label="Link expires" value={days} onChange={(e) => setDays(e.target.value)}>
          {EXPIRY.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={busy}>
          Create share link
        </Button>
      </form>
      {error && <ProblemNotice error={error} action="create the share link" />}
      {made?.url && (
        <Notice tone="success" title="Share link created">
          <p className="small">Copy it now: it is shown only once. {made.expiresAt ? `It stops working ${when(made.expiresAt)}.` : 'It works until you revoke it.'}</p>
          <div className="share-link-once">
            <input className="input mono" readOnly value={made.url} aria-label="New share link" onFocus={(e) => e.target.select()} />
            <CopyButton text={made.url} label="Copy link" done="Link copied to the clipboard" />
          </div>
        </Notice>
      )}
      {links.error && <ProblemNotice error={links.error} action="load the share links" />}
      {!links.data && !links.error && <Skeleton lines={1} label="Loading the share links" />}
      {links.data && active.length === 0 && <p className="muted small">No active share links: only people this meeting is shared with can read its summary.</p>}
      <ShareLinksTable
        links={active}
        label="Share links of this summary"
        onRevoked={(id) => links.setData((d) => d && { items: d.items.map((l) => (l.id === id ? { ...l, revokedAt: new Date().toISOString() } : l)) })}
      />
    </section>
  );
}
