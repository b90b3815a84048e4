import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { systemClock } from '../core/clock.ts';
import { issueToken } from '../governance/tokens.ts';
import { startServer, type RunningServer } from './serve.ts';
import { apiCaller } from './__fixtures__/api-caller.ts';

const VTT = `WEBVTT

NOTE
title: Vendor review
date: 2026-03-04T10:00:00Z

00:00:00.000 --> 00:00:05.000
<v Priya Nair>We agreed to go with Fabrikam for the support contract.

00:00:05.000 --> 00:00:10.000
<v Tom Becker>I'll draft the purchase order by Friday.
`;

const QUIET = `WEBVTT

NOTE
title: Coffee chat
date: 2026-03-03T10:00:00Z

00:00:00.000 --> 00:00:05.000
<v Priya Nair>The weather was lovely at the weekend.

00:00:05.000 --> 00:00:10.000
<v Tom Becker>It was, we went walking by the lake.
`;

describe('tasks API over HTTP', () => {
  let world: TestWorld;
  let server: RunningServer;
  let tomToken: string;
  let strangerToken: string;
  let meetingId: string;
  let quietId: string;

  const call = apiCaller((path, init) => fetch(server.url + path, init), () => world.ownerToken);
  const upload = async (content: string, filename: string) => {
    const form = new FormData();
    form.set('file', new Blob([content]), filename);
    const res = await fetch(`${server.url}/v1/meetings`, { method: 'POST', body: form, headers: { authorization: `Bearer ${world.ownerToken}` } });
    return ((await res.json()) as any).meeting.id as string;
  };
  const until = async <T>(probe: () => Promise<T | undefined>): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await sleep(50);
    }
    throw new Error('timed out');
  };

  before(async () => {
    world = await createTestWorld({ clock: systemClock });
    server = await startServer(world.services, { host: '127.0.0.1', port: 0, worker: true });
    const tom = await world.addUser({ name: 'Tom Becker' });
    const stranger = await world.addUser();
    const tokenFor = async (userId: string) => (await issueToken(world.services.store, systemClock, { accountId: world.account.id, userId, name: 't' })).token;
    tomToken = await tokenFor(tom.id);
    strangerToken = await tokenFor(stranger.id);
    meetingId = await upload(VTT, 'review.vtt');
    quietId = await upload(QUIET, 'coffee.vtt');
  });
  after(async () => {
    await server.close();
    await world.close();
  });

  it('captures tasks after the automatic summary', async () => {
    const page = await until(async () => {
      const { body } = await call(`/v1/tasks?meetingId=${meetingId}`);
      return body.total > 0 ? body : undefined;
    });
    const [task] = page.items;
    assert.match(task.title, /purchase order/);
    assert.equal(task.due, '2026-03-06');
    assert.equal(task.status, 'open');
    assert.equal(task.assignee.name, 'Tom Becker');
    assert.deepEqual(task.source, { meetingId, meetingTitle: 'Vendor review', segment: 1, start: 5, speaker: 'Tom Becker' });
  });

  it('filters meetings by action items and reports their count', async () => {
    await until(async () => ((await call(`/v1/meetings/${quietId}`)).body.summaryStatus === 'ready' ? true : undefined));
    const withItems = await call('/v1/meetings?hasActionItems=true');
    assert.deepEqual(withItems.body.items.map((m: { id: string }) => m.id), [meetingId]);
    assert.equal(withItems.body.items[0].actionItems, 1);
    const without = await call('/v1/meetings?hasActionItems=false');
    assert.deepEqual(without.body.items.map((m: { id: string }) => m.id), [quietId]);
    assert.equal(without.body.items[0].actionItems, 0);
    assert.equal((await call('/v1/meetings?hasActionItems=perhaps')).status, 400);
  });

  it('captures again without duplicating', async () => {
    const res = await call(`/v1/meetings/${meetingId}/tasks`, { method: 'POST' });
    assert.equal(res.status, 201);
    assert.equal(res.body.created, 0);
    assert.equal(res.body.tasks.length, 1);
    const quiet = await call(`/v1/meetings/${quietId}/tasks`, { method: 'POST', body: {} });
    assert.deepEqual([quiet.status, quiet.body.created, quiet.body.tasks], [201, 0, []]);
  });

  it('shows the assignee their task and hides it from others', async () => {
    const mine = await call('/v1/tasks?assignee=me', { token: tomToken });
    assert.equal(mine.body.total, 1);
    assert.equal(mine.body.items[0].source, null, 'Tom may not read the meeting');
    const id = mine.body.items[0].id;
    assert.equal((await call(`/v1/tasks/${id}`, { token: tomToken })).status, 200);
    assert.equal((await call('/v1/tasks', { token: strangerToken })).body.total, 0);
    assert.equal((await call(`/v1/tasks/${id}`, { token: strangerToken })).status, 404);
    assert.equal((await call(`/v1/tasks/${id}`, { token: strangerToken, method: 'PATCH', body: { status: 'done' } })).status, 404);
  });

  it('updates a task and validates the change', async () => {
    const { body: page } = await call('/v1/tasks?status=open');
    const id = page.items[0].id;
    const done = await call(`/v1/tasks/${id}`, { method: 'PATCH', body: { status: 'done', due: null } });
    assert.equal(done.status, 200);
    assert.equal(done.body.status, 'done');
    assert.equal(done.body.due, null);
    assert.equal((await call('/v1/tasks?status=open')).body.total, 0);
    assert.equal((await call('/v1/tasks?status=done')).body.total, 1);
    const bad = await call(`/v1/tasks/${id}`, { method: 'PATCH', body: { due: '2026-02-30', status: 'later' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.fields.map((f: { path: string }) => f.path).sort(), ['due', 'status']);
    assert.equal((await call('/v1/tasks?dueFrom=tomorrow')).status, 400);
    const word = await call(`/v1/tasks/${id}`, { method: 'PATCH', body: { due: 'tomorrow', assignee: 'me' } });
    assert.deepEqual(word.body.error.fields, [
      { path: 'due', message: 'expected a date as YYYY-MM-DD' },
      { path: 'assignee', message: 'expected {"userId": "usr_…"}, {"name": "…"} or null' },
    ]);
  });

  it('names the level that switched capture off', async () => {
    const { store } = world.services;
    await store.groups.create({ id: 'grp_legal', accountId: world.account.id, name: 'Legal', externalId: null, aiAccess: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });
    await store.groups.addMember(world.account.id, 'grp_legal', world.owner.id);
    await store.settings.set({
      accountId: world.account.id, scope: 'group', scopeId: 'grp_legal', key: 'feature.tasks.capture',
      value: false, locked: true, updatedAt: new Date().toISOString(), updatedBy: world.owner.id,
    });
    const res = await call(`/v1/meetings/${meetingId}/tasks`, { method: 'POST' });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'feature_disabled');
    assert.equal(res.body.error.message, 'tasks.capture is off: locked by group Legal');
    assert.deepEqual(res.body.error.details.decidedBy, { level: 'group', id: 'grp_legal', name: 'Legal', locked: true });
  });

  it('documents the routes', async () => {
    const doc = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as any;
    assert.ok(doc.paths['/v1/tasks'].get);
    assert.ok(doc.paths['/v1/tasks/{id}'].patch);
    assert.ok(doc.paths['/v1/meetings/{id}/tasks'].post);
    assert.ok(doc.components.schemas.Task);
  });
});
