/**
 * Speed of the embedded default: `meeting.summary` on a 10,000-word meeting
 * (the engine alone and the whole governed pipeline), and ingest throughput
 * with a summary job for every meeting, on a fresh SQLite file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jobHandlers } from '../src/app/job-handlers.ts';
import { createTestWorld } from '../src/app/testing.ts';
import { systemClock } from '../src/core/clock.ts';
import type { Segment } from '../src/core/types.ts';
import { summarizeMeeting } from '../src/engine/index.ts';
import { runFeature } from '../src/features/run-feature.ts';
import { parseTranscript } from '../src/ingest/index.ts';
import { DbWorker } from '../src/jobs/db-worker.ts';
import { ingestMeeting } from '../src/usecases/ingest-meeting.ts';
import { meetingOfWords } from './lib/synthetic-meeting.ts';

const EXAMPLE = fileURLToPath(new URL('../examples/planning-meeting.vtt', import.meta.url));

export { meetingOfWords };

export interface SpeedFigures {
  words: number;
  engineMedianMs: number;
  pipelineMedianMs: number;
  meetingsIngested: number;
  meetingsPerSecond: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const wordsOf = (segments: Segment[]) => segments.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);

async function time<T>(fn: () => Promise<T> | T): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function speedBench(opts: { runs?: number; meetings?: number } = {}): Promise<SpeedFigures> {
  const runs = opts.runs ?? 30;
  const meetings = opts.meetings ?? 40;
  const segments = meetingOfWords(10_000);
  const meetingDate = new Date('2026-03-04T10:00:00Z');

  for (let i = 0; i < 3; i++) summarizeMeeting({ artifactId: 'warmup', segments, meetingDate });
  const engine: number[] = [];
  for (let i = 0; i < runs; i++) engine.push(await time(() => summarizeMeeting({ artifactId: 'bench', segments, meetingDate })));

  const world = await createTestWorld({ clock: systemClock });
  try {
    const ctx = await world.ctx(world.owner, 'cli');
    const json = JSON.stringify({ date: meetingDate.toISOString(), segments });
    const { artifact } = await ingestMeeting(ctx, { filename: 'bench.json', content: json, summarize: false });
    const pipeline: number[] = [];
    for (let i = 0; i < runs; i++) pipeline.push(await time(() => runFeature(ctx, 'meeting.summary', { artifactId: artifact.id })));

    const example = readFileSync(EXAMPLE, 'utf8');
    const worker = new DbWorker({ store: world.services.store, handlers: jobHandlers(world.services) });
    const elapsed = await time(async () => {
      for (let i = 0; i < meetings; i++) {
        // A distinct file each time, so nothing is deduplicated.
        await ingestMeeting(ctx, { filename: `planning-${i}.vtt`, content: `${example}\nNOTE copy ${i}\n` });
      }
      await worker.drain();
    });
    const summaries = (await world.services.store.jobs.list({ name: 'meeting.summarize', status: 'done' })).length;
    if (summaries !== meetings) throw new Error(`expected ${meetings} summary jobs done, found ${summaries}`);
    return {
      words: wordsOf(segments),
      engineMedianMs: median(engine),
      pipelineMedianMs: median(pipeline),
      meetingsIngested: meetings,
      meetingsPerSecond: meetings / (elapsed / 1000),
    };
  } finally {
    await world.close();
  }
}

export function printSpeed(f: SpeedFigures, write: (line: string) => void = console.log): void {
  write('Speed (embedded default: SQLite, built-in engine)');
  write(`  meeting.summary, ${f.words.toLocaleString('en')}-word meeting, engine only   median ${f.engineMedianMs.toFixed(1)} ms (target < 100 ms)`);
  write(`  meeting.summary, same meeting, full governed pipeline  median ${f.pipelineMedianMs.toFixed(1)} ms`);
  write(`  ingest with index + summary job per meeting (${f.meetingsIngested} × ~45-min meetings)  ${f.meetingsPerSecond.toFixed(2)} meetings/s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printSpeed(await speedBench());
}
