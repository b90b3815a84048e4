/**
 * The SCIM 2.0 service at `/scim/v2` (RFC 7644). Requests authenticate with
 * a SCIM bearer token (`confer tokens create --scim`), never an API or
 * session token; the token's user must hold `users.manage`. Every response,
 * errors included, is `application/scim+json`.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { userContext } from '../../../app/context.ts';
import { AppError } from '../../../core/errors.ts';
import { authenticateToken } from '../../../governance/tokens.ts';
import type { AppEnv } from '../../env.ts';
import { findResourceTypeDocument, findSchemaDocument, resourceTypesResponse, schemasResponse, serviceProviderConfig } from '../../scim/discovery.ts';
import { ScimError, scimErrorResponse } from '../../scim/errors.ts';
import {
  scimCreateGroup,
  scimCreateUser,
  scimDeleteGroup,
  scimDeleteUser,
  scimGetGroup,
  scimGetUser,
  scimListGroups,
  scimListUsers,
  scimPatchGroup,
  scimPatchUser,
  scimReplaceGroup,
  scimReplaceUser,
  type ScimQuery,
} from '../../scim/provisioning.ts';

export const SCIM_BASE_PATH = '/scim/v2';
const SCIM_JSON = 'application/scim+json';
const MAX_BODY = 1024 * 1024;

function scimJson(c: Context, body: unknown, status: ContentfulStatusCode = 200, location?: string): Response {
  return c.body(JSON.stringify(body), status, { 'content-type': SCIM_JSON, ...(location ? { location } : {}) });
}

/** The SCIM base URL as clients see it (for `meta.location` and `$ref`). */
function baseUrl(c: Context<AppEnv>): string {
  const configured = c.var.services.config.identity.publicUrl;
  return `${(configured ?? new URL(c.req.url).origin).replace(/\/+$/, '')}${SCIM_BASE_PATH}`;
}

async function body(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ScimError('invalidSyntax', 'the request body is not valid JSON');
  }
}

function query(c: Context): ScimQuery {
  const q = c.req.query();
  return { filter: q.filter, startIndex: q.startIndex, count: q.count, attributes: q.attributes, excludedAttributes: q.excludedAttributes };
}

export function scimRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => {
    const { status, body: errorBody } = scimErrorResponse(error);
    if (status === 500) c.var.services.logger.error('SCIM request failed', { path: c.req.path, error: (error as Error).message, stack: (error as Error).stack });
    if (status === 401) c.header('WWW-Authenticate', 'Bearer realm="confer-scim"');
    return scimJson(c, errorBody, status as ContentfulStatusCode);
  });

  // Checked here rather than by the API-wide limit, so a refusal is a SCIM error too.
  app.use(
    `${SCIM_BASE_PATH}/*`,
    bodyLimit({
      maxSize: MAX_BODY,
      onError: () => {
        throw new ScimError(null, `the request body exceeds ${MAX_BODY} bytes`, 413);
      },
    }),
  );

  // Discovery documents describe the service and carry no account data: no token needed.
  app.get(`${SCIM_BASE_PATH}/ServiceProviderConfig`, (c) => scimJson(c, serviceProviderConfig(baseUrl(c))));
  app.get(`${SCIM_BASE_PATH}/ResourceTypes`, (c) => scimJson(c, resourceTypesResponse(baseUrl(c))));
  app.get(`${SCIM_BASE_PATH}/ResourceTypes/:id`, (c) => scimJson(c, findResourceTypeDocument(baseUrl(c), c.req.param('id'))));
  app.get(`${SCIM_BASE_PATH}/Schemas`, (c) => scimJson(c, schemasResponse(baseUrl(c))));
  app.get(`${SCIM_BASE_PATH}/Schemas/:id`, (c) => scimJson(c, findSchemaDocument(baseUrl(c), c.req.param('id'))));

  for (const path of [`${SCIM_BASE_PATH}/Users`, `${SCIM_BASE_PATH}/Users/*`, `${SCIM_BASE_PATH}/Groups`, `${SCIM_BASE_PATH}/Groups/*`]) {
    app.use(path, async (c, next) => {
      const services = c.var.services;
      const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
      if (!match) throw new AppError('unauthenticated', 'send a SCIM token as "Authorization: Bearer <token>" (create one with `confer tokens create --scim`)');
      const { account, user, token } = await authenticateToken(services.store, services.clock, match[1], ['scim']);
      c.set('ctx', userContext(services, account, user, 'scim', token.id));
      await next();
    });
  }

  app.get(`${SCIM_BASE_PATH}/Users`, async (c) => scimJson(c, await scimListUsers(c.var.ctx, baseUrl(c), query(c))));
  app.post(`${SCIM_BASE_PATH}/Users`, async (c) => {
    const created = await scimCreateUser(c.var.ctx, baseUrl(c), await body(c));
    return scimJson(c, created, 201, (created.meta as { location: string }).location);
  });
  app.get(`${SCIM_BASE_PATH}/Users/:id`, async (c) => scimJson(c, await scimGetUser(c.var.ctx, baseUrl(c), c.req.param('id'), query(c))));
  app.put(`${SCIM_BASE_PATH}/Users/:id`, async (c) => scimJson(c, await scimReplaceUser(c.var.ctx, baseUrl(c), c.req.param('id'), await body(c))));
  app.patch(`${SCIM_BASE_PATH}/Users/:id`, async (c) => scimJson(c, await scimPatchUser(c.var.ctx, baseUrl(c), c.req.param('id'), await body(c))));
  app.delete(`${SCIM_BASE_PATH}/Users/:id`, async (c) => {
    await scimDeleteUser(c.var.ctx, c.req.param('id'));
    return c.body(null, 204);
  });

  app.get(`${SCIM_BASE_PATH}/Groups`, async (c) => scimJson(c, await scimListGroups(c.var.ctx, baseUrl(c), query(c))));
  app.post(`${SCIM_BASE_PATH}/Groups`, async (c) => {
    const created = await scimCreateGroup(c.var.ctx, baseUrl(c), await body(c));
    return scimJson(c, created, 201, (created.meta as { location: string }).location);
  });
  app.get(`${SCIM_BASE_PATH}/Groups/:id`, async (c) => scimJson(c, await scimGetGroup(c.var.ctx, baseUrl(c), c.req.param('id'), query(c))));
  app.put(`${SCIM_BASE_PATH}/Groups/:id`, async (c) => scimJson(c, await scimReplaceGroup(c.var.ctx, baseUrl(c), c.req.param('id'), await body(c))));
  app.patch(`${SCIM_BASE_PATH}/Groups/:id`, async (c) => {
    const group = await scimPatchGroup(c.var.ctx, baseUrl(c), c.req.param('id'), await body(c));
    // RFC 7644 §3.5.2: 204 unless attributes were asked for.
    return c.req.query('attributes') ? scimJson(c, group) : c.body(null, 204);
  });
  app.delete(`${SCIM_BASE_PATH}/Groups/:id`, async (c) => {
    await scimDeleteGroup(c.var.ctx, c.req.param('id'));
    return c.body(null, 204);
  });
  app.all(`${SCIM_BASE_PATH}/*`, (c) => {
    throw new ScimError(null, `no SCIM endpoint for ${c.req.method} ${c.req.path}`, 404);
  });
  return app;
}
