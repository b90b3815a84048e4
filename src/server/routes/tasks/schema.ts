import { z } from '@hono/zod-openapi';
import { lineText } from '../text-fields.ts';

const isoDate = z
  .string()
  // abort: a value that is not YYYY-MM-DD gets one error, not also "not a calendar date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD', abort: true })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');

export const taskIdParam = z.object({
  id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'tsk_01jd3v4k2m8q6w7e5r9t0y1u2i' }),
});

export const taskSchema = z
  .object({
    id: z.string(),
    title: z.string().openapi({ description: 'the action item, as said in the meeting unless edited' }),
    status: z.enum(['open', 'done']),
    due: z.string().nullable().openapi({ description: 'due date, YYYY-MM-DD' }),
    assignee: z
      .object({ userId: z.string().nullable().openapi({ description: 'null when the assignee has no account' }), name: z.string() })
      .nullable(),
    source: z
      .object({
        meetingId: z.string(),
        meetingTitle: z.string(),
        segment: z.number().int().nullable().openapi({ description: 'the transcript segment it was said in' }),
        start: z.number().nullable().openapi({ description: 'seconds from the start of the meeting' }),
        speaker: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: 'the moment of the meeting it came from; null when the caller may not read that meeting or it was deleted' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Task');

export const taskPageSchema = z
  .object({ items: z.array(taskSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .openapi('TaskPage');

export const taskListQuery = z.object({
  status: z.enum(['open', 'done']).optional(),
  assignee: z.string().max(100).optional().openapi({ description: '`me` or a user id' }),
  meetingId: z.string().max(100).optional().openapi({ description: 'tasks from this meeting' }),
  dueFrom: isoDate.optional().openapi({ description: 'due on or after this date (YYYY-MM-DD)' }),
  dueTo: isoDate.optional().openapi({ description: 'due on or before this date (YYYY-MM-DD)' }),
  q: lineText().max(200).optional().openapi({ description: 'words in the title' }),
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'page size, 1–200' }),
  offset: z.coerce.number().int().min(0).default(0),
});

export const taskPatchBody = z
  .object({
    title: lineText().trim().min(1).max(1000).optional(),
    status: z.enum(['open', 'done']).optional(),
    due: isoDate.nullable().optional().openapi({ description: 'YYYY-MM-DD, or null to clear' }),
    assignee: z
      .union([z.object({ userId: z.string().min(1) }).strict(), z.object({ name: lineText().trim().min(1).max(200) }).strict()], {
        error: 'expected {"userId": "usr_…"}, {"name": "…"} or null',
      })
      .nullable()
      .optional()
      .openapi({ description: '{userId} of a user of the account, {name} of someone without an account, or null to unassign' }),
  })
  .strict()
  .openapi('TaskPatch');

export const captureBody = z.object({
  summaryId: z.string().optional().openapi({ description: 'the summary to take action items from; the latest when absent' }),
}).strict();

export const captureResultSchema = z
  .object({
    tasks: z.array(taskSchema).openapi({ description: "the tasks of the summary's action items, new and already captured" }),
    created: z.number().int().openapi({ description: 'how many of them are new' }),
  })
  .openapi('TaskCapture');
