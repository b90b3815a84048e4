import { z } from '@hono/zod-openapi';

export const policySchema = z
  .object({
    kind: z.enum(['artifact', 'output']),
    target: z.string().openapi({ description: 'an artifact type (meeting, call…) or a feature id (meeting.summary…)' }),
    days: z.number().int().nullable().openapi({ description: '1–4000, or null to keep forever' }),
    mode: z.enum(['soft', 'permanent']).openapi({ description: 'soft: restorable for 30 days; permanent: purged at once' }),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi('RetentionPolicy');

export const policyParams = z.object({
  kind: z.enum(['artifact', 'output']).openapi({ param: { name: 'kind', in: 'path' } }),
  target: z.string().min(1).openapi({ param: { name: 'target', in: 'path' }, example: 'meeting' }),
});

export const policyBody = z
  .object({ days: z.number().int().nullable(), mode: z.enum(['soft', 'permanent']) })
  .strict()
  .openapi('RetentionPolicyInput');

export const artifactIdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });

export const deleteResultSchema = z
  .object({ artifactId: z.string(), purgeAfter: z.string(), purged: z.boolean().openapi({ description: 'false while restorable or held' }) })
  .openapi('DeleteResult');

export const sweepResultSchema = z
  .object({
    expired: z.number().int(),
    purged: z.object({ artifact: z.number().int(), output: z.number().int(), transcript: z.number().int() }),
    held: z.number().int(),
    batches: z.number().int(),
  })
  .openapi('SweepResult');

export const restorableSchema = z
  .object({
    id: z.string(),
    type: z.string().openapi({ description: 'meeting, call…' }),
    ownerId: z.string().nullable(),
    reason: z.enum(['owner', 'retention', 'zdr', 'deactivation']).openapi({ description: 'why it was deleted' }),
    deletedAt: z.string(),
    purgeAfter: z.string().openapi({ description: 'restorable until then' }),
  })
  .openapi('RestorableArtifact');
