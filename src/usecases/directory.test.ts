import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECTS } from '../store/testing.ts';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { AppError } from '../core/errors.ts';
import { runFeature } from '../features/run-feature.ts';
import { authenticateToken, issueToken } from '../governance/tokens.ts';
import { changeMembers, createGroup, createUser, deactivateUser, reactivateUser, updateUser } from './directory.ts';
import { explainSettings, setSetting, unsetSetting } from './settings.ts';

const code = (c: string) => (e: unknown) => AppError.isInstance(e) && e.code === c;

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`directory and settings use cases: ${dialect.name}`, { skip: skip ?? false }, () => {
    let world: TestWorld;
    before(async () => {
      world = await createTestWorld({ testStore: await dialect.create() });
    });
    after(() => world.close());

    it('creates users and groups with audit events in the same transaction', async () => {
      const ctx = await world.ctx(world.owner);
      const ann = await createUser(ctx, { email: 'Ann@Acme.test', name: 'Ann Lee' });
      assert.equal(ann.email, 'ann@acme.test');
      await assert.rejects(createUser(ctx, { email: 'ann@acme.test' }), code('conflict'));
      await assert.rejects(createUser(ctx, { email: 'not-an-email' }), code('invalid_input'));
      const legal = await createGroup(ctx, { name: 'Legal' });
      await changeMembers(ctx, 'legal', { add: [ann.email] });
      // An unknown member rolls the whole change back.
      await assert.rejects(changeMembers(ctx, legal.id, { remove: [ann.id], add: ['nobody@acme.test'] }), code('not_found'));
      assert.deepEqual(await world.services.store.groups.members(world.account.id, legal.id), [ann.id]);
      const actions = (await world.services.store.audit.list(world.account.id)).map((e) => e.action);
      assert.ok(actions.includes('user.create') && actions.includes('group.create') && actions.includes('group.members'));
    });

    it('refuses names with control characters, from any caller (API, CLI, SCIM, CSV import)', async () => {
      const ctx = await world.ctx(world.owner);
      const fieldOf = (e: unknown) => AppError.isInstance(e) && e.code === 'invalid_input' && /control characters/.test(e.fields?.[0]?.message ?? '');
      await assert.rejects(createGroup(ctx, { name: 'a\u0000b' }), fieldOf);
      await assert.rejects(createUser(ctx, { email: 'nul@acme.test', name: 'Nul\u0000' }), fieldOf);
      const kept = await createUser(ctx, { email: 'kept@acme.test', name: 'Kept' });
      await assert.rejects(updateUser(ctx, kept.id, { name: 'Kept\nLine' }), fieldOf);
      assert.equal((await world.services.store.users.get(world.account.id, kept.id))?.name, 'Kept');
      assert.equal(await world.services.store.users.getByEmail(world.account.id, 'nul@acme.test'), null);
    });

    it('refuses directory changes to members and owner promotions by admins', async () => {
      const member = await world.addUser();
      await assert.rejects(createUser(await world.ctx(member), { email: 'x@acme.test' }), code('forbidden'));
      const [denied] = await world.services.store.audit.list(world.account.id, { action: 'access.denied', actorId: member.id });
      assert.deepEqual([denied.outcome, denied.details.permission], ['denied', 'users.manage']);
      const admin = await world.addUser({ role: 'admin' });
      await assert.rejects(updateUser(await world.ctx(admin), member.id, { role: 'owner' }), code('forbidden'));
      await assert.rejects(updateUser(await world.ctx(world.owner), world.owner.id, { role: 'member' }), /last active owner/);
    });

    it('keeps a locked group value over a user value and names the group', async () => {
      const ctx = await world.ctx(world.owner);
      const bob = await createUser(ctx, { email: 'bob@acme.test' });
      const sales = await createGroup(ctx, { name: 'Sales' });
      await changeMembers(ctx, sales.id, { add: [bob.id] });
      await setSetting(ctx, { scope: 'user', ref: bob.email, key: 'feature.meeting.summary', value: true });
      await setSetting(ctx, { scope: 'group', ref: 'Sales', key: 'feature.meeting.summary', value: false, locked: true });
      // Writing below the lock is refused with the lock holder named.
      await assert.rejects(
        setSetting(ctx, { scope: 'user', ref: bob.email, key: 'feature.meeting.summary', value: true }),
        (e: unknown) => AppError.isInstance(e) && e.code === 'conflict' && /locked by group Sales/.test(e.message),
      );
      const explained = await explainSettings(ctx, bob.email, 'feature.meeting.summary');
      const [s] = explained.settings;
      assert.equal(s.value, false);
      assert.deepEqual(s.decidedBy, { level: 'group', id: sales.id, name: 'Sales', locked: true });
      assert.equal(s.explanation, 'off: locked by group Sales');
      // runFeature enforces it.
      await assert.rejects(runFeature(await world.ctx(bob), 'meeting.summary', { meetingId: 'x' }), code('feature_disabled'));
      // Unlocking at group level lets the user value apply again.
      await unsetSetting(ctx, { scope: 'group', ref: sales.id, key: 'feature.meeting.summary' });
      const again = (await explainSettings(ctx, bob.id, 'feature.meeting.summary')).settings[0];
      assert.equal(again.value, true);
      assert.equal(again.decidedBy.level, 'user');
      // A member may read their own settings but not someone else's.
      await explainSettings(await world.ctx(bob), 'me');
      await assert.rejects(explainSettings(await world.ctx(bob), world.owner.email), code('forbidden'));
    });

    it('applies the most restrictive locked value across several groups', async () => {
      const ctx = await world.ctx(world.owner);
      const cy = await createUser(ctx, { email: 'cy@acme.test' });
      const a = await createGroup(ctx, { name: 'Alpha' });
      const b = await createGroup(ctx, { name: 'Beta' });
      await changeMembers(ctx, a.id, { add: [cy.id] });
      await changeMembers(ctx, b.id, { add: [cy.id] });
      await setSetting(ctx, { scope: 'group', ref: a.id, key: 'summary.email_recipients', value: 'all_invitees', locked: true });
      await setSetting(ctx, { scope: 'group', ref: b.id, key: 'summary.email_recipients', value: 'host_only', locked: true });
      const [s] = (await explainSettings(ctx, cy.id, 'summary.email_recipients')).settings;
      assert.equal(s.value, 'host_only');
      assert.equal(s.decidedBy.name, 'Beta');
    });

    it('blocks a deactivated user from tokens and AI use, keeping their content', async () => {
      const ctx = await world.ctx(world.owner);
      const dee = await createUser(ctx, { email: 'dee@acme.test' });
      const { token } = await issueToken(world.services.store, world.services.clock, { accountId: world.account.id, userId: dee.id, name: 't' });
      const now = world.services.clock.now().toISOString();
      await world.services.store.artifacts.create({
        id: 'art_dee', accountId: world.account.id, type: 'meeting', title: 'Dee notes', ownerId: dee.id, participants: [], access: [],
        startedAt: null, endedAt: null, source: null, metadata: {}, createdAt: now, updatedAt: now,
      });
      await authenticateToken(world.services.store, world.services.clock, token);
      const stale = await world.ctx(dee);
      await deactivateUser(ctx, dee.email);
      await assert.rejects(authenticateToken(world.services.store, world.services.clock, token), /deactivated/);
      await assert.rejects(runFeature(stale, 'meeting.summary', { meetingId: 'art_dee' }), /deactivated/);
      assert.ok(await world.services.store.artifacts.get(world.account.id, 'art_dee'));
      await reactivateUser(ctx, dee.id);
      await authenticateToken(world.services.store, world.services.clock, token);
      const actions = (await world.services.store.audit.list(world.account.id, { targetId: dee.id })).map((e) => e.action);
      assert.deepEqual(actions.slice(-2), ['user.deactivate', 'user.reactivate']);
    });
  });
}
