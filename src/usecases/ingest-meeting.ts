import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { withStore, type Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { AccessEntry, Artifact } from '../core/types.ts';
import { audit } from '../governance/audit.ts';
import { identify } from '../governance/identity.ts';
import { parseTranscript, type TranscriptFormat } from '../ingest/index.ts';

export const JOB_INDEX_MEETING = 'meeting.index';
export const JOB_SUMMARIZE_MEETING = 'meeting.summarize';

export interface IngestMeetingRequest {
  filename: string;
  content: Buffer | string;
  format?: TranscriptFormat;
  title?: string;
  /** ISO-8601 start of the meeting; overrides the file's own date. */
  date?: string;
  access?: AccessEntry[];
  /** Queue the automatic summary (default true). */
  summarize?: boolean;
}

export interface IngestMeetingResult {
  artifact: Artifact;
  /** False when the same user had already uploaded the same file. */
  created: boolean;
  jobIds: string[];
}

/** "q3-planning_meeting.vtt" → "Q3 planning meeting". */
function titleFromFilename(filename: string): string {
  const stem = basename(filename, extname(filename)).replace(/[-_]+/g, ' ').trim();
  return stem ? stem[0].toUpperCase() + stem.slice(1) : 'Untitled meeting';
}

/**
 * Parses a transcript and stores it as a meeting with its segments and
 * original file, then queues indexing and the summary. Parsing happens before
 * anything is written, and the writes share one transaction, so a bad file
 * leaves nothing behind.
 */
export async function ingestMeeting(ctx: Ctx, req: IngestMeetingRequest): Promise<IngestMeetingResult> {
  const user = await identify(ctx);
  const parsed = parseTranscript({ filename: req.filename, content: req.content, format: req.format });
  const bytes = typeof req.content === 'string' ? Buffer.from(req.content, 'utf8') : req.content;
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  const existing = await ctx.store.artifacts.findBySha(ctx.account.id, user.id, sha256);
  if (existing) return { artifact: existing, created: false, jobIds: [] };

  const startedAt = req.date ?? parsed.metadata.date ?? null;
  if (startedAt !== null && Number.isNaN(Date.parse(startedAt))) {
    throw new AppError('invalid_input', `date "${startedAt}" is not an ISO-8601 date`, { fields: [{ path: 'date', message: 'not an ISO-8601 date' }] });
  }
  const now = ctx.clock.now().toISOString();
  const startIso = startedAt ? new Date(startedAt).toISOString() : null;
  const artifact: Artifact = {
    id: newId('mtg'),
    accountId: ctx.account.id,
    type: 'meeting',
    title: req.title?.trim() || parsed.metadata.title || titleFromFilename(req.filename),
    ownerId: user.id,
    participants: parsed.participants.map((name) => ({ name })),
    access: req.access ?? [],
    startedAt: startIso,
    endedAt: startIso ? new Date(Date.parse(startIso) + parsed.durationSeconds * 1000).toISOString() : null,
    source: { filename: basename(req.filename), format: parsed.format, sha256, bytes: bytes.length },
    metadata: { timesEstimated: parsed.timesEstimated, durationSeconds: parsed.durationSeconds },
    createdAt: now,
    updatedAt: now,
  };

  const jobIds = await ctx.store.transaction(async (tx) => {
    const txCtx = withStore(ctx, tx);
    await tx.artifacts.create(artifact);
    await tx.segments.insertMany(artifact.id, parsed.segments);
    await tx.files.put({ artifactId: artifact.id, filename: artifact.source!.filename, contentType: contentTypeOf(parsed.format), sha256, bytes });
    await audit(txCtx, {
      action: 'meeting.ingest',
      targetType: 'meeting',
      targetId: artifact.id,
      details: { format: parsed.format, segments: parsed.segments.length, bytes: bytes.length },
    });
    const payload = { artifactId: artifact.id, userId: user.id };
    const ids = [(await txCtx.queue.enqueue(JOB_INDEX_MEETING, payload, { accountId: ctx.account.id, idempotencyKey: `index:${artifact.id}` })).id];
    if (req.summarize !== false) {
      ids.push((await txCtx.queue.enqueue(JOB_SUMMARIZE_MEETING, payload, { accountId: ctx.account.id, idempotencyKey: `summary:${artifact.id}` })).id);
    }
    return ids;
  });
  return { artifact, created: true, jobIds };
}

function contentTypeOf(format: TranscriptFormat): string {
  switch (format) {
    case 'webvtt':
      return 'text/vtt';
    case 'srt':
      return 'application/x-subrip';
    case 'json':
      return 'application/json';
    default:
      return 'text/plain';
  }
}
