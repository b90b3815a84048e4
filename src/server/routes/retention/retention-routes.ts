import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { authorize } from '../../../governance/authorization.ts';
import { deleteArtifact, listRestorableArtifacts, restoreArtifact } from '../../../governance/lifecycle/deletion.ts';
import { listRetentionPolicies, removeRetentionPolicy, setRetentionPolicy } from '../../../governance/lifecycle/retention-policies.ts';
import { runRetentionSweep } from '../../../governance/lifecycle/retention-sweep.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { jsonResponse } from '../json-response.ts';
import { errorSchema } from '../meetings/schema.ts';
import { artifactIdParam, deleteResultSchema, policyBody, policyParams, policySchema, restorableSchema, sweepResultSchema } from './schema.ts';

const errors = {
  400: jsonResponse(errorSchema, 'Invalid input, with field-level errors'),
  401: jsonResponse(errorSchema, 'Missing or invalid bearer token'),
  403: jsonResponse(errorSchema, 'The caller may not do this'),
  404: jsonResponse(errorSchema, 'Not found, or not visible to the caller'),
  409: jsonResponse(errorSchema, 'No longer restorable'),
};
const security = [{ bearer: [] }];
const tags = ['Retention'];

const listRoute = createRoute({
  method: 'get',
  path: '/v1/retention/policies',
  tags,
  security,
  summary: 'Retention policies; types without one are kept forever',
  responses: { 200: jsonResponse(z.object({ items: z.array(policySchema) }), 'The policies'), ...errors },
});
const putRoute = createRoute({
  method: 'put',
  path: '/v1/retention/policies/{kind}/{target}',
  tags,
  security,
  summary: 'Set the retention of an artifact type or output type',
  request: { params: policyParams, body: { required: true, content: { 'application/json': { schema: policyBody } } } },
  responses: { 200: jsonResponse(policySchema, 'The policy'), ...errors },
});
const removeRoute = createRoute({
  method: 'delete',
  path: '/v1/retention/policies/{kind}/{target}',
  tags,
  security,
  summary: 'Remove a policy: keep forever again',
  request: { params: policyParams },
  responses: { 204: { description: 'Removed' }, ...errors },
});
const sweepRoute = createRoute({
  method: 'post',
  path: '/v1/retention/sweep',
  tags,
  security,
  summary: "Run the account's retention sweep now (it also runs every hour)",
  responses: { 200: jsonResponse(sweepResultSchema, 'What the sweep did'), ...errors },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/v1/artifacts/{id}',
  tags,
  security,
  summary: 'Delete an artifact you can read (as its owner, or an admin): hidden at once, purged as its policy says unless held',
  request: { params: artifactIdParam },
  responses: { 200: jsonResponse(deleteResultSchema, 'The deletion'), ...errors },
});
const deletedRoute = createRoute({
  method: 'get',
  path: '/v1/artifacts/deleted',
  tags,
  security,
  summary: 'Soft-deleted artifacts that can still be restored (admin); ids and dates, no content',
  responses: { 200: jsonResponse(z.object({ items: z.array(restorableSchema) }), 'Soonest purge first, at most 200'), ...errors },
});
const restoreRoute = createRoute({
  method: 'post',
  path: '/v1/artifacts/{id}/restore',
  tags,
  security,
  summary: 'Restore a soft-deleted artifact within its 30 days (admin)',
  request: { params: artifactIdParam },
  responses: { 204: { description: 'Restored' }, ...errors },
});

export function retentionRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/retention/*', requireAuth);
  app.use('/v1/artifacts/*', requireAuth);
  app.openapi(listRoute, async (c) => c.json({ items: await listRetentionPolicies(c.var.ctx) }, 200));
  app.openapi(putRoute, async (c) => {
    const { kind, target } = c.req.valid('param');
    return c.json(await setRetentionPolicy(c.var.ctx, { kind, target, ...c.req.valid('json') }), 200);
  });
  app.openapi(removeRoute, async (c) => {
    const { kind, target } = c.req.valid('param');
    await removeRetentionPolicy(c.var.ctx, kind, target);
    return c.body(null, 204);
  });
  app.openapi(sweepRoute, async (c) => {
    await authorize(c.var.ctx, 'lifecycle.manage');
    return c.json(await runRetentionSweep(c.var.services, { accountId: c.var.ctx.account.id }), 200);
  });
  app.openapi(deletedRoute, async (c) => c.json({ items: await listRestorableArtifacts(c.var.ctx) }, 200));
  app.openapi(deleteRoute, async (c) => c.json(await deleteArtifact(c.var.ctx, c.req.valid('param').id), 200));
  app.openapi(restoreRoute, async (c) => {
    await restoreArtifact(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}
