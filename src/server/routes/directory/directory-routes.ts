import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  changeMembers,
  createGroup,
  createUser,
  deleteGroup,
  getGroup,
  getUser,
  licencesOf,
  setAccountLicence,
  listGroups,
  listUsers,
  updateGroup,
  updateUser,
} from '../../../usecases/directory.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { validationHook } from '../../validation.ts';
import {
  errorResponses as errors,
  groupCreateBody,
  groupDetailSchema,
  groupListSchema,
  groupPatchBody,
  groupSchema,
  idParam,
  membersBody,
  membersResult,
  security,
  userCreateBody,
  userDetailSchema,
  userListQuery,
  userPageSchema,
  userPatchBody,
  userSchema,
} from './schema.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const users = ['Users'];
const groups = ['Groups'];

const routes = {
  listUsers: createRoute({ method: 'get', path: '/v1/users', tags: users, security, summary: 'Users of the account', request: { query: userListQuery }, responses: { 200: json(userPageSchema, 'A page of users'), ...errors } }),
  createUser: createRoute({ method: 'post', path: '/v1/users', tags: users, security, summary: 'Add a user', request: { body: body(userCreateBody) }, responses: { 201: json(userSchema, 'The new user'), ...errors } }),
  getUser: createRoute({ method: 'get', path: '/v1/users/{id}', tags: users, security, summary: 'One user with their groups', request: { params: idParam }, responses: { 200: json(userDetailSchema, 'The user'), ...errors } }),
  patchUser: createRoute({
    method: 'patch',
    path: '/v1/users/{id}',
    tags: users,
    security,
    summary: 'Change a user: role, licences, name, or status (deactivated users cannot sign in or use AI; their content is kept)',
    request: { params: idParam, body: body(userPatchBody) },
    responses: { 200: json(userSchema, 'The user as changed'), ...errors },
  }),
  listGroups: createRoute({ method: 'get', path: '/v1/groups', tags: groups, security, summary: 'Groups of the account', responses: { 200: json(groupListSchema, 'Every group'), ...errors } }),
  createGroup: createRoute({ method: 'post', path: '/v1/groups', tags: groups, security, summary: 'Add a group', request: { body: body(groupCreateBody) }, responses: { 201: json(groupSchema, 'The new group'), ...errors } }),
  getGroup: createRoute({ method: 'get', path: '/v1/groups/{id}', tags: groups, security, summary: 'One group with its members', request: { params: idParam }, responses: { 200: json(groupDetailSchema, 'The group'), ...errors } }),
  patchGroup: createRoute({ method: 'patch', path: '/v1/groups/{id}', tags: groups, security, summary: 'Rename a group or restrict its AI access', request: { params: idParam, body: body(groupPatchBody) }, responses: { 200: json(groupSchema, 'The group as changed'), ...errors } }),
  deleteGroup: createRoute({ method: 'delete', path: '/v1/groups/{id}', tags: groups, security, summary: 'Remove a group, its memberships and its settings (users are kept)', request: { params: idParam }, responses: { 204: { description: 'Removed' }, ...errors } }),
  members: createRoute({ method: 'post', path: '/v1/groups/{id}/members', tags: groups, security, summary: 'Add and remove members in one change', request: { params: idParam, body: body(membersBody) }, responses: { 200: json(membersResult, 'What changed'), ...errors } }),
};

const licenceSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string() }),
    account: z.object({ baseAiLicence: z.boolean() }),
    aiAccess: z.boolean(),
    customAddOn: z.boolean(),
    restrictingGroups: z.array(z.object({ id: z.string(), name: z.string() })),
    baseAiEffective: z.boolean().openapi({ description: 'account licence, user assignment and no restricting group, together' }),
  })
  .openapi('Licences');

const licenceRoutes = {
  get: createRoute({
    method: 'get',
    path: '/v1/licences/{id}',
    tags: ['Licences'],
    security,
    summary: 'The licences that apply to a user, as AI runs check them',
    request: { params: idParam },
    responses: { 200: json(licenceSchema, 'The licences'), ...errors },
  }),
  account: createRoute({
    method: 'put',
    path: '/v1/licences/account',
    tags: ['Licences'],
    security,
    summary: "Turn the account's paid base AI licence on or off (account.manage)",
    request: { body: body(z.object({ baseAiLicence: z.boolean() }).strict()) },
    responses: { 200: json(z.object({ baseAiLicence: z.boolean() }), 'The account licence'), ...errors },
  }),
};

export function directoryRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const path of ['/v1/users', '/v1/users/*', '/v1/groups', '/v1/groups/*', '/v1/licences/*']) app.use(path, requireAuth);
  app.openapi(licenceRoutes.account, async (c) => {
    const { baseAiLicence } = c.req.valid('json');
    await setAccountLicence(c.var.ctx, baseAiLicence);
    return c.json({ baseAiLicence }, 200);
  });
  app.openapi(licenceRoutes.get, async (c) => c.json(await licencesOf(c.var.ctx, c.req.valid('param').id), 200));
  app.openapi(routes.listUsers, async (c) => c.json(await listUsers(c.var.ctx, c.req.valid('query')), 200));
  app.openapi(routes.createUser, async (c) => c.json(await createUser(c.var.ctx, c.req.valid('json')), 201));
  app.openapi(routes.getUser, async (c) => c.json(await getUser(c.var.ctx, c.req.valid('param').id), 200));
  app.openapi(routes.patchUser, async (c) => c.json(await updateUser(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200));
  app.openapi(routes.listGroups, async (c) => c.json({ items: await listGroups(c.var.ctx) }, 200));
  app.openapi(routes.createGroup, async (c) => c.json(await createGroup(c.var.ctx, c.req.valid('json')), 201));
  app.openapi(routes.getGroup, async (c) => c.json(await getGroup(c.var.ctx, c.req.valid('param').id), 200));
  app.openapi(routes.patchGroup, async (c) => c.json(await updateGroup(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200));
  app.openapi(routes.deleteGroup, async (c) => {
    await deleteGroup(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(routes.members, async (c) => c.json(await changeMembers(c.var.ctx, c.req.valid('param').id, c.req.valid('json')), 200));
  return app;
}
