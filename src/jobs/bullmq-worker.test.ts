/**
 * What only the BullMQ queue does, beyond the shared contract
 * (`job-queue.contract.test.ts`): losing a lock, being put back by
 * `stop()`, and forgetting idempotency keys after the retention time.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobRun } from '../core/job-queue.ts';
import { BullmqJobQueue } from './bullmq-job-queue.ts';
import { openRedis, QUEUE_NAME, type BullmqJobData } from './bullmq-layout.ts';
import { BullmqWorker, type BullmqWorkerOptions } from './bullmq-worker.ts';
import { createTestRedis, redisUnavailable, type TestRedis } from './testing.ts';

const skip = await redisUnavailable();

describe('BullMQ worker', { skip: skip ?? false }, () => {
  let redis: TestRedis;
  let queue: BullmqJobQueue;
  let client: Redis;
  let inspector: Queue<BullmqJobData>;
  const workers: BullmqWorker[] = [];
  const worker = (options: Omit<BullmqWorkerOptions, 'url' | 'prefix'>) => {
    const w = new BullmqWorker({ ...redis, leaseMs: 400, stalledCheckMs: 200, backoffMs: () => 0, ...options });
    workers.push(w);
    return w;
  };

  before(() => {
    redis = createTestRedis();
    queue = new BullmqJobQueue(redis);
    client = openRedis(redis.url, 'producer');
    inspector = new Queue<BullmqJobData>(QUEUE_NAME, { connection: client, prefix: redis.prefix });
  });
  after(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await queue?.close();
    await inspector?.close();
    await client?.quit();
    await redis?.cleanup();
  });

  /** A handler that waits for its signal (3 s at most) and records why it was aborted. */
  function waitForAbort() {
    let started!: (job: JobRun) => void;
    const running = new Promise<JobRun>((resolve) => (started = resolve));
    const reasons: string[] = [];
    const handler = async (job: JobRun) => {
      started(job);
      await Promise.race([once(job.signal, 'abort'), sleep(3000)]);
      reasons.push(job.signal.aborted ? (job.signal.reason as Error).message : 'not aborted');
    };
    return { handler, running, reasons };
  }

  for (const mode of ['started', 'by hand'] as const) {
    it(`aborts the handler's signal when the lock is lost (${mode})`, { timeout: 10_000 }, async () => {
      const type = `lock.${mode.replace(' ', '-')}`;
      const { handler, running, reasons } = waitForAbort();
      const w = worker({ handlers: { [type]: handler } });
      const { id } = await queue.enqueue(type, {});
      let byHand: Promise<boolean> | null = null;
      if (mode === 'started') w.start();
      else byHand = w.runOnce([type]);
      await running;
      // What happens when Redis forgets the lock, or another worker took the job after a stall.
      await client.del(`${redis.prefix}:${QUEUE_NAME}:${id}:lock`);
      const deadline = Date.now() + 3000;
      while (reasons.length === 0 && Date.now() < deadline) await sleep(20);
      await byHand;
      await w.stop();
      assert.deepEqual(reasons, ['lease lost']);
    });
  }

  it('puts a job interrupted by stop() back in the queue without using up an attempt', { timeout: 10_000 }, async () => {
    const { handler, running, reasons } = waitForAbort();
    const first = worker({
      handlers: {
        'stop.interrupted': async (job) => {
          await handler(job);
          job.signal.throwIfAborted();
        },
      },
    });
    first.start();
    const { id } = await queue.enqueue('stop.interrupted', {}, { maxAttempts: 1 });
    await running;
    await first.stop();
    assert.deepEqual(reasons, ['worker stopping']);
    assert.ok(['waiting', 'delayed'].includes(await (await inspector.getJob(id))!.getState()), 'queued again');

    const runs: JobRun[] = [];
    const second = worker({ handlers: { 'stop.interrupted': async (job) => void runs.push(job) } });
    assert.equal(await second.drain(['stop.interrupted']), 1);
    assert.equal(runs[0].attempt, 1, 'the interrupted run did not count');
    assert.equal(await (await inspector.getJob(id))!.getState(), 'completed');
  });

  it('fails at once a job type a started worker has no handler for', { timeout: 10_000 }, async () => {
    const w = worker({ handlers: {} });
    w.start();
    const { id } = await queue.enqueue('nobody.knows', {}, { maxAttempts: 5 });
    const deadline = Date.now() + 3000;
    while ((await (await inspector.getJob(id))!.getState()) !== 'failed' && Date.now() < deadline) await sleep(20);
    await w.stop();
    const job = (await inspector.getJob(id))!;
    assert.equal(await job.getState(), 'failed');
    assert.equal(job.failedReason, 'no handler for job type nobody.knows');
    assert.equal(job.attemptsMade, 1);
  });

  it('forgets an idempotency key once its finished job is past the retention time', { timeout: 10_000 }, async () => {
    const shortLived = new BullmqJobQueue({ ...redis, keepCompletedMs: 1000 });
    try {
      const w = worker({ handlers: { 'keep.short': async () => {} } });
      const first = await shortLived.enqueue('keep.short', {}, { idempotencyKey: 'keep:1' });
      await w.drain(['keep.short']);
      assert.equal((await shortLived.enqueue('keep.short', {}, { idempotencyKey: 'keep:1' })).created, false, 'kept for now');
      await sleep(2100);
      // BullMQ evicts aged jobs when a later job finishes.
      await shortLived.enqueue('keep.short', {});
      await w.drain(['keep.short']);
      const again = await shortLived.enqueue('keep.short', {}, { idempotencyKey: 'keep:1' });
      assert.deepEqual(again, { id: first.id, created: true });
    } finally {
      await shortLived.close();
    }
  });
});
