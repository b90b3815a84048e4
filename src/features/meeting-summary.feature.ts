import { z } from 'zod';
import { featureSpec } from '../core/features.ts';
import type { MeetingSummary } from '../core/outputs.ts';
import { summarizeMeeting } from '../engine/index.ts';
import { TEXT_STYLES } from '../core/outputs.ts';
import type { FeatureDefinition } from './feature.ts';
import { generativeSummary, withBuiltinFallback } from './generative/meeting-model.ts';
import { meetingSummarySchema } from './schemas.ts';
import { summaryCitations } from './summary-citations.ts';

export const meetingSummaryInput = z.object({
  artifactId: z.string().min(1),
  /** Word budget for overview and key points. */
  maxWords: z.number().int().min(5).max(5000).optional(),
  /** How the built-in engine writes: `quotes` (default, as said) or `minutes` (reported speech); a model writes its own prose. */
  style: z.enum(TEXT_STYLES).optional(),
});

export type MeetingSummaryInput = z.infer<typeof meetingSummaryInput>;

export const meetingSummaryFeature: FeatureDefinition<MeetingSummaryInput, MeetingSummary> = {
  spec: featureSpec('meeting.summary')!,
  input: meetingSummaryInput,
  output: meetingSummarySchema,
  artifactIds: (input) => [input.artifactId],
  citations: summaryCitations,
  chunked: true,
  async run(run) {
    const { input, context, models } = run;
    const [{ artifact, segments }] = context;
    const meetingDate = meetingDateOf(artifact);
    let builtin: MeetingSummary | undefined;
    const builtinSummary = () =>
      (builtin ??= summarizeMeeting({
        artifactId: artifact.id,
        segments,
        meetingDate,
        maxWords: input.maxWords,
        style: input.style,
        participants: artifact.participants.map((p) => p.name),
      }));
    return withBuiltinFallback(
      run,
      async () => {
        const { summary, provider, model, usage } = await generativeSummary(
          models,
          { artifactId: artifact.id, title: artifact.title, meetingDate, maxWords: input.maxWords, segments },
          builtinSummary(),
        );
        return { output: summary, provider, model, usage };
      },
      builtinSummary,
    );
  },
};

/** The instant relative dates in a meeting are resolved against. */
export function meetingDateOf(artifact: { startedAt: string | null; createdAt: string }): Date {
  return new Date(artifact.startedAt ?? artifact.createdAt);
}
