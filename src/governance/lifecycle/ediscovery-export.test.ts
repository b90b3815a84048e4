import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { AppError } from '../../core/errors.ts';
import { runFeature } from '../../features/run-feature.ts';
import { deleteArtifact } from './deletion.ts';
import { exportBundle, verifyBundle } from './ediscovery-export.ts';
import { createHold } from './legal-holds.ts';
import { storeMeeting } from './testing.ts';

const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));
const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('eDiscovery export', () => {
  let world: TestWorld;
  let dir: string;
  let inRange: string;
  let outOfRange: string;
  let theirs: string;

  before(async () => {
    world = await createTestWorld();
    dir = mkdtempSync(join(tmpdir(), 'confer-export-'));
    const ctx = await world.ctx(world.owner);
    inRange = await storeMeeting(ctx, 'February review', '2026-02-10T10:00:00Z');
    outOfRange = await storeMeeting(ctx, 'January kickoff', '2026-01-10T10:00:00Z');
    await runFeature(ctx, 'meeting.summary', { artifactId: inRange });
    const other = await world.addAccount('Export Other');
    theirs = await storeMeeting(await world.ctx(other.owner), 'Their February', '2026-02-11T10:00:00Z');
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await world.close();
  });

  it('writes what a hold covers, hidden content included, with hashes of every file, and audits it', async () => {
    const ctx = await world.ctx(world.owner);
    await createHold(ctx, { name: 'feb', reason: 'inquiry', from: '2026-02-01T00:00:00Z', to: '2026-02-28T23:59:59Z' });
    await deleteArtifact(ctx, inRange);
    const bundle = join(dir, 'feb');
    const manifest = await exportBundle(ctx, { hold: 'feb' }, bundle);
    assert.deepEqual(lines(join(bundle, 'artifacts.jsonl')).map((a) => a.id), [inRange], 'the held, owner-deleted meeting only; never the other account');
    assert.ok(lines(join(bundle, 'artifacts.jsonl'))[0].deletedAt, 'marked as deleted by its owner');
    assert.equal(lines(join(bundle, 'segments.jsonl')).length, 3);
    const outputs = lines(join(bundle, 'outputs.jsonl'));
    assert.deepEqual(outputs.map((o) => o.featureId), ['meeting.summary']);
    const events = lines(join(bundle, 'audit.jsonl')).map((e) => e.action);
    assert.ok(events.includes('meeting.ingest') && events.includes('artifact.delete'), events.join(','));
    assert.equal(manifest.counts.files, 1);
    for (const entry of manifest.files) {
      assert.equal(createHash('sha256').update(readFileSync(join(bundle, entry.path))).digest('hex'), entry.sha256, entry.path);
    }
    assert.deepEqual(manifest.files.map((f) => f.path).sort(), ['artifacts.jsonl', 'audit.jsonl', `files/${inRange}/February_review.vtt`, 'outputs.jsonl', 'segments.jsonl']);
    assert.equal(verifyBundle(bundle).ok, true);
    const exported = (await ctx.store.audit.list(ctx.account.id, { action: 'ediscovery.export' })).at(-1)!;
    assert.equal((exported.details.counts as { artifacts: number }).artifacts, 1);
    assert.equal(exported.details.manifestSha256, verifyBundle(bundle).manifestSha256);
  });

  it('exports a user and date search, and verify catches a changed, missing or added file', async () => {
    const ctx = await world.ctx(world.owner);
    const bundle = join(dir, 'search');
    await exportBundle(ctx, { userId: world.owner.id, from: '2026-01-01', to: '2026-01-31' }, bundle);
    assert.deepEqual(lines(join(bundle, 'artifacts.jsonl')).map((a) => a.id), [outOfRange]);
    appendFileSync(join(bundle, 'segments.jsonl'), '{"x":1}\n');
    writeFileSync(join(bundle, 'extra.txt'), 'planted');
    const result = verifyBundle(bundle);
    assert.equal(result.ok, false);
    assert.ok(result.problems.some((p) => p.startsWith('segments.jsonl:')));
    assert.ok(result.problems.includes('extra.txt: not in the manifest'));
  });

  it('refuses bad scopes, a non-empty directory, other accounts and members', async () => {
    const ctx = await world.ctx(world.owner);
    await assert.rejects(exportBundle(ctx, {}, join(dir, 'x')), (e) => codeOf(e) === 'invalid_input');
    await assert.rejects(exportBundle(ctx, { hold: 'nope' }, join(dir, 'y')), (e) => codeOf(e) === 'not_found');
    await assert.rejects(exportBundle(ctx, { from: 'yesterday' }, join(dir, 'z')), (e) => codeOf(e) === 'invalid_input');
    await assert.rejects(exportBundle(ctx, { from: '2026-01-01' }, join(dir, 'feb')), (e) => codeOf(e) === 'conflict');
    const other = (await world.services.store.accounts.list()).find((a) => a.name === 'Export Other')!;
    const otherOwner = (await world.services.store.users.list(other.id)).items[0];
    await assert.rejects(exportBundle(ctx, { userId: otherOwner.id }, join(dir, 'w')), (e) => codeOf(e) === 'not_found');
    const all = join(dir, 'all');
    await exportBundle(ctx, { from: '2000-01-01' }, all);
    assert.ok(!lines(join(all, 'artifacts.jsonl')).some((a) => a.id === theirs), 'an export never holds another account');
    const member = await world.addUser();
    await assert.rejects(exportBundle(await world.ctx(member), { from: '2000-01-01' }, join(dir, 'm')), (e) => codeOf(e) === 'forbidden');
  });
});
