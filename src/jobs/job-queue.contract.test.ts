/**
 * The behaviour every job queue and its worker must show, written once and
 * run against each implementation: the database queue on SQLite and
 * PostgreSQL, and BullMQ on Redis. Each implementation supplies a harness
 * (queue, worker, a way to look at a job); the assertions never know which
 * one they test.
 */
import { Queue } from 'bullmq';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/errors.ts';
import type { JobHandler, JobQueue, JobRun } from '../core/job-queue.ts';
import type { JobStatus } from '../core/types.ts';
import { DIALECTS } from '../store/testing.ts';
import { BullmqJobQueue } from './bullmq-job-queue.ts';
import { openRedis, QUEUE_NAME, type BullmqJobData } from './bullmq-layout.ts';
import { BullmqWorker } from './bullmq-worker.ts';
import { DbJobQueue } from './db-job-queue.ts';
import { DbWorker } from './db-worker.ts';
import type { JobWorker } from './job-worker.ts';
import { createTestRedis, redisUnavailable } from './testing.ts';

const CRASH_WORKER = fileURLToPath(new URL('./__fixtures__/crash-job-worker.ts', import.meta.url));
const LEASE_MS = 1000;
const STALLED_CHECK_MS = 200;
/** Each test fails rather than hangs. */
// Generous: a child process with tsx starts slowly on a loaded machine.
const EACH = { timeout: 90_000 };

/** A job as the database queue describes it; the BullMQ harness translates. */
interface JobView {
  status: JobStatus;
  /** Starts so far, counting the one in progress. */
  attempts: number;
  lastError: string | null;
}

interface Harness {
  queue: JobQueue;
  /** A worker with short leases and immediate retries. */
  worker(handlers: Record<string, JobHandler>): JobWorker;
  inspect(id: string): Promise<JobView | null>;
  /** Where the crash fixture finds this queue. */
  crashTarget: Record<string, unknown>;
  close(): Promise<void>;
}

interface Implementation {
  name: string;
  /** Reason to skip, shown in the test output. */
  skip(): Promise<string | null>;
  open(): Promise<Harness>;
}

const databaseQueues: Implementation[] = DIALECTS.map((dialect) => ({
  name: `database queue on ${dialect.name}`,
  skip: dialect.skip,
  async open() {
    const testStore = await dialect.create();
    const { store } = testStore;
    return {
      queue: new DbJobQueue(store),
      worker: (handlers) => new DbWorker({ store, handlers, leaseMs: LEASE_MS, pollMs: 20, backoffMs: () => 0 }),
      async inspect(id) {
        const job = await store.jobs.get(id);
        return job && { status: job.status, attempts: job.attempts, lastError: job.lastError };
      },
      crashTarget: { kind: 'database', url: testStore.url, schema: testStore.schema, leaseMs: LEASE_MS },
      close: () => testStore.cleanup(),
    };
  },
}));

const STATUS_OF_STATE: Record<string, JobStatus> = { active: 'running', completed: 'done', failed: 'failed' };

const bullmqQueue: Implementation = {
  name: 'BullMQ queue on Redis',
  skip: redisUnavailable,
  async open() {
    const redis = createTestRedis();
    const queue = new BullmqJobQueue(redis);
    const connection = openRedis(redis.url, 'producer');
    const inspector = new Queue<BullmqJobData>(QUEUE_NAME, { connection, prefix: redis.prefix });
    const workers: JobWorker[] = [];
    return {
      queue,
      worker(handlers) {
        const worker = new BullmqWorker({ ...redis, handlers, leaseMs: LEASE_MS, stalledCheckMs: STALLED_CHECK_MS, backoffMs: () => 0 });
        workers.push(worker);
        return worker;
      },
      async inspect(id) {
        const job = await inspector.getJob(id);
        if (!job) return null;
        const state = await job.getState();
        const status = STATUS_OF_STATE[state] ?? 'queued';
        return {
          status,
          attempts: job.attemptsMade + job.stalledCounter + (status === 'running' ? 1 : 0),
          // BullMQ keeps the reason of an earlier failed attempt on a job that later succeeded.
          lastError: status === 'done' ? null : (job.failedReason ?? null),
        };
      },
      crashTarget: { kind: 'bullmq', url: redis.url, prefix: redis.prefix, leaseMs: LEASE_MS, stalledCheckMs: STALLED_CHECK_MS },
      async close() {
        await Promise.all(workers.map((worker) => worker.stop()));
        await queue.close();
        await inspector.close();
        await connection.quit();
        await redis.cleanup();
      },
    };
  },
};

/** Polls until `check` holds, failing after `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await sleep(20);
  }
}

/** Starts the crash fixture on `jobType` and resolves once its handler has started, with the id of its job. */
async function crashWorkerRunning(jobType: string, target: Record<string, unknown>): Promise<{ child: ChildProcess; jobId: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CRASH_WORKER, jobType, JSON.stringify(target)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  let stdout = '';
  const firstLine = (async () => {
    for await (const chunk of child.stdout!) {
      stdout += chunk;
      if (stdout.includes('\n')) break;
    }
  })();
  const giveUp = new AbortController();
  await Promise.race([firstLine, once(child, 'exit'), sleep(60_000, undefined, { signal: giveUp.signal }).catch(() => {})]);
  giveUp.abort();
  const jobId = /^paused (\S+)/.exec(stdout)?.[1];
  if (!jobId) {
    child.kill('SIGKILL');
    assert.fail(`the crash worker did not start the job: ${stdout}${stderr}`);
  }
  return { child, jobId };
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

const implementations = [...databaseQueues, bullmqQueue];
const skips = await Promise.all(implementations.map((implementation) => implementation.skip()));

// The implementations run side by side; the tests of each run in order.
describe('job queue contract', { concurrency: true }, () => {
  implementations.forEach((implementation, i) => {
    describe(implementation.name, { skip: skips[i] ?? false, concurrency: false }, () => {
      let h: Harness;

      before(async () => {
        h = await implementation.open();
      });
      after(() => h?.close());

      it('enqueues one job per idempotency key, and still knows the key once the job is done', EACH, async () => {
        const first = await h.queue.enqueue('idem.greet', { who: 'Ann' }, { idempotencyKey: 'greet:ann' });
        assert.equal(first.created, true);
        assert.deepEqual(await h.queue.enqueue('idem.greet', { who: 'Bo' }, { idempotencyKey: 'greet:ann' }), { id: first.id, created: false });
        const numeric = await h.queue.enqueue('idem.greet', { who: 'Cy' }, { idempotencyKey: '42' });
        assert.equal(numeric.created, true);
        const plain = [await h.queue.enqueue('idem.greet', { who: 'Di' }), await h.queue.enqueue('idem.greet', { who: 'Di' })];
        assert.ok(plain.every((job) => job.created));
        assert.equal(new Set([first.id, numeric.id, ...plain.map((job) => job.id)]).size, 4, 'four distinct jobs');

        const seen: unknown[] = [];
        const worker = h.worker({ 'idem.greet': async (job) => void seen.push(job.payload.who) });
        assert.equal(await worker.drain(['idem.greet']), 4);
        assert.deepEqual(seen.sort(), ['Ann', 'Cy', 'Di', 'Di'], 'the first payload of a key wins');
        assert.deepEqual(await h.queue.enqueue('idem.greet', { who: 'Ann' }, { idempotencyKey: 'greet:ann' }), { id: first.id, created: false });
        assert.equal(await worker.drain(['idem.greet']), 0);
      });

      it('runs a job once, with its payload and account, and marks it done', EACH, async () => {
        const runs: JobRun[] = [];
        const worker = h.worker({ 'once.greet': async (job) => void runs.push(job) });
        const { id } = await h.queue.enqueue('once.greet', { who: 'Ann' }, { accountId: 'acc_1' });
        assert.equal(await worker.drain(['once.greet']), 1);
        assert.equal(runs.length, 1);
        assert.equal(runs[0].id, id);
        assert.equal(runs[0].name, 'once.greet');
        assert.deepEqual(runs[0].payload, { who: 'Ann' });
        assert.equal(runs[0].accountId, 'acc_1');
        assert.equal(runs[0].attempt, 1);
        assert.equal(runs[0].signal.aborted, false);
        assert.deepEqual(await h.inspect(id), { status: 'done', attempts: 1, lastError: null });
        assert.equal(await worker.drain(['once.greet']), 0);
        assert.equal(await worker.runOnce(['once.greet']), false);
      });

      it('runs only the job types it is asked for', EACH, async () => {
        const ran: string[] = [];
        const worker = h.worker({ 'pick.a': async (job) => void ran.push(job.id), 'pick.b': async (job) => void ran.push(job.id) });
        const a1 = await h.queue.enqueue('pick.a', {});
        const b = await h.queue.enqueue('pick.b', {});
        const a2 = await h.queue.enqueue('pick.a', {});
        const reported: string[] = [];
        assert.equal(await worker.drain(['pick.b'], (job, ok) => reported.push(`${job.id} ${job.name} ${ok}`)), 1);
        assert.deepEqual(ran, [b.id]);
        assert.deepEqual(reported, [`${b.id} pick.b true`]);
        assert.deepEqual(await h.inspect(a1.id), { status: 'queued', attempts: 0, lastError: null });
        assert.equal(await worker.runOnce(['pick.a']), true);
        assert.equal(await worker.drain(), 1, 'by default, every type with a handler');
        assert.deepEqual(ran.slice(1).sort(), [a1.id, a2.id].sort());
      });

      it('retries a failing job until it succeeds', EACH, async () => {
        const attempts: number[] = [];
        const worker = h.worker({
          'retry.flaky': async (job) => {
            attempts.push(job.attempt);
            if (job.attempt < 3) throw new Error(`transient failure ${job.attempt}`);
          },
        });
        const { id } = await h.queue.enqueue('retry.flaky', {}, { maxAttempts: 5 });
        const outcomes: boolean[] = [];
        assert.equal(await worker.drain(['retry.flaky'], (_job, ok) => outcomes.push(ok)), 3);
        assert.deepEqual(attempts, [1, 2, 3]);
        assert.deepEqual(outcomes, [false, false, true]);
        assert.deepEqual(await h.inspect(id), { status: 'done', attempts: 3, lastError: null });
      });

      it('gives up after maxAttempts', EACH, async () => {
        let calls = 0;
        const worker = h.worker({
          'retry.broken': async () => {
            calls++;
            throw new Error('still broken');
          },
        });
        const { id } = await h.queue.enqueue('retry.broken', {}, { maxAttempts: 2 });
        assert.equal(await worker.drain(['retry.broken']), 2);
        assert.equal(calls, 2);
        assert.deepEqual(await h.inspect(id), { status: 'failed', attempts: 2, lastError: 'still broken' });
      });

      it('does not retry errors that say they are permanent', EACH, async () => {
        let calls = 0;
        const worker = h.worker({
          'permanent.bad': async () => {
            calls++;
            throw new AppError('invalid_input', 'the payload names no meeting');
          },
        });
        const { id } = await h.queue.enqueue('permanent.bad', {}, { maxAttempts: 5 });
        assert.equal(await worker.drain(['permanent.bad']), 1);
        assert.equal(calls, 1);
        assert.deepEqual(await h.inspect(id), { status: 'failed', attempts: 1, lastError: 'the payload names no meeting' });
      });

      it('fails a job nobody can handle, without retrying it', EACH, async () => {
        const { id } = await h.queue.enqueue('unknown.kind', {}, { maxAttempts: 5 });
        const worker = h.worker({});
        assert.equal(await worker.drain(['unknown.kind']), 1);
        const job = await h.inspect(id);
        assert.equal(job?.status, 'failed');
        assert.equal(job?.attempts, 1);
        assert.match(job?.lastError ?? '', /no handler for job type unknown\.kind/);
      });

      it('does not run a delayed job before its time', EACH, async () => {
        const ranAt: number[] = [];
        const worker = h.worker({ 'later.job': async () => void ranAt.push(Date.now()) });
        const runAt = new Date(Date.now() + 600);
        const { id } = await h.queue.enqueue('later.job', {}, { runAt });
        assert.equal(await worker.drain(['later.job']), 0);
        assert.equal(await worker.runOnce(['later.job']), false);
        assert.equal((await h.inspect(id))?.status, 'queued');
        await sleep(runAt.getTime() - Date.now() + 50);
        assert.equal(await worker.drain(['later.job']), 1);
        assert.ok(ranAt[0] >= runAt.getTime(), 'not before runAt');
        assert.equal((await h.inspect(id))?.status, 'done');
      });

      it('runs a job again, in another worker, once the lease of its killed worker has expired', EACH, async () => {
        const { id } = await h.queue.enqueue('crash.once', { n: 1 });
        const { child, jobId } = await crashWorkerRunning('crash.once', h.crashTarget);
        assert.equal(jobId, id);
        await kill(child);
        const orphan = await h.inspect(id);
        assert.equal(orphan?.status, 'running', 'still leased to the dead worker');
        assert.equal(orphan?.attempts, 1);

        const runs: JobRun[] = [];
        const other = h.worker({ 'crash.once': async (job) => void runs.push(job) });
        assert.equal(await other.runOnce(['crash.once']), false, 'not handed out while the lease lasts');
        other.start();
        try {
          await until(() => runs.length > 0, LEASE_MS + 6 * STALLED_CHECK_MS + 2000, 'the job runs again');
        } finally {
          await other.stop();
        }
        assert.equal(runs.length, 1);
        assert.equal(runs[0].attempt, 2);
        assert.deepEqual(runs[0].payload, { n: 1 });
        assert.deepEqual(await h.inspect(id), { status: 'done', attempts: 2, lastError: null });
      });

      it('fails a job whose worker was killed on its last attempt', EACH, async () => {
        const { id } = await h.queue.enqueue('crash.last', {}, { maxAttempts: 1 });
        const { child } = await crashWorkerRunning('crash.last', h.crashTarget);
        await kill(child);
        let calls = 0;
        const other = h.worker({ 'crash.last': async () => void calls++ });
        other.start();
        try {
          await until(async () => (await h.inspect(id))?.status === 'failed', LEASE_MS + 6 * STALLED_CHECK_MS + 2000, 'the job fails');
        } finally {
          await other.stop();
        }
        assert.equal(calls, 0);
        assert.match((await h.inspect(id))?.lastError ?? '', /lease expired on the last attempt/);
      });

      it('stops gracefully: finishes the job in progress and takes no more', EACH, async () => {
        const done: string[] = [];
        let started!: () => void;
        const running = new Promise<void>((resolve) => (started = resolve));
        const worker = h.worker({
          'stop.slow': async (job) => {
            started();
            await sleep(300);
            done.push(job.id);
          },
        });
        worker.start();
        const { id } = await h.queue.enqueue('stop.slow', {});
        worker.poke();
        await running;
        await worker.stop();
        assert.deepEqual(done, [id]);
        assert.equal((await h.inspect(id))?.status, 'done');

        const later = await h.queue.enqueue('stop.slow', {});
        worker.poke();
        await sleep(200);
        assert.deepEqual(done, [id], 'no job taken after stop()');
        assert.equal((await h.inspect(later.id))?.status, 'queued');
      });

      it(
        'aborts the signal of the job in progress when it stops',
        EACH,
        async () => {
          let started!: () => void;
          const running = new Promise<void>((resolve) => (started = resolve));
          let aborted = false;
          const worker = h.worker({
            'stop.abortable': async (job) => {
              started();
              await Promise.race([once(job.signal, 'abort'), sleep(1000)]);
              aborted = job.signal.aborted;
            },
          });
          worker.start();
          await h.queue.enqueue('stop.abortable', {});
          worker.poke();
          await running;
          await worker.stop();
          assert.equal(aborted, true);
        },
      );
    });
  });
});
