import type { ShareLink } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { withQuery } from '../../router/router.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { isActiveLink, ShareLinksTable } from '../shares/ShareLinksTable.tsx';

/** The links that still open this summary, for the meeting's owner to revoke. */
export function SummaryShares({ summaryId }: { summaryId: string }) {
  const links = useResource<{ items: ShareLink[] }>(withQuery('/v1/shares', { outputId: summaryId }));
  const active = links.data?.items.filter((l) => isActiveLink(l)) ?? [];
  return (
    <section className="card card-pad admin-section" aria-labelledby="shares-heading">
      <h2 id="shares-heading">Share links</h2>
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
