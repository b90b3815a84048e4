/**
 * `npm run bench`: every benchmark, printed as a report. Figures are
 * measured in this run on this machine; nothing is cached.
 */
import { piiBench } from './pii/run.ts';
import { qualityBench } from './quality.ts';
import { printSpeed, speedBench } from './speed.ts';

const sections: { name: string; run: () => Promise<void> }[] = [
  { name: 'speed', run: async () => printSpeed(await speedBench()) },
  { name: 'pii', run: async () => piiBench() },
  { name: 'quality', run: qualityBench },
];

const only = process.argv.slice(2);
for (const section of sections) {
  if (only.length > 0 && !only.includes(section.name)) continue;
  await section.run();
  console.log('');
}
