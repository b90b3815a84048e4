import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createExport, exportFile, exportManifest, listExports, verifyExport } from '../../../governance/lifecycle/export-archive.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { jsonResponse } from '../json-response.ts';
import { errorSchema } from '../meetings/schema.ts';
import { exportCreateBody, exportFileParams, exportIdParam, exportSummarySchema, manifestSchema, verifyResultSchema } from './schema.ts';

const errors = {
  400: jsonResponse(errorSchema, 'Invalid input, with field-level errors'),
  401: jsonResponse(errorSchema, 'Missing or invalid bearer token'),
  403: jsonResponse(errorSchema, 'The caller lacks the holds.manage permission'),
  404: jsonResponse(errorSchema, 'No such export, file, hold or user in the account'),
};
const security = [{ bearer: [] }];
const tags = ['eDiscovery exports'];

const createExportRoute = createRoute({
  method: 'post',
  path: '/v1/exports',
  tags,
  security,
  summary: 'Export what a legal hold or a search covers as a bundle on the server',
  request: { body: { required: true, content: { 'application/json': { schema: exportCreateBody } } } },
  responses: { 201: jsonResponse(exportSummarySchema, 'The export, with its manifest summary'), ...errors },
});
const listRoute = createRoute({
  method: 'get',
  path: '/v1/exports',
  tags,
  security,
  summary: "The account's exports kept on the server",
  responses: { 200: jsonResponse(z.object({ items: z.array(exportSummarySchema) }), 'The exports, newest first'), ...errors },
});
const manifestRoute = createRoute({
  method: 'get',
  path: '/v1/exports/{id}/manifest',
  tags,
  security,
  summary: 'manifest.json of an export: every file with its size and SHA-256',
  request: { params: exportIdParam },
  responses: { 200: jsonResponse(manifestSchema, 'The manifest'), ...errors },
});
const verifyRoute = createRoute({
  method: 'get',
  path: '/v1/exports/{id}/verify',
  tags,
  security,
  summary: 'Check every file of an export against its manifest',
  request: { params: exportIdParam },
  responses: { 200: jsonResponse(verifyResultSchema, 'The result; ok is false with the problems found'), ...errors },
});
const fileRoute = createRoute({
  method: 'get',
  path: '/v1/exports/{id}/files/{path}',
  tags,
  security,
  summary: 'Download one file of an export',
  request: { params: exportFileParams },
  responses: {
    200: { description: 'The file, byte for byte as the manifest hashes it', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errors,
  },
});

export function exportsRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/exports', requireAuth);
  app.use('/v1/exports/*', requireAuth);
  const dir = (c: { var: AppEnv['Variables'] }) => c.var.services.config.exportDir;
  app.openapi(createExportRoute, async (c) => c.json(await createExport(c.var.ctx, dir(c), c.req.valid('json')), 201));
  app.openapi(listRoute, async (c) => c.json({ items: await listExports(c.var.ctx, dir(c)) }, 200));
  app.openapi(manifestRoute, async (c) => c.json(await exportManifest(c.var.ctx, dir(c), c.req.valid('param').id), 200));
  app.openapi(verifyRoute, async (c) => c.json(await verifyExport(c.var.ctx, dir(c), c.req.valid('param').id), 200));
  app.openapi(fileRoute, async (c) => {
    const { id, path } = c.req.valid('param');
    const file = await exportFile(c.var.ctx, dir(c), id, path);
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      'content-disposition': `attachment; filename="${file.name.replace(/["\\]/g, '_')}"`,
      'x-content-type-options': 'nosniff',
    });
  });
  return app;
}
