import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DEPLOYMENT_MODES } from '../../../core/types.ts';
import { changeDeploymentMode, getAccount, listFeatures, listProviders, registerProvider, removeProvider } from '../../../usecases/models-admin.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { errorSchema } from '../meetings/schema.ts';
import { runFeature } from '../../../features/run-feature.ts';
import { accountSchema, featureIdParam, featureOutputSchema, featureRunBody, featureSchema, providerSchema, registrationBody } from './schema.ts';

const errors = {
  400: { description: 'Invalid input, with field-level errors', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Missing or invalid bearer token', content: { 'application/json': { schema: errorSchema } } },
  403: { description: 'The caller lacks the permission', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'Not found', content: { 'application/json': { schema: errorSchema } } },
  409: { description: 'Conflict', content: { 'application/json': { schema: errorSchema } } },
};
const security = [{ bearer: [] }];

const routes = {
  getAccount: createRoute({
    method: 'get',
    path: '/v1/account',
    tags: ['Account'],
    security,
    summary: 'The account: home region and deployment mode',
    responses: { 200: { description: 'The account', content: { 'application/json': { schema: accountSchema } } }, ...errors },
  }),
  patchAccount: createRoute({
    method: 'patch',
    path: '/v1/account',
    tags: ['Account'],
    security,
    summary: 'Change the deployment mode (owners only; audited with old and new values)',
    request: { body: { required: true, content: { 'application/json': { schema: z.object({ deploymentMode: z.enum(DEPLOYMENT_MODES) }).strict() } } } },
    responses: { 200: { description: 'The account as changed', content: { 'application/json': { schema: accountSchema } } }, ...errors },
  }),
  listProviders: createRoute({
    method: 'get',
    path: '/v1/admin/providers',
    tags: ['Model providers'],
    security,
    summary: 'Every provider the account can name, with usability for the account and health',
    responses: { 200: { description: 'Providers, the built-in engine first', content: { 'application/json': { schema: z.object({ items: z.array(providerSchema) }) } } }, ...errors },
  }),
  createProvider: createRoute({
    method: 'post',
    path: '/v1/admin/providers',
    tags: ['Model providers'],
    security,
    summary: 'Register a provider for the account',
    request: { body: { required: true, content: { 'application/json': { schema: registrationBody } } } },
    responses: { 201: { description: 'The registered provider', content: { 'application/json': { schema: providerSchema } } }, ...errors },
  }),
  deleteProvider: createRoute({
    method: 'delete',
    path: '/v1/admin/providers/{name}',
    tags: ['Model providers'],
    security,
    summary: "Remove one of the account's own providers",
    request: { params: z.object({ name: z.string().min(1).openapi({ param: { name: 'name', in: 'path' } }) }) },
    responses: { 204: { description: 'Removed' }, ...errors },
  }),
  listFeatures: createRoute({
    method: 'get',
    path: '/v1/features',
    tags: ['Features'],
    security,
    summary: 'Every feature of the catalogue with available: true or the exact reason it is not',
    responses: {
      200: {
        description: 'Availability for the account',
        content: { 'application/json': { schema: z.object({ account: z.object({ id: z.string(), homeRegion: z.string(), deploymentMode: z.string() }), features: z.array(featureSchema) }) } },
      },
      ...errors,
    },
  }),
  runFeature: createRoute({
    method: 'post',
    path: '/v1/features/{id}/run',
    tags: ['Features'],
    security,
    summary: 'Run a feature through the governed pipeline',
    description: 'Every check of the pipeline applies (licence, settings, access to the artifacts it reads, mode and residency). 503 when no usable provider can serve it, with the reason.',
    request: { params: featureIdParam, body: { required: true, content: { 'application/json': { schema: featureRunBody } } } },
    responses: {
      200: { description: 'The stored output', content: { 'application/json': { schema: featureOutputSchema } } },
      ...errors,
      502: { description: 'Every usable provider failed', content: { 'application/json': { schema: errorSchema } } },
      503: { description: 'No usable provider can serve the feature; the message says why', content: { 'application/json': { schema: errorSchema } } },
    },
  }),
};

/** Account mode, model providers and feature availability. */
export function modelsRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const path of ['/v1/account', '/v1/admin/providers', '/v1/admin/providers/*', '/v1/features']) app.use(path, requireAuth);
  app.openapi(routes.getAccount, async (c) => c.json(await getAccount(c.var.ctx), 200));
  app.openapi(routes.patchAccount, async (c) => c.json(await changeDeploymentMode(c.var.ctx, c.req.valid('json').deploymentMode), 200));
  app.openapi(routes.listProviders, async (c) => c.json({ items: await listProviders(c.var.ctx) }, 200));
  app.openapi(routes.createProvider, async (c) => c.json(await registerProvider(c.var.ctx, c.req.valid('json')), 201));
  app.openapi(routes.deleteProvider, async (c) => {
    await removeProvider(c.var.ctx, c.req.valid('param').name);
    return c.body(null, 204);
  });
  app.openapi(routes.listFeatures, async (c) => c.json(await listFeatures(c.var.ctx), 200));
  app.use('/v1/features/*', requireAuth);
  app.openapi(routes.runFeature, async (c) => {
    const body = c.req.valid('json');
    const output = await runFeature(c.var.ctx, c.req.valid('param').id, body.input, { provider: body.provider, idempotencyKey: body.idempotencyKey });
    const { id, featureId, artifactId, provider, model, payload, createdAt } = output;
    return c.json({ id, featureId, artifactId, provider, model, payload, createdAt }, 200);
  });
  return app;
}
