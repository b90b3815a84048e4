import { useCallback, useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import type { Meeting, Page, Task, TaskCapture, TextStyle, Transcript } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useMe } from '../../auth/me.tsx';
import { duration, when } from '../../format/time.ts';
import { navigate, useLocation, withQuery } from '../../router/router.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { LoadingLine } from '../../ui/Spinner.tsx';
import { taskFor } from './ActionItems.tsx';
import { AskPanel } from './AskPanel.tsx';
import { SummaryActions } from './SummaryActions.tsx';
import { SummaryDelivery } from './SummaryEmail.tsx';
import { summaryAsText } from './summary-text.ts';
import { SummaryView } from './SummaryView.tsx';
import { TranscriptPanel, type SegmentTarget } from './TranscriptPanel.tsx';
import { useSummary, type SummaryState } from './use-summary.ts';

function initialTarget(query: URLSearchParams): SegmentTarget | null {
  const segment = Number(query.get('segment'));
  return query.has('segment') && Number.isInteger(segment) && segment >= 0 ? { segment, nonce: 0 } : null;
}

function SummaryPlaceholder({ state }: { state: SummaryState }) {
  switch (state.status) {
    case 'loading':
      return <Skeleton lines={8} label="Loading the summary" />;
    case 'pending':
      return <LoadingLine>Summarising the transcript… this takes a few seconds.</LoadingLine>;
    case 'failed':
      return <Notice tone="warning" title="The automatic summary did not complete">Summarise it now to see why, or try again later.</Notice>;
    case 'none':
      return <EmptyState title="No summary yet">Summarise the meeting to see its key points, decisions and action items.</EmptyState>;
    case 'error':
      return <ProblemNotice error={state.error} action="load the summary" />;
    case 'ready':
      return null;
  }
}

/**
 * One meeting: its summary with citations into the transcript, questions
 * about it, and its action items as tasks.
 */
export function MeetingPage({ id }: { id: string }) {
  const { query } = useLocation();
  const me = useMe();
  const meeting = useResource<Meeting>(`/v1/meetings/${id}`);
  const transcript = useResource<Transcript>(`/v1/meetings/${id}/transcript`);
  const { state, regenerate } = useSummary(id);
  const tasks = useResource<Page<Task>>(state.status === 'ready' ? withQuery('/v1/tasks', { meetingId: id, limit: 200 }) : null);
  const [target, setTarget] = useState<SegmentTarget | null>(() => initialTarget(query));
  const [problem, setProblem] = useState<{ error: ApiError; action: string } | null>(null);
  const [capturing, setCapturing] = useState(false);

  const cite = useCallback(
    (segment: number) => {
      setTarget((t) => ({ segment, nonce: (t?.nonce ?? 0) + 1 }));
      navigate(`/meetings/${id}?segment=${segment}`, { replace: true });
    },
    [id],
  );

  if (meeting.error) {
    return meeting.error.status === 404 ? (
      <div className="page">
        <PageHeader title="Meeting not found" />
        <EmptyState title="This meeting does not exist, or it was not shared with you." actions={<ButtonLink to="/meetings">All meetings</ButtonLink>} />
      </div>
    ) : (
      <ProblemNotice error={meeting.error} action="load the meeting" />
    );
  }

  const summary = state.status === 'ready' ? state.summary : null;
  const taskList = tasks.data?.items ?? [];
  const onRegenerate = async (style: TextStyle) => {
    setProblem(null);
    const error = await regenerate(style);
    if (error) setProblem({ error, action: 'summarise the meeting' });
  };
  const putTask = (changed: Task) => tasks.setData((page) => page && { ...page, items: page.items.map((t) => (t.id === changed.id ? changed : t)) });
  // The box shows the new status at once; a refused change puts it back.
  const toggleTask = async (task: Task) => {
    setProblem(null);
    putTask({ ...task, status: task.status === 'done' ? 'open' : 'done' });
    try {
      putTask(await api<Task>(`/v1/tasks/${task.id}`, { method: 'PATCH', body: { status: task.status === 'done' ? 'open' : 'done' } }));
    } catch (error) {
      putTask(task);
      setProblem({ error: error as ApiError, action: 'change the task' });
    }
  };
  const captureTasks = async () => {
    setProblem(null);
    setCapturing(true);
    try {
      const result = await api<TaskCapture>(`/v1/meetings/${id}/tasks`, { method: 'POST', body: { summaryId: summary?.id } });
      tasks.setData((page) => {
        const known = new Set(page?.items.map((t) => t.id));
        const items = [...(page?.items ?? []), ...result.tasks.filter((t) => !known.has(t.id))];
        return { items, total: items.length, limit: 200, offset: 0 };
      });
    } catch (error) {
      setProblem({ error: error as ApiError, action: 'create the tasks' });
    }
    setCapturing(false);
  };

  const m = meeting.data;
  const facts = m ? [m.startedAt ? when(m.startedAt) : null, m.durationSeconds !== null ? duration(m.durationSeconds) : null, m.participants.join(', ')].filter(Boolean) : [];
  // Action items a regenerated summary added, or all of them when capture was off, can still become tasks.
  const untracked = summary && tasks.data ? summary.summary.actionItems.filter((item) => !taskFor(item, taskList)).length : 0;
  const taskActions =
    summary && tasks.data && summary.summary.actionItems.length > 0 ? (
      <div className="task-actions">
        {untracked > 0 && (
          <>
            <p className="small muted">{untracked === summary.summary.actionItems.length ? 'These action items are not tasks yet.' : `${untracked} of these action items are not tasks yet.`}</p>
            <Button small onClick={captureTasks} busy={capturing}>
              Create tasks
            </Button>
          </>
        )}
        {taskList.length > 0 && (
          <ButtonLink small variant="ghost" to={withQuery('/tasks', { meeting: id, status: 'all' })}>
            Open these tasks
          </ButtonLink>
        )}
      </div>
    ) : null;

  return (
    <div className="page meeting-page">
      {m ? (
        <PageHeader
          title={m.title}
          description={facts.join(' · ')}
          actions={
            state.status !== 'loading' &&
            state.status !== 'pending' && (
              <SummaryActions
                canCopy={summary !== null}
                copyText={() => summaryAsText(m.title, summary!.summary)}
                regenerateLabel={summary ? 'Regenerate' : 'Summarise now'}
                onRegenerate={onRegenerate}
              />
            )
          }
        />
      ) : (
        <Skeleton lines={2} label="Loading the meeting" />
      )}
      <div className="meeting-layout">
        <div className="meeting-main">
          {problem && <ProblemNotice error={problem.error} action={problem.action} />}
          <section className="card card-pad" aria-label="Summary">
            <SummaryPlaceholder state={state} />
            {summary && (
              <>
                <SummaryView summary={summary.summary} tasks={taskList} taskActions={taskActions} onCite={cite} onToggleTask={toggleTask} />
                <p className="small muted summary-provenance">
                  {summary.provider === 'builtin' ? 'Extracted by the built-in engine: every statement is quoted from the transcript.' : `Written by ${summary.provider}${summary.model ? ` (${summary.model})` : ''}.`}{' '}
                  {when(summary.createdAt)}.
                </p>
              </>
            )}
          </section>
          <AskPanel meetingId={id} onCite={cite} />
          {summary && m && m.ownerId === me.user.id && <SummaryDelivery summaryId={summary.id} />}
        </div>
        <div className="meeting-side">
          {transcript.error && <ProblemNotice error={transcript.error} action="load the transcript" />}
          {/* Shown once the summary has settled, so its arrival does not push a highlighted segment out of view. */}
          {(!transcript.data || state.status === 'loading') && !transcript.error && <Skeleton lines={10} label="Loading the transcript" />}
          {transcript.data?.deleted && (
            <Notice title="Transcript deleted">
              Zero data retention deleted this transcript on {when(transcript.data.deleted.at)}, as soon as its summary was stored. The summary keeps who said what and when.
            </Notice>
          )}
          {transcript.data && !transcript.data.deleted && state.status !== 'loading' && (
            <TranscriptPanel meetingId={id} segments={transcript.data.segments} chapters={summary?.summary.chapters ?? []} target={target} onSelect={cite} />
          )}
        </div>
      </div>
    </div>
  );
}
