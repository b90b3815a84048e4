/**
 * A sweep process for the kill test: it runs the real retention sweep at a
 * given time, and stops dead inside a batch, after a given number of purges,
 * waiting there to be killed.
 */
import { loadConfig } from '../../../app/config.ts';
import { createServices } from '../../../app/services.ts';
import { ManualClock } from '../../../core/clock.ts';
import { runRetentionSweep } from '../retention-sweep.ts';

const [url, now, stopAfter, batchSize] = process.argv.slice(2);
const services = await createServices(loadConfig({ CONFER_DATABASE_URL: url }), { defaultLogLevel: 'error', clock: new ManualClock(now) });
let purged = 0;
await runRetentionSweep(services, {
  batchSize: Number(batchSize),
  beforePurge: async () => {
    if (++purged <= Number(stopAfter)) return;
    process.stdout.write(`paused after ${purged - 1}\n`);
    await new Promise<never>(() => setInterval(() => {}, 1 << 30));
  },
});
process.stdout.write('finished\n');
