import { z } from 'zod';
import type { Answer, MeetingSummary, TaskCapture } from '../core/outputs.ts';

export const citationSchema = z.object({
  artifactId: z.string(),
  segment: z.number().int().min(0),
  start: z.number().min(0),
  end: z.number().min(0),
  speaker: z.string(),
});

export const summaryItemSchema = z.object({
  text: z.string().min(1),
  citations: z.array(citationSchema),
});

export const actionItemSchema = summaryItemSchema.extend({
  owner: z.string().nullable(),
  due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  dueText: z.string().nullable(),
});

export const chapterSchema = z.object({
  title: z.string(),
  start: z.number(),
  end: z.number(),
  fromSegment: z.number().int(),
  toSegment: z.number().int(),
});

export const meetingSummarySchema: z.ZodType<MeetingSummary> = z.object({
  overview: z.object({ text: z.string(), citations: z.array(citationSchema) }),
  keyPoints: z.array(summaryItemSchema),
  decisions: z.array(summaryItemSchema),
  actionItems: z.array(actionItemSchema),
  nextSteps: z.array(summaryItemSchema),
  chapters: z.array(chapterSchema),
  stats: z.object({
    segments: z.number().int(),
    words: z.number().int(),
    durationSeconds: z.number(),
    speakers: z.array(z.string()),
  }),
});

export const answerSchema: z.ZodType<Answer> = z.object({
  answer: z.string(),
  citations: z.array(citationSchema),
  covered: z.boolean(),
  sources: z.array(citationSchema.extend({ score: z.number().min(0).max(1) })).optional(),
});

export const taskCaptureSchema: z.ZodType<TaskCapture> = z.object({
  summaryId: z.string(),
  tasks: z.array(
    z.object({
      text: z.string().min(1),
      owner: z.string().nullable(),
      assigneeUserId: z.string().nullable(),
      due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
      citations: z.array(citationSchema),
    }),
  ),
});
