import type { Command } from 'commander';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { localContext } from '../../app/context.ts';
import type { Answer, MeetingSummary } from '../../core/outputs.ts';
import { runFeature } from '../../features/run-feature.ts';
import { ingestMeeting, JOB_INDEX_MEETING, JOB_SUMMARIZE_MEETING } from '../../usecases/ingest-meeting.ts';
import { answerAsMarkdown, summaryAsMarkdown } from '../format/summary-format.ts';
import { progress } from '../output.ts';
import { inlineWorker, withServices, type CliRuntime } from '../runtime.ts';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));
const DEMO_MEETING = 'planning-meeting.vtt';
const DEMO_QUESTION = 'Who were the five vendors mentioned?';

export function registerDemo(program: Command, rt: CliRuntime): void {
  program
    .command('demo')
    .description('store the example meetings, print the summary of one and answer a question about it')
    .action(async () => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        const files = (await readdir(EXAMPLES_DIR)).filter((f) => /\.(vtt|srt|txt)$/.test(f)).sort();
        const stored = new Map<string, string>();
        for (const file of files) {
          const { artifact } = await ingestMeeting(ctx, { filename: file, content: await readFile(EXAMPLES_DIR + file) });
          stored.set(file, artifact.id);
        }
        const queued = await services.store.jobs.list({ status: 'queued', accountId: ctx.account.id });
        const bar = progress(rt.io, queued.length, 'indexing and summarising examples');
        await inlineWorker(services).drain([JOB_INDEX_MEETING, JOB_SUMMARIZE_MEETING], (job) => bar.tick(job.name));
        bar.finish();

        const artifactId = stored.get(DEMO_MEETING)!;
        const artifact = await ctx.store.artifacts.get(ctx.account.id, artifactId);
        const summary = await runFeature<MeetingSummary>(ctx, 'meeting.summary', { artifactId });
        rt.io.out(summaryAsMarkdown(summary.payload, artifact?.title));
        rt.io.out(`## Question: ${DEMO_QUESTION}\n`);
        const answer = await runFeature<Answer>(ctx, 'meeting.query', { artifactId, question: DEMO_QUESTION });
        rt.io.out(answerAsMarkdown(answer.payload));
        rt.io.out(`\nStored ${stored.size} example meetings in ${services.store.dialect}. Try: npx confer meetings list`);
      });
    });
}
