import { useState, type ReactNode } from 'react';
import { api } from '../../api/client.ts';
import type { ShareLink } from '../../api/types.ts';
import { when } from '../../format/time.ts';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { DataTable, TableHead } from '../../ui/DataTable.tsx';
import { useAction } from '../../ui/use-action.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';

/** Whether a link still opens: neither revoked nor past its expiry. */
export const isActiveLink = (l: ShareLink, now = new Date().toISOString()): boolean => !l.revokedAt && (!l.expiresAt || l.expiresAt > now);

/**
 * Share links with a revoke button each, asked for confirmation: anyone
 * holding a revoked link can no longer open the summary, and that cannot be
 * undone. `creator` renders who made a link, where that is worth showing.
 */
export function ShareLinksTable({ links, label, creator, onRevoked }: { links: ShareLink[]; label: string; creator?(link: ShareLink): ReactNode; onRevoked(id: string): void }) {
  const [revoking, setRevoking] = useState<ShareLink>();
  const action = useAction();
  const revoke = () => {
    const link = revoking!;
    void action
      .run('revoke', async () => {
        await api(`/v1/shares/${link.id}`, { method: 'DELETE' });
        return `Link ${link.id} revoked: it no longer opens the summary.`;
      })
      .then((ok) => {
        setRevoking(undefined);
        if (ok) onRevoked(link.id);
      });
  };
  return (
    <>
      {links.length > 0 && (
        <DataTable label={label}>
          <TableHead columns={['Link', creator && 'Made by', 'Made', 'Expires']} />
          <tbody>
            {links.map((l) => (
              <tr key={l.id} data-share={l.id}>
                <td className="mono-cell">
                  {l.id}
                  <div className="muted small">summary {l.outputId}</div>
                </td>
                {creator && <td>{creator(l)}</td>}
                <td className="nowrap">{when(l.createdAt)}</td>
                <td className="nowrap">{l.expiresAt ? when(l.expiresAt) : 'never'}</td>
                <td>
                  <Button small onClick={() => setRevoking(l)} aria-label={`Revoke share link ${l.id}`}>
                    Revoke…
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ActionOutcome action={action} attempt="revoke the link" />
      <ConfirmDialog open={revoking !== undefined} title="Revoke this share link?" confirmLabel="Revoke link" busy={action.busy === 'revoke'} onConfirm={revoke} onCancel={() => setRevoking(undefined)}>
        <p>Anyone who has the link can no longer open the summary. A revoked link cannot be turned back on; make a new one instead.</p>
      </ConfirmDialog>
    </>
  );
}
