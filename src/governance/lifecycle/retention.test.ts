import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { DAY, ManualClock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import { runFeature } from '../../features/run-feature.ts';
import { deleteArtifact, deleteContentOfUser, restoreArtifact } from './deletion.ts';
import { createHold, releaseHold } from './legal-holds.ts';
import { removeRetentionPolicy, setRetentionPolicy } from './retention-policies.ts';
import { JOB_RETENTION_SWEEP, runRetentionSweep, scheduleSweep } from './retention-sweep.ts';
import Database from 'better-sqlite3';
import { jobHandlers } from '../../app/job-handlers.ts';
import { DbWorker } from '../../jobs/db-worker.ts';
import { orphans, rowsAbout, searchMeetings, storeMeeting } from './testing.ts';

const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));

describe('retention policies and deletion', () => {
  let world: TestWorld;
  let clock: ManualClock;
  let file: string;

  before(async () => {
    clock = new ManualClock('2026-03-04T15:00:00.000Z');
    world = await createTestWorld({ clock });
    file = world.testStore.url;
  });
  after(() => world.close());

  it('accepts forever or 1–4000 days, soft or permanent, and says what is wrong otherwise', async () => {
    const ctx = await world.ctx(world.owner);
    for (const [input, path] of [
      [{ kind: 'artifact', target: 'meeting', days: 0, mode: 'soft' }, 'days'],
      [{ kind: 'artifact', target: 'meeting', days: 4001, mode: 'soft' }, 'days'],
      [{ kind: 'artifact', target: 'meeting', days: 1.5, mode: 'soft' }, 'days'],
      [{ kind: 'artifact', target: 'podcast', days: 10, mode: 'soft' }, 'target'],
      [{ kind: 'output', target: 'meeting.nothing', days: 10, mode: 'soft' }, 'target'],
      [{ kind: 'artifact', target: 'meeting', days: 10, mode: 'shred' }, 'mode'],
    ] as const) {
      await assert.rejects(setRetentionPolicy(ctx, input as never), (e) => {
        assert.equal(codeOf(e), 'invalid_input');
        assert.equal((e as AppError).fields?.[0]?.path, path);
        return true;
      });
    }
    const policy = await setRetentionPolicy(ctx, { kind: 'artifact', target: 'call', days: 4000, mode: 'permanent' });
    assert.equal(policy.days, 4000);
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'call', days: null, mode: 'soft' });
    const member = await world.addUser();
    await assert.rejects(setRetentionPolicy(await world.ctx(member), { kind: 'artifact', target: 'call', days: 5, mode: 'soft' }), (e) => codeOf(e) === 'forbidden');
  });

  it('refuses to remove the policy of something that is not an artifact type or feature, and audits nothing', async () => {
    const ctx = await world.ctx(world.owner);
    const audited = async () => (await world.services.store.audit.list(world.account.id, { action: 'retention.policy.remove', limit: 100 })).length;
    const before = await audited();
    for (const [kind, target] of [['artifact', 'podcast'], ['output', 'meeting.nothing']] as const) {
      await assert.rejects(removeRetentionPolicy(ctx, kind, target), (e) => {
        assert.equal(codeOf(e), 'invalid_input');
        assert.equal((e as AppError).fields?.[0]?.path, 'target');
        return true;
      });
    }
    assert.equal(await audited(), before);
    await removeRetentionPolicy(ctx, 'artifact', 'voicemail');
    assert.equal(await audited(), before + 1);
  });

  it('soft delete hides at once, can be restored within 30 days, and is purged after them without orphans', async () => {
    const ctx = await world.ctx(world.owner);
    const id = await storeMeeting(ctx, 'Soft delete review');
    const summary = await runFeature(ctx, 'meeting.summary', { artifactId: id });
    const result = await deleteArtifact(ctx, id);
    assert.equal(result.purged, false);
    assert.equal(await ctx.store.artifacts.get(ctx.account.id, id), null, 'hidden from the owner');
    assert.deepEqual(await searchMeetings(ctx, 'Soft delete review'), [], 'hidden from search');
    assert.equal(rowsAbout(file, id).segments, 3, 'still stored while restorable');

    clock.advance(10 * DAY);
    await restoreArtifact(ctx, id);
    assert.ok(await ctx.store.artifacts.get(ctx.account.id, id), 'restored');
    assert.ok((await searchMeetings(ctx, 'Soft delete review')).includes(id), 'searchable again');

    await deleteArtifact(ctx, id);
    clock.advance(29 * DAY);
    await runRetentionSweep(world.services);
    assert.equal(rowsAbout(file, id).artifacts, 1, 'day 29: still restorable');
    clock.advance(2 * DAY);
    await assert.rejects(restoreArtifact(ctx, id), (e) => codeOf(e) === 'conflict');
    const counts = await runRetentionSweep(world.services);
    assert.equal(counts.purged.artifact, 1);
    assert.deepEqual(rowsAbout(file, id), { artifacts: 0, segments: 0, files: 0, search: 0, outputs: 0 });
    assert.equal(await ctx.store.outputs.get(ctx.account.id, summary.id), null, 'its summary went with it');
    assert.deepEqual(orphans(file), []);
    const purge = (await ctx.store.audit.list(ctx.account.id, { action: 'retention.purge' })).at(-1)!;
    assert.deepEqual(purge.details.artifactIds, [id]);
    assert.equal((purge.details.counts as { artifacts: number }).artifacts, 1);
  });

  it('deletes expired items by policy; an output whose own policy keeps it survives its artifact', async () => {
    const ctx = await world.ctx(world.owner);
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: 10, mode: 'permanent' });
    await setRetentionPolicy(ctx, { kind: 'output', target: 'meeting.summary', days: 100, mode: 'permanent' });
    const old = await storeMeeting(ctx, 'Expiring meeting');
    const summary = await runFeature(ctx, 'meeting.summary', { artifactId: old });
    const answer = await runFeature(ctx, 'meeting.query', { artifactId: old, question: 'When does the beta ship?' });
    clock.advance(5 * DAY);
    const young = await storeMeeting(ctx, 'Young meeting');
    clock.advance(6 * DAY);
    const counts = await runRetentionSweep(world.services);
    assert.equal(counts.expired, 1);
    assert.equal(rowsAbout(file, old).artifacts, 0, 'past its 10 days');
    assert.equal(rowsAbout(file, young).artifacts, 1, 'within its 10 days');
    const kept = await ctx.store.outputs.get(ctx.account.id, summary.id);
    assert.ok(kept, 'the summary has its own 100-day policy');
    assert.equal(kept.artifactId, null, 'and no longer points at the deleted meeting');
    assert.equal(await ctx.store.outputs.get(ctx.account.id, answer.id), null, 'the answer had no policy of its own');
    assert.deepEqual(orphans(file), []);

    clock.advance(101 * DAY);
    await runRetentionSweep(world.services);
    assert.equal(await ctx.store.outputs.get(ctx.account.id, summary.id), null, 'the summary expires by its own policy');
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: null, mode: 'soft' });
    await setRetentionPolicy(ctx, { kind: 'output', target: 'meeting.summary', days: null, mode: 'soft' });
  });

  it('a crashed sweep, run again, deletes each item exactly once and nothing held', async () => {
    const ctx = await world.ctx(world.owner);
    const keeper = await world.addUser({ name: 'Kim Keeper' });
    const keeperCtx = await world.ctx(keeper);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(await storeMeeting(ctx, `Batch meeting ${i}`));
    const keeperIds = [await storeMeeting(keeperCtx, 'Keeper one'), await storeMeeting(keeperCtx, 'Keeper two')];
    await createHold(ctx, { name: 'crash-artifact', reason: 'case 1', artifactId: ids[7] });
    await createHold(ctx, { name: 'crash-user', reason: 'case 2', userId: keeper.id });
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: 1, mode: 'permanent' });
    clock.advance(2 * DAY);

    let purged = 0;
    await assert.rejects(
      runRetentionSweep(world.services, {
        batchSize: 4,
        beforePurge: () => {
          if (++purged === 10) throw new Error('worker killed');
        },
      }),
      /worker killed/,
    );
    const survivorsAfterCrash = ids.filter((id) => rowsAbout(file, id).artifacts === 1).length;
    assert.ok(survivorsAfterCrash > 1 && survivorsAfterCrash < 23, `crashed midway (${survivorsAfterCrash} left)`);
    assert.deepEqual(orphans(file), [], 'the batch in flight rolled back whole');

    await runRetentionSweep(world.services, { batchSize: 4 });
    for (const id of ids) assert.equal(rowsAbout(file, id).artifacts, id === ids[7] ? 1 : 0, id);
    for (const id of keeperIds) assert.equal(rowsAbout(file, id).artifacts, 1, 'held by user');

    const batches = await ctx.store.audit.list(ctx.account.id, { action: 'retention.purge', limit: 1000 });
    const purgedIds = batches.flatMap((b) => b.details.artifactIds as string[]).filter((id) => ids.includes(id) || keeperIds.includes(id));
    assert.equal(purgedIds.length, 22, 'every unheld item recorded once');
    assert.equal(new Set(purgedIds).size, 22, 'and never twice');
    assert.ok(!purgedIds.includes(ids[7]));
    assert.ok(batches.every((b) => (b.details.artifactIds as string[]).length <= 4), 'batches of at most 4');
    assert.deepEqual(orphans(file), []);

    await releaseHold(ctx, 'crash-artifact');
    assert.equal(rowsAbout(file, ids[7]).artifacts, 0, 'released: the pending deletion went ahead');
    await releaseHold(ctx, 'crash-user');
    for (const id of keeperIds) assert.equal(rowsAbout(file, id).artifacts, 0);
    assert.deepEqual(orphans(file), []);
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: null, mode: 'soft' });
  });

  it('owner deletion and deactivation leave held content in place, shown as deleted', async () => {
    const ctx = await world.ctx(world.owner);
    const leaver = await world.addUser({ name: 'Lee Leaver' });
    const leaverCtx = await world.ctx(leaver);
    const held = await storeMeeting(leaverCtx, 'Held by date', '2026-02-10T10:00:00Z');
    const free = await storeMeeting(leaverCtx, 'Free meeting', '2026-01-05T10:00:00Z');
    await createHold(ctx, { name: 'february', reason: 'audit of February', from: '2026-02-01T00:00:00Z', to: '2026-02-28T23:59:59Z' });
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: null, mode: 'permanent' });

    const result = await deleteArtifact(leaverCtx, held);
    assert.equal(result.purged, false, 'held: kept');
    await assert.rejects(deleteArtifact(leaverCtx, held), (e) => codeOf(e) === 'not_found', 'the owner sees it as deleted');
    assert.equal(rowsAbout(file, held).segments, 3);

    const { requested } = await deleteContentOfUser(ctx, leaver.id);
    assert.equal(requested, 1, 'only what is still visible');
    assert.equal(rowsAbout(file, free).artifacts, 0);
    assert.equal(rowsAbout(file, held).artifacts, 1);

    await releaseHold(ctx, 'february');
    assert.equal(rowsAbout(file, held).artifacts, 0);
    assert.deepEqual(orphans(file), []);
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: null, mode: 'soft' });
  });

  it('never touches another account', async () => {
    const other = await world.addAccount('Sweep Other');
    const otherCtx = await world.ctx(other.owner);
    const theirs = await storeMeeting(otherCtx, 'Their meeting');
    const ctx = await world.ctx(world.owner);
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: 1, mode: 'permanent' });
    await assert.rejects(deleteArtifact(ctx, theirs), (e) => codeOf(e) === 'not_found');
    await assert.rejects(createHold(ctx, { name: 'x', reason: 'y', artifactId: theirs }), (e) => codeOf(e) === 'not_found');
    clock.advance(3 * DAY);
    await runRetentionSweep(world.services);
    assert.equal(rowsAbout(file, theirs).artifacts, 1);
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: null, mode: 'soft' });
  });

  it('runs as a scheduled job that books its next run', async () => {
    const ctx = await world.ctx(world.owner);
    const id = await storeMeeting(ctx, 'Scheduled sweep meeting');
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: 1, mode: 'permanent' });
    await scheduleSweep(world.services.queue, clock);
    await scheduleSweep(world.services.queue, clock);
    const queued = await ctx.store.jobs.list({ name: JOB_RETENTION_SWEEP, status: 'queued' });
    assert.equal(queued.length, 1, 'scheduling twice books one run');
    clock.advance(2 * DAY);
    const worker = new DbWorker({ store: ctx.store, handlers: jobHandlers(world.services), clock });
    assert.equal(await worker.drain([JOB_RETENTION_SWEEP]), 1);
    assert.equal(rowsAbout(file, id).artifacts, 0);
    const next = await ctx.store.jobs.list({ name: JOB_RETENTION_SWEEP, status: 'queued' });
    assert.equal(next.length, 1, 'the next run is booked');
    assert.ok(Date.parse(next[0].runAt) > clock.now().getTime());
    await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: null, mode: 'soft' });
  });

  it('the orphan check finds a dangling row (so its empty answers mean something)', () => {
    const db = new Database(file);
    try {
      // The foreign key would refuse the row; turn it off to plant one, as a cascade-less path could leave.
      db.pragma('foreign_keys = off');
      db.prepare(`insert into search_fts (account_id, artifact_id, segment, body) values ('acc_x', 'mtg_gone', 0, 'x')`).run();
      db.prepare(`insert into segments (artifact_id, idx, speaker, start_s, end_s, text, kind) values ('mtg_gone', 0, 'A', 0, 1, 'x', 'speech')`).run();
      assert.deepEqual(orphans(file).sort(), ['search_fts.artifact_id: 1', 'segments.artifact_id: 1']);
      db.prepare(`delete from segments where artifact_id = 'mtg_gone'`).run();
      db.prepare(`delete from search_fts where artifact_id = 'mtg_gone'`).run();
    } finally {
      db.close();
    }
    assert.deepEqual(orphans(file), []);
  });
});
