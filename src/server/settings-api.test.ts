import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { createApp } from './app.ts';
import { issueToken } from '../governance/tokens.ts';

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

  it('lists the setting definitions for admins only', async () => {
    const res = await call('GET', '/v1/settings/definitions');
    assert.equal(res.status, 200);
    const { items } = (await res.json()) as any;
    const recipients = items.find((d: any) => d.key === 'summary.email_recipients');
    assert.deepEqual(recipients.values, ['host_only', 'all_invitees']);
    assert.equal(recipients.default, 'host_only');
    assert.ok(items.find((d: any) => d.key === 'redaction.entities').items.includes('EMAIL'));
    assert.equal(items.find((d: any) => d.key === 'feature.meeting.summary').type, 'boolean');
    const member = await world.addUser();
    const { token } = await issueToken(world.services.store, world.services.clock, { accountId: world.account.id, userId: member.id, name: 'test' });
    const denied = await app.request('/v1/settings/definitions', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(denied.status, 403);
  });

  it('deactivates a user through PATCH and reports unknown users', async () => {
    const res = await call('PATCH', '/v1/users/eve@acme.test', { status: 'deactivated' });
    assert.equal(res.status, 200);
    assert.equal((await res.json() as any).status, 'deactivated');
    assert.equal((await call('GET', '/v1/users/nobody@acme.test')).status, 404);
  });

  it('imports CSV over HTTP and filters the audit log by actor, action, target and time', async () => {
    const csv = 'email,groups\nfay@acme.test,Legal\nnope,\n';
    const res = await app.request('/v1/users/import?dryRun=false', {
      method: 'POST',
      headers: { authorization: `Bearer ${world.ownerToken}`, 'content-type': 'text/csv' },
      body: csv,
    });
    assert.equal(res.status, 200);
    const report = (await res.json()) as any;
    assert.equal(report.created, 1);
    assert.deepEqual(report.errors.map((e: any) => e.line), [3]);
    const wrongType = await call('POST', '/v1/users/import', { csv });
    assert.equal(wrongType.status, 415);
    const fay = (await (await call('GET', '/v1/users/fay@acme.test')).json()) as any;
    const byTarget = (await (await call('GET', `/v1/audit?target=user:${fay.id}`)).json()) as any;
    assert.deepEqual(byTarget.items.map((e: any) => e.action), ['user.create', 'user.groups']);
    const byAction = (await (await call('GET', '/v1/audit?action=settings.set')).json()) as any;
    assert.ok(byAction.items.length >= 1 && byAction.items.every((e: any) => e.action === 'settings.set'));
    const byActor = (await (await call('GET', `/v1/audit?actor=${world.owner.email}&limit=2`)).json()) as any;
    assert.equal(byActor.items.length, 2);
    assert.equal(byActor.nextAfterSeq, byActor.items[1].seq);
    const future = (await (await call('GET', '/v1/audit?from=2100-01-01')).json()) as any;
    assert.deepEqual(future.items, []);
    assert.equal((await call('GET', '/v1/audit?from=soon')).status, 400);
    const verify = (await (await call('GET', '/v1/audit/verify')).json()) as any;
    assert.equal(verify.ok, true);
  });
});
