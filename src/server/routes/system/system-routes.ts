import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { errorSchema } from '../meetings/schema.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/v1/health',
  tags: ['System'],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.string() }) } } },
  },
});

const meSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string(), studio: z.boolean(), locale: z.string() }),
    account: z.object({ id: z.string(), name: z.string(), homeRegion: z.string(), deploymentMode: z.string() }),
  })
  .openapi('Me');

const meRoute = createRoute({
  method: 'get',
  path: '/v1/me',
  tags: ['System'],
  security: [{ bearer: [] }],
  summary: 'The signed-in user and their account',
  responses: {
    200: { description: 'Who the token belongs to', content: { 'application/json': { schema: meSchema } } },
    401: { description: 'Missing or invalid bearer token', content: { 'application/json': { schema: errorSchema } } },
  },
});

export function systemRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.openapi(healthRoute, async (c) => {
    await c.var.services.store.accounts.get('health-check');
    return c.json({ status: 'ok' as const, database: c.var.services.store.dialect }, 200);
  });
  app.use('/v1/me', requireAuth);
  app.openapi(meRoute, (c) => {
    const { user, account } = c.var.ctx;
    return c.json(
      {
        user: { id: user!.id, email: user!.email, name: user!.name, role: user!.role, studio: user!.studio, locale: user!.locale },
        account: { id: account.id, name: account.name, homeRegion: account.homeRegion, deploymentMode: account.deploymentMode },
      },
      200,
    );
  });
  return app;
}
