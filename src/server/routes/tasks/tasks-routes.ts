import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { getTask, listTasks, updateTask } from '../../../usecases/tasks.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import { errorSchema } from '../meetings/schema.ts';
import { taskIdParam, taskListQuery, taskPageSchema, taskPatchBody, taskSchema } from './schema.ts';

const errors = {
  400: { description: 'Invalid input, with field-level errors', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Missing or invalid bearer token', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'Not found, or not visible to the caller', content: { 'application/json': { schema: errorSchema } } },
};

const security = [{ bearer: [] }];
const tags = ['Tasks'];

const listRoute = createRoute({
  method: 'get',
  path: '/v1/tasks',
  tags,
  security,
  summary: 'Tasks assigned to the caller or from meetings they may read',
  description: 'Open tasks first, then by due date (undated last).',
  request: { query: taskListQuery },
  responses: { 200: { description: 'A page of tasks', content: { 'application/json': { schema: taskPageSchema } } }, ...errors },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/tasks/{id}',
  tags,
  security,
  summary: 'One task',
  request: { params: taskIdParam },
  responses: { 200: { description: 'The task', content: { 'application/json': { schema: taskSchema } } }, ...errors },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/v1/tasks/{id}',
  tags,
  security,
  summary: 'Change the status, title, due date or assignee of a task',
  request: { params: taskIdParam, body: { required: true, content: { 'application/json': { schema: taskPatchBody } } } },
  responses: { 200: { description: 'The task as changed', content: { 'application/json': { schema: taskSchema } } }, ...errors },
});

export function tasksRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/tasks', requireAuth);
  app.use('/v1/tasks/*', requireAuth);
  app.openapi(listRoute, async (c) => c.json(await listTasks(c.var.ctx, c.req.valid('query')), 200));
  app.openapi(getRoute, async (c) => c.json(await getTask(c.var.ctx, c.req.valid('param').id), 200));
  app.openapi(patchRoute, async (c) => c.json(await updateTask(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200));
  return app;
}
