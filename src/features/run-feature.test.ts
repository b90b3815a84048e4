import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { AppError } from '../core/errors.ts';
import type { Answer, MeetingSummary } from '../core/outputs.ts';
import type { User } from '../core/types.ts';
import { ingestMeeting } from '../usecases/ingest-meeting.ts';
import { runFeature } from './run-feature.ts';
import { LAUNCH_SYNC_VTT } from './testing.ts';

const TRANSCRIPT = LAUNCH_SYNC_VTT;

const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));

describe('runFeature: the governed pipeline', () => {
  let world: TestWorld;
  let member: User;
  let meetingId: string;

  before(async () => {
    world = await createTestWorld();
    member = await world.addUser({ email: 'member@acme.test' });
    const ctx = await world.ctx(member);
    meetingId = (await ingestMeeting(ctx, { filename: 'launch.vtt', content: TRANSCRIPT })).artifact.id;
  });
  after(() => world.close());

  it('summarises, stores the output with its links and audits the run without content', async () => {
    const ctx = await world.ctx(member);
    const output = await runFeature<MeetingSummary>(ctx, 'meeting.summary', { artifactId: meetingId });
    assert.equal(output.provider, 'builtin');
    assert.equal(output.featureId, 'meeting.summary');
    const action = output.payload.actionItems.find((a) => a.owner === 'Tom Becker');
    assert.ok(action, 'the action item of Tom Becker is found');
    assert.equal(action.due, '2026-03-06', '"by Friday" resolves against the meeting date (a Wednesday)');
    assert.equal(action.citations[0].segment, 1);
    assert.equal(action.citations[0].start, 6);

    const stored = await world.services.store.outputs.get(world.account.id, output.id);
    assert.deepEqual(stored?.payload, output.payload);
    assert.ok(stored?.links.some((l) => l.artifactId === meetingId && l.segment === null));
    assert.ok(stored?.links.some((l) => l.segment === 1));

    const [event] = await world.services.store.audit.list(world.account.id, { action: 'ai.run', targetId: 'meeting.summary' });
    assert.equal(event.outcome, 'ok');
    assert.equal(event.actorId, member.id);
    assert.deepEqual(event.details.artifacts, [meetingId]);
    assert.equal(event.details.provider, 'builtin');
    assert.equal(event.details.mode, 'self-hosted-plus');
    assert.equal(event.details.region, 'EU');
    assert.equal(typeof event.details.latencyMs, 'number');
    const recorded = JSON.stringify(event);
    for (const word of ['release notes', 'Northwind', 'twelfth', 'marketing']) assert.ok(!recorded.includes(word), `audit holds no content ("${word}")`);
  });

  it('answers with citations, and says when the meeting did not cover a question', async () => {
    const ctx = await world.ctx(member);
    const answer = await runFeature<Answer>(ctx, 'meeting.query', { artifactId: meetingId, question: 'Which vendors were compared?' });
    assert.equal(answer.payload.covered, true);
    assert.ok(answer.payload.citations.some((c) => c.segment === 2));
    assert.match(answer.payload.answer, /Northwind/);
    const none = await runFeature<Answer>(ctx, 'meeting.query', { artifactId: meetingId, question: 'What is the parental leave policy in Brazil?' });
    assert.equal(none.payload.covered, false);
    assert.deepEqual(none.payload.citations, []);
  });

  it('returns the stored output for a repeated idempotency key', async () => {
    const ctx = await world.ctx(member);
    const first = await runFeature(ctx, 'meeting.summary', { artifactId: meetingId }, { idempotencyKey: 'k1' });
    const second = await runFeature(ctx, 'meeting.summary', { artifactId: meetingId }, { idempotencyKey: 'k1' });
    assert.equal(second.id, first.id);
    const all = await world.services.store.outputs.listForArtifact(world.account.id, meetingId);
    assert.equal(all.filter((o) => o.idempotencyKey === 'k1').length, 1);
  });

  it('refuses an idempotency key spent on a different request instead of failing or answering the wrong one', async () => {
    const ctx = await world.ctx(member);
    await runFeature(ctx, 'meeting.summary', { artifactId: meetingId }, { idempotencyKey: 'k2' });
    await assert.rejects(runFeature(ctx, 'meeting.query', { artifactId: meetingId, question: 'Who owns the launch?' }, { idempotencyKey: 'k2' }), (e) => {
      assert.equal(codeOf(e), 'conflict');
      assert.match((e as AppError).message, /idempotency key "k2" was already used for a different request/);
      return true;
    });
    const all = await world.services.store.outputs.listForArtifact(world.account.id, meetingId);
    assert.deepEqual(all.filter((o) => o.idempotencyKey === 'k2').map((o) => o.featureId), ['meeting.summary']);
  });

  it('hides meetings the caller may not read, and audits the denial', async () => {
    const stranger = await world.addUser({ email: 'stranger@acme.test' });
    const ctx = await world.ctx(stranger);
    await assert.rejects(runFeature(ctx, 'meeting.summary', { artifactId: meetingId }), (e) => codeOf(e) === 'not_found');
    const events = await world.services.store.audit.list(world.account.id, { actorId: stranger.id, action: 'ai.run' });
    assert.equal(events.at(-1)?.outcome, 'denied');
    const other = await world.addAccount();
    const foreign = await world.ctx(other.owner);
    await assert.rejects(runFeature(foreign, 'meeting.summary', { artifactId: meetingId }), (e) => codeOf(e) === 'not_found');
  });

  it('lets a user read what was shared with the account, and audits reading it', async () => {
    const owner = await world.ctx(world.owner);
    const shared = await ingestMeeting(owner, { filename: 'shared.vtt', content: TRANSCRIPT.replace('Launch sync', 'Shared sync'), access: [{ type: 'account' }] });
    const ctx = await world.ctx(member);
    const output = await runFeature(ctx, 'meeting.summary', { artifactId: shared.artifact.id });
    assert.ok(output.id);
    const reads = await world.services.store.audit.list(world.account.id, { action: 'content.read', targetId: shared.artifact.id });
    assert.equal(reads.at(-1)?.actorId, member.id);
  });

  it('refuses invalid input with field errors', async () => {
    const ctx = await world.ctx(member);
    await assert.rejects(runFeature(ctx, 'meeting.query', { artifactId: meetingId, question: '   ' }), (e) => {
      assert.ok(AppError.isInstance(e));
      assert.equal(e.code, 'invalid_input');
      assert.equal(e.fields?.[0].path, 'question');
      return true;
    });
    await assert.rejects(runFeature(ctx, 'meeting.summary', { artifactId: meetingId, maxWords: 'many' }), (e) => codeOf(e) === 'invalid_input');
  });

  it('refuses unknown features', async () => {
    const ctx = await world.ctx(member);
    await assert.rejects(runFeature(ctx, 'meeting.telepathy', {}), (e) => codeOf(e) === 'not_found');
  });

  it('enforces the licences: account, user and group', async () => {
    const { store } = world.services;
    const unlicensed = await world.addUser({ aiAccess: false });
    await assert.rejects(runFeature(await world.ctx(unlicensed), 'meeting.summary', { artifactId: meetingId }), (e) => codeOf(e) === 'not_entitled');

    const now = world.services.clock.now().toISOString();
    await store.groups.create({ id: 'grp_contractors', accountId: world.account.id, name: 'Contractors', externalId: null, aiAccess: false, createdAt: now, updatedAt: now });
    const contractor = await world.addUser();
    await store.groups.addMember(world.account.id, 'grp_contractors', contractor.id);
    await assert.rejects(runFeature(await world.ctx(contractor), 'meeting.summary', { artifactId: meetingId }), (e) => {
      assert.match((e as Error).message, /restricted for group Contractors/);
      return true;
    });

    await store.accounts.update(world.account.id, { baseAiLicence: false });
    try {
      await assert.rejects(runFeature(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }), (e) => codeOf(e) === 'not_entitled');
    } finally {
      await store.accounts.update(world.account.id, { baseAiLicence: true });
    }
  });

  it('refuses deactivated users', async () => {
    const leaver = await world.addUser();
    const ctx = await world.ctx(leaver);
    await world.services.store.users.update(world.account.id, leaver.id, { status: 'deactivated' });
    await assert.rejects(runFeature(ctx, 'meeting.summary', { artifactId: meetingId }), (e) => codeOf(e) === 'forbidden');
  });

  it('honours the account-level on/off setting', async () => {
    const { store, clock } = world.services;
    await store.settings.set({
      accountId: world.account.id, scope: 'account', scopeId: world.account.id, key: 'feature.meeting.query',
      value: false, locked: false, updatedAt: clock.now().toISOString(), updatedBy: world.owner.id,
    });
    try {
      await assert.rejects(runFeature(await world.ctx(member), 'meeting.query', { artifactId: meetingId, question: 'vendors?' }), (e) => {
        assert.equal(codeOf(e), 'feature_disabled');
        assert.match((e as Error).message, /meeting\.query is off/);
        return true;
      });
      // Other features are unaffected.
      assert.ok(await runFeature(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }));
    } finally {
      await store.settings.unset(world.account.id, 'account', world.account.id, 'feature.meeting.query');
    }
  });
});
