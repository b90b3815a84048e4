import type { ReactNode } from 'react';
import type { MeetingSummary, SummaryItem, Task } from '../../api/types.ts';
import { ActionItems } from './ActionItems.tsx';
import { Citations } from './Citations.tsx';

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: ReactNode }) {
  return (
    <section className="summary-section" aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {count !== undefined && count > 0 && <span className="section-count">{count}</span>}
      </h2>
      {children}
    </section>
  );
}

function Items({ items, empty, onCite }: { items: SummaryItem[]; empty: string; onCite?(segment: number): void }) {
  if (items.length === 0) return <p className="muted small">{empty}</p>;
  return (
    <ul className="summary-list">
      {items.map((item, i) => (
        <li key={i}>
          {item.text} <Citations citations={item.citations} onCite={onCite} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The sections of a summary; every statement links to the segments it was
 * taken from. Without `onCite` and `onToggleTask` it is read-only, as a
 * shared link shows it.
 */
export function SummaryView({ summary, tasks = [], taskActions, onCite, onToggleTask }: {
  summary: MeetingSummary;
  tasks?: Task[];
  /** Below the action items: creating tasks, or the way to the tasks page. */
  taskActions?: ReactNode;
  onCite?(segment: number): void;
  onToggleTask?(task: Task): void;
}) {
  return (
    <div className="summary">
      <Section id="summary-overview" title="Overview">
        {summary.overview.text ? (
          <p className="overview">
            {summary.overview.text} <Citations citations={summary.overview.citations} onCite={onCite} />
          </p>
        ) : (
          <p className="muted small">The transcript is too short for an overview.</p>
        )}
      </Section>
      <Section id="summary-key-points" title="Key points" count={summary.keyPoints.length}>
        <Items items={summary.keyPoints} empty="No key points stood out." onCite={onCite} />
      </Section>
      <Section id="summary-decisions" title="Decisions" count={summary.decisions.length}>
        <Items items={summary.decisions} empty="No decisions were recorded." onCite={onCite} />
      </Section>
      <Section id="summary-action-items" title="Action items" count={summary.actionItems.length}>
        {summary.actionItems.length === 0 ? (
          <p className="muted small">Nobody took on an action item.</p>
        ) : (
          <ActionItems items={summary.actionItems} tasks={tasks} onCite={onCite} onToggle={onToggleTask} />
        )}
        {taskActions}
      </Section>
      <Section id="summary-next-steps" title="Next steps" count={summary.nextSteps.length}>
        <Items items={summary.nextSteps} empty="No next steps were mentioned." onCite={onCite} />
      </Section>
    </div>
  );
}
