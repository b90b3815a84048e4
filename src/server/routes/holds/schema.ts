import { z } from '@hono/zod-openapi';
import { lineText } from '../text-fields.ts';

export const holdSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    reason: z.string(),
    userId: z.string().nullable().openapi({ description: 'set for a hold on everything a user owns or took part in' }),
    artifactId: z.string().nullable().openapi({ description: 'set for a hold on one artifact' }),
    from: z.string().nullable().openapi({ description: 'start of a date-range hold (ISO-8601)' }),
    to: z.string().nullable().openapi({ description: 'end of a date-range hold (ISO-8601)' }),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    releasedAt: z.string().nullable(),
    releasedBy: z.string().nullable(),
  })
  .openapi('LegalHold');

export const holdCreateBody = z
  .object({
    name: lineText().min(1).max(200).openapi({ description: 'unique within the account', example: 'acme-v-smith' }),
    reason: z.string().min(1).max(2000).openapi({ example: 'Litigation 2026-17' }),
    userId: z.string().min(1).optional(),
    artifactId: z.string().min(1).optional(),
    from: z.string().optional().openapi({ description: 'ISO-8601; with `to`, or alone for an open end' }),
    to: z.string().optional(),
  })
  .strict()
  .openapi('LegalHoldInput', { description: 'Exactly one scope: userId, artifactId, or a date range.' });

export const holdIdParam = z.object({
  id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, description: 'hold id or name' }),
});

export const holdListQuery = z.object({
  status: z.enum(['active', 'released', 'all']).default('all'),
});
