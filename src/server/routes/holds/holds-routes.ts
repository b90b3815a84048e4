import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createHold, findHold, listHolds, releaseHold } from '../../../governance/lifecycle/legal-holds.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { jsonResponse } from '../json-response.ts';
import { errorSchema } from '../meetings/schema.ts';
import { holdCreateBody, holdIdParam, holdListQuery, holdSchema } from './schema.ts';

const errors = {
  400: jsonResponse(errorSchema, 'Invalid input, with field-level errors'),
  401: jsonResponse(errorSchema, 'Missing or invalid bearer token'),
  403: jsonResponse(errorSchema, 'The caller lacks the holds.manage permission'),
  404: jsonResponse(errorSchema, 'No such hold, user or artifact in the account'),
  409: jsonResponse(errorSchema, 'A hold with that name exists, or it was already released'),
};
const security = [{ bearer: [] }];
const tags = ['Legal holds'];

const listRoute = createRoute({
  method: 'get',
  path: '/v1/holds',
  tags,
  security,
  summary: 'Legal holds of the account',
  request: { query: holdListQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(holdSchema) }), 'The holds, oldest first'), ...errors },
});
const createHoldRoute = createRoute({
  method: 'post',
  path: '/v1/holds',
  tags,
  security,
  summary: 'Place a legal hold on a user, an artifact or a date range',
  request: { body: { required: true, content: { 'application/json': { schema: holdCreateBody } } } },
  responses: { 201: jsonResponse(holdSchema, 'The hold'), ...errors },
});
const getRoute = createRoute({
  method: 'get',
  path: '/v1/holds/{id}',
  tags,
  security,
  summary: 'One legal hold, by id or name',
  request: { params: holdIdParam },
  responses: { 200: jsonResponse(holdSchema, 'The hold'), ...errors },
});
const releaseRoute = createRoute({
  method: 'post',
  path: '/v1/holds/{id}/release',
  tags,
  security,
  summary: 'Release a hold; deletions it held back go ahead',
  request: { params: holdIdParam },
  responses: { 200: jsonResponse(z.object({ hold: holdSchema, purged: z.number().int() }), 'The released hold and how many deletions went ahead'), ...errors },
});

export function holdsRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/holds', requireAuth);
  app.use('/v1/holds/*', requireAuth);
  app.openapi(listRoute, async (c) => {
    const { status } = c.req.valid('query');
    return c.json({ items: await listHolds(c.var.ctx, status === 'all' ? {} : { active: status === 'active' }) }, 200);
  });
  app.openapi(createHoldRoute, async (c) => c.json(await createHold(c.var.ctx, c.req.valid('json')), 201));
  app.openapi(getRoute, async (c) => c.json(await findHold(c.var.ctx, c.req.valid('param').id), 200));
  app.openapi(releaseRoute, async (c) => c.json(await releaseHold(c.var.ctx, c.req.valid('param').id), 200));
  return app;
}
