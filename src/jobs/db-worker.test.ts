import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../core/errors.ts';
import type { JobRun } from '../core/job-queue.ts';
import type { Store } from '../core/store.ts';
import { DIALECTS, type TestStore } from '../store/testing.ts';
import { DbJobQueue } from './db-job-queue.ts';
import { DbWorker } from './db-worker.ts';

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`database job queue: ${dialect.name}`, { skip: skip ?? false }, () => {
    let ts: TestStore;
    let store: Store;
    let queue: DbJobQueue;

    before(async () => {
      ts = await dialect.create();
      store = ts.store;
      queue = new DbJobQueue(store);
    });
    after(() => ts?.cleanup());

    it('runs a job once and marks it done', async () => {
      const seen: JobRun[] = [];
      const worker = new DbWorker({ store, handlers: { greet: async (job) => void seen.push(job) } });
      const { id } = await queue.enqueue('greet', { who: 'Ann' }, { idempotencyKey: 'greet:ann' });
      assert.equal((await queue.enqueue('greet', { who: 'Ann' }, { idempotencyKey: 'greet:ann' })).created, false);
      assert.equal(await worker.drain(['greet']), 1);
      assert.equal(seen.length, 1);
      assert.deepEqual(seen[0].payload, { who: 'Ann' });
      assert.equal(seen[0].attempt, 1);
      assert.equal((await store.jobs.get(id))?.status, 'done');
      assert.equal(await worker.drain(['greet']), 0);
    });

    it('retries a failing job with backoff until it succeeds', async () => {
      let calls = 0;
      const worker = new DbWorker({
        store,
        backoffMs: () => 0,
        handlers: {
          flaky: async () => {
            calls++;
            if (calls < 3) throw new Error(`transient failure ${calls}`);
          },
        },
      });
      const { id } = await queue.enqueue('flaky', {}, { maxAttempts: 5 });
      await worker.drain(['flaky']);
      const job = await store.jobs.get(id);
      assert.equal(calls, 3);
      assert.equal(job?.status, 'done');
      assert.equal(job?.attempts, 3);
    });

    it('does not retry errors that say they are permanent', async () => {
      let calls = 0;
      const worker = new DbWorker({
        store,
        backoffMs: () => 0,
        handlers: {
          broken: async () => {
            calls++;
            throw new AppError('invalid_input', 'the payload names no meeting');
          },
        },
      });
      const { id } = await queue.enqueue('broken', {}, { maxAttempts: 5 });
      await worker.drain(['broken']);
      assert.equal(calls, 1);
      const job = await store.jobs.get(id);
      assert.equal(job?.status, 'failed');
      assert.equal(job?.lastError, 'the payload names no meeting');
    });

    it('fails jobs nobody can handle', async () => {
      const { id } = await queue.enqueue('unknown.kind', {});
      const worker = new DbWorker({ store, handlers: {} });
      await worker.drain(['unknown.kind']);
      assert.match((await store.jobs.get(id))?.lastError ?? '', /no handler for job type unknown\.kind/);
    });

    it('keeps its lease with heartbeats while a long job runs', async () => {
      const worker = new DbWorker({ store, leaseMs: 300, handlers: { slow: () => sleep(900) } });
      const other = new DbWorker({ store, leaseMs: 300, handlers: { slow: async () => assert.fail('a leased job was handed out twice') } });
      const { id } = await queue.enqueue('slow', {});
      const running = worker.runOnce(['slow']);
      await sleep(600);
      assert.equal(await other.runOnce(['slow']), false, 'the lease is still held');
      await running;
      assert.equal((await store.jobs.get(id))?.status, 'done');
    });

    it('stops a running worker after its current job', async () => {
      const done: string[] = [];
      const worker = new DbWorker({ store, pollMs: 20, handlers: { work: async (job) => void done.push(job.id) } });
      worker.start();
      const a = await queue.enqueue('work', {});
      const b = await queue.enqueue('work', {});
      worker.poke();
      for (let i = 0; i < 100 && done.length < 2; i++) await sleep(20);
      await worker.stop();
      assert.deepEqual(done.sort(), [a.id, b.id].sort());
    });
  });
}
