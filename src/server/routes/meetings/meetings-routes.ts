import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../../core/errors.ts';
import type { Answer, MeetingSummary } from '../../../core/outputs.ts';
import { runFeature } from '../../../features/run-feature.ts';
import { MAX_TRANSCRIPT_BYTES } from '../../../ingest/index.ts';
import { ingestMeeting } from '../../../usecases/ingest-meeting.ts';
import { getLatestSummary, getMeeting, getTranscript, listMeetings } from '../../../usecases/meetings.ts';
import { captureTasks } from '../../../usecases/tasks.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { parseOrThrow, validationHook } from '../../validation.ts';
import { captureBody, captureResultSchema } from '../tasks/schema.ts';
import {
  answerResponse,
  errorSchema,
  ingestResultSchema,
  jsonUpload,
  listQuery,
  meetingIdParam,
  meetingPageSchema,
  meetingSchema,
  multipartUpload,
  pendingSchema,
  questionBody,
  regenerateBody,
  summarySchema,
  transcriptSchema,
} from './schema.ts';

const errors = {
  400: { description: 'Invalid input, with field-level errors', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Missing or invalid bearer token', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'Not found, or not visible to the caller', content: { 'application/json': { schema: errorSchema } } },
};

const security = [{ bearer: [] }];
const tags = ['Meetings'];

// Multipart framing adds a little to the transcript itself.
const UPLOAD_LIMIT = MAX_TRANSCRIPT_BYTES + 1024 * 1024;

const uploadRoute = createRoute({
  method: 'post',
  path: '/v1/meetings',
  tags,
  security,
  summary: 'Upload a transcript',
  description: 'A transcript file as multipart form data, or JSON with the file content or segments. The meeting is indexed and summarised in the background.',
  request: {
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: multipartUpload }, 'application/json': { schema: jsonUpload } },
    },
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: ingestResultSchema } } },
    200: { description: 'The same file was already uploaded by this user', content: { 'application/json': { schema: ingestResultSchema } } },
    ...errors,
    413: { description: 'Transcript over 50 MB or over 20,000 segments', content: { 'application/json': { schema: errorSchema } } },
    415: { description: 'Neither multipart/form-data nor application/json', content: { 'application/json': { schema: errorSchema } } },
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/v1/meetings',
  tags,
  security,
  summary: 'List meetings the caller may read, newest first',
  request: { query: listQuery },
  responses: { 200: { description: 'A page of meetings', content: { 'application/json': { schema: meetingPageSchema } } }, ...errors },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/meetings/{id}',
  tags,
  security,
  summary: 'One meeting',
  request: { params: meetingIdParam },
  responses: { 200: { description: 'The meeting', content: { 'application/json': { schema: meetingSchema } } }, ...errors },
});

const transcriptRoute = createRoute({
  method: 'get',
  path: '/v1/meetings/{id}/transcript',
  tags,
  security,
  summary: 'The transcript segments of a meeting',
  request: { params: meetingIdParam },
  responses: { 200: { description: 'Segments in order', content: { 'application/json': { schema: transcriptSchema } } }, ...errors },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/v1/meetings/{id}/summary',
  tags,
  security,
  summary: 'The latest summary of a meeting',
  request: { params: meetingIdParam },
  responses: {
    200: { description: 'The summary with citations', content: { 'application/json': { schema: summarySchema } } },
    202: { description: 'The summary is still being produced, or its job failed', content: { 'application/json': { schema: pendingSchema } } },
    ...errors,
  },
});

const regenerateRoute = createRoute({
  method: 'post',
  path: '/v1/meetings/{id}/summary',
  tags,
  security,
  summary: 'Produce a new summary now',
  request: { params: meetingIdParam, body: { required: false, content: { 'application/json': { schema: regenerateBody } } } },
  responses: {
    201: { description: 'The new summary', content: { 'application/json': { schema: summarySchema } } },
    ...errors,
    403: { description: 'Feature disabled by policy or not licensed', content: { 'application/json': { schema: errorSchema } } },
  },
});

const questionRoute = createRoute({
  method: 'post',
  path: '/v1/meetings/{id}/questions',
  tags,
  security,
  summary: 'Ask a question about a meeting',
  description: 'Answers from the transcript with citations; `covered: false` when the meeting did not discuss it.',
  request: { params: meetingIdParam, body: { required: true, content: { 'application/json': { schema: questionBody } } } },
  responses: {
    200: { description: 'The answer', content: { 'application/json': { schema: answerResponse } } },
    ...errors,
    403: { description: 'Feature disabled by policy or not licensed', content: { 'application/json': { schema: errorSchema } } },
  },
});

const captureRoute = createRoute({
  method: 'post',
  path: '/v1/meetings/{id}/tasks',
  tags: ['Tasks'],
  security,
  summary: "Turn the action items of the meeting's summary into tasks",
  description: 'Runs tasks.capture. Action items already captured are returned, not duplicated. Also runs after the automatic summary.',
  request: { params: meetingIdParam, body: { required: false, content: { 'application/json': { schema: captureBody } } } },
  responses: {
    201: { description: 'The tasks of the summary', content: { 'application/json': { schema: captureResultSchema } } },
    ...errors,
    403: { description: 'Feature disabled by policy or not licensed', content: { 'application/json': { schema: errorSchema } } },
    409: { description: 'The meeting has no summary yet', content: { 'application/json': { schema: errorSchema } } },
  },
});

function summaryJson(meetingId: string, output: { id: string; provider: string; model: string | null; createdAt: string; payload: MeetingSummary }) {
  return { id: output.id, meetingId, provider: output.provider, model: output.model, createdAt: output.createdAt, summary: output.payload };
}

export function meetingsRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/meetings', requireAuth);
  app.use('/v1/meetings/*', requireAuth);
  app.post(
    '/v1/meetings',
    bodyLimit({
      maxSize: UPLOAD_LIMIT,
      onError: () => {
        throw new AppError('payload_too_large', `upload is larger than the ${MAX_TRANSCRIPT_BYTES / 1024 / 1024} MB transcript limit`);
      },
    }),
  );
  app.use('/v1/meetings', async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (c.req.method === 'POST' && !/^(multipart\/form-data|application\/json)/i.test(type)) {
      throw new AppError('unsupported_media_type', `send multipart/form-data with a "file" field, or application/json; got "${type || 'no content type'}"`);
    }
    await next();
  });

  // One path, two content types: documented here, validated by hand below,
  // because the route validators would each reject the other's body.
  app.openAPIRegistry.registerPath(uploadRoute);
  app.post('/v1/meetings', async (c) => {
    const ctx = c.var.ctx;
    const type = c.req.header('content-type') ?? '';
    let request;
    if (type.startsWith('multipart/form-data')) {
      // all: a repeated field arrives as a list, so a second file is refused rather than silently dropped.
      const raw = await c.req.parseBody({ all: true }).catch((error: unknown) => {
        throw new AppError('invalid_input', `the multipart/form-data body cannot be read (${(error as Error).message}); send a "file" field with the transcript`);
      });
      const form = parseOrThrow(multipartUpload, raw);
      request = { filename: form.file.name || 'upload', content: Buffer.from(await form.file.arrayBuffer()), title: form.title, date: form.date };
    } else {
      const body = parseOrThrow(jsonUpload, await c.req.json().catch(() => {
        throw new AppError('invalid_input', 'the request body is not valid JSON');
      }));
      const content = body.segments !== undefined ? JSON.stringify({ segments: body.segments }, null, 1) : body.content!;
      request = {
        filename: body.filename ?? (body.segments ? 'segments.json' : 'transcript'),
        content,
        format: body.segments ? ('json' as const) : body.format,
        title: body.title ?? (body.filename ? undefined : 'Untitled meeting'),
        date: body.date,
      };
    }
    const result = await ingestMeeting(ctx, request);
    c.var.services.events.emit('jobs');
    return c.json({ meeting: await getMeeting(ctx, result.artifact.id), created: result.created }, result.created ? 201 : 200);
  });

  app.openapi(listRoute, async (c) => c.json(await listMeetings(c.var.ctx, c.req.valid('query')), 200));

  app.openapi(getRoute, async (c) => c.json(await getMeeting(c.var.ctx, c.req.valid('param').id), 200));

  app.openapi(transcriptRoute, async (c) => c.json(await getTranscript(c.var.ctx, c.req.valid('param').id), 200));

  app.openapi(summaryRoute, async (c) => {
    const { id } = c.req.valid('param');
    const result = await getLatestSummary(c.var.ctx, id);
    if (!result.output) return c.json({ status: result.status as 'pending' | 'failed', meetingId: id }, 202);
    return c.json(summaryJson(id, result.output), 200);
  });

  app.openapi(regenerateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = (c.req.header('content-type') ?? '').includes('json') ? c.req.valid('json') : {};
    const output = await runFeature<MeetingSummary>(c.var.ctx, 'meeting.summary', { artifactId: id, maxWords: body.maxWords, style: body.style }, { provider: body.provider });
    return c.json(summaryJson(id, output), 201);
  });

  app.openapi(questionRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { question, maxWords, style } = c.req.valid('json');
    const output = await runFeature<Answer>(c.var.ctx, 'meeting.query', { artifactId: id, question, maxWords, style });
    return c.json({ ...output.payload, id: output.id, meetingId: id, provider: output.provider, model: output.model, createdAt: output.createdAt }, 200);
  });

  app.openapi(captureRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = (c.req.header('content-type') ?? '').includes('json') ? c.req.valid('json') : {};
    return c.json(await captureTasks(c.var.ctx, id, { summaryId: body.summaryId }), 201);
  });

  return app;
}
