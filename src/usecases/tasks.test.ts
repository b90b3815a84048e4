import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { AppError } from '../core/errors.ts';
import type { User } from '../core/types.ts';
import { runFeature } from '../features/run-feature.ts';
import { ingestMeeting } from './ingest-meeting.ts';
import { captureTasks, captureTasksAfterSummary, getTask, listTasks, updateTask } from './tasks.ts';

const TRANSCRIPT = `WEBVTT

NOTE
title: Launch sync
date: 2026-03-04T10:00:00Z

00:00:00.000 --> 00:00:06.000
<v Priya Nair>Okay, the launch plan. We agreed to ship the beta on the twelfth of March.

00:00:06.000 --> 00:00:12.000
<v Tom Becker>I'll send the release notes to marketing by Friday.

00:00:12.000 --> 00:00:19.000
<v Priya Nair>And I will book the venue for the launch party tomorrow.
`;

const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));

describe('tasks from action items', () => {
  let world: TestWorld;
  let tom: User;
  let stranger: User;
  let meetingId: string;

  before(async () => {
    world = await createTestWorld();
    tom = await world.addUser({ name: 'Tom Becker', email: 'tom@acme.test' });
    stranger = await world.addUser({ name: 'Sam Stranger' });
    const ctx = await world.ctx(world.owner);
    meetingId = (await ingestMeeting(ctx, { filename: 'launch.vtt', content: TRANSCRIPT, summarize: false })).artifact.id;
  });
  after(() => world.close());

  it('needs a summary first', async () => {
    await assert.rejects(captureTasks(await world.ctx(world.owner), meetingId), (e) => {
      assert.equal(codeOf(e), 'conflict');
      assert.match((e as Error).message, /has no summary yet/);
      return true;
    });
  });

  it('turns action items into open tasks linked to their moment, assigned to the user named', async () => {
    const ctx = await world.ctx(world.owner);
    const summary = await runFeature(ctx, 'meeting.summary', { artifactId: meetingId });
    const { tasks, created } = await captureTasks(ctx, meetingId, { summaryId: summary.id });
    assert.ok(created >= 1);
    assert.equal(created, tasks.length);
    const notes = tasks.find((t) => /release notes/.test(t.title));
    assert.ok(notes, 'the release-notes action item became a task');
    assert.equal(notes.status, 'open');
    assert.equal(notes.due, '2026-03-06');
    assert.deepEqual(notes.assignee, { userId: tom.id, name: 'Tom Becker' });
    assert.deepEqual(notes.source, { meetingId, meetingTitle: 'Launch sync', segment: 1, start: 6, speaker: 'Tom Becker' });
    const priya = tasks.find((t) => t.assignee?.name === 'Priya Nair');
    assert.equal(priya?.assignee?.userId, null, 'Priya has no account: the task keeps her name');

    const events = await world.services.store.audit.list(world.account.id, { action: 'task.create' });
    assert.equal(events.length, created);
    assert.ok(!JSON.stringify(events).includes('release notes'), 'audit holds no content');
  });

  it('never duplicates a task when capturing again', async () => {
    const ctx = await world.ctx(world.owner);
    await runFeature(ctx, 'meeting.summary', { artifactId: meetingId });
    const before = (await listTasks(ctx, { meetingId })).total;
    const again = await captureTasks(ctx, meetingId);
    assert.equal(again.created, 0);
    assert.equal(again.tasks.length, before);
    assert.equal((await listTasks(ctx, { meetingId })).total, before);
  });

  it('shows a task to its assignee without revealing a meeting they may not read', async () => {
    const ctx = await world.ctx(tom);
    const page = await listTasks(ctx, {});
    assert.equal(page.total, 1);
    assert.match(page.items[0].title, /release notes/);
    assert.equal(page.items[0].source, null);
    assert.equal((await listTasks(ctx, { assignee: 'me' })).total, 1);
    assert.equal((await listTasks(await world.ctx(stranger), {})).total, 0);
    await assert.rejects(getTask(await world.ctx(stranger), page.items[0].id), (e) => codeOf(e) === 'not_found');
  });

  it('changes status, due date and assignee, and audits which fields changed', async () => {
    const ctx = await world.ctx(tom);
    const [task] = (await listTasks(ctx, { assignee: 'me' })).items;
    const done = await updateTask(ctx, task.id, { status: 'done', due: '2026-03-09' });
    assert.equal(done.status, 'done');
    assert.equal(done.due, '2026-03-09');
    const [event] = (await world.services.store.audit.list(world.account.id, { action: 'task.update', targetId: task.id })).slice(-1);
    assert.deepEqual(event.details.fields, ['status', 'due']);
    assert.equal(event.details.status, 'done');

    await assert.rejects(updateTask(ctx, task.id, { assignee: { userId: 'usr_missing' } }), (e) => {
      assert.equal(codeOf(e), 'invalid_input');
      assert.equal((e as AppError).fields?.[0].path, 'assignee.userId');
      return true;
    });
    // Handing the task to someone else takes it out of Tom's sight: he cannot read the meeting.
    const handed = await updateTask(ctx, task.id, { assignee: { name: 'Marketing team' } });
    assert.deepEqual(handed.assignee, { userId: null, name: 'Marketing team' });
    await assert.rejects(getTask(ctx, task.id), (e) => codeOf(e) === 'not_found');
    assert.equal((await getTask(await world.ctx(world.owner), task.id)).assignee?.name, 'Marketing team');
  });

  it('skips the automatic capture when policy switches it off', async () => {
    const { store, clock } = world.services;
    const ctx = await world.ctx(world.owner);
    const other = (await ingestMeeting(ctx, { filename: 'other.vtt', content: TRANSCRIPT.replace('Launch sync', 'Other sync'), summarize: false })).artifact.id;
    const summary = await runFeature(ctx, 'meeting.summary', { artifactId: other });
    await store.settings.set({
      accountId: world.account.id, scope: 'account', scopeId: world.account.id, key: 'feature.tasks.capture',
      value: false, locked: true, updatedAt: clock.now().toISOString(), updatedBy: world.owner.id,
    });
    try {
      await captureTasksAfterSummary(ctx, other, summary.id);
      assert.equal((await listTasks(ctx, { meetingId: other })).total, 0);
      await assert.rejects(captureTasks(ctx, other), (e) => {
        assert.equal(codeOf(e), 'feature_disabled');
        assert.deepEqual((e as AppError).details?.decidedBy, { level: 'account', id: world.account.id, name: 'Acme', locked: true });
        return true;
      });
    } finally {
      await store.settings.unset(world.account.id, 'account', world.account.id, 'feature.tasks.capture');
    }
  });
});
