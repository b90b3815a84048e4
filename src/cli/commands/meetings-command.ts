import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import { MAX_TRANSCRIPT_BYTES, parseTranscript } from '../../ingest/index.ts';
import { ingestMeeting, JOB_INDEX_MEETING, JOB_SUMMARIZE_MEETING } from '../../usecases/ingest-meeting.ts';
import { getLatestSummary, getMeeting, listMeetings, MEETINGS_PAGE_MAX } from '../../usecases/meetings.ts';
import { summaryAsMarkdown } from '../format/summary-format.ts';
import { clock } from '../format/time.ts';
import { progress } from '../output.ts';
import { readInputFile } from '../files.ts';
import { wholeNumberOption } from '../options.ts';
import { inlineWorker, withServices, type CliRuntime } from '../runtime.ts';

export function registerMeetings(program: Command, rt: CliRuntime): void {
  program
    .command('ingest')
    .description('store transcript files as meetings, then index and summarise them')
    .argument('<files...>', 'transcript files')
    .option('--no-wait', 'queue indexing and summaries for a worker instead of running them now')
    .option('--json', 'print the stored meetings as JSON')
    .action(async (files: string[], opts: { wait: boolean; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        // Every file is parsed before any is stored, so one bad file stores nothing.
        const inputs = await Promise.all(
          files.map(async (file) => ({ file, content: await readInputFile(file, { maxBytes: MAX_TRANSCRIPT_BYTES, what: 'a transcript' }) })),
        );
        for (const input of inputs) parseTranscript({ filename: input.file, content: input.content });
        const results = [];
        for (const input of inputs) {
          const result = await ingestMeeting(ctx, { filename: input.file, content: input.content });
          results.push(result);
          if (!opts.json) rt.io.err(`${result.created ? 'stored' : 'already stored'} ${input.file} as ${result.artifact.id}`);
        }
        if (opts.wait) {
          const jobs = results.flatMap((r) => r.jobIds);
          const bar = progress(rt.io, jobs.length, 'processing');
          await inlineWorker(services).drain([JOB_INDEX_MEETING, JOB_SUMMARIZE_MEETING], (job, ok) => bar.tick(`${job.name}${ok ? '' : ' failed'}`));
          bar.finish();
        }
        const views = await Promise.all(results.map((r) => getMeeting(ctx, r.artifact.id)));
        if (opts.json) rt.io.out(JSON.stringify(views, null, 2));
        else for (const v of views) rt.io.out(`${v.id}\t${v.title}\t${v.segments} segments\tsummary ${v.summaryStatus}`);
      });
    });

  const meetings = program.command('meetings').description('list and show stored meetings');
  meetings
    .command('list')
    .description('meetings you may read, newest first')
    .option('-q, --query <text>', 'full-text search over titles and transcripts')
    .option('--limit <n>', 'page size (default 20)')
    .option('--offset <n>', 'skip this many')
    .option('--json', 'print the page as JSON')
    .action(async (opts: { query?: string; limit?: string; offset?: string; json?: boolean }) => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        const page = await listMeetings(ctx, { q: opts.query, limit: wholeNumberOption('--limit', opts.limit, { min: 1, max: MEETINGS_PAGE_MAX, fallback: 20 }),
          offset: wholeNumberOption('--offset', opts.offset, { min: 0, fallback: 0 }),
         });
        if (opts.json) return rt.io.out(JSON.stringify(page, null, 2));
        if (page.items.length === 0) return rt.io.out(opts.query ? `no meetings match "${opts.query}"` : 'no meetings yet; add one with `confer ingest FILE`');
        for (const m of page.items) {
          const when = (m.startedAt ?? m.createdAt).slice(0, 16).replace('T', ' ');
          rt.io.out(`${m.id}\t${when}\t${m.title}\t${m.durationSeconds !== null ? clock(m.durationSeconds) : '-'}\tsummary ${m.summaryStatus}`);
        }
        rt.io.out(`${page.offset + 1}–${page.offset + page.items.length} of ${page.total}`);
      });
    });

  meetings
    .command('show')
    .description('a meeting with its latest summary')
    .argument('<id>', 'meeting id')
    .option('--json', 'print the meeting and summary as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        const meeting = await getMeeting(ctx, id);
        const summary = meeting.summaryStatus === 'ready' ? (await getLatestSummary(ctx, id)).output : null;
        if (opts.json) return rt.io.out(JSON.stringify({ meeting, summary: summary?.payload ?? null }, null, 2));
        rt.io.out(`${meeting.title} (${meeting.id})`);
        rt.io.out(`participants: ${meeting.participants.join(', ') || '-'}`);
        rt.io.out(`started: ${meeting.startedAt ?? 'unknown'}; ${meeting.segments} segments; summary ${meeting.summaryStatus}`);
        if (summary) rt.io.out('\n' + summaryAsMarkdown(summary.payload));
      });
    });
}
