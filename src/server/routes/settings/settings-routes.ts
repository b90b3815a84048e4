import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describeSettings, explainSettings, listSettings, setSetting, unsetSetting } from '../../../usecases/settings.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { errorResponses as errors, security } from '../directory/schema.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const tags = ['Settings'];

const settingValueSchema = z
  .object({
    scope: z.enum(['account', 'group', 'user']),
    scopeId: z.string(),
    key: z.string(),
    value: z.unknown(),
    locked: z.boolean(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi('SettingValue');

const levelParams = z.object({
  level: z.enum(['account', 'group', 'user']).openapi({ param: { name: 'level', in: 'path' } }),
  id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, description: 'account id (or `current`), group id or name, user id or email' }),
  key: z.string().min(1).openapi({ param: { name: 'key', in: 'path' }, example: 'feature.meeting.summary' }),
});

const decidedBy = z.object({ level: z.enum(['account', 'group', 'user', 'default']), id: z.string().optional(), name: z.string().optional(), locked: z.boolean() });
const resolvedSchema = z
  .object({
    key: z.string(),
    value: z.unknown(),
    decidedBy,
    explanation: z.string().openapi({ example: 'off: locked by group Legal' }),
    trail: z.array(decidedBy.extend({ value: z.unknown(), used: z.boolean(), reason: z.string() })),
  })
  .openapi('EffectiveSetting');

const definitionSchema = z
  .object({
    key: z.string(),
    type: z.enum(['boolean', 'enum', 'string_list']),
    description: z.string(),
    default: z.unknown(),
    values: z.array(z.string()).optional().openapi({ description: 'enum: the allowed values, most restrictive first' }),
    items: z.array(z.string()).optional().openapi({ description: 'string_list: the items a list may hold' }),
  })
  .openapi('SettingDefinition');

const routes = {
  definitions: createRoute({
    method: 'get',
    path: '/v1/settings/definitions',
    tags,
    security,
    summary: 'Every setting that can be stored, with its type, default and allowed values',
    responses: { 200: json(z.object({ items: z.array(definitionSchema) }), 'Setting definitions'), ...errors },
  }),
  list: createRoute({
    method: 'get',
    path: '/v1/settings',
    tags,
    security,
    summary: 'Values stored at account, group and user level',
    request: { query: z.object({ level: z.enum(['account', 'group', 'user']).optional(), id: z.string().optional() }) },
    responses: { 200: json(z.object({ items: z.array(settingValueSchema) }), 'Stored values'), ...errors },
  }),
  effective: createRoute({
    method: 'get',
    path: '/v1/settings/effective',
    tags,
    security,
    summary: 'The settings in effect for a user, with the level that decided each',
    description: 'Without `user`, the caller. Reading another user needs settings.manage.',
    request: { query: z.object({ user: z.string().optional().openapi({ description: 'user id or email; `me` by default' }), key: z.string().optional() }) },
    responses: { 200: json(z.object({ user: z.object({ id: z.string(), email: z.string() }), settings: z.array(resolvedSchema) }), 'Effective settings'), ...errors },
  }),
  put: createRoute({
    method: 'put',
    path: '/v1/settings/{level}/{id}/{key}',
    tags,
    security,
    summary: 'Set a value at one level, optionally locking it for every level below',
    description: 'Refused with 409 when a level above locks the setting.',
    request: {
      params: levelParams,
      body: { required: true, content: { 'application/json': { schema: z.object({ value: z.unknown(), locked: z.boolean().optional() }).strict() } } },
    },
    responses: { 200: json(settingValueSchema, 'The stored value'), ...errors },
  }),
  delete: createRoute({
    method: 'delete',
    path: '/v1/settings/{level}/{id}/{key}',
    tags,
    security,
    summary: 'Remove the value (and lock) stored at one level',
    request: { params: levelParams },
    responses: { 200: json(z.object({ removed: z.boolean() }), 'Whether a value was stored'), ...errors },
  }),
};

export function settingsRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/settings', requireAuth);
  app.use('/v1/settings/*', requireAuth);
  app.openapi(routes.definitions, async (c) => {
    const items = (await describeSettings(c.var.ctx)).map((d) => ({ ...d, default: d.default as unknown, values: 'values' in d ? [...d.values] : undefined, items: 'items' in d ? [...d.items] : undefined }));
    return c.json({ items }, 200);
  });
  app.openapi(routes.list, async (c) => {
    const q = c.req.valid('query');
    return c.json({ items: await listSettings(c.var.ctx, { scope: q.level, ref: q.id }) }, 200);
  });
  app.openapi(routes.effective, async (c) => {
    const q = c.req.valid('query');
    const result = await explainSettings(c.var.ctx, q.user, q.key);
    return c.json({ user: result.user, settings: result.settings.map((s) => ({ ...s, value: s.value as unknown })) }, 200);
  });
  app.openapi(routes.put, async (c) => {
    const p = c.req.valid('param');
    const b = c.req.valid('json');
    return c.json(await setSetting(c.var.ctx, { scope: p.level, ref: p.id, key: p.key, value: b.value, locked: b.locked }), 200);
  });
  app.openapi(routes.delete, async (c) => {
    const p = c.req.valid('param');
    return c.json(await unsetSetting(c.var.ctx, { scope: p.level, ref: p.id, key: p.key }), 200);
  });
  return app;
}
