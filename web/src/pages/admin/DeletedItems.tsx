import { useState } from 'react';
import type { RestorableArtifact, SweepResult } from '../../api/admin-types.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { when } from '../../format/time.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable, TableHead } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useAction } from '../../ui/use-action.ts';
import { UserLabel } from './UserLabel.tsx';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';

const REASONS: Record<RestorableArtifact['reason'], string> = {
  owner: 'deleted by its owner or an admin',
  retention: 'retention policy',
  zdr: 'zero data retention',
  deactivation: 'its owner was deactivated',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeSweep(r: SweepResult): string {
  const purged = r.purged.artifact + r.purged.output + r.purged.transcript;
  if (r.expired === 0 && purged === 0 && r.held === 0) return 'Retention sweep done: nothing was due.';
  return `Retention sweep done: ${plural(r.expired, 'item')} expired under a policy; purged ${plural(r.purged.artifact, 'artifact')}, ${plural(r.purged.output, 'output')} and ${plural(r.purged.transcript, 'transcript')}; ${r.held} kept by a legal hold.`;
}

/**
 * Soft-deleted content inside its 30 days, each restorable, and the
 * retention sweep, which also runs every hour, started by hand. Rows carry
 * ids and dates only: roles grant no access to content.
 */
export function DeletedItems() {
  const deleted = useResource<{ items: RestorableArtifact[] }>('/v1/artifacts/deleted');
  const action = useAction();
  const [attempt, setAttempt] = useState('');
  const run = (what: string, label: string, work: () => Promise<string>) => {
    setAttempt(label);
    void action.run(what, work).then(() => deleted.reload());
  };
  const restore = (a: RestorableArtifact) =>
    run(`restore ${a.id}`, `restore ${a.type} ${a.id}`, async () => {
      await api(`/v1/artifacts/${a.id}/restore`, { method: 'POST' });
      return `Restored ${a.type} ${a.id}: it is back for everyone who could read it.`;
    });
  const sweep = () => run('sweep', 'run the retention sweep', async () => describeSweep(await api<SweepResult>('/v1/retention/sweep', { method: 'POST' })));
  const items = deleted.data?.items;
  return (
    <section className="card card-pad admin-section" aria-labelledby="deleted-heading">
      <h2 id="deleted-heading">Deleted content</h2>
      <p className="muted small">
        Soft-deleted items stay restorable for 30 days, then the retention sweep purges them. The sweep runs every hour; run it now to apply a new policy at once.
      </p>
      <div className="form-row">
        <Button busy={action.busy === 'sweep'} onClick={sweep}>
          Run retention sweep now
        </Button>
      </div>
      {deleted.error && <ProblemNotice error={deleted.error} action="load the deleted content" />}
      {!items && !deleted.error && <Skeleton lines={2} label="Loading the deleted content" />}
      {items && items.length === 0 && <EmptyState title="Nothing to restore">No soft-deleted content is inside its 30 days.</EmptyState>}
      {items && items.length > 0 && (
        <DataTable label="Restorable content">
          <TableHead columns={['Item', 'Owner', 'Deleted', 'Restorable until']} />
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-artifact={a.id}>
                <td className="mono-cell">
                  {a.type} {a.id}
                </td>
                <td>{a.ownerId ? <UserLabel id={a.ownerId} prefix="" /> : 'nobody'}</td>
                <td>
                  <span className="nowrap">{when(a.deletedAt)}</span>
                  <div className="muted small">{REASONS[a.reason]}</div>
                </td>
                <td className="nowrap">{when(a.purgeAfter)}</td>
                <td>
                  <Button small busy={action.busy === `restore ${a.id}`} onClick={() => restore(a)} aria-label={`Restore ${a.type} ${a.id}`}>
                    Restore
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ActionOutcome action={action} attempt={attempt} />
    </section>
  );
}
