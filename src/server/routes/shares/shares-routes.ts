import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../../core/errors.ts';
import type { Mailer } from '../../../core/mailer.ts';
import { createSmtpMailer } from '../../../delivery/smtp-mailer.ts';
import { createShareLink, listActiveShareLinks, listShareLinks, openShareLink, revokeShareLink } from '../../../governance/lifecycle/share-links.ts';
import { authenticateToken } from '../../../governance/tokens.ts';
import { emailSummary } from '../../../usecases/summary-email.ts';
import { requireAuth } from '../../auth.ts';
import type { AppEnv } from '../../env.ts';
import { publicOrigin } from '../../public-origin.ts';
import { validationHook } from '../../validation.ts';
import { jsonResponse } from '../json-response.ts';
import { errorSchema } from '../meetings/schema.ts';
import { emailResultSchema, shareCreateBody, shareIdParam, shareListQuery, shareSchema, sharedSummarySchema, shareTokenParam } from './schema.ts';

const errors = {
  400: jsonResponse(errorSchema, 'Invalid input'),
  401: jsonResponse(errorSchema, 'Missing or invalid bearer token; or sign-in required to open shared links'),
  403: jsonResponse(errorSchema, 'Not allowed, or email delivery is turned off'),
  404: jsonResponse(errorSchema, 'Not found, revoked, expired or deleted'),
  503: jsonResponse(errorSchema, 'No SMTP server is configured'),
};
const security = [{ bearer: [] }];
const tags = ['Sharing'];

const createShare = createRoute({
  method: 'post',
  path: '/v1/shares',
  tags,
  security,
  summary: 'Create a share link for a meeting summary',
  request: { body: { required: true, content: { 'application/json': { schema: shareCreateBody } } } },
  responses: { 201: jsonResponse(shareSchema, 'The link, with its token (shown once)'), ...errors },
});
const listShares = createRoute({
  method: 'get',
  path: '/v1/shares',
  tags,
  security,
  summary: 'Share links of a summary',
  request: { query: shareListQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(shareSchema) }), 'The links'), ...errors },
});
const listActive = createRoute({
  method: 'get',
  path: '/v1/shares/active',
  tags,
  security,
  summary: "The account's share links that still open, newest first, at most 200 (admin)",
  responses: { 200: jsonResponse(z.object({ items: z.array(shareSchema) }), 'The links'), ...errors },
});
const revokeShare = createRoute({
  method: 'delete',
  path: '/v1/shares/{id}',
  tags,
  security,
  summary: 'Revoke a share link (its creator or an admin)',
  request: { params: shareIdParam },
  responses: { 204: { description: 'Revoked' }, ...errors },
});
const openShared = createRoute({
  method: 'get',
  path: '/v1/shared/{token}',
  tags,
  summary: 'Open a shared summary; a bearer token is needed only when the account requires sign-in',
  description: 'A browser asking for HTML (a person who pasted this address) is redirected to the web page `/shared/{token}`, which reads this route.',
  request: { params: shareTokenParam },
  responses: { 200: jsonResponse(sharedSummarySchema, 'The summary'), 303: { description: 'To the web page of the link, for a browser asking for HTML' }, ...errors },
});
const emailRoute = createRoute({
  method: 'post',
  path: '/v1/summaries/{id}/email',
  tags,
  security,
  summary: "Email a summary to the host or all invitees, as the account's settings say",
  request: { params: shareIdParam },
  responses: { 200: jsonResponse(emailResultSchema, 'What was sent'), ...errors },
});

export function sharesRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/shares', requireAuth);
  app.use('/v1/shares/*', requireAuth);
  app.use('/v1/summaries/*', requireAuth);
  app.openapi(createShare, async (c) => {
    const body = c.req.valid('json');
    const link = await createShareLink(c.var.ctx, body.outputId, { expiresAt: body.expiresAt });
    return c.json({ ...link, url: `${publicOrigin(c).replace(/\/+$/, '')}/shared/${link.token}` }, 201);
  });
  app.openapi(listShares, async (c) => c.json({ items: await listShareLinks(c.var.ctx, c.req.valid('query').outputId) }, 200));
  app.openapi(listActive, async (c) => c.json({ items: await listActiveShareLinks(c.var.ctx) }, 200));
  app.openapi(revokeShare, async (c) => {
    await revokeShareLink(c.var.ctx, c.req.valid('param').id);
    return c.body(null, 204);
  });
  // The API address of a link, pasted into a browser, opens the web page that shows it.
  app.get('/v1/shared/:token', async (c, next) => {
    const accept = c.req.header('accept') ?? '';
    if (!accept.includes('text/html')) return next();
    return c.redirect(`/shared/${encodeURIComponent(c.req.param('token'))}`, 303);
  });
  app.openapi(openShared, async (c) => {
    const services = c.var.services;
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const viewer = bearer ? (await authenticateToken(services.store, services.clock, bearer)).user : null;
    const { output, title } = await openShareLink(services, c.req.valid('param').token, viewer);
    return c.json({ outputId: output.id, title, createdAt: output.createdAt, summary: output.payload as z.infer<typeof sharedSummarySchema>['summary'] }, 200);
  });
  app.openapi(emailRoute, async (c) => {
    const { config } = c.var.services;
    // Access to the summary is checked before anything about delivery is said, so outsiders learn nothing.
    const mailer: Mailer = config.smtpUrl
      ? createSmtpMailer(config.smtpUrl)
      : {
          send: async () => {
            throw new AppError('feature_unavailable', 'no SMTP server is configured; set CONFER_SMTP_URL');
          },
          close: () => {},
        };
    try {
      return c.json(await emailSummary(c.var.ctx, c.req.valid('param').id, { mailer, from: config.mailFrom ?? 'confer@localhost', publicUrl: config.publicUrl }), 200);
    } finally {
      mailer.close();
    }
  });
  return app;
}
