/**
 * A worker process for the contract suite's crash test, on either queue: it
 * takes the first job of the given type, says `paused <job id>` on stdout
 * and waits there, renewing its lease, to be killed.
 *
 * Arguments: the job type, then where the queue is, as JSON: either
 *   {"kind":"database","url":…,"schema":…,"leaseMs":…} or
 *   {"kind":"bullmq","url":…,"prefix":…,"leaseMs":…,"stalledCheckMs":…}
 */
import type { JobHandler } from '../../core/job-queue.ts';
import type { JobWorker } from '../job-worker.ts';

type Target =
  | { kind: 'database'; url: string; schema?: string; leaseMs: number }
  | { kind: 'bullmq'; url: string; prefix: string; leaseMs: number; stalledCheckMs: number };

const [jobType, json] = process.argv.slice(2);
const target = JSON.parse(json) as Target;
const handlers: Record<string, JobHandler> = {
  [jobType]: async (job) => {
    process.stdout.write(`paused ${job.id}\n`);
    await new Promise<never>(() => setInterval(() => {}, 1 << 30));
  },
};

// Only the queue under test is loaded: a quicker start keeps the suite short.
let worker: JobWorker;
if (target.kind === 'database') {
  const [{ openStore }, { DbWorker }] = await Promise.all([import('../../store/connect.ts'), import('../db-worker.ts')]);
  const store = await openStore({ url: target.url, schema: target.schema });
  worker = new DbWorker({ store, handlers, leaseMs: target.leaseMs, pollMs: 20 });
} else {
  const { BullmqWorker } = await import('../bullmq-worker.ts');
  worker = new BullmqWorker({ url: target.url, prefix: target.prefix, handlers, leaseMs: target.leaseMs, stalledCheckMs: target.stalledCheckMs });
}
worker.start();
