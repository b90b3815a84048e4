/**
 * Every route of the application, called as the account's owner, an admin,
 * a member, the owner of another account, and without credentials. Routes
 * are read from the application itself, so a new route without a row in
 * the table below fails this test until its expectations are written down.
 *
 * Content routes use an artifact owned by the owner and shared with nobody:
 * roles grant no content access, so admins and members get 404 like
 * outsiders. SCIM routes are called with each principal's SCIM token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { systemClock } from '../core/clock.ts';
import type { User } from '../core/types.ts';
import { issueToken } from '../governance/tokens.ts';
import { createApp } from './app.ts';

type Principal = 'owner' | 'admin' | 'member' | 'foreign' | 'anonymous';
const PRINCIPALS: Principal[] = ['owner', 'admin', 'member', 'foreign', 'anonymous'];

/** Expected statuses in PRINCIPALS order. */
type Row = [number, number, number, number, number];

interface Call {
  path: string;
  body?: string | FormData;
  contentType?: string;
}

interface Fixtures {
  meetingId: string;
  taskId: string;
  /** The owner's summary of that meeting. */
  summaryId: string;
  /** A fresh meeting of the owner, per call. */
  newMeeting(): Promise<string>;
  /** A fresh meeting of the owner, soft-deleted, per call. */
  deletedMeeting(): Promise<string>;
  /** A fresh provider registered by the owner, per call (its name). */
  newProvider(): Promise<string>;
  /** A fresh legal hold placed by the owner, per call. */
  newHold(): Promise<string>;
  /** A fresh eDiscovery export by the owner, of a fresh hold, per call. */
  newExport(): Promise<string>;
  /** A fresh blocked pattern saved by the owner, per call. */
  newPattern(): Promise<string>;
  /** A fresh share link of the owner's summary, per call. */
  newShare(): Promise<{ id: string; token: string }>;
  /** A fresh member of the account, per call. */
  newUser(): Promise<User>;
  /** A fresh group of the account, per call. */
  newGroup(): Promise<string>;
  /** A fresh API token of the principal, per call. */
  ownTokenId(p: Principal): Promise<string>;
  unique(): string;
}

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Ann Lee>We agreed to ship the release on Friday.\n\n00:00:04.000 --> 00:00:08.000\n<v Bo Chen>I will send the notes by Monday.\n';
const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });
const scimJson = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/scim+json' });
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * The expectation table: `METHOD path` as the application registers it,
 * how to call it, and the status for owner, admin, member, another
 * account's owner, and no credentials.
 */
const MATRIX: Record<string, { call: (f: Fixtures, p: Principal) => Promise<Call> | Call; expect: Row }> = {
  'GET /v1/health': { call: () => ({ path: '/v1/health' }), expect: [200, 200, 200, 200, 200] },
  'GET /v1/openapi.json': { call: () => ({ path: '/v1/openapi.json' }), expect: [200, 200, 200, 200, 200] },
  'GET /v1/me': { call: () => ({ path: '/v1/me' }), expect: [200, 200, 200, 200, 401] },

  'POST /v1/meetings': {
    call: (f) => {
      const form = new FormData();
      form.set('file', new Blob([`${VTT}\nNOTE ${f.unique()}\n`]), 'm.vtt');
      return { path: '/v1/meetings', body: form };
    },
    expect: [201, 201, 201, 201, 401],
  },
  'GET /v1/meetings': { call: () => ({ path: '/v1/meetings' }), expect: [200, 200, 200, 200, 401] },
  'GET /v1/meetings/:id': { call: (f) => ({ path: `/v1/meetings/${f.meetingId}` }), expect: [200, 404, 404, 404, 401] },
  'GET /v1/meetings/:id/transcript': { call: (f) => ({ path: `/v1/meetings/${f.meetingId}/transcript` }), expect: [200, 404, 404, 404, 401] },
  'GET /v1/meetings/:id/summary': { call: (f) => ({ path: `/v1/meetings/${f.meetingId}/summary` }), expect: [200, 404, 404, 404, 401] },
  'POST /v1/meetings/:id/summary': { call: (f) => ({ path: `/v1/meetings/${f.meetingId}/summary`, ...json({}) }), expect: [201, 404, 404, 404, 401] },
  'POST /v1/meetings/:id/questions': {
    call: (f) => ({ path: `/v1/meetings/${f.meetingId}/questions`, ...json({ question: 'When is the release?' }) }),
    expect: [200, 404, 404, 404, 401],
  },
  'POST /v1/meetings/:id/tasks': { call: (f) => ({ path: `/v1/meetings/${f.meetingId}/tasks`, ...json({}) }), expect: [201, 404, 404, 404, 401] },

  'GET /v1/tasks': { call: () => ({ path: '/v1/tasks' }), expect: [200, 200, 200, 200, 401] },
  'GET /v1/tasks/:id': { call: (f) => ({ path: `/v1/tasks/${f.taskId}` }), expect: [200, 404, 404, 404, 401] },
  'PATCH /v1/tasks/:id': { call: (f) => ({ path: `/v1/tasks/${f.taskId}`, ...json({ status: 'open' }) }), expect: [200, 404, 404, 404, 401] },

  'GET /v1/tokens': { call: () => ({ path: '/v1/tokens' }), expect: [200, 200, 200, 200, 401] },
  'POST /v1/tokens': { call: () => ({ path: '/v1/tokens', ...json({ name: 'script' }) }), expect: [201, 201, 201, 201, 401] },
  'DELETE /v1/tokens/:id': { call: async (f, p) => ({ path: `/v1/tokens/${await f.ownTokenId(p)}` }), expect: [200, 200, 200, 200, 401] },

  'POST /v1/users/import': {
    call: (f) => ({ path: '/v1/users/import', body: `email,groups\nimport-${f.unique()}@acme.test,Imported\n`, contentType: 'text/csv' }),
    expect: [200, 200, 403, 200, 401],
  },
  'GET /v1/users': { call: () => ({ path: '/v1/users' }), expect: [200, 200, 403, 200, 401] },
  'POST /v1/users': { call: (f) => ({ path: '/v1/users', ...json({ email: `new-${f.unique()}@acme.test` }) }), expect: [201, 201, 403, 201, 401] },
  'GET /v1/users/:id': { call: async (f) => ({ path: `/v1/users/${(await f.newUser()).id}` }), expect: [200, 200, 403, 404, 401] },
  'PATCH /v1/users/:id': { call: async (f) => ({ path: `/v1/users/${(await f.newUser()).id}`, ...json({ aiAccess: false }) }), expect: [200, 200, 403, 404, 401] },

  'GET /v1/licences/:id': { call: async (f) => ({ path: `/v1/licences/${(await f.newUser()).id}` }), expect: [200, 200, 403, 404, 401] },
  'PUT /v1/licences/account': { call: () => ({ path: '/v1/licences/account', ...json({ baseAiLicence: true }) }), expect: [200, 200, 403, 200, 401] },

  'GET /v1/groups': { call: () => ({ path: '/v1/groups' }), expect: [200, 200, 403, 200, 401] },
  'POST /v1/groups': { call: (f) => ({ path: '/v1/groups', ...json({ name: `Group ${f.unique()}` }) }), expect: [201, 201, 403, 201, 401] },
  'GET /v1/groups/:id': { call: async (f) => ({ path: `/v1/groups/${await f.newGroup()}` }), expect: [200, 200, 403, 404, 401] },
  'PATCH /v1/groups/:id': { call: async (f) => ({ path: `/v1/groups/${await f.newGroup()}`, ...json({ aiAccess: false }) }), expect: [200, 200, 403, 404, 401] },
  'DELETE /v1/groups/:id': { call: async (f) => ({ path: `/v1/groups/${await f.newGroup()}` }), expect: [204, 204, 403, 404, 401] },
  'POST /v1/groups/:id/members': {
    call: async (f) => ({ path: `/v1/groups/${await f.newGroup()}/members`, ...json({ add: [(await f.newUser()).id] }) }),
    expect: [200, 200, 403, 404, 401],
  },

  'GET /v1/settings': { call: () => ({ path: '/v1/settings' }), expect: [200, 200, 403, 200, 401] },
  'GET /v1/settings/effective': { call: () => ({ path: '/v1/settings/effective' }), expect: [200, 200, 200, 200, 401] },
  'PUT /v1/settings/:level/:id/:key': {
    call: async (f) => ({ path: `/v1/settings/group/${await f.newGroup()}/feature.meeting.summary`, ...json({ value: false, locked: true }) }),
    expect: [200, 200, 403, 404, 401],
  },
  'DELETE /v1/settings/:level/:id/:key': {
    call: async (f) => ({ path: `/v1/settings/group/${await f.newGroup()}/feature.meeting.summary` }),
    expect: [200, 200, 403, 404, 401],
  },

  'GET /v1/audit': { call: () => ({ path: '/v1/audit' }), expect: [200, 200, 403, 200, 401] },
  'GET /v1/audit/verify': { call: () => ({ path: '/v1/audit/verify' }), expect: [200, 200, 403, 200, 401] },

  'GET /scim/v2/ServiceProviderConfig': { call: () => ({ path: '/scim/v2/ServiceProviderConfig' }), expect: [200, 200, 200, 200, 200] },
  'GET /scim/v2/ResourceTypes': { call: () => ({ path: '/scim/v2/ResourceTypes' }), expect: [200, 200, 200, 200, 200] },
  'GET /scim/v2/ResourceTypes/:id': { call: () => ({ path: '/scim/v2/ResourceTypes/User' }), expect: [200, 200, 200, 200, 200] },
  'GET /scim/v2/Schemas': { call: () => ({ path: '/scim/v2/Schemas' }), expect: [200, 200, 200, 200, 200] },
  'GET /scim/v2/Schemas/:id': { call: () => ({ path: `/scim/v2/Schemas/${USER_SCHEMA}` }), expect: [200, 200, 200, 200, 200] },
  'GET /scim/v2/Users': { call: () => ({ path: '/scim/v2/Users' }), expect: [200, 200, 403, 200, 401] },
  'POST /scim/v2/Users': {
    call: (f) => ({ path: '/scim/v2/Users', ...scimJson({ schemas: [USER_SCHEMA], userName: `scim-${f.unique()}@acme.test` }) }),
    expect: [201, 201, 403, 201, 401],
  },
  'GET /scim/v2/Users/:id': { call: async (f) => ({ path: `/scim/v2/Users/${(await f.newUser()).id}` }), expect: [200, 200, 403, 404, 401] },
  'PUT /scim/v2/Users/:id': {
    call: async (f) => {
      const u = await f.newUser();
      return { path: `/scim/v2/Users/${u.id}`, ...scimJson({ schemas: [USER_SCHEMA], userName: u.email, active: true }) };
    },
    expect: [200, 200, 403, 404, 401],
  },
  'PATCH /scim/v2/Users/:id': {
    call: async (f) => ({ path: `/scim/v2/Users/${(await f.newUser()).id}`, ...scimJson({ schemas: [PATCH_SCHEMA], Operations: [{ op: 'replace', value: { active: false } }] }) }),
    expect: [200, 200, 403, 404, 401],
  },
  'DELETE /scim/v2/Users/:id': { call: async (f) => ({ path: `/scim/v2/Users/${(await f.newUser()).id}` }), expect: [204, 204, 403, 404, 401] },
  'GET /scim/v2/Groups': { call: () => ({ path: '/scim/v2/Groups' }), expect: [200, 200, 403, 200, 401] },
  'POST /scim/v2/Groups': {
    call: (f) => ({ path: '/scim/v2/Groups', ...scimJson({ schemas: [GROUP_SCHEMA], displayName: `SCIM ${f.unique()}` }) }),
    expect: [201, 201, 403, 201, 401],
  },
  'GET /scim/v2/Groups/:id': { call: async (f) => ({ path: `/scim/v2/Groups/${await f.newGroup()}` }), expect: [200, 200, 403, 404, 401] },
  'PUT /scim/v2/Groups/:id': {
    call: async (f) => ({ path: `/scim/v2/Groups/${await f.newGroup()}`, ...scimJson({ schemas: [GROUP_SCHEMA], displayName: `Renamed ${f.unique()}` }) }),
    expect: [200, 200, 403, 404, 401],
  },
  'PATCH /scim/v2/Groups/:id': {
    call: async (f) => ({
      path: `/scim/v2/Groups/${await f.newGroup()}`,
      ...scimJson({ schemas: [PATCH_SCHEMA], Operations: [{ op: 'add', path: 'members', value: [{ value: (await f.newUser()).id }] }] }),
    }),
    expect: [204, 204, 403, 404, 401],
  },
  'DELETE /scim/v2/Groups/:id': { call: async (f) => ({ path: `/scim/v2/Groups/${await f.newGroup()}` }), expect: [204, 204, 403, 404, 401] },

  'GET /v1/account': { call: () => ({ path: '/v1/account' }), expect: [200, 200, 200, 200, 401] },
  // Only owners change the deployment mode; the foreign owner changes their own account.
  'PATCH /v1/account': { call: () => ({ path: '/v1/account', ...json({ deploymentMode: 'self-hosted-plus' }) }), expect: [200, 403, 403, 200, 401] },
  'GET /v1/admin/providers': { call: () => ({ path: '/v1/admin/providers' }), expect: [200, 200, 403, 200, 401] },
  'POST /v1/admin/providers': {
    call: (f) => ({ path: '/v1/admin/providers', ...json({ name: `local-${f.unique()}`, kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1', regions: ['EU'], capabilities: ['text'], models: { text: 'm' }, contextWindow: 8192 }) }),
    expect: [201, 201, 403, 201, 401],
  },
  'DELETE /v1/admin/providers/:name': { call: async (f) => ({ path: `/v1/admin/providers/${await f.newProvider()}` }), expect: [204, 204, 403, 404, 401] },
  'GET /v1/features': { call: () => ({ path: '/v1/features' }), expect: [200, 200, 200, 200, 401] },
  'POST /v1/features/:id/run': {
    call: (f) => ({ path: '/v1/features/meeting.summary/run', ...json({ input: { artifactId: f.meetingId } }) }),
    expect: [200, 404, 404, 404, 401],
  },
  'GET /v1/settings/definitions': { call: () => ({ path: '/v1/settings/definitions' }), expect: [200, 200, 403, 200, 401] },

  'GET /v1/holds': { call: () => ({ path: '/v1/holds' }), expect: [200, 200, 403, 200, 401] },
  'POST /v1/holds': { call: (f) => ({ path: '/v1/holds', ...json({ name: `hold-${f.unique()}`, reason: 'matrix', artifactId: f.meetingId }) }), expect: [201, 201, 403, 404, 401] },
  'GET /v1/holds/:id': { call: async (f) => ({ path: `/v1/holds/${await f.newHold()}` }), expect: [200, 200, 403, 404, 401] },
  'POST /v1/holds/:id/release': { call: async (f) => ({ path: `/v1/holds/${await f.newHold()}/release` }), expect: [200, 200, 403, 404, 401] },

  // Foreign owners do not find the hold in their account; another account's export is not found either.
  'POST /v1/exports': { call: async (f) => ({ path: '/v1/exports', ...json({ hold: await f.newHold() }) }), expect: [201, 201, 403, 404, 401] },
  'GET /v1/exports': { call: () => ({ path: '/v1/exports' }), expect: [200, 200, 403, 200, 401] },
  'GET /v1/exports/:id/manifest': { call: async (f) => ({ path: `/v1/exports/${await f.newExport()}/manifest` }), expect: [200, 200, 403, 404, 401] },
  'GET /v1/exports/:id/verify': { call: async (f) => ({ path: `/v1/exports/${await f.newExport()}/verify` }), expect: [200, 200, 403, 404, 401] },
  'GET /v1/exports/:id/files/:path': { call: async (f) => ({ path: `/v1/exports/${await f.newExport()}/files/audit.jsonl` }), expect: [200, 200, 403, 404, 401] },

  'GET /v1/retention/policies': { call: () => ({ path: '/v1/retention/policies' }), expect: [200, 200, 403, 200, 401] },
  'PUT /v1/retention/policies/:kind/:target': { call: () => ({ path: '/v1/retention/policies/output/tasks.capture', ...json({ days: 3650, mode: 'soft' }) }), expect: [200, 200, 403, 200, 401] },
  'DELETE /v1/retention/policies/:kind/:target': { call: () => ({ path: '/v1/retention/policies/output/tasks.capture' }), expect: [204, 204, 403, 204, 401] },
  'POST /v1/retention/sweep': { call: () => ({ path: '/v1/retention/sweep' }), expect: [200, 200, 403, 200, 401] },
  // Content rule: only who can read the artifact may delete it (owner here); roles grant no access to content.
  'DELETE /v1/artifacts/:id': { call: async (f) => ({ path: `/v1/artifacts/${await f.newMeeting()}` }), expect: [200, 404, 404, 404, 401] },
  // Admins see ids and dates of deleted content (no titles), as they may restore it.
  'GET /v1/artifacts/deleted': { call: () => ({ path: '/v1/artifacts/deleted' }), expect: [200, 200, 403, 200, 401] },
  'POST /v1/artifacts/:id/restore': { call: async (f) => ({ path: `/v1/artifacts/${await f.deletedMeeting()}/restore` }), expect: [204, 204, 403, 404, 401] },

  'GET /v1/redaction': { call: () => ({ path: '/v1/redaction' }), expect: [200, 200, 403, 200, 401] },
  'PUT /v1/redaction/types': { call: () => ({ path: '/v1/redaction/types', ...json({ entities: ['EMAIL'] }) }), expect: [200, 200, 403, 200, 401] },
  'POST /v1/redaction/patterns': { call: (f) => ({ path: '/v1/redaction/patterns', ...json({ name: `p-${f.unique()}`, pattern: 'project x' }) }), expect: [201, 201, 403, 201, 401] },
  'DELETE /v1/redaction/patterns/:id': { call: async (f) => ({ path: `/v1/redaction/patterns/${await f.newPattern()}` }), expect: [204, 204, 403, 404, 401] },
  'POST /v1/redaction/patterns/test': { call: () => ({ path: '/v1/redaction/patterns/test', ...json({ pattern: 'project x', text: 'about project x' }) }), expect: [200, 200, 403, 200, 401] },

  'POST /v1/shares': { call: (f) => ({ path: '/v1/shares', ...json({ outputId: f.summaryId }) }), expect: [201, 404, 404, 404, 401] },
  'GET /v1/shares': { call: (f) => ({ path: `/v1/shares?outputId=${f.summaryId}` }), expect: [200, 404, 404, 404, 401] },
  'GET /v1/shares/active': { call: () => ({ path: '/v1/shares/active' }), expect: [200, 200, 403, 200, 401] },
  // Its creator (the owner) or an admin of the account may revoke.
  'DELETE /v1/shares/:id': { call: async (f) => ({ path: `/v1/shares/${(await f.newShare()).id}` }), expect: [204, 204, 404, 404, 401] },
  // The link itself is the credential; a signed-in user of another organisation is refused.
  'GET /v1/shared/:token': { call: async (f) => ({ path: `/v1/shared/${(await f.newShare()).token}` }), expect: [200, 200, 200, 403, 200] },
  // No SMTP server in this test: the owner learns so; nobody else learns the summary exists.
  'POST /v1/summaries/:id/email': { call: (f) => ({ path: `/v1/summaries/${f.summaryId}/email` }), expect: [503, 404, 404, 404, 401] },

  'GET /v1/disclaimers': { call: () => ({ path: '/v1/disclaimers' }), expect: [200, 200, 403, 200, 401] },
  'PUT /v1/disclaimers/:group/:audience': { call: () => ({ path: '/v1/disclaimers/panel/internal', ...json({ texts: { en: 'Panel answers are AI-generated.' } }) }), expect: [200, 200, 403, 200, 401] },
  // The fixture account has a meetings disclaimer; the foreign account has none.
  'GET /v1/disclaimers/:group': { call: () => ({ path: '/v1/disclaimers/meetings' }), expect: [200, 200, 200, 404, 401] },
  'POST /v1/disclaimers/:group/accept': { call: () => ({ path: '/v1/disclaimers/meetings/accept' }), expect: [200, 200, 200, 404, 401] },

  // Single sign-on is not configured in this test: login says so; a callback without a started sign-in is refused.
  'GET /auth/methods': { call: () => ({ path: '/auth/methods' }), expect: [200, 200, 200, 200, 200] },
  'GET /auth/oidc/login': { call: () => ({ path: '/auth/oidc/login' }), expect: [503, 503, 503, 503, 503] },
  'GET /auth/oidc/callback': { call: () => ({ path: '/auth/oidc/callback?code=x&state=y' }), expect: [401, 401, 401, 401, 401] },
  'POST /auth/logout': { call: () => ({ path: '/auth/logout' }), expect: [204, 204, 204, 204, 204] },
};

/** Routes a catch-all registers (web app, SCIM not-found); not endpoints of their own. */
const CATCH_ALL = new Set(['GET /*', 'ALL /*', 'ALL /scim/v2/*']);

describe('authorisation matrix', () => {
  let world: TestWorld;
  let app: ReturnType<typeof createApp>;
  const api: Partial<Record<Principal, string>> = {};
  const scim: Partial<Record<Principal, string>> = {};
  const userOf: Partial<Record<Principal, User>> = {};
  let fixtures: Fixtures;
  let routes: string[];

  before(async () => {
    world = await createTestWorld({ clock: systemClock });
    app = createApp(world.services);
    const { store, clock } = world.services;
    const admin = await world.addUser({ role: 'admin' });
    const member = await world.addUser({ role: 'member' });
    const foreign = await world.addAccount();
    userOf.owner = world.owner;
    userOf.admin = admin;
    userOf.member = member;
    userOf.foreign = foreign.owner;
    for (const p of ['owner', 'admin', 'member', 'foreign'] as const) {
      const u = userOf[p]!;
      api[p] = (await issueToken(store, clock, { accountId: u.accountId, userId: u.id, name: 'matrix' })).token;
      scim[p] = (await issueToken(store, clock, { accountId: u.accountId, userId: u.id, name: 'matrix', kind: 'scim' })).token;
    }
    // The owner's meeting, shared with nobody, and a task from it.
    const form = new FormData();
    form.set('file', new Blob([VTT]), 'owner.vtt');
    const upload = await app.request('/v1/meetings', { method: 'POST', body: form, headers: { authorization: `Bearer ${api.owner}` } });
    assert.equal(upload.status, 201);
    const meetingId = ((await upload.json()) as { artifact?: { id: string }; meeting?: { id: string } }).meeting?.id;
    assert.ok(meetingId);
    const summarised = await app.request(`/v1/meetings/${meetingId}/summary`, { method: 'POST', headers: { authorization: `Bearer ${api.owner}`, 'content-type': 'application/json' }, body: '{}' });
    const summaryId = ((await summarised.json()) as { id: string }).id;
    assert.ok(summaryId);
    const captured = await app.request(`/v1/meetings/${meetingId}/tasks`, { method: 'POST', headers: { authorization: `Bearer ${api.owner}`, 'content-type': 'application/json' }, body: '{}' });
    const taskId = ((await captured.json()) as { tasks: { id: string }[] }).tasks[0]?.id;
    assert.ok(taskId, 'the meeting yields at least one task');
    const asOwner = async (method: string, path: string, body?: unknown) => {
      const res = await app.request(path, {
        method,
        headers: { authorization: `Bearer ${api.owner}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
      return (res.status === 204 ? {} : await res.json()) as Record<string, string>;
    };
    await asOwner('PUT', '/v1/disclaimers/meetings/internal', { texts: { en: 'Meetings are summarised by AI.' } });
    let n = 0;
    const newMeeting = async () => {
      const form = new FormData();
      form.set('file', new Blob([`${VTT}\nNOTE fixture ${n++}\n`]), 'fixture.vtt');
      const res = await app.request('/v1/meetings', { method: 'POST', body: form, headers: { authorization: `Bearer ${api.owner}` } });
      assert.equal(res.status, 201);
      return ((await res.json()) as { meeting: { id: string } }).meeting.id;
    };
    fixtures = {
      meetingId,
      taskId,
      summaryId,
      newMeeting,
      deletedMeeting: async () => {
        const id = await newMeeting();
        await asOwner('DELETE', `/v1/artifacts/${id}`);
        return id;
      },
      newProvider: async () => {
        const name = `fixture-${n++}`;
        await asOwner('POST', '/v1/admin/providers', { name, kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1', regions: ['EU'], capabilities: ['text'], models: { text: 'm' }, contextWindow: 8192 });
        return name;
      },
      newHold: async () => (await asOwner('POST', '/v1/holds', { name: `fixture-${n++}`, reason: 'matrix', artifactId: meetingId })).id,
      newExport: async () => (await asOwner('POST', '/v1/exports', { hold: (await asOwner('POST', '/v1/holds', { name: `fixture-${n++}`, reason: 'matrix', artifactId: meetingId })).id })).id,
      newPattern: async () => (await asOwner('POST', '/v1/redaction/patterns', { name: `fixture-${n++}`, pattern: 'codename \\w+' })).id,
      newShare: async () => {
        const link = await asOwner('POST', '/v1/shares', { outputId: summaryId });
        return { id: link.id, token: link.token };
      },
      unique: () => `${Date.now().toString(36)}${n++}`,
      newUser: () => world.addUser(),
      newGroup: async () => {
        const res = await app.request('/v1/groups', { method: 'POST', headers: { authorization: `Bearer ${api.owner}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: `Fixture ${n++}` }) });
        return ((await res.json()) as { id: string }).id;
      },
      ownTokenId: async (p) => {
        const u = userOf[p] ?? world.owner;
        return (await issueToken(store, clock, { accountId: u.accountId, userId: u.id, name: 'to revoke' })).record.id;
      },
    };
    routes = [...new Set(app.routes.filter((r) => r.method !== 'ALL' || !app.routes.some((o) => o.path === r.path && o.method !== 'ALL')).map((r) => `${r.method} ${r.path}`))].filter(
      (key) => !CATCH_ALL.has(key) && !key.startsWith('ALL '),
    );
  });
  after(() => world.close());

  it('has an expectation for every registered route, and no stale ones', () => {
    const missing = routes.filter((r) => !(r in MATRIX));
    assert.deepEqual(missing, [], `routes without a row in the authorisation matrix: ${missing.join(', ')}`);
    const stale = Object.keys(MATRIX).filter((k) => !routes.includes(k));
    assert.deepEqual(stale, [], `rows for routes that no longer exist: ${stale.join(', ')}`);
  });

  it('answers every route with the expected status for each principal', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const row = MATRIX[route];
      if (!row) continue;
      const method = route.slice(0, route.indexOf(' '));
      for (const [i, principal] of PRINCIPALS.entries()) {
        const call = await row.call(fixtures, principal);
        const token = principal === 'anonymous' ? undefined : route.includes(' /scim/') ? scim[principal] : api[principal];
        const headers: Record<string, string> = {};
        if (token) headers.authorization = `Bearer ${token}`;
        if (call.contentType) headers['content-type'] = call.contentType;
        const res = await app.request(call.path, { method, headers, body: call.body });
        if (res.status !== row.expect[i]) failures.push(`${route} as ${principal}: expected ${row.expect[i]}, got ${res.status} ${(await res.text()).slice(0, 160)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
