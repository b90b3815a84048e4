import type { ActionItem, Task } from '../../api/types.ts';
import { day, today } from '../../format/time.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Citations } from './Citations.tsx';

/** The task an action item became: the one task citing its segment, or the one with its words. */
export function taskFor(item: ActionItem, tasks: Task[]): Task | undefined {
  const segment = item.citations[0]?.segment ?? null;
  const here = tasks.filter((t) => t.source?.segment === segment);
  return here.length === 1 ? here[0] : here.find((t) => t.title === item.text);
}

function Due({ due, dueText, done }: { due: string | null; dueText: string | null; done: boolean }) {
  if (!due) return dueText ? <span>{dueText}</span> : null;
  const overdue = !done && due < today();
  return (
    <span>
      Due {day(due)}
      {dueText && <span className="muted"> (“{dueText}”)</span>}
      {overdue && (
        <>
          {' '}
          <Badge tone="danger">Overdue</Badge>
        </>
      )}
    </span>
  );
}

/**
 * Action items with their owners and due dates. Each one that became a task
 * has a checkbox for its status; the task's own assignee and due date win,
 * since people edit tasks after the meeting.
 */
export function ActionItems({ items, tasks, onCite, onToggle }: { items: ActionItem[]; tasks: Task[]; onCite?(segment: number): void; onToggle?(task: Task): void }) {
  return (
    <ul className="summary-list action-items">
      {items.map((item, i) => {
        const task = taskFor(item, tasks);
        const done = task?.status === 'done';
        const owner = task ? task.assignee?.name : item.owner;
        return (
          <li key={i} className={`action-item${done ? ' is-done' : ''}`}>
            {task && onToggle ? (
              <input type="checkbox" className="action-check" checked={done} onChange={() => onToggle(task)} aria-label={`Done: ${item.text}`} />
            ) : (
              <span className="action-bullet" aria-hidden="true" />
            )}
            <div className="action-body">
              <p>
                <span className="action-text">{item.text}</span> <Citations citations={item.citations} onCite={onCite} />
              </p>
              <p className="action-meta small">
                <span>{owner ? owner : <span className="muted">No owner named</span>}</span>
                <Due due={task ? task.due : item.due} dueText={task && task.due !== item.due ? null : item.dueText} done={done} />
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
