import { z } from 'zod';
import type { Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { featureSpec } from '../core/features.ts';
import type { MeetingSummary, TaskCapture } from '../core/outputs.ts';
import type { Artifact } from '../core/types.ts';
import type { FeatureDefinition } from './feature.ts';
import { taskCaptureSchema } from './schemas.ts';

export const tasksCaptureInput = z.object({
  artifactId: z.string().min(1),
  /** The summary to take the action items from; the meeting's latest when absent. */
  summaryId: z.string().min(1).optional(),
});

export type TasksCaptureInput = z.infer<typeof tasksCaptureInput>;

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The user an owner named in a meeting is: a participant linked to a user,
 * else the one active user of the account with exactly that name. Two users
 * of the same name resolve to nobody rather than to the wrong person.
 */
async function resolveOwner(ctx: Ctx, artifact: Artifact, owner: string): Promise<string | null> {
  const wanted = normalName(owner);
  const participant = artifact.participants.find((p) => p.userId && normalName(p.name) === wanted);
  if (participant?.userId) return participant.userId;
  const candidates = await ctx.store.users.list(ctx.account.id, { q: owner.trim(), limit: 20 });
  const matches = candidates.items.filter((u) => u.status === 'active' && normalName(u.name) === wanted);
  return matches.length === 1 ? matches[0].id : null;
}

/**
 * Action items of a meeting summary become task drafts, each with the owner
 * resolved to a user where possible and the citations of its action item.
 * The summary must be one of the meeting the pipeline gave access to.
 */
export const tasksCaptureFeature: FeatureDefinition<TasksCaptureInput, TaskCapture> = {
  spec: featureSpec('tasks.capture')!,
  input: tasksCaptureInput,
  output: taskCaptureSchema,
  artifactIds: (input) => [input.artifactId],
  citations: (capture) => capture.tasks.flatMap((t) => t.citations),
  // Works from the stored summary, whose citations keep speaker and time after zero data retention.
  readsTranscript: false,
  async run({ ctx, input, context }) {
    const [{ artifact }] = context;
    const summary = input.summaryId
      ? await ctx.store.outputs.get(ctx.account.id, input.summaryId)
      : await ctx.store.outputs.latest(ctx.account.id, artifact.id, 'meeting.summary');
    if (!summary || summary.featureId !== 'meeting.summary' || summary.artifactId !== artifact.id) {
      throw new AppError(
        'conflict',
        input.summaryId
          ? `summary ${input.summaryId} is not a summary of meeting ${artifact.id}`
          : `meeting ${artifact.id} has no summary yet; summarise it first, then capture its tasks`,
        { details: { meetingId: artifact.id, summaryId: input.summaryId ?? null } },
      );
    }
    const owners = new Map<string, string | null>();
    const tasks = [];
    for (const item of (summary.payload as MeetingSummary).actionItems) {
      if (item.owner !== null && !owners.has(item.owner)) owners.set(item.owner, await resolveOwner(ctx, artifact, item.owner));
      tasks.push({
        text: item.text,
        owner: item.owner,
        assigneeUserId: item.owner === null ? null : owners.get(item.owner)!,
        due: item.due,
        citations: item.citations,
      });
    }
    return { output: { summaryId: summary.id, tasks } };
  },
};
