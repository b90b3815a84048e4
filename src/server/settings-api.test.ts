/* eslint-disable @typescript-eslint/no-explicit-any */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { createApp } from './app.ts';

describe('users, groups and settings API', () => {
  let world: TestWorld;
  let app: ReturnType<typeof createApp>;
  const call = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${world.ownerToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  before(async () => {
    world = await createTestWorld();
    app = createApp(world.services);
  });
  after(() => world.close());

  it('locks a group setting, refuses the user override and explains the value', async () => {
    const user = await (await call('POST', '/v1/users', { email: 'eve@acme.test', name: 'Eve' })).json() as any;
    const group = await (await call('POST', '/v1/groups', { name: 'Legal' })).json() as any;
    assert.equal((await call('POST', `/v1/groups/${group.id}/members`, { add: ['eve@acme.test'] })).status, 200);
    const put = await call('PUT', `/v1/settings/group/Legal/feature.meeting.summary`, { value: false, locked: true });
    assert.equal(put.status, 200);
    const override = await call('PUT', `/v1/settings/user/${user.id}/feature.meeting.summary`, { value: true });
    assert.equal(override.status, 409);
    assert.match((await override.json() as any).error.message, /locked by group Legal/);
    const bad = await call('PUT', `/v1/settings/group/Legal/summary.email_recipients`, { value: 'everyone' });
    assert.equal(bad.status, 400);
    const effective = await (await call('GET', `/v1/settings/effective?user=eve@acme.test&key=feature.meeting.summary`)).json() as any;
    assert.equal(effective.settings[0].value, false);
    assert.equal(effective.settings[0].explanation, 'off: locked by group Legal');
    assert.equal(effective.settings[0].decidedBy.name, 'Legal');
    const all = await (await call('GET', `/v1/settings/effective?user=${user.id}`)).json() as any;
    assert.ok(all.settings.length > 5);
    assert.equal((await call('DELETE', `/v1/settings/group/${group.id}/feature.meeting.summary`)).status, 200);
    const after = await (await call('GET', `/v1/settings/effective?user=${user.id}&key=feature.meeting.summary`)).json() as any;
    assert.equal(after.settings[0].decidedBy.level, 'default');
  });

  it('deactivates a user through PATCH and reports unknown users', async () => {
    const res = await call('PATCH', '/v1/users/eve@acme.test', { status: 'deactivated' });
    assert.equal(res.status, 200);
    assert.equal((await res.json() as any).status, 'deactivated');
    assert.equal((await call('GET', '/v1/users/nobody@acme.test')).status, 404);
  });
});
