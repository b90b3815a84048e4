import { useEffect, useState } from 'react';
import type { Meeting, Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { navigate, useLocation } from '../../router/router.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { apiPath, isFiltered, pageHref, readFilters, type MeetingFilters } from './meeting-filters.ts';
import { MeetingRow } from './MeetingRow.tsx';

const EMPTY: MeetingFilters = { q: '', from: '', to: '', participant: '', actions: '', offset: 0 };

/** Meetings the user may read: full-text search, filters and pages, all kept in the address. */
export function MeetingsPage() {
  const { query } = useLocation();
  const filters = readFilters(query);
  const meetings = useResource<Page<Meeting>>(apiPath(filters));

  // Typed text goes to the address (and the API) once typing pauses.
  const [text, setText] = useState({ q: filters.q, participant: filters.participant });
  const settled = useDebounced(text, 300);
  useEffect(() => {
    if (settled.q !== filters.q || settled.participant !== filters.participant) {
      navigate(pageHref({ ...filters, ...settled, offset: 0 }), { replace: true });
    }
    // Only settled typing moves the address; filters are read from it afresh on every render.
  }, [settled]);

  const change = (patch: Partial<MeetingFilters>) => navigate(pageHref({ ...filters, ...text, ...patch, offset: patch.offset ?? 0 }), { replace: true });
  const clear = () => {
    setText({ q: '', participant: '' });
    navigate(pageHref(EMPTY), { replace: true });
  };

  const page = meetings.data;
  return (
    <div className="page">
      <PageHeader
        title="Meetings"
        description="Every meeting you may read, newest first."
        actions={
          <ButtonLink to="/upload" variant="primary">
            Upload transcript
          </ButtonLink>
        }
      />
      <form className="filters card" role="search" aria-label="Find meetings" onSubmit={(e) => e.preventDefault()}>
        <div className="filters-search">
          <TextField label="Search titles and transcripts" type="search" placeholder="Search meetings, e.g. vendor budget" value={text.q} onChange={(e) => setText({ ...text, q: e.target.value })} />
        </div>
        <div className="filters-row">
          <TextField label="From" type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => change({ from: e.target.value })} />
          <TextField label="To" type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => change({ to: e.target.value })} />
          <TextField label="Participant" placeholder="Name" value={text.participant} onChange={(e) => setText({ ...text, participant: e.target.value })} />
          <SelectField label="Action items" value={filters.actions} onChange={(e) => change({ actions: e.target.value as MeetingFilters['actions'] })}>
            <option value="">Any</option>
            <option value="with">With action items</option>
            <option value="without">Without action items</option>
          </SelectField>
        </div>
        {isFiltered(filters) && (
          <div>
            <Button variant="ghost" small onClick={clear}>
              Clear filters
            </Button>
          </div>
        )}
      </form>

      {meetings.error && <ProblemNotice error={meetings.error} action="load the meetings" />}
      {!page && !meetings.error && <Skeleton lines={6} label="Loading meetings" />}
      {page && page.items.length === 0 && (
        isFiltered(filters) ? (
          <EmptyState title="No meetings match" actions={<Button onClick={clear}>Clear filters</Button>}>
            Try other words, a wider date range or fewer filters. Search looks at titles and everything said.
          </EmptyState>
        ) : (
          <EmptyState title="No meetings yet" actions={<ButtonLink to="/upload" variant="primary">Upload a transcript</ButtonLink>}>
            Upload a WebVTT, SRT, text or JSON transcript and Confer summarises it with citations. <code>npm run demo</code> stores three examples.
          </EmptyState>
        )
      )}
      {page && page.items.length > 0 && (
        <>
          <ul className="meeting-list" aria-busy={meetings.loading} aria-label="Meetings">
            {page.items.map((m) => (
              <MeetingRow key={m.id} meeting={m} />
            ))}
          </ul>
          <Pagination total={page.total} limit={page.limit} offset={page.offset} noun="meetings" onOffset={(offset) => change({ offset })} />
        </>
      )}
    </div>
  );
}
