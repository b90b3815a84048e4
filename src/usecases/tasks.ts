import { createHash } from 'node:crypto';
import { withStore, type Ctx } from '../core/context.ts';
import { AppError, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { TaskCapture } from '../core/outputs.ts';
import type { Page, TaskPatch } from '../core/store.ts';
import type { Task, TaskStatus, User } from '../core/types.ts';
import { mayRead, principalsOf } from '../governance/access.ts';
import { audit } from '../governance/audit.ts';
import { identify } from '../governance/identity.ts';
import { runFeature } from '../features/run-feature.ts';

export interface TaskView {
  id: string;
  title: string;
  status: TaskStatus;
  due: string | null;
  assignee: { userId: string | null; name: string } | null;
  /** Where the action item was said; null when the caller may not read that meeting, or it is gone. */
  source: { meetingId: string; meetingTitle: string; segment: number | null; start: number | null; speaker: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface TaskListFilter {
  status?: TaskStatus;
  /** `me` or a user id. */
  assignee?: string;
  meetingId?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface TaskUpdate {
  title?: string;
  status?: TaskStatus;
  due?: string | null;
  /** A user of the account, a name (someone without an account), or nobody. */
  assignee?: { userId: string } | { name: string } | null;
}

/** Identifies an action item within its meeting: the segment it cites and its words. */
function sourceKey(meetingId: string, segment: number | null, text: string): string {
  const words = createHash('sha256').update(text.trim().replace(/\s+/g, ' ').toLowerCase()).digest('hex').slice(0, 16);
  return `${meetingId}:${segment ?? '-'}:${words}`;
}

/** Views of tasks for one user: meeting titles only where they may read the meeting. */
async function views(ctx: Ctx, user: User, tasks: Task[]): Promise<TaskView[]> {
  const principals = await principalsOf(ctx, user);
  const meetings = new Map<string, { title: string } | null>();
  for (const id of new Set(tasks.map((t) => t.meetingId))) {
    const artifact = await ctx.store.artifacts.get(ctx.account.id, id);
    meetings.set(id, artifact && mayRead(artifact, principals) ? { title: artifact.title } : null);
  }
  const names = new Map<string, string>();
  for (const id of new Set(tasks.flatMap((t) => (t.assigneeUserId ? [t.assigneeUserId] : [])))) {
    const assignee = await ctx.store.users.get(ctx.account.id, id);
    if (assignee) names.set(id, assignee.name);
  }
  return tasks.map((t) => {
    const meeting = meetings.get(t.meetingId);
    const name = (t.assigneeUserId && names.get(t.assigneeUserId)) || t.assigneeName;
    return {
      id: t.id,
      title: t.title,
      status: t.status,
      due: t.due,
      assignee: name ? { userId: t.assigneeUserId, name } : null,
      source: meeting ? { meetingId: t.meetingId, meetingTitle: meeting.title, segment: t.segment, start: t.start, speaker: t.speaker } : null,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    };
  });
}

/**
 * Turns the action items of a meeting's summary into tasks through the
 * `tasks.capture` feature. Capturing again adds only action items not yet
 * captured, so regenerating a summary never duplicates a task.
 *
 * @example
 * const { tasks, created } = await captureTasks(ctx, 'mtg_…');
 */
export async function captureTasks(
  ctx: Ctx,
  meetingId: string,
  opts: { summaryId?: string; idempotencyKey?: string } = {},
): Promise<{ tasks: TaskView[]; created: number }> {
  const output = await runFeature<TaskCapture>(ctx, 'tasks.capture', { artifactId: meetingId, summaryId: opts.summaryId }, { idempotencyKey: opts.idempotencyKey });
  const user = await identify(ctx);
  const now = ctx.clock.now().toISOString();
  const drafts: Task[] = output.payload.tasks.map((item) => {
    const [cited] = item.citations;
    return {
      id: newId('tsk'),
      accountId: ctx.account.id,
      meetingId,
      segment: cited?.segment ?? null,
      start: cited?.start ?? null,
      speaker: cited?.speaker ?? null,
      title: item.text,
      assigneeUserId: item.assigneeUserId,
      assigneeName: item.owner,
      due: item.due,
      status: 'open',
      sourceOutputId: output.id,
      sourceKey: sourceKey(meetingId, cited?.segment ?? null, item.text),
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
    };
  });
  const { stored, created } = await ctx.store.transaction(async (tx) => {
    const txCtx = withStore(ctx, tx);
    let created = 0;
    for (const task of drafts) {
      if (!(await tx.tasks.create(task))) continue;
      created++;
      await audit(txCtx, {
        action: 'task.create',
        targetType: 'task',
        targetId: task.id,
        details: { meetingId, segment: task.segment, outputId: output.id, assigneeUserId: task.assigneeUserId },
      });
    }
    return { stored: await tx.tasks.findBySourceKeys(ctx.account.id, drafts.map((d) => d.sourceKey)), created };
  });
  return { tasks: await views(ctx, user, stored), created };
}

/**
 * The automatic capture after the automatic summary. A feature switched off
 * or not licensed for the uploader is a decision, not a failure: the summary
 * job still succeeds and the meeting simply has no tasks.
 */
export async function captureTasksAfterSummary(ctx: Ctx, meetingId: string, summaryId: string): Promise<void> {
  try {
    await captureTasks(ctx, meetingId, { summaryId, idempotencyKey: `auto-tasks:${meetingId}` });
  } catch (error) {
    if (AppError.isInstance(error) && (error.code === 'feature_disabled' || error.code === 'not_entitled')) {
      ctx.logger.info('tasks not captured', { meetingId, reason: error.message });
      return;
    }
    throw error;
  }
}

/** Tasks assigned to the caller or from meetings they may read. */
export async function listTasks(ctx: Ctx, filter: TaskListFilter = {}): Promise<Page<TaskView>> {
  const user = await identify(ctx);
  const { assignee, ...rest } = filter;
  const page = await ctx.store.tasks.list(ctx.account.id, {
    ...rest,
    assigneeUserId: assignee === 'me' ? user.id : assignee,
    visibleTo: await principalsOf(ctx, user),
  });
  return { ...page, items: await views(ctx, user, page.items) };
}

/** A task the user may see: theirs, or from a meeting they may read. Anything else is "not found". */
async function visibleTask(ctx: Ctx, user: User, id: string): Promise<Task> {
  const task = await ctx.store.tasks.get(ctx.account.id, id);
  if (task && task.assigneeUserId === user.id) return task;
  const meeting = task ? await ctx.store.artifacts.get(ctx.account.id, task.meetingId) : null;
  if (!task || !meeting || !mayRead(meeting, await principalsOf(ctx, user))) throw notFound('task', id);
  return task;
}

export async function getTask(ctx: Ctx, id: string): Promise<TaskView> {
  const user = await identify(ctx);
  const [view] = await views(ctx, user, [await visibleTask(ctx, user, id)]);
  return view;
}

async function assigneePatch(ctx: Ctx, assignee: TaskUpdate['assignee']): Promise<TaskPatch> {
  if (assignee === undefined) return {};
  if (assignee === null) return { assigneeUserId: null, assigneeName: null };
  if ('name' in assignee) return { assigneeUserId: null, assigneeName: assignee.name.trim() };
  const target = await ctx.store.users.get(ctx.account.id, assignee.userId);
  if (!target || target.status !== 'active') {
    throw invalidInput('cannot assign the task', [{ path: 'assignee.userId', message: `${assignee.userId} is not an active user of this account` }]);
  }
  return { assigneeUserId: target.id, assigneeName: target.name };
}

/**
 * Changes a task the caller may see: status, title, due date or assignee.
 * The audit event names the fields changed, never their content.
 */
export async function updateTask(ctx: Ctx, id: string, update: TaskUpdate): Promise<TaskView> {
  const user = await identify(ctx);
  const task = await visibleTask(ctx, user, id);
  const patch: TaskPatch = {
    ...(update.title !== undefined ? { title: update.title.trim() } : {}),
    ...(update.status !== undefined ? { status: update.status } : {}),
    ...(update.due !== undefined ? { due: update.due } : {}),
    ...(await assigneePatch(ctx, update.assignee)),
  };
  if (patch.title === '') throw invalidInput('cannot change the task', [{ path: 'title', message: 'a title is required' }]);
  const fields = Object.keys(update).filter((k) => update[k as keyof TaskUpdate] !== undefined);
  if (fields.length > 0) {
    await ctx.store.transaction(async (tx) => {
      await tx.tasks.update(ctx.account.id, task.id, { ...patch, updatedAt: ctx.clock.now().toISOString() });
      await audit(withStore(ctx, tx), {
        action: 'task.update',
        targetType: 'task',
        targetId: task.id,
        details: { fields, ...(patch.status ? { status: patch.status } : {}), ...(patch.assigneeUserId !== undefined ? { assigneeUserId: patch.assigneeUserId } : {}) },
      });
    });
  }
  // Read back without the visibility check: reassigning may take the task out of the caller's sight.
  const [view] = await views(ctx, user, [(await ctx.store.tasks.get(ctx.account.id, task.id))!]);
  return view;
}
