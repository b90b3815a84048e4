import type { Ctx } from '../core/context.ts';
import { invalidInput, notFound } from '../core/errors.ts';
import type { MeetingSummary } from '../core/outputs.ts';
import type { ArtifactFilter, Page } from '../core/store.ts';
import type { Artifact, Output, Segment } from '../core/types.ts';
import { principalsOf, readArtifact } from '../governance/access.ts';
import { identify } from '../governance/identity.ts';
import { searchTerms } from '../store/search-query.ts';

export type SummaryStatus = 'ready' | 'pending' | 'failed' | 'none';

export interface MeetingView {
  id: string;
  title: string;
  ownerId: string;
  participants: string[];
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  source: { filename: string; format: string; bytes: number } | null;
  segments: number;
  summaryStatus: SummaryStatus;
  /** Action items in the latest summary; null without one. */
  actionItems: number | null;
  createdAt: string;
}

export type MeetingFilter = Omit<ArtifactFilter, 'type' | 'visibleTo'>;

async function jobStatus(ctx: Ctx, artifactId: string): Promise<SummaryStatus> {
  const job = await ctx.store.jobs.getByKey(`summary:${artifactId}`);
  if (!job) return 'none';
  if (job.status === 'failed') return 'failed';
  return job.status === 'done' ? 'none' : 'pending';
}

async function view(ctx: Ctx, a: Artifact): Promise<MeetingView> {
  const duration = a.metadata.durationSeconds;
  const summary = await ctx.store.outputs.latest(ctx.account.id, a.id, 'meeting.summary');
  return {
    id: a.id,
    title: a.title,
    ownerId: a.ownerId,
    participants: a.participants.map((p) => p.name),
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    durationSeconds: typeof duration === 'number' ? duration : null,
    source: a.source ? { filename: a.source.filename, format: a.source.format, bytes: a.source.bytes } : null,
    segments: await ctx.store.segments.count(a.id),
    summaryStatus: summary ? 'ready' : await jobStatus(ctx, a.id),
    actionItems: summary ? (summary.payload as MeetingSummary).actionItems.length : null,
    createdAt: a.createdAt,
  };
}

/** Meetings the caller may read, newest first. */
/** The most meetings one page of `listMeetings` returns. */
export const MEETINGS_PAGE_MAX = 100;

export async function listMeetings(ctx: Ctx, filter: MeetingFilter = {}): Promise<Page<MeetingView>> {
  // An empty search box means no search; one with only punctuation is a search for nothing.
  if (filter.q !== undefined && filter.q.trim() === '') filter = { ...filter, q: undefined };
  if (filter.q !== undefined && searchTerms(filter.q).length === 0) {
    throw invalidInput('the search has no words to look for', [{ path: 'q', message: 'search with at least one word made of letters or digits' }]);
  }
  const user = await identify(ctx);
  const page = await ctx.store.artifacts.list(ctx.account.id, { ...filter, type: 'meeting', visibleTo: await principalsOf(ctx, user) });
  return { ...page, items: await Promise.all(page.items.map((a) => view(ctx, a))) };
}

export async function getMeeting(ctx: Ctx, id: string): Promise<MeetingView> {
  const user = await identify(ctx);
  return view(ctx, await readArtifact(ctx, user, id));
}

export async function getTranscript(
  ctx: Ctx,
  id: string,
): Promise<{ meetingId: string; segments: Segment[]; deleted?: { reason: 'zero_data_retention'; at: string } }> {
  const user = await identify(ctx);
  const artifact = await readArtifact(ctx, user, id);
  const segments = await ctx.store.segments.list(artifact.id);
  if (segments.length > 0) return { meetingId: artifact.id, segments };
  // An empty transcript says why, when zero data retention removed it.
  const request = await ctx.store.retention.getRequest(ctx.account.id, 'transcript', artifact.id);
  if (request?.status === 'done' && request.reason === 'zdr') {
    return { meetingId: artifact.id, segments, deleted: { reason: 'zero_data_retention', at: request.doneAt ?? request.purgeAfter } };
  }
  return { meetingId: artifact.id, segments };
}

/** The latest stored summary of a meeting the caller may read. */
export async function getLatestSummary(ctx: Ctx, id: string): Promise<{ output: Output & { payload: MeetingSummary }; status: SummaryStatus } | { output: null; status: SummaryStatus }> {
  const user = await identify(ctx);
  const artifact = await readArtifact(ctx, user, id);
  const output = await ctx.store.outputs.latest(ctx.account.id, artifact.id, 'meeting.summary');
  if (output) return { output: output as Output & { payload: MeetingSummary }, status: 'ready' };
  const status = await jobStatus(ctx, artifact.id);
  if (status === 'none') throw notFound('summary of meeting', id);
  return { output: null, status };
}
