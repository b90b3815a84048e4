import { useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import type { Task } from '../../api/types.ts';
import { useMe } from '../../auth/me.tsx';
import { clock, day, today } from '../../format/time.ts';
import { Link } from '../../router/router.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { segmentHref } from '../meeting/Citations.tsx';

/** Where the task was said, as a link to that moment; or why there is no link. */
function Source({ task }: { task: Task }) {
  const source = task.source;
  if (!source) return <span className="muted">From a meeting you cannot open</span>;
  const moment = source.start !== null ? ` at ${clock(source.start)}` : '';
  return (
    <Link to={source.segment !== null ? segmentHref(source.meetingId, source.segment) : `/meetings/${source.meetingId}`} className="task-source">
      {source.meetingTitle}
      {moment}
    </Link>
  );
}

/** One task: done or not, who has it, when it is due, and where it came from. */
export function TaskRow({ task, onChange }: { task: Task; onChange(task: Task): void }) {
  const me = useMe();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // The box shows the new status at once; a refused change puts it back.
  const [status, setStatus] = useState<Task['status'] | null>(null);
  const done = (status ?? task.status) === 'done';
  const overdue = !done && task.due !== null && task.due < today();

  const patch = async (body: { status?: Task['status']; due?: string | null; assignee?: { userId: string } }) => {
    setBusy(true);
    setError(null);
    if (body.status) setStatus(body.status);
    try {
      onChange(await api<Task>(`/v1/tasks/${task.id}`, { method: 'PATCH', body }));
    } catch (e) {
      setError(e as ApiError);
    }
    setStatus(null);
    setBusy(false);
  };

  return (
    <li className={`task-row card${done ? ' is-done' : ''}`}>
      <input type="checkbox" className="action-check" checked={done} onChange={() => patch({ status: done ? 'open' : 'done' })} aria-label={`Done: ${task.title}`} />
      <div className="task-main">
        <p className="task-title">{task.title}</p>
        <p className="task-meta small">
          <span className={task.assignee ? 'task-assignee' : 'muted'}>{task.assignee ? task.assignee.name : 'Unassigned'}</span>
          {task.due && (
            <span>
              Due {day(task.due)} {overdue && <Badge tone="danger">Overdue</Badge>}
            </span>
          )}
          <Source task={task} />
        </p>
        {error && <ProblemNotice error={error} action="change the task" />}
      </div>
      <div className="task-controls">
        <TextField label={`Due date of “${task.title}”`} hideLabel type="date" value={task.due ?? ''} disabled={busy} onChange={(e) => patch({ due: e.target.value || null })} />
        {task.assignee?.userId !== me.user.id && (
          <Button small variant="ghost" disabled={busy} onClick={() => patch({ assignee: { userId: me.user.id } })}>
            Assign to me
          </Button>
        )}
      </div>
    </li>
  );
}
