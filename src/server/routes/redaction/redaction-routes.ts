import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { authorize } from '../../../governance/authorization.ts';
import {
  readRedactionPolicy,
  removeBlockedPattern,
  saveBlockedPattern,
  setRedactionTypes,
  testBlockedPattern,
} from '../../../governance/lifecycle/redaction-policy.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { jsonResponse } from '../json-response.ts';
import { errorSchema } from '../meetings/schema.ts';
import { patternBody, patternIdParam, patternSchema, patternTestBody, patternTestResult, policySchema, typesBody } from './schema.ts';

const errors = {
  400: jsonResponse(errorSchema, 'Invalid input; for patterns, why the Java regex cannot be used'),
  401: jsonResponse(errorSchema, 'Missing or invalid bearer token'),
  403: jsonResponse(errorSchema, 'The caller lacks the lifecycle.manage permission'),
  404: jsonResponse(errorSchema, 'No such pattern'),
  409: jsonResponse(errorSchema, 'A pattern with that name exists'),
};
const security = [{ bearer: [] }];
const tags = ['Redaction'];

const getPolicy = createRoute({ method: 'get', path: '/v1/redaction', tags, security, summary: 'What new outputs are redacted of', responses: { 200: jsonResponse(policySchema, 'The policy'), ...errors } });
const putTypes = createRoute({
  method: 'put',
  path: '/v1/redaction/types',
  tags,
  security,
  summary: 'Choose entity types and built-in patterns; applies to outputs created from now on',
  request: { body: { required: true, content: { 'application/json': { schema: typesBody } } } },
  responses: { 200: jsonResponse(policySchema, 'The policy'), ...errors },
});
const postPattern = createRoute({
  method: 'post',
  path: '/v1/redaction/patterns',
  tags,
  security,
  summary: 'Save a custom blocked pattern (Java regex), validated now',
  request: { body: { required: true, content: { 'application/json': { schema: patternBody } } } },
  responses: { 201: jsonResponse(patternSchema, 'The saved pattern'), ...errors },
});
const deletePattern = createRoute({
  method: 'delete',
  path: '/v1/redaction/patterns/{id}',
  tags,
  security,
  summary: 'Remove a custom blocked pattern',
  request: { params: patternIdParam },
  responses: { 204: { description: 'Removed' }, ...errors },
});
const testPattern = createRoute({
  method: 'post',
  path: '/v1/redaction/patterns/test',
  tags,
  security,
  summary: 'Try a pattern on a sample text without saving it',
  request: { body: { required: true, content: { 'application/json': { schema: patternTestBody } } } },
  responses: { 200: jsonResponse(patternTestResult, 'The sample as redacted, with the matches'), ...errors },
});

export function redactionRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/redaction', requireAuth);
  app.use('/v1/redaction/*', requireAuth);
  app.openapi(getPolicy, async (c) => {
    await authorize(c.var.ctx, 'lifecycle.manage');
    return c.json(await readRedactionPolicy(c.var.ctx.store, c.var.ctx.account.id), 200);
  });
  app.openapi(putTypes, async (c) => c.json(await setRedactionTypes(c.var.ctx, c.req.valid('json')), 200));
  app.openapi(postPattern, async (c) => c.json(await saveBlockedPattern(c.var.ctx, c.req.valid('json')), 201));
  app.openapi(deletePattern, async (c) => {
    await removeBlockedPattern(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(testPattern, async (c) => {
    const { redacted, spans } = await testBlockedPattern(c.var.ctx, c.req.valid('json'));
    return c.json({ redacted, spans: spans.map((s) => ({ type: s.type, start: s.start, end: s.end, value: s.value })) }, 200);
  });
  return app;
}
