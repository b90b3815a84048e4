/**
 * A worker process for the crash test: it runs the real job handlers, but
 * stops dead at a chosen point of the summary job ("before" or "after" the
 * summary is stored) and waits there to be killed.
 */
import { loadConfig } from '../../app/config.ts';
import { jobHandlers } from '../../app/job-handlers.ts';
import { createServices } from '../../app/services.ts';
import { JOB_SUMMARIZE_MEETING } from '../../usecases/ingest-meeting.ts';
import { DbWorker } from '../db-worker.ts';

const [url, pauseAt, leaseMs] = process.argv.slice(2);
const services = await createServices(loadConfig({ CONFER_DATABASE_URL: url }), { defaultLogLevel: 'error' });
const handlers = jobHandlers(services);
const realSummarize = handlers[JOB_SUMMARIZE_MEETING];
const forever = () => new Promise<never>(() => setInterval(() => {}, 1 << 30));

const worker = new DbWorker({
  store: services.store,
  leaseMs: Number(leaseMs),
  handlers: {
    [JOB_SUMMARIZE_MEETING]: async (job) => {
      if (pauseAt === 'after') await realSummarize(job);
      process.stdout.write(`paused ${job.id}\n`);
      await forever();
    },
  },
});
await worker.runOnce([JOB_SUMMARIZE_MEETING]);
