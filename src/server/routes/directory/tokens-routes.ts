import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createToken, listTokens, revokeToken } from '../../../usecases/api-tokens.ts';
import { importUsersCsv } from '../../../usecases/user-import.ts';
import { AppError } from '../../../core/errors.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { errorResponses as errors, idParam, security } from './schema.ts';
import { lineText } from '../text-fields.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const tokenSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string(),
    kind: z.enum(['api', 'scim', 'session']),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Token');

const importReport = z
  .object({
    dryRun: z.boolean(),
    rows: z.array(z.object({ line: z.number().int(), email: z.string(), action: z.enum(['created', 'updated', 'unchanged']), changes: z.array(z.string()), groupsCreated: z.array(z.string()) })),
    errors: z.array(z.object({ line: z.number().int(), email: z.string().nullable(), message: z.string() })),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .openapi('UserImportReport');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/v1/tokens',
    tags: ['Tokens'],
    security,
    summary: "The caller's API and SCIM tokens (all=true: every token of the account, for admins)",
    request: { query: z.object({ all: z.enum(['true', 'false']).optional() }) },
    responses: { 200: json(z.object({ items: z.array(tokenSchema) }), 'Tokens, without their secrets'), ...errors },
  }),
  create: createRoute({
    method: 'post',
    path: '/v1/tokens',
    tags: ['Tokens'],
    security,
    summary: 'Create an API token, or a SCIM provisioning token (admins); the secret is returned once',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({ name: lineText().min(1).max(100), kind: z.enum(['api', 'scim']).optional(), expiresInDays: z.number().int().min(1).max(3650).optional() }).strict(),
          },
        },
      },
    },
    responses: { 201: json(tokenSchema.extend({ token: z.string() }), 'The token, with its secret (shown once)'), ...errors },
  }),
  revoke: createRoute({
    method: 'delete',
    path: '/v1/tokens/{id}',
    tags: ['Tokens'],
    security,
    summary: 'Revoke a token',
    request: { params: idParam },
    responses: { 200: json(tokenSchema, 'The revoked token'), ...errors },
  }),
  importUsers: createRoute({
    method: 'post',
    path: '/v1/users/import',
    tags: ['Users'],
    security,
    summary: 'Create and update users from CSV (email,name,groups,role,aiAccess,customAddOn)',
    description: 'Each row applies in its own transaction; bad rows are reported with their line numbers. `dryRun=true` changes nothing.',
    request: {
      query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
      body: { required: true, content: { 'text/csv': { schema: z.string() } } },
    },
    responses: { 200: json(importReport, 'What was (or would be) done, row by row'), ...errors },
  }),
};

const MAX_CSV_BYTES = 5 * 1024 * 1024;

export function tokensRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/tokens', requireAuth);
  app.use('/v1/tokens/*', requireAuth);
  app.use('/v1/users/import', requireAuth);
  app.openapi(routes.list, async (c) => c.json({ items: await listTokens(c.var.ctx, { all: c.req.valid('query').all === 'true' }) }, 200));
  app.openapi(routes.create, async (c) => {
    const { token, record } = await createToken(c.var.ctx, c.req.valid('json'));
    return c.json({ ...record, token }, 201);
  });
  app.openapi(routes.revoke, async (c) => c.json(await revokeToken(c.var.ctx, c.req.valid('param').id), 200));
  app.openapi(routes.importUsers, async (c) => {
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/(csv|plain)/i.test(type)) throw new AppError('unsupported_media_type', `send the CSV with Content-Type text/csv; got "${type || 'none'}"`);
    const text = await c.req.text();
    if (Buffer.byteLength(text) > MAX_CSV_BYTES) throw new AppError('payload_too_large', `a CSV import is at most ${MAX_CSV_BYTES / 1024 / 1024} MB`);
    return c.json(await importUsersCsv(c.var.ctx, text, { file: 'upload.csv', dryRun: c.req.valid('query').dryRun === 'true' }), 200);
  });
  return app;
}
