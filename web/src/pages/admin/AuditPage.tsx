import { useState, type FormEvent } from 'react';
import type { AuditEvent, AuditVerification } from '../../api/admin-types.ts';
import { api, type ApiError } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { when } from '../../format/time.ts';
import { withQuery } from '../../router/router.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { UserLabel } from './UserLabel.tsx';

const PAGE_SIZE = 100;
interface Filters {
  actor: string;
  action: string;
  target: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { actor: '', action: '', target: '', from: '', to: '' };
type Page = { items: AuditEvent[]; nextAfterSeq: number | null };

function Verification() {
  const verify = useResource<AuditVerification>('/v1/audit/verify');
  const v = verify.data;
  return (
    <section className="card card-pad admin-section" aria-labelledby="verify-heading">
      <h2 id="verify-heading">Chain verification</h2>
      {verify.error && <ProblemNotice error={verify.error} action="verify the audit log" />}
      {verify.loading && <Skeleton lines={1} label="Loading the chain verification" />}
      {v && !verify.loading && (
        <div className="verify-line" data-testid="audit-verify">
          {v.ok ? <Badge tone="success">intact</Badge> : <Badge tone="danger">broken</Badge>}
          <span>
            {v.ok
              ? `All ${v.checked} records chain correctly${v.head ? ` (head: record ${v.head.seq}, hash ${v.head.hash.slice(0, 16)}…)` : ''}`
              : `${v.problem?.kind ?? 'problem'} at record ${v.problem?.seq}: ${v.problem?.message}`}
          </span>
          <Button small onClick={verify.reload}>
            Verify again
          </Button>
        </div>
      )}
    </section>
  );
}

/** The audit log: every recorded action, filtered, with the state of its hash chain. */
export function AuditPage() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const events = useResource<Page>(withQuery('/v1/audit', { ...filters, limit: PAGE_SIZE }));
  const [more, setMore] = useState<{ items: AuditEvent[]; next: number | null; busy: boolean; error?: ApiError }>({ items: [], next: null, busy: false });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setMore({ items: [], next: null, busy: false });
    setFilters({ ...draft });
  };
  const next = more.items.length ? more.next : events.data?.nextAfterSeq ?? null;
  const loadMore = async () => {
    if (next === null) return;
    setMore((m) => ({ ...m, busy: true, error: undefined }));
    try {
      const page = await api<Page>(withQuery('/v1/audit', { ...filters, limit: PAGE_SIZE, afterSeq: next }));
      setMore((m) => ({ items: [...m.items, ...page.items], next: page.nextAfterSeq, busy: false }));
    } catch (error) {
      setMore((m) => ({ ...m, busy: false, error: error as ApiError }));
    }
  };
  const field = (key: keyof Filters) => ({ value: draft[key], onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })) });
  const items = [...(events.data?.items ?? []), ...more.items];
  const filtered = Object.values(filters).some(Boolean);
  return (
    <AdminLayout>
      <PageHeader title="Audit log" description="Every administrative change and AI use, in order, in a hash chain that shows any tampering." />
      <Verification />
      <form className="card card-pad form-grid" onSubmit={apply} aria-label="Audit filters">
        <TextField label="Actor (email or id)" {...field('actor')} autoComplete="off" />
        <TextField label="Action" placeholder="settings.set" {...field('action')} autoComplete="off" />
        <TextField label="Target (TYPE:ID or ID)" {...field('target')} autoComplete="off" />
        <TextField label="From" type="date" {...field('from')} />
        <TextField label="To" type="date" {...field('to')} />
        <div className="form-row">
          <Button type="submit" variant="primary">
            Apply filters
          </Button>
          {filtered && (
            <Button onClick={() => { setDraft(NO_FILTERS); setFilters(NO_FILTERS); setMore({ items: [], next: null, busy: false }); }}>
              Clear
            </Button>
          )}
        </div>
      </form>
      {events.error && <ProblemNotice error={events.error} action="load the audit log" />}
      {!events.data && !events.error && <Skeleton lines={6} label="Loading the audit log" />}
      {events.data && items.length === 0 && <EmptyState title={filtered ? 'No events match these filters' : 'No events yet'} />}
      {items.length > 0 && (
        <DataTable label="Audit events">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Outcome</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody aria-busy={events.loading || undefined}>
            {items.map((e) => (
              <tr key={e.id}>
                <td className="mono-cell nowrap">{e.seq}</td>
                <td className="nowrap">{when(e.at)}</td>
                <td className="audit-who">{e.actorType === 'user' && e.actorId ? <UserLabel id={e.actorId} prefix="" /> : `${e.actorType}${e.actorId ? ` ${e.actorId}` : ''}`}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td className="mono-cell audit-who">{e.targetType ? `${e.targetType}:${e.targetId ?? ''}` : '—'}</td>
                <td>{e.outcome === 'ok' ? <Badge tone="success">ok</Badge> : <Badge tone="danger">{e.outcome}</Badge>}</td>
                <td className="details-cell">
                  {Object.entries(e.details).map(([key, value]) => (
                    <div key={key}>
                      {key}: {typeof value === 'string' ? value : JSON.stringify(value)}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {more.error && <ProblemNotice error={more.error} action="load more events" />}
      {next !== null && (
        <div className="form-row">
          <Button onClick={loadMore} busy={more.busy}>
            Load more
          </Button>
        </div>
      )}
      {events.data && next === null && items.length > 0 && <Notice>That is every matching event ({items.length}).</Notice>}
    </AdminLayout>
  );
}
