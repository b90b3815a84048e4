import { z } from '@hono/zod-openapi';
import { meetingSummarySchema } from '../../../features/schemas.ts';

export const shareSchema = z
  .object({
    id: z.string(),
    outputId: z.string(),
    token: z.string().optional().openapi({ description: 'returned once, at creation' }),
    url: z.string().optional().openapi({ description: 'returned once, at creation: the address to hand out, the web page /shared/{token} (which reads GET /v1/shared/{token})' }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ShareLink');

export const shareCreateBody = z
  .object({
    outputId: z.string().min(1).openapi({ description: 'a meeting summary the caller may read' }),
    expiresAt: z.string().nullable().optional().openapi({ description: 'ISO-8601; omit for a link that lasts until revoked' }),
  })
  .strict();

export const shareListQuery = z.object({ outputId: z.string().min(1) });
export const shareIdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });
export const shareTokenParam = z.object({ token: z.string().min(1).openapi({ param: { name: 'token', in: 'path' } }) });

export const sharedSummarySchema = z
  .object({ outputId: z.string(), title: z.string().openapi({ description: "the meeting's title" }), createdAt: z.string(), summary: meetingSummarySchema })
  .openapi('SharedSummary');

export const emailResultSchema = z
  .object({
    sent: z.boolean(),
    recipients: z.number().int(),
    scope: z.enum(['host_only', 'all_invitees']).openapi({ description: 'who summary.email_recipients addressed it to' }),
    messageId: z.string().nullable(),
  })
  .openapi('EmailResult');
