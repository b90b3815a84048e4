import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../../core/errors.ts';
import { acceptDisclaimer, disclaimerFor, listDisclaimers, setDisclaimer } from '../../../governance/lifecycle/disclaimers.ts';
import { identify } from '../../../governance/identity.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { jsonResponse } from '../json-response.ts';
import { errorSchema } from '../meetings/schema.ts';
import { acceptanceSchema, acceptBody, disclaimerBody, disclaimerParams, disclaimerSchema, groupParam, shownSchema } from './schema.ts';

const errors = {
  400: jsonResponse(errorSchema, 'Invalid input, with field-level errors'),
  401: jsonResponse(errorSchema, 'Missing or invalid bearer token'),
  403: jsonResponse(errorSchema, 'The caller lacks the lifecycle.manage permission'),
  404: jsonResponse(errorSchema, 'No disclaimer for that group'),
  409: jsonResponse(errorSchema, 'The disclaimer changed since it was shown'),
};
const security = [{ bearer: [] }];
const tags = ['Disclaimers'];

const listRoute = createRoute({ method: 'get', path: '/v1/disclaimers', tags, security, summary: 'Every disclaimer of the account (admin)', responses: { 200: jsonResponse(z.object({ items: z.array(disclaimerSchema) }), 'The disclaimers'), ...errors } });
const putRoute = createRoute({
  method: 'put',
  path: '/v1/disclaimers/{group}/{audience}',
  tags,
  security,
  summary: 'Set the disclaimer of a feature group for internal or external users; raises its version',
  request: { params: disclaimerParams, body: { required: true, content: { 'application/json': { schema: disclaimerBody } } } },
  responses: { 200: jsonResponse(disclaimerSchema, 'The disclaimer'), ...errors },
});
const mineRoute = createRoute({
  method: 'get',
  path: '/v1/disclaimers/{group}',
  tags,
  security,
  summary: "The disclaimer the caller sees before the group's features, in their language",
  request: { params: groupParam },
  responses: { 200: jsonResponse(shownSchema, 'The disclaimer'), ...errors },
});
const acceptRoute = createRoute({
  method: 'post',
  path: '/v1/disclaimers/{group}/accept',
  tags,
  security,
  summary: 'Accept the current disclaimer of a group (recorded with time, version and language)',
  request: { params: groupParam, body: { required: false, content: { 'application/json': { schema: acceptBody } } } },
  responses: { 200: jsonResponse(acceptanceSchema, 'The acceptance'), ...errors },
});

export function disclaimersRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/disclaimers', requireAuth);
  app.use('/v1/disclaimers/*', requireAuth);
  app.openapi(listRoute, async (c) => c.json({ items: await listDisclaimers(c.var.ctx) }, 200));
  app.openapi(putRoute, async (c) => {
    const { group, audience } = c.req.valid('param');
    const body = c.req.valid('json');
    return c.json(await setDisclaimer(c.var.ctx, { featureGroup: group, audience, texts: body.texts, requireConsent: body.requireConsent }), 200);
  });
  app.openapi(mineRoute, async (c) => {
    const group = c.req.valid('param').group;
    const shown = await disclaimerFor(c.var.ctx, await identify(c.var.ctx), group);
    if (!shown) throw new AppError('not_found', `there is no disclaimer for ${group}`);
    return c.json(shown, 200);
  });
  app.openapi(acceptRoute, async (c) => {
    const body = (c.req.header('content-type') ?? '').includes('json') ? c.req.valid('json') : {};
    return c.json(await acceptDisclaimer(c.var.ctx, c.req.valid('param').group, body.version), 200);
  });
  return app;
}
