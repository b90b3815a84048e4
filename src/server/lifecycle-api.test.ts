import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { DAY, ManualClock } from '../core/clock.ts';
import { issueToken } from '../governance/tokens.ts';
import { rowsAbout, storeMeeting } from '../governance/lifecycle/testing.ts';
import { runFeature } from '../features/run-feature.ts';
import { createApp } from './app.ts';
import { apiCaller } from './__fixtures__/api-caller.ts';

describe('holds and retention API', () => {
  let world: TestWorld;
  let clock: ManualClock;
  let app: ReturnType<typeof createApp>;
  let memberToken: string;

  type Json = any;
  const call = apiCaller((path, init) => app.request(path, init), () => world.ownerToken);

  before(async () => {
    clock = new ManualClock('2026-03-04T15:00:00.000Z');
    world = await createTestWorld({ clock });
    app = createApp(world.services);
    const member = await world.addUser();
    memberToken = (await issueToken(world.services.store, world.services.clock, { accountId: world.account.id, userId: member.id, name: 't' })).token;
  });
  after(() => world.close());

  it('creates, lists and releases holds; members may not; every step is audited', async () => {
    const ctx = await world.ctx(world.owner);
    const id = await storeMeeting(ctx, 'API hold meeting');
    const bad = await call('/v1/holds', { method: 'POST', body: { name: 'x', reason: 'y', userId: world.owner.id, artifactId: id } });
    assert.equal(bad.status, 400);
    assert.match((await bad.json()).error.message, /exactly one of/);
    assert.equal((await call('/v1/holds', { method: 'POST', body: { name: 'm', reason: 'r', artifactId: id }, token: memberToken })).status, 403);

    const created = await call('/v1/holds', { method: 'POST', body: { name: 'api-hold', reason: 'subpoena', artifactId: id } });
    assert.equal(created.status, 201);
    const hold = await created.json();
    assert.equal((await call('/v1/holds', { method: 'POST', body: { name: 'api-hold', reason: 'again', artifactId: id } })).status, 409);

    const del = await call(`/v1/artifacts/${id}`, { method: 'DELETE' });
    assert.equal(del.status, 200);
    assert.equal((await del.json()).purged, false);
    assert.equal((await call(`/v1/meetings/${id}`)).status, 404, 'the owner sees it as deleted');
    clock.advance(31 * DAY);
    const sweep = await (await call('/v1/retention/sweep', { method: 'POST' })).json();
    assert.equal(sweep.held, 1);
    assert.equal(rowsAbout(world.testStore.url, id).artifacts, 1);

    const list = await (await call('/v1/holds?status=active')).json();
    assert.deepEqual(list.items.map((h: { name: string }) => h.name), ['api-hold']);
    const released = await call(`/v1/holds/api-hold/release`, { method: 'POST' });
    assert.equal(released.status, 200);
    assert.equal((await released.json()).purged, 1);
    assert.equal(rowsAbout(world.testStore.url, id).artifacts, 0);
    assert.equal((await call(`/v1/holds/${hold.id}/release`, { method: 'POST' })).status, 409);

    const actions = (await world.services.store.audit.list(world.account.id, { limit: 500 })).map((e) => e.action);
    for (const action of ['hold.create', 'artifact.delete', 'retention.purge', 'hold.release']) assert.ok(actions.includes(action), action);
  });

  it('sets, lists and removes retention policies with field errors for bad values', async () => {
    const bad = await call('/v1/retention/policies/artifact/meeting', { method: 'PUT', body: { days: 5000, mode: 'soft' } });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.fields[0].path, 'days');
    const ok = await call('/v1/retention/policies/output/meeting.summary', { method: 'PUT', body: { days: 365, mode: 'permanent' } });
    assert.equal(ok.status, 200);
    const list = await (await call('/v1/retention/policies')).json();
    assert.deepEqual(list.items.map((p: { target: string; days: number }) => [p.target, p.days]), [['meeting.summary', 365]]);
    assert.equal((await call('/v1/retention/policies/output/meeting.summary', { method: 'DELETE' })).status, 204);
    assert.equal((await call('/v1/retention/policies', { token: memberToken })).status, 403);
  });

  it('saves and tries blocked patterns, with the reason a Java pattern is refused', async () => {
    const refused = await call('/v1/redaction/patterns', { method: 'POST', body: { name: 'atomic', pattern: '(?>ab)c' } });
    assert.equal(refused.status, 400);
    const error = (await refused.json()).error;
    assert.match(error.message, /atomic/i);
    assert.equal(error.fields[0].path, 'pattern');
    const saved = await call('/v1/redaction/patterns', { method: 'POST', body: { name: 'marking', pattern: '(?i)internal use only' } });
    assert.equal(saved.status, 201);
    const tried = await (await call('/v1/redaction/patterns/test', { method: 'POST', body: { pattern: '(?i)internal use only', text: 'INTERNAL USE ONLY: plan' } })).json();
    assert.equal(tried.redacted, '[BLOCKED]: plan');
    assert.deepEqual(tried.spans[0], { type: 'BLOCKED', start: 0, end: 17, value: 'INTERNAL USE ONLY' });
    const types = await call('/v1/redaction/types', { method: 'PUT', body: { entities: ['NAME', 'EMAIL'], builtins: ['CREDIT_CARD'] } });
    assert.equal(types.status, 200);
    const policy = await (await call('/v1/redaction')).json();
    assert.deepEqual(policy.entities, ['NAME', 'EMAIL']);
    assert.deepEqual(policy.builtins, ['CREDIT_CARD']);
    assert.deepEqual(policy.patterns.map((p: { name: string }) => p.name), ['marking']);
    assert.equal((await call('/v1/redaction', { token: memberToken })).status, 403);
  });

  it("answers a summary the caller may not read exactly like a missing one, naming neither its meeting nor that it exists", async () => {
    const ctx = await world.ctx(world.owner);
    const id = await storeMeeting(ctx, 'API private meeting');
    const summary = await runFeature(ctx, 'meeting.summary', { artifactId: id });
    const asMember = async (path: string, body?: unknown) => {
      const res = await call(path, { method: 'POST', body, token: memberToken });
      return { status: res.status, error: ((await res.json()) as Json).error };
    };
    for (const [hidden, missing] of [
      [await asMember('/v1/shares', { outputId: summary.id }), await asMember('/v1/shares', { outputId: 'out_missing' })],
      [await asMember(`/v1/summaries/${summary.id}/email`), await asMember('/v1/summaries/out_missing/email')],
    ]) {
      assert.equal(hidden.status, 404);
      assert.deepEqual(hidden.error, JSON.parse(JSON.stringify(missing.error).replaceAll('out_missing', summary.id)));
      assert.doesNotMatch(JSON.stringify(hidden.error), new RegExp(id));
    }
  });

  it('shares a summary by link: public unless sign-in is required, revocable', async () => {
    const ctx = await world.ctx(world.owner);
    const id = await storeMeeting(ctx, 'API shared meeting');
    const summary = await runFeature(ctx, 'meeting.summary', { artifactId: id });
    const created = await call('/v1/shares', { method: 'POST', body: { outputId: summary.id } });
    assert.equal(created.status, 201);
    const link = await created.json();
    assert.match(link.url, new RegExp(`^https?://[^/]+/shared/${link.token}$`), 'the address to hand out is the web page');
    const pasted = await app.request(`/v1/shared/${link.token}`, { headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' } });
    assert.equal(pasted.status, 303, 'a browser opening the API address is sent to the web page');
    assert.equal(pasted.headers.get('location'), `/shared/${link.token}`);
    const expiring = await (await call('/v1/shares', { method: 'POST', body: { outputId: summary.id, expiresAt: new Date(clock.now().getTime() + DAY).toISOString() } })).json();
    const activeIds = async () => ((await (await call('/v1/shares/active')).json()).items as { id: string; token?: string }[]).map((l) => { assert.equal(l.token, undefined); return l.id; });
    assert.deepEqual(new Set(await activeIds()), new Set([link.id, expiring.id]));
    assert.equal((await call('/v1/shares/active', { token: memberToken })).status, 403);
    clock.advance(2 * DAY);
    assert.deepEqual(await activeIds(), [link.id], 'an expired link is not active');
    const open = (token?: string) => app.request(`/v1/shared/${link.token}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const anonymous = await open();
    assert.equal(anonymous.status, 200);
    const shared = (await anonymous.json()) as Json;
    assert.ok(shared.summary.overview);
    assert.equal(shared.title, 'API shared meeting');
    await world.services.store.settings.set({ accountId: world.account.id, scope: 'account', scopeId: world.account.id, key: 'sharing.require_sign_in', value: true, locked: false, updatedAt: clock.now().toISOString(), updatedBy: null });
    assert.equal((await open()).status, 401);
    assert.equal((await open(memberToken)).status, 200);
    assert.equal((await call(`/v1/shares/${link.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await open(memberToken)).status, 404);
    assert.deepEqual(await activeIds(), [], 'a revoked link is not active');
    const listed = await (await call(`/v1/shares?outputId=${summary.id}`)).json();
    assert.ok(listed.items[0].revokedAt);
    assert.equal(listed.items[0].token, undefined, 'the token is shown only once');
    assert.equal((await call(`/v1/summaries/${summary.id}/email`, { method: 'POST' })).status, 503, 'no SMTP configured');
    await world.services.store.settings.set({ accountId: world.account.id, scope: 'account', scopeId: world.account.id, key: 'summary.email_delivery', value: false, locked: true, updatedAt: clock.now().toISOString(), updatedBy: null });
    const refused = await call(`/v1/summaries/${summary.id}/email`, { method: 'POST' });
    assert.equal(refused.status, 403, 'policy is checked before the mail server');
    const { error } = (await refused.json()) as Json;
    assert.equal(error.code, 'feature_disabled');
    assert.deepEqual(error.details, { feature: 'summary.email_delivery', decidedBy: { level: 'account', id: world.account.id, name: world.account.name, locked: true } }, 'names the level that decided');
    await world.services.store.settings.unset(world.account.id, 'account', world.account.id, 'summary.email_delivery');
  });

  it('lists soft-deleted artifacts an admin may restore, restores one, and the sweep purges the rest when due', async () => {
    const ctx = await world.ctx(world.owner);
    const kept = await storeMeeting(ctx, 'API restorable meeting');
    const lost = await storeMeeting(ctx, 'API expiring meeting');
    assert.equal((await call(`/v1/artifacts/${kept}`, { method: 'DELETE' })).status, 200);
    clock.advance(DAY);
    assert.equal((await call(`/v1/artifacts/${lost}`, { method: 'DELETE' })).status, 200);
    const deleted = async () => (await (await call('/v1/artifacts/deleted')).json()).items as { id: string; type: string; ownerId: string; reason: string; purgeAfter: string }[];
    const listed = await deleted();
    assert.deepEqual(listed.map((a) => [a.id, a.type, a.ownerId, a.reason]), [[kept, 'meeting', world.owner.id, 'owner'], [lost, 'meeting', world.owner.id, 'owner']]);
    assert.equal('title' in listed[0], false, 'no content, only ids and dates');
    assert.equal((await call('/v1/artifacts/deleted', { token: memberToken })).status, 403);

    assert.equal((await call(`/v1/artifacts/${kept}/restore`, { method: 'POST' })).status, 204);
    assert.equal((await call(`/v1/meetings/${kept}`)).status, 200);
    assert.deepEqual((await deleted()).map((a) => a.id), [lost]);
    const actions = (await world.services.store.audit.list(world.account.id, { limit: 500 })).map((e) => e.action);
    assert.ok(actions.includes('artifact.restore'));

    clock.advance(30 * DAY);
    assert.deepEqual(await deleted(), [], 'past its 30 days it is no longer restorable');
    assert.equal((await call(`/v1/artifacts/${lost}/restore`, { method: 'POST' })).status, 409);
    const sweep = await (await call('/v1/retention/sweep', { method: 'POST' })).json();
    assert.ok(sweep.purged.artifact >= 1);
    assert.equal(rowsAbout(world.testStore.url, lost).artifacts, 0);
  });

  it('sets disclaimers, shows them in the caller’s language and records acceptance', async () => {
    const put = await call('/v1/disclaimers/meetings/internal', { method: 'PUT', body: { texts: { en: 'AI notes are taken.', es: 'Se toman notas con IA.' }, requireConsent: true } });
    assert.equal(put.status, 200);
    assert.equal((await put.json()).version, 1);
    assert.equal((await call('/v1/disclaimers/meetings/internal', { method: 'PUT', body: { texts: { es: 'x' } } })).status, 400);
    const shown = await (await call('/v1/disclaimers/meetings', { token: memberToken })).json();
    assert.deepEqual([shown.language, shown.text, shown.acceptedAt], ['en', 'AI notes are taken.', null]);
    const accepted = await call('/v1/disclaimers/meetings/accept', { method: 'POST', body: { version: 1 }, token: memberToken });
    assert.equal(accepted.status, 200);
    assert.equal((await accepted.json()).version, 1);
    assert.ok((await (await call('/v1/disclaimers/meetings', { token: memberToken })).json()).acceptedAt);
    assert.equal((await call('/v1/disclaimers', { token: memberToken })).status, 403);
  });
});
