import type { Command } from 'commander';
import { localContext } from '../../app/context.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import { TEXT_STYLES, type Answer, type MeetingSummary, type TextStyle } from '../../core/outputs.ts';
import { runFeature } from '../../features/run-feature.ts';
import { MAX_TRANSCRIPT_BYTES } from '../../ingest/index.ts';
import { ingestMeeting, JOB_INDEX_MEETING } from '../../usecases/ingest-meeting.ts';
import { answerAsMarkdown, answerAsText, summaryAsMarkdown, summaryAsText } from '../format/summary-format.ts';
import { readInputFile } from '../files.ts';
import { inlineWorker, withServices, type CliRuntime } from '../runtime.ts';

interface OutputOptions {
  json?: boolean;
  format?: string;
  maxWords?: string;
  style?: string;
  provider?: string;
}

function outputFormat(opts: OutputOptions, allowed: string[]): string {
  if (opts.json) return 'json';
  const format = opts.format ?? 'markdown';
  if (!allowed.includes(format)) throw new AppError('invalid_input', `--format must be one of ${allowed.join(', ')}; got "${format}"`);
  return format;
}

function maxWordsOf(opts: OutputOptions): number | undefined {
  if (opts.maxWords === undefined) return undefined;
  const n = Number(opts.maxWords);
  if (!Number.isInteger(n) || n < 1) throw new AppError('invalid_input', `--max-words must be a positive whole number; got "${opts.maxWords}"`);
  return n;
}

/** Stores the file as a meeting (or finds the earlier upload) and indexes it, without queuing the automatic summary. */
async function meetingFromFile(ctx: Ctx, file: string, worker: ReturnType<typeof inlineWorker>): Promise<string> {
  const content = await readInputFile(file, { maxBytes: MAX_TRANSCRIPT_BYTES, what: 'a transcript' });
  const { artifact } = await ingestMeeting(ctx, { filename: file, content, summarize: false });
  await worker.drain([JOB_INDEX_MEETING]);
  return artifact.id;
}

function styleOf(opts: OutputOptions): TextStyle | undefined {
  if (opts.style === undefined) return undefined;
  const style = TEXT_STYLES.find((candidate) => candidate === opts.style);
  if (!style) throw new AppError('invalid_input', `--style must be one of ${TEXT_STYLES.join(', ')}; got "${opts.style}"`);
  return style;
}

export function registerSummarize(program: Command, rt: CliRuntime): void {
  program
    .command('summarize')
    .description('summarise a transcript file: overview, key points, decisions, action items, next steps (no server needed)')
    .argument('<file>', 'transcript: WebVTT, SRT, plain text or JSON segments')
    .option('--json', 'print the summary object with its sections and citations')
    .option('--format <format>', 'markdown (default) or text (plain sentences only, for scoring)')
    .option('--max-words <n>', 'word budget for the overview and key points')
    .option('--style <style>', 'quotes (default: as said) or minutes (reported speech, third person, past tense)')
    .option('--provider <name>', '"builtin" or a registered provider allowed for the account')
    .action(async (file: string, opts: OutputOptions) => {
      const format = outputFormat(opts, ['markdown', 'text']);
      const maxWords = maxWordsOf(opts);
      const style = styleOf(opts);
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        const artifactId = await meetingFromFile(ctx, file, inlineWorker(services));
        const output = await runFeature<MeetingSummary>(ctx, 'meeting.summary', { artifactId, maxWords, style }, { provider: opts.provider });
        const artifact = await ctx.store.artifacts.get(ctx.account.id, artifactId);
        if (format === 'json') rt.io.out(JSON.stringify({ meetingId: artifactId, outputId: output.id, provider: output.provider, ...output.payload }, null, 2));
        else if (format === 'text') rt.io.out(summaryAsText(output.payload));
        else rt.io.out(summaryAsMarkdown(output.payload, artifact?.title));
      });
    });

  program
    .command('ask')
    .description('answer a question about a transcript file, with cited segments (no server needed)')
    .argument('<file>', 'transcript file')
    .argument('<question>', 'the question, in quotes')
    .option('--json', 'print {answer, citations, covered, sources}')
    .option('--format <format>', 'markdown (default) or text (the answer only)')
    .option('--max-words <n>', 'answer length budget')
    .option('--style <style>', 'quotes (default: in quotation marks) or minutes (reported speech, third person, past tense)')
    .option('--provider <name>', '"builtin" or a registered provider allowed for the account')
    .action(async (file: string, question: string, opts: OutputOptions) => {
      const format = outputFormat(opts, ['markdown', 'text']);
      const maxWords = maxWordsOf(opts);
      const style = styleOf(opts);
      await withServices(rt, async (services) => {
        const ctx = await localContext(services);
        const artifactId = await meetingFromFile(ctx, file, inlineWorker(services));
        const { payload } = await runFeature<Answer>(ctx, 'meeting.query', { artifactId, question, maxWords, style }, { provider: opts.provider });
        if (format === 'json') {
          const { answer, citations, covered, sources } = payload;
          rt.io.out(JSON.stringify({ answer, citations, covered, ...(sources ? { sources } : {}) }, null, 2));
        }
        else if (format === 'text') rt.io.out(answerAsText(payload));
        else rt.io.out(answerAsMarkdown(payload));
      });
    });
}
