import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AUDIT_PAGE_MAX, listAudit, verifyAudit } from '../../../usecases/audit-log.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { errorResponses as errors, security } from '../directory/schema.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['Audit'];

const eventSchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    at: z.string(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    outcome: z.enum(['ok', 'denied', 'error']),
    details: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEvent');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/v1/audit',
    tags,
    security,
    summary: 'Audit events in sequence order, filtered by actor, action, target and time',
    request: {
      query: z.object({
        actor: z.string().optional().openapi({ description: 'user id or email' }),
        action: z.string().optional().openapi({ example: 'settings.set' }),
        target: z.string().optional().openapi({ description: 'TYPE:ID or ID', example: 'user:usr_01…' }),
        from: z.string().optional().openapi({ description: 'ISO date or time, inclusive' }),
        to: z.string().optional().openapi({ description: 'ISO date or time, inclusive' }),
        afterSeq: z.coerce.number().int().min(0).optional().openapi({ description: 'page on: the last seq seen' }),
        limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(eventSchema), nextAfterSeq: z.number().int().nullable() }), 'Events'), ...errors },
  }),
  verify: createRoute({
    method: 'get',
    path: '/v1/audit/verify',
    tags,
    security,
    summary: 'Recompute the hash chain and report the first tampered, missing or reordered record',
    responses: {
      200: json(
        z.object({
          ok: z.boolean(),
          checked: z.number().int(),
          head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
          problem: z
            .object({ kind: z.enum(['tampered', 'missing', 'reordered', 'truncated']), seq: z.number().int(), id: z.string().nullable(), message: z.string() })
            .nullable(),
        }),
        'The verification result',
      ),
      ...errors,
    },
  }),
};

export function auditRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/audit', requireAuth);
  app.use('/v1/audit/*', requireAuth);
  app.openapi(routes.list, async (c) => {
    const q = c.req.valid('query');
    const items = await listAudit(c.var.ctx, q);
    return c.json({ items, nextAfterSeq: items.length === q.limit ? items[items.length - 1].seq : null }, 200);
  });
  app.openapi(routes.verify, async (c) => c.json(await verifyAudit(c.var.ctx), 200));
  return app;
}
