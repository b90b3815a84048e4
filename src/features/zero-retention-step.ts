/**
 * Zero data retention in the pipeline (SPEC §8.2). Every stored meeting
 * summary, whatever asked for it (the automatic job, a regeneration, the
 * features API), deletes the transcript, in-meeting chat and shared-screen
 * text it was made from, unless a legal hold covers them. Later runs on that
 * meeting that need the transcript are refused with the reason; runs that
 * only work from stored outputs (task capture from a summary) still go, with
 * citations checked against the speakers and times the stored outputs kept.
 */
import type { Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { Output, Segment } from '../core/types.ts';
import { deleteInputsAfterSummary, ZDR_SETTING } from '../governance/lifecycle/zero-data-retention.ts';
import type { ContextArtifact, FeatureDefinition } from './feature.ts';
import { getFeature } from './registry.ts';

/** The feature whose stored output makes its inputs go under zero data retention. */
const SUMMARY_FEATURE = 'meeting.summary';

/**
 * Before a run: refuses a feature that reads the transcript of a meeting
 * whose transcript was deleted under zero data retention. A feature that
 * needs only citations (`readsTranscript: false`) gets the segments its
 * meeting's stored outputs cite (speaker and times, no text) instead.
 */
export async function checkRetainedInputs(ctx: Ctx, feature: FeatureDefinition<unknown, unknown>, context: ContextArtifact[]): Promise<void> {
  for (const item of context) {
    if (item.segments.length > 0) continue;
    const request = await ctx.store.retention.getRequest(ctx.account.id, 'transcript', item.artifact.id);
    if (!request || request.status !== 'done' || request.reason !== 'zdr') continue;
    if (feature.readsTranscript === false) {
      item.segments = citedSegments(await ctx.store.outputs.listForArtifact(ctx.account.id, item.artifact.id), item.artifact.id);
      continue;
    }
    throw new AppError(
      'conflict',
      `the transcript of ${item.artifact.type} ${item.artifact.id} was deleted on ${request.doneAt ?? request.purgeAfter} under zero data retention (${ZDR_SETTING}); ` +
        `its summary stays readable, but ${feature.spec.id} needs the transcript`,
      { details: { artifactId: item.artifact.id, reason: 'zero_data_retention', deletedAt: request.doneAt } },
    );
  }
}

/** After an output is stored: a meeting summary deletes its inputs at once when the account has zero data retention on. */
export async function afterOutputStored(ctx: Ctx, output: Output): Promise<void> {
  if (output.featureId !== SUMMARY_FEATURE || !output.artifactId) return;
  await deleteInputsAfterSummary(ctx, output.artifactId, output.id);
}

/** The segments the stored outputs of one artifact cite: index, speaker and times, without text. */
function citedSegments(outputs: Output[], artifactId: string): Segment[] {
  const byIndex = new Map<number, Segment>();
  for (const output of outputs) {
    const feature = getFeature(output.featureId);
    if (!feature) continue;
    for (const c of feature.citations(output.payload)) {
      if (c.artifactId === artifactId && !byIndex.has(c.segment)) byIndex.set(c.segment, { index: c.segment, speaker: c.speaker, start: c.start, end: c.end, text: '' });
    }
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}
