import type { ShareLink } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ShareLinksTable } from '../shares/ShareLinksTable.tsx';
import { UserLabel } from './UserLabel.tsx';

/** Every share link of the account that still opens, newest first, each revocable. */
export function ActiveShareLinks() {
  const links = useResource<{ items: ShareLink[] }>('/v1/shares/active');
  return (
    <section className="card card-pad admin-section" aria-labelledby="active-shares-heading">
      <h2 id="active-shares-heading">Share links</h2>
      <p className="muted small">Links that open a meeting summary without an invitation: neither revoked nor expired. The newest 200 are listed.</p>
      {links.error && <ProblemNotice error={links.error} action="load the share links" />}
      {!links.data && !links.error && <Skeleton lines={2} label="Loading the share links" />}
      {links.data && links.data.items.length === 0 && <EmptyState title="No active share links" />}
      {links.data && (
        <ShareLinksTable
          links={links.data.items}
          label="Active share links"
          creator={(l) => (l.createdBy ? <UserLabel id={l.createdBy} prefix="" /> : 'unknown')}
          onRevoked={(id) => links.setData((d) => d && { items: d.items.filter((l) => l.id !== id) })}
        />
      )}
    </section>
  );
}
