import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { jobHandlers } from '../app/job-handlers.ts';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { systemClock } from '../core/clock.ts';
import { DIALECTS } from '../store/testing.ts';
import { ingestMeeting, JOB_INDEX_MEETING } from '../usecases/ingest-meeting.ts';
import { DbWorker } from './db-worker.ts';

const CRASH_WORKER = fileURLToPath(new URL('./__fixtures__/crash-worker.ts', import.meta.url));
// Long enough that a loaded machine still checks the dead worker's lease before it runs out.
const LEASE_MS = 6000;

const transcript = (topic: string) => `WEBVTT

00:00:00.000 --> 00:00:05.000
<v Ann Lee>We agreed to move the ${topic} launch to April.

00:00:05.000 --> 00:00:09.000
<v Bo Chen>I'll update the ${topic} plan by Monday.
`;

/** Starts the crash worker and resolves once it has paused inside the summary job. */
async function crashWorkerPausedAt(url: string, pauseAt: 'before' | 'after') {
  const child = spawn(process.execPath, ['--import', 'tsx', CRASH_WORKER, url, pauseAt, String(LEASE_MS)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let stdout = '';
  for await (const chunk of child.stdout) {
    stdout += chunk;
    if (stdout.includes('paused')) break;
  }
  assert.match(stdout, /paused job_/, `crash worker did not reach the pause point: ${stderr}`);
  return child;
}

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`a worker killed mid-job: ${dialect.name}`, { skip: skip ?? false }, () => {
    let world: TestWorld;
    let url: string;

    before(async () => {
      const testStore = await dialect.create();
      world = await createTestWorld({ testStore, clock: systemClock });
      url = testStore.schema ? `${testStore.url}?options=${encodeURIComponent(`-c search_path=${testStore.schema}`)}` : testStore.url;
    });
    after(() => world.close());

    for (const pauseAt of ['before', 'after'] as const) {
      it(`loses no job and stores one summary when killed ${pauseAt} storing it`, async () => {
        const ctx = await world.ctx(world.owner);
        const { artifact } = await ingestMeeting(ctx, { filename: `${pauseAt}.vtt`, content: transcript(pauseAt) });
        const worker = new DbWorker({ store: world.services.store, handlers: jobHandlers(world.services), leaseMs: LEASE_MS });
        await worker.drain([JOB_INDEX_MEETING]);

        const child = await crashWorkerPausedAt(url, pauseAt);
        child.kill('SIGKILL');
        await once(child, 'exit');

        const outputs = (featureId: string) =>
          world.services.store.outputs.listForArtifact(world.account.id, artifact.id).then((all) => all.filter((o) => o.featureId === featureId));
        const summaries = () => outputs('meeting.summary');
        assert.equal((await summaries()).length, pauseAt === 'after' ? 1 : 0);
        const orphaned = (await world.services.store.jobs.list({ status: 'running' })).find((j) => j.payload.artifactId === artifact.id);
        assert.ok(orphaned, 'the job is still leased to the dead worker');
        assert.equal(await worker.runOnce(), false, 'not handed out while the lease lasts');

        // Wait for exactly the lease the dead worker last took, not a guess at it.
        const leaseLeft = Date.parse(orphaned.leaseExpiresAt ?? '') - Date.now();
        assert.ok(Number.isFinite(leaseLeft), 'a running job has a lease expiry');
        await sleep(Math.max(0, leaseLeft) + 100);
        assert.equal(await worker.drain(), 1, 'picked up again after the lease expired');
        const job = await world.services.store.jobs.get(orphaned.id);
        assert.equal(job?.status, 'done');
        assert.equal(job?.attempts, 2);
        const stored = await summaries();
        assert.equal(stored.length, 1, 'exactly one summary');
        assert.equal((await outputs('tasks.capture')).length, 1, 'and one capture of its tasks');
      });
    }
  });
}
