import type { Page, Task } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { navigate, useLocation, withQuery } from '../../router/router.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Checkbox } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { TaskRow } from './TaskRow.tsx';

const PAGE_SIZE = 50;
type StatusFilter = 'open' | 'done' | 'all';

interface TaskFilters {
  status: StatusFilter;
  mine: boolean;
  meeting: string;
  offset: number;
}

function readFilters(query: URLSearchParams): TaskFilters {
  const status = query.get('status');
  return {
    status: status === 'done' || status === 'all' ? status : 'open',
    mine: query.get('mine') === '1',
    meeting: query.get('meeting') ?? '',
    offset: Math.max(0, Number(query.get('offset')) || 0),
  };
}

const pageHref = (f: TaskFilters) =>
  withQuery('/tasks', { status: f.status === 'open' ? undefined : f.status, mine: f.mine ? 1 : undefined, meeting: f.meeting, offset: f.offset || undefined });

const EMPTY_WORDS: Record<StatusFilter, string> = {
  open: 'Nothing open. Action items from your meetings appear here once they are summarised.',
  done: 'No finished tasks yet.',
  all: 'No tasks yet. Action items from your meetings appear here once they are summarised.',
};

/** Tasks from meetings: the caller's and those of meetings they may read, open ones first. */
export function TasksPage() {
  const { query } = useLocation();
  const filters = readFilters(query);
  const tasks = useResource<Page<Task>>(
    withQuery('/v1/tasks', {
      status: filters.status === 'all' ? undefined : filters.status,
      assignee: filters.mine ? 'me' : undefined,
      meetingId: filters.meeting,
      limit: PAGE_SIZE,
      offset: filters.offset,
    }),
  );
  const change = (patch: Partial<TaskFilters>) => navigate(pageHref({ ...filters, offset: 0, ...patch }), { replace: true });
  const replace = (changed: Task) => tasks.setData((page) => page && { ...page, items: page.items.map((t) => (t.id === changed.id ? changed : t)) });
  const page = tasks.data;
  const meetingTitle = page?.items.find((t) => t.source)?.source?.meetingTitle;

  return (
    <div className="page">
      <PageHeader title="Tasks" description="Action items from meetings, assigned to you or from meetings you can open." />
      <div className="task-filters">
        <Segmented<StatusFilter>
          label="Status"
          value={filters.status}
          onChange={(status) => change({ status })}
          options={[
            { value: 'open', label: 'Open' },
            { value: 'done', label: 'Done' },
            { value: 'all', label: 'All' },
          ]}
        />
        <Checkbox label="Assigned to me" checked={filters.mine} onChange={(e) => change({ mine: e.target.checked })} />
        {filters.meeting && (
          <span className="filter-chip">
            From {meetingTitle ? `“${meetingTitle}”` : 'one meeting'}
            <Button small variant="ghost" onClick={() => change({ meeting: '' })}>
              Show all
            </Button>
          </span>
        )}
      </div>
      {tasks.error && <ProblemNotice error={tasks.error} action="load the tasks" />}
      {!page && !tasks.error && <Skeleton lines={6} label="Loading tasks" />}
      {page && page.items.length === 0 && (
        <EmptyState title={filters.mine ? 'Nothing assigned to you here' : 'No tasks here'} actions={<ButtonLink to="/meetings">Go to meetings</ButtonLink>}>
          {EMPTY_WORDS[filters.status]}
        </EmptyState>
      )}
      {page && page.items.length > 0 && (
        <>
          <ul className="task-list" aria-busy={tasks.loading} aria-label="Tasks">
            {page.items.map((t) => (
              <TaskRow key={t.id} task={t} onChange={replace} />
            ))}
          </ul>
          <Pagination total={page.total} limit={page.limit} offset={page.offset} noun="tasks" onOffset={(offset) => change({ offset })} />
        </>
      )}
    </div>
  );
}
