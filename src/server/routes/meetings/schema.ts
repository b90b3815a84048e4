import { z } from '@hono/zod-openapi';
import { answerSchema, meetingSummarySchema } from '../../../features/schemas.ts';
import { MEETINGS_PAGE_MAX } from '../../../usecases/meetings.ts';
import { lineText } from '../text-fields.ts';
import { TEXT_STYLES } from '../../../core/outputs.ts';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_found' }),
      message: z.string().openapi({ example: 'meeting mtg_123 was not found' }),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

export const meetingIdParam = z.object({
  id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'mtg_01jd3v4k2m8q6w7e5r9t0y1u2i' }),
});

export const meetingSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    ownerId: z.string(),
    participants: z.array(z.string()),
    startedAt: z.string().nullable().openapi({ description: 'ISO-8601 start, from the file or the upload' }),
    endedAt: z.string().nullable(),
    durationSeconds: z.number().nullable(),
    source: z.object({ filename: z.string(), format: z.string(), bytes: z.number() }).nullable(),
    segments: z.number().int().openapi({ description: 'number of transcript segments' }),
    summaryStatus: z.enum(['ready', 'pending', 'failed', 'none']),
    actionItems: z.number().int().nullable().openapi({ description: 'action items in the latest summary; null without one' }),
    createdAt: z.string(),
  })
  .openapi('Meeting');

export const meetingPageSchema = z
  .object({ items: z.array(meetingSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .openapi('MeetingPage');

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MEETINGS_PAGE_MAX).default(20).openapi({ description: `page size, 1–${MEETINGS_PAGE_MAX}` }),
  offset: z.coerce.number().int().min(0).default(0),
  q: lineText().max(200).optional().openapi({ description: 'full-text search over titles and transcripts; at least one word' }),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'meetings starting at or after this instant' }),
  to: z.iso.datetime({ offset: true }).optional(),
  participant: lineText().max(200).optional(),
  hasActionItems: z
    .stringbool()
    .optional()
    .openapi({ type: 'boolean', description: 'true: only meetings whose latest summary lists action items; false: only those without' }),
});

const segmentInput = z.object({
  speaker: lineText(),
  start: z.number().optional(),
  end: z.number().optional(),
  text: z.string(),
}).strict();

export const jsonUpload = z
  .object({
    filename: lineText().max(255).optional().openapi({ description: 'name used in error messages and stored with the original' }),
    title: lineText().max(300).optional(),
    date: z.iso.datetime({ offset: true }).optional().openapi({ description: 'meeting start; relative due dates resolve against it' }),
    format: z.enum(['webvtt', 'srt', 'text', 'json']).optional(),
    content: z.string().optional().openapi({ description: 'a transcript file as text (WebVTT, SRT, plain text or JSON)' }),
    segments: z.array(segmentInput).optional().openapi({ description: 'transcript segments, instead of content' }),
  })
  .strict()
  .refine((b) => (b.content === undefined) !== (b.segments === undefined), { message: 'send exactly one of content or segments', path: ['content'] })
  .openapi('MeetingUploadJson');

export const multipartUpload = z
  .object({
    file: z
      .custom<File>((v) => v instanceof File, { error: (issue) => (Array.isArray(issue.input) ? 'send one transcript file per upload' : 'file must be an uploaded file') })
      .openapi({ type: 'string', format: 'binary' }),
    title: lineText().max(300).optional(),
    date: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('MeetingUploadForm');

export const ingestResultSchema = z
  .object({ meeting: meetingSchema, created: z.boolean().openapi({ description: 'false when this file was already uploaded by the same user' }) })
  .openapi('IngestResult');

export const summarySchema = z
  .object({
    id: z.string().openapi({ description: 'output id' }),
    meetingId: z.string(),
    provider: z.string(),
    model: z.string().nullable(),
    createdAt: z.string(),
    summary: meetingSummarySchema.meta({ id: 'MeetingSummary' }),
  })
  .openapi('Summary');

export const pendingSchema = z.object({ status: z.enum(['pending', 'failed']), meetingId: z.string() }).openapi('SummaryPending');

const styleField = z.enum(TEXT_STYLES).optional().openapi({
  description: 'How the built-in engine writes: `quotes` (default, as said) or `minutes` (reported speech: third person, past tense, speakers named)',
});

export const regenerateBody = z.object({
  maxWords: z.number().int().min(5).max(5000).optional(),
  style: styleField,
  provider: z.string().optional().openapi({ description: '`builtin` or a registered provider name' }),
}).strict();

export const questionBody = z.object({
  question: z.string().trim().min(1).max(2000).openapi({ example: 'Who were the five vendors mentioned?' }),
  maxWords: z.number().int().min(5).max(1000).optional(),
  style: styleField,
}).strict();

export const answerResponse = answerSchema
  .and(z.object({ id: z.string(), meetingId: z.string(), provider: z.string(), model: z.string().nullable(), createdAt: z.string() }))
  .openapi('Answer');

export const transcriptSchema = z
  .object({
    meetingId: z.string(),
    segments: z.array(
      z.object({ index: z.number().int(), speaker: z.string(), start: z.number(), end: z.number(), text: z.string(), kind: z.string().optional() }),
    ),
    deleted: z
      .object({ reason: z.literal('zero_data_retention'), at: z.string() })
      .optional()
      .openapi({ description: 'present when the transcript was deleted after its summary was stored, under zero data retention' }),
  })
  .openapi('Transcript');
