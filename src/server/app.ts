import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Services } from '../app/services.ts';
import { AppError } from '../core/errors.ts';
import type { AppEnv } from './env.ts';
import { errorResponse } from './errors.ts';
import { disclaimersRoutes } from './routes/disclaimers/disclaimers-routes.ts';
import { exportsRoutes } from './routes/exports/exports-routes.ts';
import { holdsRoutes } from './routes/holds/holds-routes.ts';
import { meetingsRoutes } from './routes/meetings/meetings-routes.ts';
import { modelsRoutes } from './routes/models/models-routes.ts';
import { auditRoutes } from './routes/audit/audit-routes.ts';
import { tokensRoutes } from './routes/directory/tokens-routes.ts';
import { authRoutes } from './routes/auth/auth-routes.ts';
import { SCIM_BASE_PATH, scimRoutes } from './routes/scim/scim-routes.ts';
import { directoryRoutes } from './routes/directory/directory-routes.ts';
import { settingsRoutes } from './routes/settings/settings-routes.ts';
import { redactionRoutes } from './routes/redaction/redaction-routes.ts';
import { retentionRoutes } from './routes/retention/retention-routes.ts';
import { sharesRoutes } from './routes/shares/shares-routes.ts';
import { systemRoutes } from './routes/system/system-routes.ts';
import { tasksRoutes } from './routes/tasks/tasks-routes.ts';
import { validationHook } from './validation.ts';
import { WEB_DIST, webApp } from './web-app.ts';

export const API_VERSION = '0.1.0';

/** The largest request body any route but the transcript upload reads. */
export const REQUEST_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * The HTTP application: the `/v1` API, its OpenAPI 3.1 document and the web
 * app (every other path). Every route goes through the same error rendering,
 * and every protected route through bearer authentication.
 */
export function createApp(services: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', webApp(WEB_DIST));
  const bounded = bodyLimit({
    maxSize: REQUEST_BODY_LIMIT,
    onError: () => {
      throw new AppError('payload_too_large', `the request body is larger than the ${REQUEST_BODY_LIMIT / 1024 / 1024} MB limit`);
    },
  });
  // The transcript upload sets its own, larger limit; SCIM its own, smaller one.
  const ownLimit = (method: string, path: string) => (method === 'POST' && path === '/v1/meetings') || path.startsWith(`${SCIM_BASE_PATH}/`);
  app.use('*', (c, next) => (ownLimit(c.req.method, c.req.path) ? next() : bounded(c, next)));
  app.onError((error, c) => errorResponse(c, error, services.logger));
  app.notFound((c) => errorResponse(c, new AppError('not_found', `no route for ${c.req.method} ${c.req.path}`), services.logger));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`cfr_…`) from `confer admin bootstrap` or the admin API',
  });
  app.route('/', systemRoutes());
  app.route('/', meetingsRoutes());
  app.route('/', tasksRoutes());
  app.route('/', modelsRoutes());
  app.route('/', tokensRoutes());
  app.route('/', directoryRoutes());
  app.route('/', auditRoutes());
  app.route('/', scimRoutes());
  app.route('/', authRoutes());
  app.route('/', settingsRoutes());
  app.route('/', holdsRoutes());
  app.route('/', exportsRoutes());
  app.route('/', retentionRoutes());
  app.route('/', redactionRoutes());
  app.route('/', sharesRoutes());
  app.route('/', disclaimersRoutes());

  app.doc31('/v1/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Confer API', version: API_VERSION, description: 'Governed AI for workplace conversations' },
  });
  return app;
}
