import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { systemClock } from '../core/clock.ts';
import { FEATURE_IDS } from '../core/features.ts';
import { issueToken } from '../governance/tokens.ts';
import { chatCompletionReply } from '../models/testing/openai-server.ts';
import { startProviderHarness, type ProviderHarness } from '../models/testing/provider-harness.ts';
import { startServer, type RunningServer } from './serve.ts';
import { apiCaller } from './__fixtures__/api-caller.ts';

describe('account mode, providers and features API', () => {
  let world: TestWorld;
  let server: RunningServer;
  let local: ProviderHarness;
  let openai: ProviderHarness;
  let adminToken: string;
  let memberToken: string;

  const call = apiCaller((path, init) => fetch(server.url + path, init), () => world.ownerToken);

  before(async () => {
    local = await startProviderHarness('openai-compatible', { name: 'gpu-eu', capabilities: ['text', 'structured', 'long_context'], models: { text: 'llama3.1:70b' } });
    openai = await startProviderHarness('openai');
    world = await createTestWorld({ providers: { configs: [openai.config], env: { ...local.env, ...openai.env } } });
    server = await startServer(world.services, { port: 0, host: '127.0.0.1', worker: false });
    const admin = await world.addUser({ role: 'admin', email: 'admin@acme.test' });
    const member = await world.addUser({ email: 'member@acme.test' });
    adminToken = (await issueToken(world.services.store, systemClock, { accountId: world.account.id, userId: admin.id, name: 't' })).token;
    memberToken = (await issueToken(world.services.store, systemClock, { accountId: world.account.id, userId: member.id, name: 't' })).token;
  });
  after(async () => {
    await server.close();
    await world.close();
    await Promise.all([local.close(), openai.close()]);
  });

  it('shows the account and lets only an owner change the mode, auditing old and new values', async () => {
    const shown = await call('/v1/account', { token: memberToken });
    assert.equal(shown.status, 200);
    assert.deepEqual([shown.body.homeRegion, shown.body.deploymentMode], ['EU', 'self-hosted-plus']);

    const byAdmin = await call('/v1/account', { method: 'PATCH', body: { deploymentMode: 'federated' }, token: adminToken });
    assert.equal(byAdmin.status, 403);
    assert.match(byAdmin.body.error.message, /account\.mode/);
    const invalid = await call('/v1/account', { method: 'PATCH', body: { deploymentMode: 'anywhere' } });
    assert.equal(invalid.status, 400);

    const changed = await call('/v1/account', { method: 'PATCH', body: { deploymentMode: 'federated' } });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.deploymentMode, 'federated');
    assert.deepEqual(changed.body.allowedHosting, ['self', 'managed', 'third-party']);
    const [event] = await world.services.store.audit.list(world.account.id, { action: 'account.mode.change' });
    assert.deepEqual([event.details.old, event.details.new, event.actorId], ['self-hosted-plus', 'federated', world.owner.id]);
  });

  it('registers a provider by environment-variable name only, lists it with usability and health, and removes it', async () => {
    const registration = { ...local.registration };
    const literal = await call('/v1/admin/providers', { method: 'POST', body: { ...registration, apiKey: 'sk-live-123' } });
    assert.equal(literal.status, 400);
    assert.match(literal.body.error.message, /literal secrets are not allowed.*apiKeyEnv/);
    const unset = await call('/v1/admin/providers', { method: 'POST', body: { ...registration, apiKeyEnv: 'NOT_SET_ANYWHERE' } });
    assert.equal(unset.status, 400);
    assert.match(unset.body.error.message, /environment variable NOT_SET_ANYWHERE \(named by apiKeyEnv\) is not set/);
    const byMember = await call('/v1/admin/providers', { method: 'POST', body: registration, token: memberToken });
    assert.equal(byMember.status, 403);

    const created = await call('/v1/admin/providers', { method: 'POST', body: registration, token: adminToken });
    assert.equal(created.status, 201);
    assert.deepEqual([created.body.name, created.body.source, created.body.hosting, created.body.usable], ['gpu-eu', 'account', 'self', true]);
    const again = await call('/v1/admin/providers', { method: 'POST', body: registration });
    assert.equal(again.status, 409);
    const clash = await call('/v1/admin/providers', { method: 'POST', body: { ...registration, name: 'openai-test' } });
    assert.equal(clash.status, 409);
    assert.match(clash.body.error.message, /configuration file/);

    const listed = await call('/v1/admin/providers');
    assert.deepEqual(listed.body.items.map((p: any) => [p.name, p.source]), [['builtin', 'builtin'], ['openai-test', 'config'], ['gpu-eu', 'account']]);
    const gpu = listed.body.items.find((p: any) => p.name === 'gpu-eu');
    assert.equal(gpu.health.circuit, 'closed');
    assert.equal(gpu.reason, 'processes data in EU');
    const stored = JSON.stringify([await world.services.store.providers.list(world.account.id), await world.services.store.audit.list(world.account.id, {})]);
    for (const secret of local.secrets) assert.ok(!stored.includes(secret), 'no secret value is stored or audited');

    const removeConfig = await call('/v1/admin/providers/openai-test', { method: 'DELETE' });
    assert.equal(removeConfig.status, 409);
    assert.equal((await call('/v1/admin/providers/gpu-eu', { method: 'DELETE' })).status, 204);
    assert.equal((await call('/v1/admin/providers/gpu-eu', { method: 'DELETE' })).status, 404);
    const audits = await world.services.store.audit.list(world.account.id, { targetId: 'gpu-eu' });
    assert.deepEqual(audits.map((e) => e.action), ['provider.register', 'provider.remove']);
  });

  it('lists every catalogue feature with availability computed for the mode', async () => {
    await call('/v1/admin/providers', { method: 'POST', body: local.registration });
    const federated = await call('/v1/features', { token: memberToken });
    assert.equal(federated.status, 200);
    assert.deepEqual(federated.body.features.map((f: any) => f.featureId), [...FEATURE_IDS]);
    const image = (body: any) => body.features.find((f: any) => f.featureId === 'image.generate');
    assert.equal(image(federated.body).available, true, 'openai has image and moderation in federated mode');

    await call('/v1/account', { method: 'PATCH', body: { deploymentMode: 'self-hosted-only' } });
    const selfOnly = await call('/v1/features');
    assert.equal(image(selfOnly.body).available, false);
    assert.equal(image(selfOnly.body).reason, 'needs image; no usable provider has it in mode self-hosted-only, region EU');
    const compose = selfOnly.body.features.find((f: any) => f.featureId === 'chat.compose');
    assert.deepEqual([compose.available, compose.servedBy], [true, ['gpu-eu']]);
    assert.equal(compose.implemented, true);
    const sentiment = selfOnly.body.features.find((f: any) => f.featureId === 'cc.sentiment');
    assert.deepEqual([sentiment.available, sentiment.implemented], [true, false]);
    const notBuilt = await call('/v1/features/cc.sentiment/run', { method: 'POST', body: { input: {} }, token: memberToken });
    assert.equal(notBuilt.status, 404);
    assert.match(notBuilt.body.error.message, /has no implementation yet/);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const res = await fetch(`${server.url}/v1/openapi.json`);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    assert.deepEqual(Object.keys(doc.paths['/v1/account']).sort(), ['get', 'patch']);
    assert.deepEqual(Object.keys(doc.paths['/v1/admin/providers']).sort(), ['get', 'post']);
    assert.ok(doc.paths['/v1/admin/providers/{name}'].delete);
    assert.ok(doc.paths['/v1/features'].get);
  });

  it('runs a feature over HTTP on an allowed provider, and refuses one the mode forbids with the reason', async () => {
    await call('/v1/account', { method: 'PATCH', body: { deploymentMode: 'self-hosted-only' } });
    local.server.replyNext(chatCompletionReply('We ship on 12 March.'));
    const ran = await call('/v1/features/chat.compose/run', { method: 'POST', body: { input: { instruction: 'Say when we ship' } }, token: memberToken });
    assert.equal(ran.status, 200);
    assert.deepEqual([ran.body.featureId, ran.body.provider, ran.body.payload.text], ['chat.compose', 'gpu-eu', 'We ship on 12 March.']);

    const refused = await call('/v1/features/chat.compose/run', { method: 'POST', body: { input: { instruction: 'Hi' }, provider: 'openai-test' }, token: memberToken });
    assert.equal(refused.status, 503);
    assert.match(refused.body.error.message, /provider openai-test cannot run chat\.compose for this account: hosting class third-party not allowed in mode self-hosted-only/);
    const image = await call('/v1/features/image.generate/run', { method: 'POST', body: { input: { prompt: 'A lighthouse' } }, token: memberToken });
    assert.equal(image.status, 503);
    assert.match(image.body.error.message, /image\.generate needs a generative model and none is usable: needs image/);
    const invalid = await call('/v1/features/chat.compose/run', { method: 'POST', body: { input: {} }, token: memberToken });
    assert.equal(invalid.status, 400);
    assert.equal((await call('/v1/features/no.such/run', { method: 'POST', body: { input: {} } })).status, 404);
    assert.equal(openai.server.requests.length, 0);
  });

  it('runs the writing features over HTTP, with field errors for bad input', async () => {
    const listed = (await call('/v1/features', { token: memberToken })).body.features.filter((f: any) => f.featureId.includes('compose') || f.featureId.endsWith('sentence_completion'));
    assert.deepEqual(listed.map((f: any) => [f.featureId, f.implemented]).sort(), [
      ['cc.smart_compose', true], ['chat.compose', true], ['chat.sentence_completion', true], ['docs.sentence_completion', true], ['events.compose', true], ['mail.compose', true],
    ]);
    local.server.replyNext(chatCompletionReply('ship on 12 March'));
    const completed = await call('/v1/features/chat.sentence_completion/run', { method: 'POST', body: { input: { text: "We'll ship" } }, token: memberToken });
    assert.equal(completed.status, 200);
    assert.deepEqual([completed.body.provider, completed.body.payload], ['gpu-eu', { completions: [' on 12 March'] }]);
    local.server.replyNext(chatCompletionReply('Thank you for waiting.'));
    const edited = await call('/v1/features/cc.smart_compose/run', { method: 'POST', body: { input: { draft: 'thx for waiting', operation: 'more_formal' } }, token: memberToken });
    assert.deepEqual([edited.status, edited.body.payload.text], [200, 'Thank you for waiting.']);
    const invalid = await call('/v1/features/events.compose/run', { method: 'POST', body: { input: { kind: 'poem', facts: 'Launch Day' } }, token: memberToken });
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.body.error.fields.map((f: any) => f.path), ['kind']);
    assert.equal(openai.server.requests.length, 0);
  });
});
