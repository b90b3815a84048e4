/**
 * Generative implementations of the meeting features: summaries and answers
 * with citations, from a provider with structured output. The model cites
 * segment numbers; citations are built here from the real segments, and an
 * answer that cites a segment it was not shown is invalid. Transcripts longer
 * than the context window go through map-reduce over chunks, and the
 * citations survive both steps.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { ActionItem, Answer, MeetingSummary, SummaryItem } from '../../core/outputs.ts';
import type { Citation, Segment } from '../../core/types.ts';
import type { FeatureRun } from '../feature.ts';
import { estimateTokens, type FeatureModels } from '../route-step.ts';
import { structuredCall } from './structured-call.ts';

/** Tokens kept free in the context window for instructions and the answer. */
const RESERVED_TOKENS = 1_500;

const clock = (seconds: number) => {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  return `${hh > 0 ? `${hh}:` : ''}${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
};

/** One line per segment, numbered: `[12] 03:05 Priya Nair: …`. */
export function transcriptLines(segments: Segment[]): string {
  return segments.map((s) => `[${s.index}] ${clock(s.start)} ${s.speaker}: ${s.text}`).join('\n');
}

/** Splits a transcript into consecutive chunks of at most `maxTokens` each (a segment is never split). */
export function chunkSegments(segments: Segment[], maxTokens: number): Segment[][] {
  const chunks: Segment[][] = [];
  let current: Segment[] = [];
  let tokens = 0;
  for (const segment of segments) {
    const size = estimateTokens(transcriptLines([segment])) + 1;
    if (current.length > 0 && tokens + size > maxTokens) {
      chunks.push(current);
      current = [];
      tokens = 0;
    }
    current.push(segment);
    tokens += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Transcript tokens one call may carry: the smallest context window of the chain, less the reserve. */
export function chunkBudget(models: FeatureModels): number {
  const windows = models.generative.map((info) => info.contextWindow).filter((w) => w > 0);
  const smallest = windows.length > 0 ? Math.min(...windows) : 8_192;
  return Math.max(500, smallest - RESERVED_TOKENS);
}

function citationOf(segment: Segment, artifactId: string): Citation {
  return { artifactId, segment: segment.index, start: segment.start, end: segment.end, speaker: segment.speaker };
}

/** The segment numbers cited that are not among `allowed`, as a problem text, or `null`. */
function unknownSegments(cited: number[], allowed: ReadonlySet<number>): string | null {
  const unknown = [...new Set(cited.filter((n) => !allowed.has(n)))];
  return unknown.length === 0 ? null : `cites segment${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}, which ${unknown.length > 1 ? 'are' : 'is'} not in the transcript given`;
}

/**
 * A structured call whose answer may cite only `allowed` segment numbers,
 * accumulating usage and remembering the provider and model that answered
 * last, over the calls of one map-reduce.
 */
function citingCaller<T>(models: FeatureModels, spec: { schemaName: string; jsonSchema: Record<string, unknown>; schema: z.ZodType<T>; system: string; cited: (value: T) => number[] }) {
  const state = { usage: { inputTokens: 0, outputTokens: 0 }, provider: '', model: '' };
  const call = async (prompt: string, allowed: ReadonlySet<number>): Promise<T> => {
    const result = await structuredCall(models, {
      schemaName: spec.schemaName,
      jsonSchema: spec.jsonSchema,
      schema: spec.schema,
      system: spec.system,
      prompt,
      check: (value) => unknownSegments(spec.cited(value), allowed),
    });
    state.usage.inputTokens += result.usage.inputTokens;
    state.usage.outputTokens += result.usage.outputTokens;
    state.provider = result.provider.name;
    state.model = result.model;
    return result.value;
  };
  return { call, state };
}

// ---- summaries ----------------------------------------------------------

const segmentsJson = { type: 'array', items: { type: 'integer' } };
const itemJson = { type: 'object', properties: { text: { type: 'string' }, segments: segmentsJson }, required: ['text', 'segments'], additionalProperties: false };
const actionJson = {
  type: 'object',
  properties: {
    text: { type: 'string' },
    owner: { type: ['string', 'null'] },
    due: { type: ['string', 'null'], description: 'YYYY-MM-DD when a due date was stated, else null' },
    segments: segmentsJson,
  },
  required: ['text', 'owner', 'due', 'segments'],
  additionalProperties: false,
};

export const SUMMARY_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    overview: itemJson,
    keyPoints: { type: 'array', items: itemJson },
    decisions: { type: 'array', items: itemJson },
    actionItems: { type: 'array', items: actionJson },
    nextSteps: { type: 'array', items: itemJson },
  },
  required: ['overview', 'keyPoints', 'decisions', 'actionItems', 'nextSteps'],
  additionalProperties: false,
};

const citedItem = z.object({ text: z.string().trim().min(1), segments: z.array(z.number().int().min(0)).min(1, 'every item must cite at least one segment') });
const modelSummary = z.object({
  overview: z.object({ text: z.string().trim().min(1), segments: z.array(z.number().int().min(0)) }),
  keyPoints: z.array(citedItem),
  decisions: z.array(citedItem),
  actionItems: z.array(
    citedItem.extend({
      owner: z.string().trim().min(1).nullable(),
      due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'due must be YYYY-MM-DD or null').nullable(),
    }),
  ),
  nextSteps: z.array(citedItem),
});
type ModelSummary = z.infer<typeof modelSummary>;

function summaryCited(summary: ModelSummary): number[] {
  return [summary.overview, ...summary.keyPoints, ...summary.decisions, ...summary.actionItems, ...summary.nextSteps].flatMap((i) => i.segments);
}

const SUMMARY_SYSTEM = [
  'You summarise workplace meetings from their transcript. Each transcript line starts with its segment number in brackets.',
  'Return an overview, key points, decisions, action items (owner as named in the meeting, due date as YYYY-MM-DD resolved against the meeting date, or null) and next steps.',
  'Every item lists the numbers of the segments it is based on. Cite only segment numbers that appear in the transcript. Do not invent facts.',
].join(' ');

export interface SummaryRequest {
  artifactId: string;
  title: string | null;
  meetingDate: Date;
  maxWords?: number;
  segments: Segment[];
}

/**
 * A cited summary from the chain's structured-output providers; map-reduce
 * when the transcript exceeds the context window. Chapters and statistics
 * come from `base` (the built-in engine's, which are measurements).
 *
 * @example
 * const { summary } = await generativeSummary(run.models, request, builtinSummary);
 */
export async function generativeSummary(
  models: FeatureModels,
  request: SummaryRequest,
  base: Pick<MeetingSummary, 'chapters' | 'stats'>,
): Promise<{ summary: MeetingSummary; provider: string; model: string; usage: { inputTokens: number; outputTokens: number } }> {
  const chunks = chunkSegments(request.segments, chunkBudget(models));
  const header = `Meeting: ${request.title ?? '(untitled)'}\nMeeting date: ${request.meetingDate.toISOString().slice(0, 10)}\n${request.maxWords ? `Keep the overview and key points under ${request.maxWords} words in total.\n` : ''}`;
  const { call: callFor, state } = citingCaller(models, { schemaName: 'meeting_summary', jsonSchema: SUMMARY_JSON_SCHEMA, schema: modelSummary, system: SUMMARY_SYSTEM, cited: summaryCited });

  let final: ModelSummary;
  if (chunks.length <= 1) {
    final = await callFor(`${header}\nTranscript:\n${transcriptLines(request.segments)}`, new Set(request.segments.map((s) => s.index)));
  } else {
    const partials: ModelSummary[] = [];
    for (const [i, chunk] of chunks.entries()) {
      partials.push(
        await callFor(
          `${header}This is part ${i + 1} of ${chunks.length} of the transcript; summarise this part only.\n\nTranscript:\n${transcriptLines(chunk)}`,
          new Set(chunk.map((s) => s.index)),
        ),
      );
    }
    // The reduce step sees the partial summaries, each item with its segment numbers, and may cite only those.
    const cited = new Set(partials.flatMap(summaryCited));
    final = await callFor(
      `${header}These are summaries of the ${chunks.length} consecutive parts of one meeting, as JSON. Merge them into one summary of the whole meeting, removing repetition. Keep each item's segment numbers; cite only segment numbers that appear below.\n\n${partials.map((p, i) => `Part ${i + 1}: ${JSON.stringify(p)}`).join('\n')}`,
      cited,
    );
  }

  const bySegment = new Map(request.segments.map((s) => [s.index, s]));
  const cite = (numbers: number[]) => [...new Set(numbers)].sort((a, b) => a - b).map((n) => citationOf(bySegment.get(n)!, request.artifactId));
  const item = (i: { text: string; segments: number[] }): SummaryItem => ({ text: i.text.trim(), citations: cite(i.segments) });
  const summary: MeetingSummary = {
    overview: item(final.overview),
    keyPoints: final.keyPoints.map(item),
    decisions: final.decisions.map(item),
    actionItems: final.actionItems.map((a): ActionItem => ({ ...item(a), owner: a.owner, due: a.due, dueText: null })),
    nextSteps: final.nextSteps.map(item),
    chapters: base.chapters,
    stats: base.stats,
  };
  return { summary, ...state };
}

// ---- answers ------------------------------------------------------------

export const ANSWER_JSON_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: {
    answer: { type: 'string' },
    covered: { type: 'boolean', description: 'false when the transcript does not answer the question' },
    segments: segmentsJson,
  },
  required: ['answer', 'covered', 'segments'],
  additionalProperties: false,
};

const modelAnswer = z
  .object({ answer: z.string(), covered: z.boolean(), segments: z.array(z.number().int().min(0)) })
  .refine((a) => !a.covered || (a.segments.length > 0 && a.answer.trim() !== ''), 'a covered answer must have text and cite at least one segment');
type ModelAnswer = z.infer<typeof modelAnswer>;

const ANSWER_SYSTEM = [
  'You answer questions about a workplace meeting from its transcript only. Each transcript line starts with its segment number in brackets.',
  'List the numbers of the segments the answer is based on. If the transcript does not answer the question, set covered to false, cite nothing and say so briefly.',
  'Cite only segment numbers that appear in the input. Do not use outside knowledge.',
].join(' ');

export interface AnswerRequest {
  artifactId: string;
  question: string;
  meetingDate: Date;
  maxWords?: number;
  segments: Segment[];
}

const NOT_COVERED = 'The meeting did not cover this.';

/**
 * A cited answer; map-reduce over chunks for long transcripts.
 *
 * @example
 * const { answer } = await generativeAnswer(run.models, { artifactId, question, meetingDate, segments });
 */
export async function generativeAnswer(
  models: FeatureModels,
  request: AnswerRequest,
): Promise<{ answer: Answer; provider: string; model: string; usage: { inputTokens: number; outputTokens: number } }> {
  const chunks = chunkSegments(request.segments, chunkBudget(models));
  const header = `Meeting date: ${request.meetingDate.toISOString().slice(0, 10)}\n${request.maxWords ? `Answer in at most ${request.maxWords} words.\n` : ''}Question: ${request.question}\n`;
  const { call: callFor, state } = citingCaller(models, { schemaName: 'meeting_answer', jsonSchema: ANSWER_JSON_SCHEMA, schema: modelAnswer, system: ANSWER_SYSTEM, cited: (value) => value.segments });

  let final: ModelAnswer;
  if (chunks.length <= 1) {
    final = await callFor(`${header}\nTranscript:\n${transcriptLines(request.segments)}`, new Set(request.segments.map((s) => s.index)));
  } else {
    const partials: ModelAnswer[] = [];
    for (const [i, chunk] of chunks.entries()) {
      partials.push(await callFor(`${header}\nPart ${i + 1} of ${chunks.length} of the transcript:\n${transcriptLines(chunk)}`, new Set(chunk.map((s) => s.index))));
    }
    const covered = partials.filter((p) => p.covered);
    if (covered.length === 0) final = { answer: NOT_COVERED, covered: false, segments: [] };
    else if (covered.length === 1) final = covered[0];
    else {
      final = await callFor(
        `${header}\nThese partial answers come from consecutive parts of the meeting, as JSON. Combine them into one answer; cite only segment numbers that appear below.\n\n${covered.map((p) => JSON.stringify(p)).join('\n')}`,
        new Set(covered.flatMap((p) => p.segments)),
      );
    }
  }
  const bySegment = new Map(request.segments.map((s) => [s.index, s]));
  const answer: Answer = final.covered
    ? { answer: final.answer.trim(), covered: true, citations: [...new Set(final.segments)].sort((a, b) => a - b).map((n) => citationOf(bySegment.get(n)!, request.artifactId)) }
    : { answer: final.answer.trim() || NOT_COVERED, covered: false, citations: [] };
  return { answer, ...state };
}

/**
 * Runs the generative implementation unless the built-in engine comes first;
 * when every model fails or answers badly and the built-in engine is allowed,
 * it serves instead and the run records why.
 *
 * @example
 * return withBuiltinFallback(run, () => generative(run), () => builtin(run));
 */
export async function withBuiltinFallback<I, O>(
  run: FeatureRun<I>,
  generative: () => Promise<{ output: O; provider: string; model: string | null; usage?: { inputTokens: number; outputTokens: number } }>,
  builtin: () => O,
): Promise<{ output: O; provider?: string; model?: string | null; usage?: { inputTokens: number; outputTokens: number } }> {
  if (run.models.builtinFirst || run.models.generative.length === 0) return { output: builtin(), provider: 'builtin', model: null };
  try {
    return await generative();
  } catch (error) {
    const code = AppError.isInstance(error) ? error.code : null;
    if (!run.models.builtinAllowed || (code !== 'provider_error' && code !== 'feature_unavailable')) throw error;
    run.models.builtinFallbackReason = `${(error as AppError).message}; served by the built-in engine`;
    return { output: builtin(), provider: 'builtin', model: null };
  }
}
