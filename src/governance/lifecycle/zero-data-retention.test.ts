import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jobHandlers } from '../../app/job-handlers.ts';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { DAY, HOUR, ManualClock } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import type { MeetingSummary } from '../../core/outputs.ts';
import type { User } from '../../core/types.ts';
import { getLatestSummary } from '../../usecases/meetings.ts';
import { JOB_SUMMARIZE_MEETING } from '../../usecases/ingest-meeting.ts';
import { createHold, releaseHold } from './legal-holds.ts';
import { setRetentionPolicy } from './retention-policies.ts';
import { runRetentionSweep } from './retention-sweep.ts';
import { createApp } from '../../server/app.ts';
import { issueToken } from '../tokens.ts';
import { orphans, rowsAbout, storeMeeting } from './testing.ts';
import { ZDR_SETTING } from './zero-data-retention.ts';

describe('zero data retention, with retention and legal holds', () => {
  let world: TestWorld;
  let clock: ManualClock;
  let file: string;
  let ctx: Ctx;

  const summarizeJob = (artifactId: string, user: User) =>
    jobHandlers(world.services)[JOB_SUMMARIZE_MEETING]({
      id: `job_${artifactId}`,
      name: JOB_SUMMARIZE_MEETING,
      accountId: world.account.id,
      payload: { artifactId, userId: user.id },
      attempt: 1,
      signal: new AbortController().signal,
    });

  /** A meeting with speech, in-meeting chat and shared-screen text. */
  async function meetingWithChat(title: string, date?: string): Promise<string> {
    const id = await storeMeeting(ctx, title, date);
    await ctx.store.segments.insertMany(id, [
      { index: 3, speaker: 'Tom Becker', start: 20, end: 21, text: 'chat: link to the launch doc', kind: 'chat' },
      { index: 4, speaker: 'Priya Nair', start: 22, end: 30, text: 'Slide: launch timeline', kind: 'screen' },
    ]);
    return id;
  }

  before(async () => {
    clock = new ManualClock('2026-03-04T15:00:00.000Z');
    world = await createTestWorld({ clock });
    file = world.testStore.url;
    ctx = await world.ctx(world.owner);
    const now = clock.now().toISOString();
    await ctx.store.settings.set({ accountId: world.account.id, scope: 'account', scopeId: world.account.id, key: ZDR_SETTING, value: true, locked: false, updatedAt: now, updatedBy: world.owner.id });
  });
  after(() => world.close());

  it('deletes transcript, chat and screen text once the summary is stored; the summary keeps speakers and times', async () => {
    const id = await meetingWithChat('Zero retention sync');
    assert.equal(rowsAbout(file, id).segments, 5);
    await summarizeJob(id, world.owner);
    assert.deepEqual(rowsAbout(file, id), { artifacts: 1, segments: 0, files: 0, search: 1, outputs: 2 }, 'summary and captured tasks stay; only the title stays indexed');
    const { output } = await getLatestSummary(ctx, id);
    assert.ok(output);
    const summary = output.payload as MeetingSummary;
    const cited = [...summary.keyPoints, ...summary.decisions, ...summary.actionItems].flatMap((i) => i.citations);
    assert.ok(cited.length > 0);
    for (const c of cited) {
      assert.ok(['Priya Nair', 'Tom Becker'].includes(c.speaker), c.speaker);
      assert.equal(typeof c.start, 'number');
    }
    const events = await ctx.store.audit.list(ctx.account.id, { action: 'zdr.inputs.delete' });
    assert.equal(events.at(-1)?.targetId, id);
    assert.deepEqual(orphans(file), []);
  });

  it('keeps the inputs at most 24 hours when summarising fails, then deletes them', async () => {
    const id = await meetingWithChat('Failing summary');
    await ctx.store.users.update(world.account.id, world.owner.id, { aiAccess: false });
    await assert.rejects(summarizeJob(id, { ...world.owner }), /no AI licence/);
    await ctx.store.users.update(world.account.id, world.owner.id, { aiAccess: true });
    clock.advance(23 * HOUR);
    await runRetentionSweep(world.services);
    assert.equal(rowsAbout(file, id).segments, 5, 'within 24 hours: kept for a retry');
    clock.advance(2 * HOUR);
    await runRetentionSweep(world.services);
    assert.equal(rowsAbout(file, id).segments, 0, 'after 24 hours: deleted');
    assert.equal(rowsAbout(file, id).files, 0);
    assert.equal(rowsAbout(file, id).artifacts, 1, 'the meeting itself stays');
  });

  it('retention, zero data retention and a date-range hold together, with the clock moved across each boundary', async () => {
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: 30, mode: 'soft' });
    const heldId = await meetingWithChat('Held board meeting', '2026-03-02T09:00:00Z');
    const freeId = await meetingWithChat('Free standup', '2026-03-03T09:00:00Z');
    await createHold(ctx, { name: 'board-inquiry', reason: 'regulator request', from: '2026-03-01T00:00:00Z', to: '2026-03-02T23:59:59Z' });

    await summarizeJob(heldId, world.owner);
    await summarizeJob(freeId, world.owner);
    assert.equal(rowsAbout(file, heldId).segments, 5, 'zero data retention does not remove held inputs');
    assert.equal(rowsAbout(file, freeId).segments, 0);

    clock.advance(29 * DAY);
    await runRetentionSweep(world.services);
    assert.ok(await ctx.store.artifacts.get(ctx.account.id, heldId), 'day 29: within retention');

    clock.advance(2 * DAY);
    const expired = await runRetentionSweep(world.services);
    assert.ok(expired.expired >= 2);
    assert.equal(await ctx.store.artifacts.get(ctx.account.id, heldId), null, 'day 31: expired, hidden');
    assert.equal(await ctx.store.artifacts.get(ctx.account.id, freeId), null);
    assert.equal(rowsAbout(file, freeId).artifacts, 1, 'but restorable for 30 days');

    clock.advance(31 * DAY);
    const purged = await runRetentionSweep(world.services);
    assert.ok(purged.held >= 1, 'the held meeting is skipped');
    assert.equal(rowsAbout(file, freeId).artifacts, 0, 'day 62: soft-delete window over, purged');
    assert.equal(rowsAbout(file, heldId).artifacts, 1, 'held: kept');
    assert.equal(rowsAbout(file, heldId).segments, 5, 'with its transcript');

    await releaseHold(ctx, 'board-inquiry');
    assert.deepEqual(rowsAbout(file, heldId), { artifacts: 0, segments: 0, files: 0, search: 0, outputs: 0 }, 'released: everything pending went');
    assert.deepEqual(orphans(file), []);
    const releases = await ctx.store.audit.list(ctx.account.id, { action: 'hold.release' });
    assert.equal(releases.length, 1);
  });
});

describe('zero data retention for every stored summary, not only the automatic one', () => {
  let world: TestWorld;
  let clock: ManualClock;
  let file: string;
  let ctx: Ctx;
  let app: ReturnType<typeof createApp>;
  let token: string;

  const call = (path: string, body?: unknown) =>
    app.request(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  before(async () => {
    clock = new ManualClock('2026-05-11T09:00:00.000Z');
    world = await createTestWorld({ clock });
    file = world.testStore.url;
    ctx = await world.ctx(world.owner);
    app = createApp(world.services);
    token = (await issueToken(world.services.store, clock, { accountId: world.account.id, userId: world.owner.id, name: 'zdr' })).token;
    const now = clock.now().toISOString();
    await ctx.store.settings.set({ accountId: world.account.id, scope: 'account', scopeId: world.account.id, key: ZDR_SETTING, value: true, locked: false, updatedAt: now, updatedBy: world.owner.id });
  });
  after(() => world.close());

  it('a summary asked for over HTTP deletes its inputs at once; the summary stays readable; later runs say why they cannot', async () => {
    const id = await storeMeeting(ctx, 'Regenerated planning');
    await ctx.store.segments.insertMany(id, [{ index: 3, speaker: 'Tom Becker', start: 20, end: 21, text: 'chat: the budget sheet', kind: 'chat' }]);
    assert.equal(rowsAbout(file, id).segments, 4);

    clock.advance(HOUR);
    const made = await call(`/v1/meetings/${id}/summary`, {});
    assert.equal(made.status, 201, await made.clone().text());
    assert.deepEqual(rowsAbout(file, id), { artifacts: 1, segments: 0, files: 0, search: 1, outputs: 1 }, 'transcript, chat and file gone; summary kept');
    const events = await ctx.store.audit.list(ctx.account.id, { action: 'zdr.inputs.delete', targetId: id });
    assert.equal(events.length, 1);

    const read = await call(`/v1/meetings/${id}/summary`);
    assert.equal(read.status, 200);
    const { summary } = (await read.json()) as { summary: MeetingSummary };
    const cited = [...summary.keyPoints, ...summary.decisions, ...summary.actionItems].flatMap((i) => i.citations);
    assert.ok(cited.length > 0);
    for (const c of cited) {
      assert.ok(['Priya Nair', 'Tom Becker'].includes(c.speaker), c.speaker);
      assert.ok(c.start >= 0 && c.end >= c.start);
    }

    for (const [path, body] of [
      [`/v1/meetings/${id}/questions`, { question: 'When does the beta ship?' }],
      [`/v1/meetings/${id}/summary`, {}],
      ['/v1/features/meeting.summary/run', { input: { artifactId: id } }],
    ] as const) {
      const refused = await call(path, body);
      assert.equal(refused.status, 409, path);
      const { error } = (await refused.json()) as { error: { code: string; message: string; details: { reason: string } } };
      assert.equal(error.code, 'conflict');
      assert.match(error.message, /transcript of meeting .* was deleted on 2026-05-11T10:00:00.000Z under zero data retention/);
      assert.equal(error.details.reason, 'zero_data_retention');
    }

    const transcript = await call(`/v1/meetings/${id}/transcript`);
    assert.equal(transcript.status, 200);
    assert.deepEqual(await transcript.json(), { meetingId: id, segments: [], deleted: { reason: 'zero_data_retention', at: '2026-05-11T10:00:00.000Z' } });

    // Tasks come from the summary, whose citations kept speaker and time: capturing them still works.
    const captured = await call(`/v1/meetings/${id}/tasks`, {});
    assert.equal(captured.status, 201, await captured.clone().text());
    assert.ok(((await captured.json()) as { tasks: unknown[] }).tasks.length > 0);
    assert.deepEqual(orphans(file), []);
  });

  it('a summary run through the features API deletes its inputs too, unless a legal hold covers them', async () => {
    const free = await storeMeeting(ctx, 'Features API sync');
    const run = await call('/v1/features/meeting.summary/run', { input: { artifactId: free } });
    assert.equal(run.status, 200, await run.clone().text());
    assert.equal(rowsAbout(file, free).segments, 0);

    const held = await storeMeeting(ctx, 'Held review');
    await createHold(ctx, { name: 'review-hold', reason: 'audit', artifactId: held });
    assert.equal((await call(`/v1/meetings/${held}/summary`, {})).status, 201);
    assert.equal(rowsAbout(file, held).segments, 3, 'held: the transcript stays');
    const asked = await call(`/v1/meetings/${held}/questions`, { question: 'Who books the venue?' });
    assert.equal(asked.status, 200, 'a held transcript still answers questions');

    await releaseHold(ctx, 'review-hold');
    assert.equal(rowsAbout(file, held).segments, 0, 'released: the deletion zero data retention asked for goes ahead');
    assert.equal((await call(`/v1/meetings/${held}/questions`, { question: 'Who books the venue?' })).status, 409);
    assert.equal((await call(`/v1/meetings/${held}/summary`)).status, 200);
  });

  it('without zero data retention a regenerated summary leaves the transcript alone', async () => {
    await ctx.store.settings.set({ accountId: world.account.id, scope: 'account', scopeId: world.account.id, key: ZDR_SETTING, value: false, locked: false, updatedAt: clock.now().toISOString(), updatedBy: world.owner.id });
    const id = await storeMeeting(ctx, 'Kept standup');
    assert.equal((await call(`/v1/meetings/${id}/summary`, {})).status, 201);
    assert.equal(rowsAbout(file, id).segments, 3);
    assert.equal((await call(`/v1/meetings/${id}/questions`, { question: 'Who sends the release notes?' })).status, 200);
  });
});
